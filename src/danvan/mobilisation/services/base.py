"""What every mobilisation record shares: recording and amending a plain record, archiving and restoring,
child rows, and completing a follow-up item (commitment, briefing task, recommendation)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import services as audited
from danvan.mobilisation.choices import FollowUpStatus, PracticeStatus
from danvan.mobilisation.models import (
    Briefing,
    BriefingTask,
    Commendation,
    Dialogue,
    DialogueCommitment,
    DialogueOpinion,
    Directive,
    DirectiveReview,
    GoodPractice,
    GoodPracticeEvidence,
    PropagandaSession,
    Supervision,
    SupervisionRecommendation,
    SupportContribution,
    TrainingCourse,
)
from danvan.units.models import Organisation

if TYPE_CHECKING:
    from danvan.accounts.models import User


M = TypeVar("M", bound=models.Model)

# Records with no workflow of their own: recorded and amended through `record` / `amend`.
PLAIN_RECORDS: tuple[type[models.Model], ...] = (
    PropagandaSession,
    TrainingCourse,
    Briefing,
    Supervision,
    SupportContribution,
    Commendation,
    Directive,
)


def _today() -> dt.date:
    return timezone.localdate()


def _not_in_future(field: str, day: dt.date, label: str) -> None:
    if day > _today():
        raise ValidationError({field: _("%(label)s không được sau ngày hôm nay.") % {"label": label}})


# ---------------------------------------------------------------- plain records


def record(actor: User | None, model: type[M], *, organisation: Organisation, reason: str = "", **fields: Any) -> M:
    """Create a session, course, briefing, supervision, support, commendation or directive."""
    if model not in PLAIN_RECORDS:
        raise TypeError(f"{model.__name__} has its own service")
    return audited.create(model, actor, organisation=organisation, reason=reason, **fields)


def _not_archived(obj: models.Model) -> None:
    """An archived record (or one under an archived parent) is read-only until it is restored."""
    parent = getattr(obj, "scope_parent", None)
    if getattr(obj, "is_archived", False) or getattr(parent, "is_archived", False):
        raise ValidationError(_("Bản ghi đã được lưu trữ; cần khôi phục trước khi thay đổi."))


def amend(actor: User | None, obj: M, *, reason: str = "", expected_version: int | None = None, **changes: Any) -> M:
    """Correct a record's fields. A closed dialogue's record is frozen with its report. `expected_version`:
    the version the edit form was drawn from, for a versioned record (core.concurrency)."""
    _not_archived(obj)
    if isinstance(obj, Dialogue) and obj.is_closed:
        raise ValidationError({"closing_report": _("Cuộc đối thoại đã kết thúc, không sửa được nữa.")})
    if "organisation" in changes and changes["organisation"].pk != obj.organisation_id:
        changes["area"] = changes["organisation"].area
        probe = type(obj)(organisation=changes["organisation"], area=changes["area"])
        audited.check_can_change(actor, probe)
    with transaction.atomic():
        if isinstance(obj, GoodPractice) and changes.get("registered_on", obj.registered_on) != obj.registered_on:
            audited.check_can_change(actor, obj)
            _move_registration_step(actor, obj, changes["registered_on"])
        return audited.update(obj, actor, reason=reason or _("Cập nhật"), expected_version=expected_version,
                              **changes)


def _move_registration_step(actor: User | None, practice: GoodPractice, registered_on: dt.date) -> None:
    """The registration date is also the date of the model's first status step, which the counts read
    (counts.count_good_practices): both change together, and only before the model has moved on."""
    if practice.status != PracticeStatus.REGISTERED:
        raise ValidationError(
            {"registered_on": _("Mô hình đã chuyển sang bước sau; không sửa được ngày đăng ký nữa.")}
        )
    _not_in_future("registered_on", registered_on, _("Ngày đăng ký"))
    for step in practice.status_changes.filter(status=PracticeStatus.REGISTERED):
        step.changed_on = registered_on
        step._history_user = actor
        step._change_reason = _("Sửa ngày đăng ký")
        step.save()


# ---------------------------------------------------------------- archive and restore

# What may be archived (never deleted): every record and child row except a model's status steps,
# which are its append-only history.
ARCHIVABLE: dict[str, type[models.Model]] = {
    model._meta.model_name: model
    for model in (
        Dialogue,
        DialogueOpinion,
        DialogueCommitment,
        GoodPractice,
        GoodPracticeEvidence,
        PropagandaSession,
        TrainingCourse,
        Briefing,
        BriefingTask,
        Supervision,
        SupervisionRecommendation,
        SupportContribution,
        Directive,
        DirectiveReview,
        Commendation,
    )
}


def _fresh_archivable(obj: M) -> M:
    """The row locked and re-read (with its parent), checked for what archiving may not touch."""
    if type(obj) not in ARCHIVABLE.values():
        raise TypeError(f"{type(obj).__name__} cannot be archived")
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    parent = getattr(obj, "scope_parent", None)
    if isinstance(parent, Dialogue) and parent.is_closed:
        # The closing report was written from these opinions and commitments; they stay as they were.
        raise ValidationError(_("Cuộc đối thoại đã kết thúc; ý kiến, cam kết của cuộc đối thoại được giữ nguyên."))
    if getattr(parent, "is_archived", False):
        raise ValidationError(_("Bản ghi chứa mục này đã được lưu trữ."))
    return obj


@transaction.atomic
def archive_record(actor: User | None, obj: M, *, reason: str) -> M:
    """Archive a record or a child row with a reason; it leaves the lists and the counts, keeps its history."""
    obj = _fresh_archivable(obj)
    if obj.is_archived:
        raise ValidationError(_("Bản ghi đã được lưu trữ trước đó."))
    return audited.archive(obj, actor, reason=reason.strip())


@transaction.atomic
def restore_record(actor: User | None, obj: M, *, reason: str) -> M:
    """Bring an archived record back; refused if an active record now takes its place (one review per kind)."""
    obj = _fresh_archivable(obj)
    if not obj.is_archived:
        raise ValidationError(_("Bản ghi chưa bị lưu trữ."))
    archived_at = obj.archived_at
    obj.archived_at = None
    try:
        obj.validate_constraints()
    finally:
        obj.archived_at = archived_at
    return audited.restore(obj, actor, reason=reason.strip())


def _create_child(actor: User | None, model: type[M], reason: str, **fields: Any) -> M:
    """A child row; its parent's scope was checked by the caller."""
    obj = model(**fields)
    obj.full_clean()
    obj._history_user = actor
    obj._change_reason = reason
    obj.save()
    return obj


