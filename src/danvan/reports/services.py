"""Writes of the reports app: entered aggregates and document numbers. Every write is audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import services as audited
from danvan.core.formatting import vn_number
from danvan.reports.models import (
    DocumentFormat,
    DocumentSequence,
    EnteredValue,
    Indicator,
    IssuedDocument,
    Numbering,
    ReportDocument,
    ReportSettings,
    ReportStatus,
    ValidationRule,
    disaggregation_choices,
)
from danvan.reports.periods import Period, parse_period, up_to
from danvan.units.models import Area, DocumentStyle, Organisation

if TYPE_CHECKING:
    from danvan.accounts.models import User


@dataclass(frozen=True)
class EntryLine:
    """One row of the bulk entry form: an indicator (and breakdown key) and its value, None = blank."""

    indicator: Indicator
    key: str
    value: int | None

    @property
    def label(self) -> str:
        if not self.key:
            return self.indicator.name
        labels = dict(disaggregation_choices(self.indicator.disaggregation))
        return f"{self.indicator.name} – {labels.get(self.key, self.key)}"


def entry_lines(indicators: list[Indicator]) -> list[tuple[Indicator, str]]:
    """The (indicator, key) rows a unit can enter: sums only; disaggregated indicators per key."""
    lines = []
    for indicator in indicators:
        if indicator.is_ratio:
            continue
        keys = [key for key, _label in disaggregation_choices(indicator.disaggregation)] or [""]
        lines += [(indicator, key) for key in keys]
    return lines


def _totals(lines: list[EntryLine], existing: dict[tuple[int, str], EnteredValue]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for line in lines:
        if line.value is not None:
            totals[line.indicator.code] = totals.get(line.indicator.code, 0) + line.value
    for (indicator_id, key), row in existing.items():
        if not any(line.indicator.pk == indicator_id and line.key == key for line in lines):
            totals[row.indicator.code] = totals.get(row.indicator.code, 0) + row.value
    return totals


@transaction.atomic
def enter_values(actor: User | None, organisation: Organisation, period: Period, lines: list[EntryLine]) -> int:
    """Save a unit's aggregates for a period: create, change or (blank) archive each row, all or nothing.

    The validation rules (e.g. resolved ≤ within jurisdiction, persons ≥ visits) are checked on the
    resulting figures of the unit; a breach names the rule and changes nothing. Returns rows changed.
    """
    if actor is not None and not actor.can_record:
        raise PermissionDenied(_("Tài khoản chỉ có quyền xem."))
    if actor is not None and not actor.is_superuser and not Organisation.objects.restrict(actor).filter(
            pk=organisation.pk).exists():
        raise PermissionDenied(_("Đơn vị nằm ngoài phạm vi của tài khoản."))
    errors = {}
    for line in lines:
        if line.value is not None and line.value < 0:
            errors[f"{line.indicator.code}:{line.key}"] = _("%(row)s: giá trị phải là số không âm.") % {
                "row": line.label}
        if line.indicator.is_ratio:
            errors[f"{line.indicator.code}:{line.key}"] = _("%(row)s: chỉ tiêu tỷ lệ được tính, không nhập.") % {
                "row": line.label}
    if errors:
        raise ValidationError(errors)

    existing = {
        (row.indicator_id, row.disaggregation_key): row
        for row in EnteredValue.objects.select_for_update().filter(
            organisation=organisation, period_start=period.start, period_end=period.end, archived_at__isnull=True,
        ).select_related("indicator")
    }
    totals = _totals(lines, existing)
    for rule in ValidationRule.objects.filter(archived_at__isnull=True).select_related("left", "right"):
        if rule.left.code in totals and rule.right.code in totals:
            left, right = totals[rule.left.code], totals[rule.right.code]
            if not rule.holds(left, right):
                errors[rule.left.code] = _("%(rule)s (%(left)s: %(lv)s; %(right)s: %(rv)s).") % {
                    "rule": rule.message, "left": rule.left.name, "lv": vn_number(left),
                    "right": rule.right.name, "rv": vn_number(right)}
    if errors:
        raise ValidationError(errors)

    changed = 0
    reason = _("Nhập số liệu %(period)s") % {"period": period.label}
    for line in lines:
        row = existing.get((line.indicator.pk, line.key))
        if line.value is None:
            if row is not None:
                audited.archive(row, actor, reason=_("Xóa số liệu đã nhập (%(period)s)") % {"period": period.label})
                changed += 1
        elif row is None:
            audited.create(EnteredValue, actor, reason=reason, organisation=organisation, indicator=line.indicator,
                           period_start=period.start, period_end=period.end, disaggregation_key=line.key,
                           value=line.value, entered_by=actor)
            changed += 1
        elif row.value != line.value:
            audited.update(row, actor, reason=reason, value=line.value, entered_by=actor)
            changed += 1
    return changed


def document_format(style: str) -> DocumentFormat:
    found = DocumentFormat.objects.filter(style=style, in_use=True, archived_at__isnull=True).first()
    if found is None:
        raise ValidationError({"document_style": _("Chưa có thể thức văn bản đang áp dụng cho loại này.")})
    return found


def _sequence_key(sequence: DocumentSequence, on: dt.date) -> str:
    if sequence.numbering == Numbering.YEARLY:
        return str(on.year)  # NĐ 30/2020/NĐ-CP Điều 15: numbering restarts on 01/01.
    return sequence.term_start.isoformat() if sequence.term_start else "term"


@transaction.atomic
def next_document_number(actor: User | None, organisation: Organisation, document_type: str, on: dt.date) -> tuple[
        DocumentSequence, int]:
    """Take the next number of `organisation`'s register for `document_type`.

    State documents restart every year; Party documents run per type across the committee's term
    (HD 36-HD/VPTW), whose start date is a setting of the sequence.
    """
    party = organisation.document_style == DocumentStyle.PARTY
    sequence = DocumentSequence.objects.select_for_update().filter(
        organisation=organisation, document_type=document_type).first()
    if sequence is None:
        term_start = None
        if party:
            default = document_format(DocumentStyle.PARTY).params.get("default_term_start")
            term_start = dt.date.fromisoformat(default) if default else None
        # Not `audited.create`: it expects every model with an organisation to have an area too; the
        # history row (who, why) is written the same way.
        sequence = DocumentSequence(organisation=organisation, document_type=document_type,
                                    numbering=Numbering.TERM if party else Numbering.YEARLY, term_start=term_start)
        sequence.full_clean()
        sequence._history_user = actor
        sequence._change_reason = _("Mở sổ đăng ký số văn bản")
        sequence.save()
    key = _sequence_key(sequence, on)
    number = 1 if sequence.current_key != key else sequence.last_number + 1
    sequence.current_key, sequence.last_number = key, number
    sequence._history_user = actor
    sequence._change_reason = _("Cấp số văn bản")
    sequence.save()
    return sequence, number


def number_text(fmt: DocumentFormat, organisation: Organisation, document_type: str, number: int | None) -> str:
    """"Số: 12/BC-UBND" (NĐ 30/2020) or "Số 24-BC/BTGDVTU" (HD 36); a draft leaves the number blank."""
    spec = fmt.params["number"]
    shown = f"{number:02d}" if number is not None else spec.get("blank", "    ")
    return spec["pattern"].format(number=shown, type=document_type, issuer=organisation.short_name or "")


@transaction.atomic
def register_document(actor: User | None, organisation: Organisation, *, report_area: Area, period: Period,
                      subject: str, on: dt.date, document_type: str = "BC") -> IssuedDocument:
    """Take the next number of `organisation`'s register and enter the document in it (issuing only)."""
    fmt = document_format(organisation.document_style)
    sequence, number = next_document_number(actor, organisation, document_type, on)
    return audited.create(
        IssuedDocument, actor, reason=_("Ban hành báo cáo"), organisation=organisation,
        sequence=sequence, number=number, number_text=number_text(fmt, organisation, document_type, number),
        issued_on=on, subject=subject[:300], report_area=report_area, period_code=period.code,
        cutoff=str(period.cutoff),
    )


