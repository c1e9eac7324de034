"""Writes of the papers app: issue a paper (numbered in the issuing body's register) and record it as sent.

Every write goes through `core.services` (validated, in a transaction, with a history row naming who and
why); nothing is deleted, a wrong paper is archived with its reason (ADR 0003, 0024).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import services as audited
from danvan.letters.models import Letter
from danvan.papers.kinds import SPECS, letter_kinds, visit_kinds
from danvan.papers.models import Paper, PaperKind, SendChannel
from danvan.people import identity
from danvan.reports.services import document_format, next_document_number, number_text

if TYPE_CHECKING:
    from danvan.accounts.models import User
    from danvan.reception.models import Visit
    from danvan.units.models import Organisation


def _record_date(record) -> dt.date:
    return record.received_on if isinstance(record, Letter) else record.date


def _check_kind(record, kind: str) -> None:
    if kind not in SPECS:
        raise ValidationError({"kind": _("Loại giấy tờ không hợp lệ.")})
    if isinstance(record, Letter):
        refusal = letter_kinds(record)[kind]
        if refusal:
            raise ValidationError({"kind": refusal})
    elif kind not in visit_kinds():
        raise ValidationError({"kind": _("Loại giấy tờ này không lập từ lượt tiếp công dân.")})


def check_may_print(actor: User | None, record) -> None:
    """A paper names the citizen: only someone the identity gate lets see every person on it may produce it."""
    if not identity.may_print(actor, record):
        raise PermissionDenied(_("Giấy tờ này ghi danh tính người tố cáo được bảo vệ: chỉ lãnh đạo, người được "
                                 "giao xử lý hoặc người đã tiếp nhận mới được lập và in (Luật Tố cáo 2018 Điều 8, "
                                 "Điều 47)."))


@transaction.atomic
def issue_paper(actor: User | None, record: Letter | Visit, kind: str, *, issued_on: dt.date,
                recipient_organisation: Organisation | None = None, recipient_text: str = "",
                refusal_reason: str = "",
                documents: str = "", appointment_on: dt.date | None = None, appointment_place: str = "",
                note: str = "", signer_title: str = "", signer_name: str = "") -> Paper:
    """Issue one paper about `record` (a letter or a visit): take the next number of the record's body's
    register for the paper's symbol, and keep the paper. Errors name the field, in Vietnamese."""
    _check_kind(record, kind)
    spec = SPECS[kind]
    errors: dict[str, str] = {}
    recipient_text = recipient_text.strip()
    if spec.needs_recipient and recipient_organisation is None and not recipient_text:
        errors["recipient_organisation"] = _("Chọn cơ quan nhận trong danh mục hoặc ghi tên cơ quan ngoài danh mục.")
    if recipient_organisation is not None and recipient_text:
        errors["recipient_text"] = _("Chỉ chọn cơ quan trong danh mục hoặc ghi tên cơ quan ngoài danh mục, "
                                     "không cả hai.")
    if spec.needs_reason and not refusal_reason.strip():
        errors["refusal_reason"] = _("Cần ghi rõ lý do không thụ lý (Luật Khiếu nại 2011 Điều 27).")
    if spec.needs_appointment and appointment_on is None:
        errors["appointment_on"] = _("Cần ghi ngày hẹn.")
    if spec.needs_appointment and appointment_on is not None and appointment_on < issued_on:
        errors["appointment_on"] = _("Ngày hẹn không được trước ngày lập phiếu hẹn.")
    if issued_on < _record_date(record):
        errors["issued_on"] = _("Ngày lập giấy tờ không được trước ngày nhận đơn, ngày tiếp công dân.")
    if issued_on > timezone.localdate():
        errors["issued_on"] = _("Ngày lập giấy tờ không được sau ngày hôm nay.")
    if errors:
        raise ValidationError(errors)
    audited.check_can_change(actor, record)
    check_may_print(actor, record)
    organisation = record.organisation
    fmt = document_format(organisation.document_style)
    sequence, number = next_document_number(actor, organisation, spec.document_type, issued_on)
    letter = record if isinstance(record, Letter) else None
    return audited.create(
        Paper, actor, reason=_("Lập %(kind)s") % {"kind": PaperKind(kind).label},
        organisation=organisation, kind=kind, letter=letter, visit=None if letter else record,
        sequence=sequence, number=number, number_text=number_text(fmt, organisation, spec.document_type, number),
        issued_on=issued_on, issued_by=actor, recipient_organisation=recipient_organisation,
        recipient_text=recipient_text, refusal_reason=refusal_reason.strip(), documents=documents.strip(),
        appointment_on=appointment_on, appointment_place=appointment_place.strip(), note=note.strip(),
        signer_title=signer_title.strip(), signer_name=signer_name.strip())


@transaction.atomic
def record_sent(actor: User | None, paper: Paper, *, sent_on: dt.date, channel: str, note: str = "") -> Paper:
    """Record that `paper` was handed or sent to its addressee: the matching notice deadline is then done."""
    errors = {}
    if channel not in SendChannel.values:
        errors["channel"] = _("Chọn hình thức gửi.")
    if sent_on < paper.issued_on:
        errors["sent_on"] = _("Ngày gửi không được trước ngày lập giấy tờ (%(date)s).") % {
            "date": paper.issued_on.strftime("%d/%m/%Y")}
    elif sent_on > timezone.localdate():
        errors["sent_on"] = _("Ngày gửi không được sau ngày hôm nay.")
    if paper.archived_at is not None:
        errors["sent_on"] = _("Giấy tờ đã lưu trữ, không ghi nhận gửi được.")
    if errors:
        raise ValidationError(errors)
    return audited.update(paper, actor, reason=_("Ghi nhận đã gửi"), sent_on=sent_on, sent_channel=channel,
                          sent_note=note.strip(), sent_by=actor)


def archive_paper(actor: User | None, paper: Paper, *, reason: str) -> Paper:
    """A paper issued in error is archived with its reason; its number stays used (the register has no gaps)."""
    return audited.archive(paper, actor, reason=reason)


__all__ = ["issue_paper", "record_sent", "archive_paper", "check_may_print", "PaperKind"]
