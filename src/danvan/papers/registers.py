"""The two registers of a period, in the columns of the official forms: the citizen-reception register
(sổ tiếp công dân, TT 04/2021/TT-TTCP) and the letter register (sổ theo dõi, xử lý đơn, TT 05/2021/TT-TTCP).

The columns follow the registers as offices keep them after the two circulars; the form numbers and the exact
column order are "chưa đối chiếu" with the circulars' annexes (ADR 0024). Names come through the identity gate:
a protected denouncer the reader may not see is the mask and the note, in the page, the Excel and the Word file.
The rows are read through `restrict()` by the caller; here they are only laid out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from danvan.core.choices import ContentKind, Field, choice_labels
from danvan.core.formatting import vn_date, vn_number
from danvan.letters.models import Channel, Handling, Letter, NotQualifyingReason, Outcome
from danvan.papers.models import Paper, PaperKind
from danvan.people import identity
from danvan.reception.models import Handling as VisitHandling
from danvan.reception.models import Occurrence, SessionKind, Visit
from danvan.reports.documents import short_number

# A register prints at most a year (like the reception register's page): a longer one is a report.
MAX_DAYS = 366


@dataclass(frozen=True)
class Register:
    key: str
    title: str
    basis: str
    header: list[str]
    widths: list[int]


RECEPTION = Register(
    "tiep-cong-dan", "Sổ tiếp công dân", "Theo Thông tư 04/2021/TT-TTCP (số mẫu chưa đối chiếu)",
    ["STT", "Họ tên, địa chỉ, số CCCD của công dân", "Ngày tiếp", "Số người", "Nội dung vụ việc", "Phân loại",
     "Lần tiếp", "Hình thức tiếp, cơ quan", "Kết quả xử lý", "Ghi chú"],
    [6, 26, 12, 7, 30, 12, 7, 18, 12, 10])

LETTERS = Register(
    "theo-doi-don", "Sổ theo dõi, xử lý đơn", "Theo Thông tư 05/2021/TT-TTCP (số mẫu chưa đối chiếu)",
    ["STT", "Người viết đơn", "Ngày nhận", "Số đơn", "Nguồn đơn", "Nội dung tóm tắt", "Phân loại",
     "Điều kiện xử lý", "Hướng xử lý", "Giấy tờ đã gửi", "Kết quả giải quyết", "Cơ quan nhận đơn"],
    [8, 18, 15, 14, 11, 28, 12, 14, 16, 21, 14, 15])


def reception_visits(visits: QuerySet[Visit], start: dt.date, end: dt.date) -> QuerySet[Visit]:
    return (visits.active().filter(session__archived_at__isnull=True, date__gte=start, date__lte=end)
            .select_related("session", "session__organisation", "citizen", "subject_area")
            .order_by("date", "session_id", "pk"))


def reception_rows(user, visits) -> list[list[str]]:
    kinds, fields = choice_labels(ContentKind), choice_labels(Field)
    occurrences, handlings, sessions = (choice_labels(Occurrence), choice_labels(VisitHandling),
                                        choice_labels(SessionKind))
    rows = []
    for number, visit in enumerate(visits, 1):
        person = identity.printed(identity.visit_citizen(user, visit, context=f"Sổ tiếp công dân #{visit.pk}"))
        who = person.name + (f"\n{person.residence}" if person.residence and not person.masked else "") + (
            f"\nCCCD: {person.id_text}" if person.id_text else "")
        persons = vn_number(visit.persons) + (f" ({vn_number(visit.representatives)} đại diện)"
                                              if visit.representatives else "")
        summary = visit.summary + (f"\n{visit.subject_area.name}" if visit.subject_area_id else "")
        session = visit.session
        form = sessions.get(session.kind, session.kind) + (" (trực tuyến)" if session.online else "")
        rows.append([str(number), who, vn_date(visit.date), persons, summary,
                     f"{kinds.get(visit.content_kind, '')}, {fields.get(visit.field, '')}",
                     occurrences.get(visit.occurrence, ""), f"{form}\n{session.organisation.name}",
                     handlings.get(visit.handling, ""), visit.notes])
    return rows


def register_letters(letters: QuerySet[Letter], start: dt.date, end: dt.date) -> QuerySet[Letter]:
    return (letters.active().filter(received_on__gte=start, received_on__lte=end)
            .select_related("organisation").order_by("received_on", "pk"))


def letter_rows(user, letters) -> list[list[str]]:
    letters = list(letters)
    names = identity.letters_petitioner_names(user, letters, context="Sổ theo dõi, xử lý đơn")
    kinds, fields, channels = choice_labels(ContentKind), choice_labels(Field), choice_labels(Channel)
    handlings, reasons, outcomes = (choice_labels(Handling), choice_labels(NotQualifyingReason),
                                    choice_labels(Outcome))
    paper_kinds = choice_labels(PaperKind)
    papers: dict[int, list[str]] = {}
    for paper in (Paper.objects.filter(letter_id__in=[letter.pk for letter in letters], archived_at__isnull=True)
                  .only("letter_id", "kind", "number_text", "issued_on", "sent_on").order_by("issued_on", "pk")):
        sent = f", gửi {vn_date(paper.sent_on)}" if paper.sent_on else ", chưa gửi"
        papers.setdefault(paper.letter_id, []).append(
            f"{paper_kinds.get(paper.kind, '')} {short_number(paper.number_text)} ({vn_date(paper.issued_on)}{sent})")
    rows = []
    for number, letter in enumerate(letters, 1):
        writers = ", ".join(names.get(letter.pk, [])) or ("Đơn nặc danh" if letter.anonymous else "")
        source = channels.get(letter.channel, "") + (f": {letter.forwarded_by_body}" if letter.forwarded_by_body
                                                     else "")
        if letter.qualifying is None:
            condition = "Chưa phân loại"
        elif letter.qualifying:
            condition = "Đủ điều kiện" + (", thuộc thẩm quyền" if letter.within_jurisdiction else
                                         ", không thuộc thẩm quyền" if letter.within_jurisdiction is False else "")
        else:
            condition = "Không đủ điều kiện: " + reasons.get(letter.not_qualifying_reason, "")
        handling = ""
        if letter.handling:
            handling = handlings.get(letter.handling, "") + (f" ({vn_date(letter.decided_on)})"
                                                             if letter.decided_on else "")
            if letter.forwarded_to:
                handling += f": {letter.forwarded_to}"
        result = ""
        if letter.resolved_on:
            result = f"{outcomes.get(letter.outcome, '')} ({vn_date(letter.resolved_on)})"
        rows.append([str(number), writers, vn_date(letter.received_on), letter.code, source, letter.summary,
                     f"{kinds.get(letter.content_kind, '')}, {fields.get(letter.field, '')}", condition, handling,
                     "\n".join(papers.get(letter.pk, [])), result, letter.organisation.name])
    return rows
