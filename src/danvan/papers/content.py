"""The words of each paper, filled from the record: one `PaperText` that both the Word file and the printable
page lay out, so the two never say different things. Names and addresses come from the identity gate
(`people.identity.addressees`), never from the citizen record."""

from __future__ import annotations

from dataclasses import dataclass, field

from danvan.core.formatting import vn_date, vn_long_date
from danvan.letters.models import Letter
from danvan.papers.kinds import KIND_NAMES, SPECS, subject
from danvan.papers.models import Paper, PaperKind
from danvan.people.identity import PrintedPerson
from danvan.reports.documents.docx import header_names, place_name


@dataclass(frozen=True)
class PaperText:
    issuer: str
    superior: str
    number_text: str
    place_date: str
    title: str
    subject: str
    addressed_to: str  # "Kính gửi: …", or ""
    paragraphs: list[str]
    recipients: list[str] = field(default_factory=list)  # "Nơi nhận"
    signer_lines: list[str] = field(default_factory=list)
    signer_name: str = ""
    left_signature: str = ""  # a receipt is signed by both sides: the citizen on the left
    form_reference: str = ""


def _people(people: list[PrintedPerson]) -> str:
    return "; ".join(f"ông (bà) {p.name}" + (f", địa chỉ: {p.residence}" if p.residence else "") for p in people)


def _names(people: list[PrintedPerson]) -> str:
    return ", ".join(f"ông (bà) {p.name}" for p in people)


