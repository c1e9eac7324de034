"""The "Dân vận khéo" models: registered, then one step forward at a time (PRACTICE_TRANSITIONS)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import services as audited
from danvan.mobilisation.choices import PracticeStatus, RecognitionLevel
from danvan.mobilisation.models import (
    GoodPractice,
    GoodPracticeEvidence,
    GoodPracticeStatusChange,
)
from danvan.mobilisation.services.base import (
    _create_child,
    _not_archived,
    _not_in_future,
)
from danvan.units.models import Organisation

if TYPE_CHECKING:
    from danvan.accounts.models import User


# ---------------------------------------------------------------- "Dân vận khéo" models

# Allowed transitions (style.md, Amsterdam/signals): one step forward at a time.
PRACTICE_TRANSITIONS: dict[str, frozenset[str]] = {
    PracticeStatus.REGISTERED: frozenset({PracticeStatus.BUILDING}),
    PracticeStatus.BUILDING: frozenset({PracticeStatus.RECOGNISED}),
    PracticeStatus.RECOGNISED: frozenset({PracticeStatus.REPLICATED}),
    PracticeStatus.REPLICATED: frozenset(),
}


@transaction.atomic
def register_good_practice(
    actor: User | None, *, organisation: Organisation, registered_on: dt.date, **fields: Any
) -> GoodPractice:
    _not_in_future("registered_on", registered_on, _("Ngày đăng ký"))
    practice = audited.create(
        GoodPractice,
        actor,
        organisation=organisation,
        registered_on=registered_on,
        reason=_("Đăng ký mô hình"),
        **fields,
    )
    _create_child(
        actor,
        GoodPracticeStatusChange,
        _("Đăng ký mô hình"),
        practice=practice,
        status=PracticeStatus.REGISTERED,
        changed_on=registered_on,
    )
    return practice


def _transition(
    actor: User | None, practice: GoodPractice, target: str, on: dt.date, reason: str, **row: Any
) -> GoodPractice:
    audited.check_can_change(actor, practice)
    practice = GoodPractice.objects.select_for_update().get(pk=practice.pk)
    _not_archived(practice)
    if target not in PRACTICE_TRANSITIONS[practice.status]:
        raise ValidationError(
            {
                "status": _("Không thể chuyển mô hình từ “%(old)s” sang “%(new)s”.")
                % {"old": practice.get_status_display(), "new": PracticeStatus(target).label}
            }
        )
    _not_in_future("changed_on", on, _("Ngày"))
    last = practice.status_changes.order_by("-changed_on", "-pk").first()
    if last and on < last.changed_on:
        raise ValidationError(
            {"changed_on": _("Ngày phải từ ngày %(day)s (bước trước) trở đi.") % {"day": f"{last.changed_on:%d/%m/%Y}"}}
        )
    _create_child(actor, GoodPracticeStatusChange, reason, practice=practice, status=target, changed_on=on, **row)
    practice.status = target
    if target == PracticeStatus.RECOGNISED:
        practice.recognised_on = on
        practice.recognition_level = row["level"]
    if target == PracticeStatus.REPLICATED:
        practice.replicated_on = on
    practice._history_user = actor
    practice._change_reason = reason
    practice.save()
    return practice


@transaction.atomic
def start_building(actor: User | None, practice: GoodPractice, *, on: dt.date, note: str = "") -> GoodPractice:
    return _transition(actor, practice, PracticeStatus.BUILDING, on, _("Bắt đầu xây dựng mô hình"), note=note)


@transaction.atomic
def recognise(
    actor: User | None, practice: GoodPractice, *, on: dt.date, level: str, decision: str = "", note: str = ""
) -> GoodPractice:
    if level not in RecognitionLevel.values:
        raise ValidationError({"level": _("Chọn cấp công nhận.")})
    return _transition(
        actor,
        practice,
        PracticeStatus.RECOGNISED,
        on,
        _("Công nhận mô hình"),
        level=level,
        decision=decision,
        note=note,
    )


@transaction.atomic
def replicate(actor: User | None, practice: GoodPractice, *, on: dt.date, note: str = "") -> GoodPractice:
    return _transition(actor, practice, PracticeStatus.REPLICATED, on, _("Nhân rộng mô hình"), note=note)


@transaction.atomic
def add_evidence(actor: User | None, practice: GoodPractice, *, title: str, file) -> GoodPracticeEvidence:
    """Attach a document or photo; size and type are checked (validators.validate_evidence_file)."""
    audited.check_can_change(actor, practice)
    _not_archived(practice)
    return _create_child(
        actor, GoodPracticeEvidence, _("Thêm tài liệu minh chứng"), practice=practice, title=title, file=file
    )
