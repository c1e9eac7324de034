"""Audited writes shared by every app's services.

Each app's `services.py` changes state only through these helpers (or its own functions built on
them), so that every create, update and archive is validated, runs in a transaction and leaves a
history row naming who did it and why (ADR 0003: every write is audited, nothing is deleted).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.concurrency import check_version
from danvan.core.models import AuditedModel

if TYPE_CHECKING:
    from danvan.accounts.models import User

M = TypeVar("M", bound=models.Model)
A = TypeVar("A", bound=AuditedModel)


def _stamp(obj: models.Model, actor: User | None, reason: str) -> None:
    # Read by simple_history when it writes the history row (set on the instance, not declared by the model).
    obj._history_user = actor  # type: ignore[attr-defined]
    obj._change_reason = reason  # type: ignore[attr-defined]


def check_can_change(actor: User | None, obj: models.Model) -> None:
    """Refuse a change by a user who may not record data, or whose scope does not hold `obj`."""
    if actor is None:
        return  # system jobs (imports, generators) act without a user
    model = type(obj)
    manager = model._default_manager
    if obj.pk is None:
        # A new record: the organisation it will belong to must lie in the actor's scope.
        if not actor.can_record:
            raise PermissionDenied(_("Tài khoản chỉ có quyền xem."))
        area = getattr(obj, "area", None) or getattr(getattr(obj, "organisation", None), "area", None)
        if area is not None and not actor.is_superuser and not area.path.startswith(actor.scope_path or "\0"):
            raise PermissionDenied(_("Đơn vị nằm ngoài phạm vi của tài khoản."))
        return
    if hasattr(manager, "restrict") and not manager.restrict(actor, "change").filter(pk=obj.pk).exists():
        raise PermissionDenied(_("Không có quyền sửa bản ghi này."))


@transaction.atomic
def create(model: type[M], actor: User | None, *, reason: str = "", **fields: Any) -> M:
    obj = model(**fields)
    if getattr(obj, "organisation_id", None) and hasattr(obj, "area_id") and not obj.area_id:
        obj.area_id = obj.organisation.area_id  # type: ignore[attr-defined]  # checked just above
    check_can_change(actor, obj)
    obj.full_clean()
    _stamp(obj, actor, reason or _("Tạo mới"))
    obj.save()
    return obj


@transaction.atomic
def update(obj: M, actor: User | None, *, reason: str = "", expected_version: int | None = None, **changes: Any) -> M:
    """Change fields of `obj`. `expected_version`: the version the edit form was drawn from; a record saved
    since by someone else is not overwritten (EditConflict, core.concurrency)."""
    check_can_change(actor, obj)
    check_version(obj, expected_version, changes, actor)
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.full_clean()
    _stamp(obj, actor, reason or _("Cập nhật"))
    obj.save()
    return obj


@transaction.atomic
def archive(obj: A, actor: User | None, *, reason: str) -> A:
    """Hide a record from current lists while keeping it and its history (no hard delete)."""
    if not reason.strip():
        raise ValidationError({"archive_reason": _("Cần ghi lý do lưu trữ.")})
    check_can_change(actor, obj)
    obj.archived_at = timezone.now()
    obj.archive_reason = reason
    _stamp(obj, actor, reason)
    obj.save()
    return obj


@transaction.atomic
def restore(obj: A, actor: User | None, *, reason: str) -> A:
    if not reason.strip():
        raise ValidationError({"archive_reason": _("Cần ghi lý do khôi phục.")})
    check_can_change(actor, obj)
    obj.archived_at = None
    obj.archive_reason = ""
    _stamp(obj, actor, reason)
    obj.save()
    return obj