# --- Drafts and issued reports ---------------------------------------------------------------------------

AUTHORED = ("strengths", "limitations", "directions", "recommendations")
SIGNATURE = ("authority", "authority_of", "signer_title", "signer_name", "recipients")


def report_settings(organisation: Organisation) -> ReportSettings:
    """The issuing body's signature and recipients (unsaved defaults when it has none yet)."""
    found = ReportSettings.objects.filter(organisation=organisation, archived_at__isnull=True).first()
    return found or ReportSettings(organisation=organisation)


def may_edit_report_settings(actor: User | None, organisation: Organisation) -> bool:
    """A head or an administrator of the issuing body itself (a superuser anywhere) sets who signs its reports."""
    if actor is None or actor.is_superuser:
        return True
    return actor.organisation_id == organisation.pk and (actor.can_approve or actor.can_administer)


def signature_errors(values: dict[str, str]) -> dict[str, str]:
    """Vietnamese errors naming the field, for a signature that an office could not print (NĐ 30/2020/NĐ-CP
    Điều 13; HD 36-HD/VPTW): who signs, their title, and for whom when signing TM./KT./Q./TL."""
    errors = {}
    if not (values.get("signer_name") or "").strip():
        errors["signer_name"] = _("Họ và tên người ký: cần nhập, ví dụ Nông Thị Hoa.")
    if not (values.get("signer_title") or "").strip():
        errors["signer_title"] = _("Chức vụ người ký: cần nhập, ví dụ PHÓ TRƯỞNG BAN.")
    if values.get("authority") and not (values.get("authority_of") or "").strip():
        errors["authority_of"] = _("Thay mặt, ký thay cho: cần ghi khi ký TM., KT., Q. hoặc TL., ví dụ BAN THƯỜNG VỤ.")
    lines = [line for line in (values.get("recipients") or "").splitlines() if line.strip()]
    if any(len(line.strip()) > 200 for line in lines):
        errors["recipients"] = _("Nơi nhận: mỗi dòng một nơi nhận, không quá 200 ký tự.")
    return errors