def compose(paper: Paper, people: list[PrintedPerson]) -> PaperText:
    spec = SPECS[paper.kind]
    organisation = paper.organisation
    superior, issuer = header_names(organisation)
    record = paper.record
    letter = record if isinstance(record, Letter) else None
    content_kind = record.content_kind
    noun = KIND_NAMES.get(content_kind, "")
    body = organisation.name
    who = _people(people) or "người gửi đơn"
    summary = (letter.summary if letter else record.summary).strip().rstrip(".")
    received = (f"Ngày {vn_date(letter.received_on)}, {body} nhận được đơn {noun} của {who}"
                if letter else f"Ngày {vn_date(record.date)}, {body} tiếp {who}")
    paragraphs: list[str] = []
    addressed_to = f"Kính gửi: {_names(people)}" if people else ""
    recipients = [f"{_names(people)}"] if people else []
    left_signature = ""
    kind = paper.kind
    if kind == PaperKind.RECEIPT:
        addressed_to = ""
        paragraphs = [f"{received}.", f"Nội dung: {summary}."]
        documents = [line.strip() for line in paper.documents.splitlines() if line.strip()]
        if documents:
            paragraphs.append("Các thông tin, tài liệu, bằng chứng đã nhận gồm:")
            paragraphs += [f"{n}. {line}" for n, line in enumerate(documents, 1)]
        else:
            paragraphs.append("Thông tin, tài liệu, bằng chứng kèm theo: không có.")
        paragraphs.append("Giấy biên nhận được lập thành 02 bản, người nộp giữ 01 bản, cơ quan tiếp nhận giữ 01 bản.")
        left_signature = "NGƯỜI NỘP"
        recipients = []
    elif kind == PaperKind.APPOINTMENT:
        paragraphs = [f"{received}.", f"Nội dung: {summary}.",
                      f"{body} hẹn {_names(people)} đến làm việc vào ngày {vn_date(paper.appointment_on)}"
                      + (f" tại {paper.appointment_place}" if paper.appointment_place else "") + "."]
        if paper.note:
            paragraphs.append(paper.note)
        paragraphs.append("Khi đến, đề nghị mang theo phiếu hẹn này và giấy tờ tùy thân.")
    elif kind == PaperKind.ACCEPTANCE:
        basis = ("Căn cứ Điều 27 Luật Khiếu nại năm 2011" if content_kind == "complaint"
                 else "Căn cứ Điều 29 Luật Tố cáo năm 2018")
        paragraphs = [f"{received}.", f"Nội dung: {summary}.",
                      f"{basis}, {body} thông báo: đơn đủ điều kiện thụ lý, đã thụ lý giải quyết từ ngày "
                      f"{vn_date(letter.accepted_on)}."]
        if letter.resolution_deadline:
            paragraphs.append(f"Thời hạn giải quyết theo quy định: đến ngày {vn_date(letter.resolution_deadline)}"
                              + (f" ({letter.resolution_rule})." if letter.resolution_rule else "."))
        if paper.note:
            paragraphs.append(paper.note)
    elif kind == PaperKind.NON_ACCEPTANCE:
        basis = ("Căn cứ Điều 27 Luật Khiếu nại năm 2011" if content_kind == "complaint"
                 else "Căn cứ Điều 29 Luật Tố cáo năm 2018")
        paragraphs = [f"{received}.", f"Nội dung: {summary}.",
                      f"{basis}, {body} thông báo: không thụ lý giải quyết đơn nêu trên.",
                      f"Lý do: {paper.refusal_reason.strip().rstrip('.')}."]
        if paper.note:
            paragraphs.append(paper.note)
    elif kind == PaperKind.FORWARDING:
        addressed_to = f"Kính gửi: {paper.recipient}"
        # The forwarding slip goes to the competent body with the letter; a denouncer is not copied on it
        # (Luật Tố cáo 2018 Điều 24 khoản 2: the denouncer gets his own notice, "Thông báo việc chuyển đơn").
        paragraphs = [f"{received}.", f"Nội dung: {summary}.",
                      f"Căn cứ Luật Tiếp công dân năm 2013, Luật Khiếu nại năm 2011, Luật Tố cáo năm 2018 và Thông tư "
                      f"số 05/2021/TT-TTCP, {body} chuyển đơn nêu trên đến {paper.recipient} để xem xét, giải quyết "
                      f"theo thẩm quyền.",
                      f"Đề nghị {paper.recipient} thông báo kết quả cho {body} biết."]
        if paper.note:
            paragraphs.append(paper.note)
        recipients = ["Như trên"] + ([] if content_kind in ("denunciation", "several") else
                                     [f"{_names(people)} (để biết)"] if people else [])
    elif kind == PaperKind.GUIDANCE:
        paragraphs = [f"{received}.", f"Nội dung: {summary}.",
                      f"Nội dung nêu trên không thuộc thẩm quyền giải quyết của {body}. Đề nghị {_names(people)} "
                      f"gửi đơn đến {paper.recipient} để được xem xét, giải quyết theo quy định của pháp luật."]
        if paper.note:
            paragraphs.append(paper.note)
    elif kind == PaperKind.FORWARD_NOTICE:
        paragraphs = [f"{received}.", f"Nội dung: {summary}.",
                      f"Căn cứ khoản 2 Điều 24 Luật Tố cáo năm 2018, {body} thông báo: nội dung tố cáo không thuộc "
                      f"thẩm quyền giải quyết, đã được chuyển đến {paper.recipient} để giải quyết theo thẩm quyền."]
        if paper.note:
            paragraphs.append(paper.note)
    signer_lines = [line.strip().upper() for line in paper.signer_title.splitlines() if line.strip()]
    if not signer_lines and not left_signature:
        signer_lines = ["THỦ TRƯỞNG CƠ QUAN"]
    if left_signature:
        signer_lines = signer_lines or ["NGƯỜI NHẬN"]
    return PaperText(
        issuer=issuer, superior=superior, number_text=paper.number_text,
        place_date=f"{place_name(organisation)}, {vn_long_date(paper.issued_on)}",
        title=spec.title, subject=subject(kind, content_kind), addressed_to=addressed_to, paragraphs=paragraphs,
        recipients=recipients, signer_lines=signer_lines, signer_name=paper.signer_name,
        left_signature=left_signature, form_reference=spec.form_reference)
