"""Every change of hot spots, alerts and situation reports: typed, transactional, audited (core.services)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import services as core
from danvan.core.formatting import vn_date
from danvan.core.models import Action
from danvan.hotspots import alerts as rules
from danvan.hotspots.models import (
    FIELD_FROM_RECORD,
    Alert,
    AlertRule,
    AlertRun,
    AlertStatus,
    HotSpot,
    HotSpotField,
    HotSpotLink,
    HotSpotStatus,
    RiskLevel,
    SituationReport,
    SituationTopic,
    SteeringMeasure,
)
from danvan.units.models import Area, AreaLevel

if TYPE_CHECKING:
    from danvan.accounts.models import User
    from danvan.units.models import Organisation

# Allowed status changes of a hot spot; "resolved" only through `resolve_hotspot`.
TRANSITIONS = {
    HotSpotStatus.EMERGING: {HotSpotStatus.CONTROLLED},
    HotSpotStatus.CONTROLLED: {HotSpotStatus.EMERGING},
    HotSpotStatus.RESOLVED: {HotSpotStatus.CONTROLLED},  # reopened: it flared up again
}


def _check_subject_area(organisation: Organisation, subject_area: Area | None) -> None:
    if subject_area is not None and not subject_area.path.startswith(organisation.area.path):
        raise ValidationError({"subject_area": _("Địa bàn phát sinh phải thuộc địa bàn của cơ quan quản lý.")})


def create_hotspot(actor: User | None, *, organisation: Organisation, **fields: Any) -> HotSpot:
    _check_subject_area(organisation, fields.get("subject_area"))
    return core.create(HotSpot, actor, organisation=organisation, reason=_("Lập hồ sơ điểm nóng"), **fields)


def update_hotspot(actor: User | None, hotspot: HotSpot, **changes: Any) -> HotSpot:
    if "subject_area" in changes:
        _check_subject_area(hotspot.organisation, changes["subject_area"])
    return core.update(hotspot, actor, **changes)


@transaction.atomic
def change_status(actor: User | None, hotspot: HotSpot, status: str, *, reason: str = "") -> HotSpot:
    hotspot = HotSpot.objects.select_for_update().get(pk=hotspot.pk)
    if status not in TRANSITIONS.get(hotspot.status, set()):
        raise ValidationError({"status": _("Không thể chuyển từ «%(old)s» sang «%(new)s».") % {
            "old": hotspot.get_status_display(), "new": HotSpotStatus(status).label}})
    changes: dict[str, Any] = {"status": status}
    if hotspot.status == HotSpotStatus.RESOLVED:
        changes.update(resolved_on=None)
    return core.update(hotspot, actor, reason=reason or _("Chuyển tình trạng"), **changes)


@transaction.atomic
def resolve_hotspot(actor: User | None, hotspot: HotSpot, *, on: dt.date, note: str = "") -> HotSpot:
    """Resolved: every steering measure done, or a stated reason why the open ones no longer matter."""
    hotspot = HotSpot.objects.select_for_update().get(pk=hotspot.pk)
    if hotspot.status == HotSpotStatus.RESOLVED:
        raise ValidationError({"status": _("Điểm nóng đã được giải quyết.")})
    if on < hotspot.identified_on:
        raise ValidationError({"resolved_on": _("Ngày giải quyết xong không thể trước ngày phát hiện (%(d)s).") % {
            "d": vn_date(hotspot.identified_on)}})
    if on > timezone.localdate():
        raise ValidationError({"resolved_on": _("Ngày giải quyết xong không thể ở tương lai.")})
    open_measures = hotspot.measures.filter(archived_at__isnull=True, done_on__isnull=True).count()
    if open_measures and not note.strip():
        raise ValidationError({"resolution_note": _(
            "Còn %(n)s biện pháp chỉ đạo chưa hoàn thành: hoàn thành các biện pháp, hoặc ghi rõ lý do kết thúc "
            "vào ô «Kết quả giải quyết».") % {"n": open_measures}})
    return core.update(hotspot, actor, reason=_("Giải quyết xong điểm nóng"), status=HotSpotStatus.RESOLVED,
                       resolved_on=on, resolution_note=note.strip())


def add_measure(actor: User | None, hotspot: HotSpot, *, content: str, owner: str, decided_on: dt.date,
                due_on: dt.date) -> SteeringMeasure:
    core.check_can_change(actor, hotspot)
    if hotspot.status == HotSpotStatus.RESOLVED:
        raise ValidationError({"content": _("Điểm nóng đã giải quyết xong; mở lại trước khi thêm biện pháp.")})
    if due_on and decided_on and due_on < decided_on:
        raise ValidationError({"due_on": _("Hạn hoàn thành không thể trước ngày chỉ đạo.")})
    return core.create(SteeringMeasure, actor, hotspot=hotspot, content=content, owner=owner, decided_on=decided_on,
                       due_on=due_on, reason=_("Giao biện pháp chỉ đạo"))


def complete_measure(actor: User | None, measure: SteeringMeasure, *, done_on: dt.date, result: str) -> SteeringMeasure:
    core.check_can_change(actor, measure.hotspot)
    if measure.done_on is not None:
        raise ValidationError({"done_on": _("Biện pháp này đã hoàn thành.")})
    if done_on < measure.decided_on:
        raise ValidationError({"done_on": _("Ngày hoàn thành không thể trước ngày chỉ đạo (%(d)s).") % {
            "d": vn_date(measure.decided_on)}})
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("Ngày hoàn thành không thể ở tương lai.")})
    if not result.strip():
        raise ValidationError({"result": _("Cần ghi kết quả thực hiện.")})
    return core.update(measure, actor, reason=_("Hoàn thành biện pháp chỉ đạo"), done_on=done_on,
                       result=result.strip())


def link(actor: User | None, hotspot: HotSpot, record) -> HotSpotLink:
    """Link a letter, visit, dialogue or matter the actor may see (restrict()) to the hot spot; once."""
    core.check_can_change(actor, hotspot)
    kind = {"Letter": "letter", "Visit": "visit", "Dialogue": "dialogue", "Matter": "matter"}[type(record).__name__]
    if actor is not None and not type(record).objects.restrict(actor, Action.VIEW).filter(pk=record.pk).exists():
        raise PermissionDenied
    existing = HotSpotLink.objects.filter(hotspot=hotspot, archived_at__isnull=True, **{kind: record}).first()
    if existing is not None:
        return existing
    return core.create(HotSpotLink, actor, hotspot=hotspot, reason=_("Liên kết hồ sơ"), **{kind: record})


def unlink(actor: User | None, link_row: HotSpotLink, *, reason: str) -> HotSpotLink:
    return core.archive(link_row, actor, reason=reason or _("Bỏ liên kết"))


# ---------------------------------------------------------------- alerts


@transaction.atomic
def dismiss_alert(actor: User, alert: Alert, *, reason: str) -> Alert:
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.status != AlertStatus.OPEN:
        raise ValidationError({"dismiss_reason": _("Cảnh báo này đã được xem xét.")})
    if not reason.strip():
        raise ValidationError({"dismiss_reason": _("Cần ghi lý do bỏ qua cảnh báo.")})
    alert.status = AlertStatus.DISMISSED
    alert.dismiss_reason = reason.strip()
    alert.reviewed_by = actor
    alert.reviewed_at = timezone.now()
    core._stamp(alert, actor, _("Bỏ qua cảnh báo"))
    alert.save()
    return alert


def _commune(area: Area) -> Area:
    while area.level == AreaLevel.VILLAGE and area.parent_id:
        area = area.parent
    return area


@transaction.atomic
def open_alert_as_hotspot(actor: User, alert: Alert, *, organisation: Organisation, title: str, lead_body: str,
                          risk_level: str = RiskLevel.MEDIUM, on: dt.date | None = None) -> HotSpot:
    """Open a hot spot from an alert, linked to the matter and the records behind it."""
    from danvan.letters.models import Letter
    from danvan.reception.models import Visit

    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.status != AlertStatus.OPEN:
        raise ValidationError({"title": _("Cảnh báo này đã được xem xét.")})
    letters = list(Letter.objects.restrict(actor).filter(pk__in=alert.evidence.get("letters", [])))
    visits = list(Visit.objects.restrict(actor).filter(pk__in=alert.evidence.get("visits", [])))
    people = max([v.persons for v in visits] + [x.signer_count for x in letters] + [0])
    hotspot = create_hotspot(
        actor, organisation=organisation, title=title, subject_area=_commune(alert.subject_area),
        field=FIELD_FROM_RECORD.get(alert.field, HotSpotField.OTHER), people_involved=people,
        risk_level=risk_level, lead_body=lead_body, identified_on=on or timezone.localdate(),
        description=alert.explanation,
    )
    if alert.matter_id:
        link(actor, hotspot, alert.matter)
    for record in letters + visits:
        link(actor, hotspot, record)
    alert.status = AlertStatus.OPENED
    alert.hotspot = hotspot
    alert.reviewed_by = actor
    alert.reviewed_at = timezone.now()
    core._stamp(alert, actor, _("Lập điểm nóng từ cảnh báo"))
    alert.save()
    return hotspot


def _store(rule: AlertRule, finding: rules.Finding, on: dt.date) -> str:
    """Create or refresh the alert of a finding; "created", "updated" or "" (nothing changed). An alert already
    reviewed comes back (a new generation) only when records arrived that it did not have."""
    latest = Alert.objects.filter(key=finding.key).order_by("-generation").first()
    evidence = finding.evidence
    if latest is not None and latest.status == AlertStatus.OPEN:
        if latest.evidence == evidence and latest.explanation == finding.explanation:
            return ""
        latest.evidence, latest.explanation, latest.computed_on = evidence, finding.explanation, on
        core._stamp(latest, None, _("Tính lại cảnh báo"))
        latest.save()
        return "updated"
    if latest is not None:
        seen = {(k, i) for k, ids in latest.evidence.items() for i in ids}
        if all((k, i) in seen for k, ids in evidence.items() for i in ids):
            return ""
    alert = Alert(rule=rule, key=finding.key, generation=(latest.generation + 1) if latest else 1,
                  subject_area_id=finding.subject_area_id, field=finding.field, matter_id=finding.matter_id,
                  explanation=finding.explanation, evidence=evidence, computed_on=on)
    core._stamp(alert, None, _("Cảnh báo mới"))
    alert.save()
    return "created"


def compute_alerts(on: dt.date | None = None, *, full: bool = False) -> AlertRun:
    """Run every active rule; incremental on the matters whose records changed since the last run (ADR 0023)."""
    on = on or timezone.localdate()
    started = timezone.now()
    last = AlertRun.objects.filter(finished_at__isnull=False).order_by("-started_at").first()
    full = full or last is None
    run = AlertRun.objects.create(started_at=started, computed_on=on, watermark=started, full=full)
    touched = None if full else rules.touched_matters(last.watermark)
    for rule in AlertRule.objects.filter(active=True, archived_at__isnull=True):
        compute = rules.RULES[rule.kind]
        # A new day only slides the windows: a matter's count in a window grows only with new records, so the
        # matter rules stay incremental from one night to the next; a retuned rule is recomputed in full.
        rule_full = full or rule.updated_at > last.watermark
        matters = None if rule_full or rule.kind not in rules.INCREMENTAL else touched
        with transaction.atomic():
            for finding in compute(rule, on, matters):
                outcome = _store(rule, finding, on)
                if outcome == "created":
                    run.created += 1
                elif outcome == "updated":
                    run.updated += 1
    run.finished_at = timezone.now()
    run.save()
    return run


# ---------------------------------------------------------------- situation reports


def file_report(actor: User | None, *, organisation: Organisation, period_start: dt.date, period_end: dt.date,
                summary: str = "") -> SituationReport:
    if period_start and period_end and period_end < period_start:
        raise ValidationError({"period_end": _("Ngày cuối kỳ không thể trước ngày đầu kỳ.")})
    return core.create(SituationReport, actor, organisation=organisation, period_start=period_start,
                       period_end=period_end, summary=summary, reason=_("Gửi báo cáo tình hình"))


def add_topic(actor: User | None, report: SituationReport, **fields: Any) -> SituationTopic:
    core.check_can_change(actor, report)
    area = fields.get("subject_area")
    if area is not None and not area.path.startswith(report.area.path):
        raise ValidationError({"subject_area": _("Địa bàn phải thuộc địa bàn của đơn vị báo cáo.")})
    return core.create(SituationTopic, actor, report=report, reason=_("Thêm vấn đề"), **fields)


@transaction.atomic
def raise_topic(actor: User, topic: SituationTopic, *, organisation: Organisation, title: str, lead_body: str,
                risk_level: str = RiskLevel.MEDIUM) -> HotSpot:
    """The province raises a topic of a lower unit's report to a hot spot."""
    topic = SituationTopic.objects.select_for_update().get(pk=topic.pk)
    if topic.hotspot_id:
        raise ValidationError({"title": _("Vấn đề này đã được nâng thành điểm nóng.")})
    hotspot = create_hotspot(actor, organisation=organisation, title=title, subject_area=_commune(topic.subject_area),
                             field=topic.field, risk_level=risk_level, lead_body=lead_body,
                             identified_on=timezone.localdate(),
                             description=f"{topic.content}\n\n{_('Đề xuất')}: {topic.proposals}".strip())
    topic.hotspot = hotspot
    core._stamp(topic, actor, _("Nâng thành điểm nóng"))
    topic.save()
    return hotspot