@transaction.atomic
def save_report_settings(actor: User | None, organisation: Organisation, **values: str) -> ReportSettings:
    """Set who signs `organisation`'s reports and who receives them: the defaults of its next drafts. A head or
    an administrator of the body only; audited; a signature an office could not print changes nothing."""
    if not may_edit_report_settings(actor, organisation):
        raise PermissionDenied(_("Chỉ lãnh đạo hoặc quản trị của cơ quan được sửa người ký và nơi nhận."))
    unknown = set(values) - set(SIGNATURE)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    values = {name: (value or "").strip() for name, value in values.items()}
    errors = signature_errors(values)
    if errors:
        raise ValidationError(errors)
    found = ReportSettings.objects.select_for_update().filter(organisation=organisation).first()
    reason = _("Sửa người ký, nơi nhận báo cáo")
    if found is None:
        return audited.create(ReportSettings, actor, reason=reason, organisation=organisation, **values)
    return audited.update(found, actor, reason=reason, archived_at=None, archive_reason="", **values)


def document_period(document: ReportDocument) -> Period:
    period = parse_period(document.period_code, document.cutoff)
    return up_to(period, document.data_until) if document.data_until else period


@transaction.atomic
def create_draft(actor: User | None, organisation: Organisation, *, report_area: Area, period: Period,
                 replaces: ReportDocument | None = None) -> ReportDocument:
    """A new draft of `organisation`'s report: the signature and recipients from its settings, and the texts
    of sections II–IV from its latest report, as starting text (or from the report it corrects)."""
    if actor is not None and not actor.can_record:
        raise PermissionDenied(_("Tài khoản chỉ có quyền xem."))
    settings = report_settings(organisation)
    values = {name: getattr(settings, name) for name in SIGNATURE}
    previous = replaces or ReportDocument.objects.filter(organisation=organisation, archived_at__isnull=True).first()
    if previous is not None:
        values |= {name: getattr(previous, name) for name in AUTHORED}
        # A correction keeps its signature; a body without settings keeps its last report's.
        if replaces is not None or settings.pk is None:
            values |= {name: getattr(previous, name) for name in SIGNATURE}
    return audited.create(
        ReportDocument, actor, reason=_("Lập dự thảo báo cáo"), organisation=organisation, report_area=report_area,
        period_code=period.code, cutoff=str(period.cutoff), data_until=period.end if period.to_date else None,
        replaces=replaces, **values)


