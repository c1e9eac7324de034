"""What each paper is: its title, the circular whose form it follows, its register symbol, and when it applies.

Sources (ADR 0024):
- TT 04/2021/TT-TTCP (quy trình tiếp công dân): the receipt of documents given at the desk, the appointment
  slip, the guidance of the citizen, the citizen-reception register;
- TT 05/2021/TT-TTCP (quy trình xử lý đơn): forwarding slips, guidance, notices of (non-)acceptance, the letter
  register; Luật Khiếu nại 2011 Điều 27 (accept or refuse in writing, with the reason), Luật Tố cáo 2018 Điều 24
  khoản 2 (forward and tell the denouncer within 5 working days), Điều 29 (notify the acceptance).

The form numbers ("Mẫu số …") of the two circulars' annexes could not be checked against the circulars' text
here: `form_number` stays empty and every paper says "số mẫu chưa đối chiếu" until someone checks it (an edit
of this table, not of the code that prints). The register symbols follow NĐ 30/2020/NĐ-CP Phụ lục III where it
has one (TB thông báo, PC phiếu chuyển, HD hướng dẫn, GBN giấy biên nhận hồ sơ); "PH" for the appointment slip
is ours (chưa đối chiếu).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from danvan.core.choices import ContentKind
from danvan.papers.models import PaperKind

UNCHECKED = _("số mẫu chưa đối chiếu")


@dataclass(frozen=True)
class KindSpec:
    kind: str
    title: str  # printed in capitals
    circular: str
    document_type: str  # the register's symbol, e.g. "TB" in "Số: 12/TB-UBND"
    form_number: str = ""  # "" = chưa đối chiếu
    needs_recipient: bool = False
    needs_reason: bool = False
    needs_appointment: bool = False
    for_visit: bool = False  # also issued from a visit at the reception desk

    @property
    def form_reference(self) -> str:
        number = self.form_number or str(UNCHECKED)
        return f"{self.circular} ({number})"


SPECS: dict[str, KindSpec] = {spec.kind: spec for spec in (
    KindSpec(PaperKind.RECEIPT, "GIẤY BIÊN NHẬN", "TT 04/2021/TT-TTCP", "GBN", for_visit=True),
    KindSpec(PaperKind.APPOINTMENT, "PHIẾU HẸN", "TT 04/2021/TT-TTCP", "PH", needs_appointment=True, for_visit=True),
    KindSpec(PaperKind.ACCEPTANCE, "THÔNG BÁO", "TT 05/2021/TT-TTCP", "TB"),
    KindSpec(PaperKind.NON_ACCEPTANCE, "THÔNG BÁO", "TT 05/2021/TT-TTCP", "TB", needs_reason=True),
    KindSpec(PaperKind.FORWARDING, "PHIẾU CHUYỂN ĐƠN", "TT 05/2021/TT-TTCP", "PC", needs_recipient=True),
    KindSpec(PaperKind.GUIDANCE, "PHIẾU HƯỚNG DẪN", "TT 04/2021/TT-TTCP, TT 05/2021/TT-TTCP", "HD",
             needs_recipient=True, for_visit=True),
    KindSpec(PaperKind.FORWARD_NOTICE, "THÔNG BÁO", "TT 05/2021/TT-TTCP", "TB", needs_recipient=True),
)}

KIND_NAMES = {
    ContentKind.COMPLAINT: "khiếu nại",
    ContentKind.DENUNCIATION: "tố cáo",
    ContentKind.RECOMMENDATION: "kiến nghị, phản ánh",
    ContentKind.SEVERAL: "khiếu nại, tố cáo, kiến nghị, phản ánh",
}


def subject(kind: str, content_kind: str) -> str:
    """The "V/v" line under the title."""
    noun = KIND_NAMES.get(content_kind, "")
    return {
        PaperKind.RECEIPT: "Về việc tiếp nhận đơn, thông tin, tài liệu, bằng chứng",
        PaperKind.APPOINTMENT: "Về việc hẹn làm việc với công dân",
        PaperKind.ACCEPTANCE: f"Về việc thụ lý giải quyết {noun}",
        PaperKind.NON_ACCEPTANCE: f"Về việc không thụ lý giải quyết {noun}",
        PaperKind.FORWARDING: f"Về việc chuyển đơn {noun}",
        PaperKind.GUIDANCE: f"Về việc hướng dẫn gửi đơn {noun}",
        PaperKind.FORWARD_NOTICE: "Về việc chuyển đơn tố cáo",
    }[kind]


def letter_kinds(letter) -> dict[str, str]:
    """Each paper kind with "" if it may be issued for `letter` now, or the Vietnamese reason it may not."""
    reasons = {kind: "" for kind in SPECS}
    if not letter.accepted_on:
        reasons[PaperKind.ACCEPTANCE] = str(_("Đơn chưa được thụ lý."))
    if letter.content_kind not in (ContentKind.COMPLAINT, ContentKind.DENUNCIATION, ContentKind.SEVERAL):
        reasons[PaperKind.ACCEPTANCE] = reasons[PaperKind.NON_ACCEPTANCE] = str(
            _("Chỉ đơn khiếu nại, tố cáo mới thông báo việc thụ lý."))
    if letter.content_kind != ContentKind.DENUNCIATION:
        reasons[PaperKind.FORWARD_NOTICE] = str(_("Chỉ áp dụng cho đơn tố cáo."))
    if letter.anonymous:
        # Nobody to send a paper to: an anonymous letter is not answered (Luật Tố cáo 2018 Điều 25).
        for kind in (PaperKind.RECEIPT, PaperKind.APPOINTMENT, PaperKind.ACCEPTANCE, PaperKind.NON_ACCEPTANCE,
                     PaperKind.GUIDANCE, PaperKind.FORWARD_NOTICE):
            reasons[kind] = str(_("Đơn nặc danh: không có người nhận."))
    return reasons


def visit_kinds() -> list[str]:
    return [kind for kind, spec in SPECS.items() if spec.for_visit]