# ------------------------------------------------ follow-ups (commitments, tasks, recommendations)

FollowUpItem = DialogueCommitment | BriefingTask | SupervisionRecommendation


@transaction.atomic
def complete_follow_up(actor: User | None, item: FollowUpItem, *, completed_on: dt.date, result: str) -> FollowUpItem:
    """Mark a commitment, a briefing task or a recommendation done, with what was done."""
    audited.check_can_change(actor, item)
    item = type(item).objects.select_for_update().get(pk=item.pk)
    _not_archived(item)
    if item.status == FollowUpStatus.DONE:
        raise ValidationError({"status": _("Việc này đã hoàn thành.")})
    if not result.strip():
        raise ValidationError({"result": _("Cần ghi kết quả thực hiện.")})
    _not_in_future("completed_on", completed_on, _("Ngày hoàn thành"))
    started = getattr(item.scope_parent, "held_on", None)
    if started and completed_on < started:
        raise ValidationError({"completed_on": _("Ngày hoàn thành phải từ ngày phát sinh trở đi.")})
    item.status = FollowUpStatus.DONE
    item.completed_on = completed_on
    item.result = result.strip()
    item._history_user = actor
    item._change_reason = _("Hoàn thành")
    item.save()
    return item


complete_commitment = complete_follow_up