def save_draft(actor: User | None, document: ReportDocument, **changes: str) -> ReportDocument:
    """Save what the secretary wrote (sections II–IV, signature, recipients); an issued report is frozen."""
    if not document.is_draft:
        raise ValidationError({"status": _("Báo cáo đã ban hành không sửa được; hãy lập báo cáo thay thế.")})
    unknown = set(changes) - set(AUTHORED) - set(SIGNATURE)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    return audited.update(document, actor, reason=_("Sửa dự thảo báo cáo"), **changes)


@transaction.atomic
def issue_report(actor: User | None, document: ReportDocument, *, on: dt.date) -> ReportDocument:
    """A head issues the draft: numbered from the register, dated, and frozen — the Word file is built once
    and stored, so re-downloading gives the same bytes whatever data is corrected later."""
    from danvan.reports.documents import Authoring, word_document
    from danvan.reports.documents.docx import subject
    from danvan.reports.rollup import build_report

    if actor is not None and not actor.can_approve:
        raise PermissionDenied(_("Chỉ lãnh đạo cơ quan được ban hành báo cáo."))
    document = ReportDocument.objects.select_for_update().get(pk=document.pk)
    if not document.is_draft:
        raise ValidationError({"status": _("Báo cáo này đã được ban hành.")})
    missing = [str(ReportDocument._meta.get_field(name).verbose_name) for name in (*AUTHORED, "signer_name")
               if not getattr(document, name).strip()]
    if missing:
        raise ValidationError({"status": _("Cần viết đủ trước khi ban hành: %(fields)s.") % {
            "fields": ", ".join(missing)}})
    period = document_period(document)
    report = build_report(document.report_area, period, as_of=on)
    organisation = document.organisation
    issued = register_document(actor, organisation, report_area=document.report_area, period=period,
                               subject=subject(report), on=on)
    generated = word_document(organisation, report, on, Authoring.of(document, draft=False), issued.number_text)
    return audited.update(document, actor, reason=_("Ban hành báo cáo %(number)s") % {"number": issued.number_text},
                          status=ReportStatus.ISSUED, issued=issued, issued_on=on, issued_file=generated.content)


def draft_file(document: ReportDocument, on: dt.date):
    """The Word file of a report: a draft is built from today's data; an issued report is the stored file."""
    import re

    from danvan.reports.documents import DOCX, Authoring, GeneratedFile, word_document
    from danvan.reports.rollup import build_report

    if not document.is_draft:
        period = re.sub(r"[^0-9A-Za-z]+", "-", document.period_code).strip("-")
        name = f"bao-cao-so-{document.issued.number}-{document.report_area.code}-{period}.docx"
        return GeneratedFile(name, bytes(document.issued_file), DOCX, document.issued.number_text)
    report = build_report(document.report_area, document_period(document), as_of=on)
    return word_document(document.organisation, report, on, Authoring.of(document, draft=True))
