"""Base classes every domain record stands on: audit history, archive instead of delete, unit scope.

The single scoping rule of the project lives in `ScopedQuerySet.restrict`: a user sees and changes
only the records whose unit (`area`) lies in the subtree of their own organisation's area. Every
list, detail, export and API view goes through it (see `danvan.core.views`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn

from django.db import models
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.choices import choice_labels

if TYPE_CHECKING:
    from danvan.accounts.models import User


class ArchiveOnlyError(Exception):
    """Raised on a hard delete: records are archived, never deleted (ADR 0003)."""


class Action:
    VIEW = "view"
    CHANGE = "change"


class ScopedQuerySet(models.QuerySet[Any]):
    def active(self) -> ScopedQuerySet:
        return self.filter(archived_at__isnull=True)

    def restrict(self, user: User | None, action: str = Action.VIEW) -> ScopedQuerySet:
        """The records `user` may see (VIEW) or change (CHANGE); nothing for an outsider."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if action == Action.CHANGE and not user.can_record:
            return self.none()
        if user.is_superuser:
            return self
        scope_path = user.scope_path
        if not scope_path:
            return self.none()
        field = self.model.scope_field
        return self.filter(**{f"{field}__path__startswith": scope_path})

    def delete(self) -> NoReturn:  # noqa: D401 - a guard, not an action
        raise ArchiveOnlyError("Records are archived, not deleted.")


class CatalogueQuerySet(models.QuerySet[Any]):
    """National reference data (indicators, holiday decisions, document formats): everyone signed in reads
    it, only administrators change it. The same `restrict()` signature as scoped records, so a generic
    view or test treats every audited model alike."""

    def restrict(self, user: User | None, action: str = Action.VIEW) -> CatalogueQuerySet:
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if action == Action.CHANGE and not user.can_administer:
            return self.none()
        return self


class LabelledModel(models.Model):
    """Every danvan model: its `get_FOO_display()` reads the choice's label from `core.choices.choice_labels`, the
    one table per process and language, where Django's translates every choice of the field on each call (a
    letter's page asked it a dozen times, and once per line of its timeline). The same label, and a value outside
    the choices shown as it is, as Django shows them."""

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field: models.Field[Any, Any]) -> Any:
        value = getattr(self, field.attname)
        return force_str(choice_labels(field).get(make_hashable(value), value), strings_only=True)


class AuditedModel(LabelledModel):
    """A record whose every change is kept in its history (django-simple-history, ADR 0003)."""

    created_at = models.DateTimeField(_("Thời điểm tạo"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("Thời điểm cập nhật"), auto_now=True)
    archived_at = models.DateTimeField(_("Thời điểm lưu trữ"), null=True, blank=True, editable=False)
    archive_reason = models.TextField(_("Lý do lưu trữ"), blank=True, editable=False)

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ArchiveOnlyError("Records are archived, not deleted.")


class ScopedModel(AuditedModel):
    """A record owned by an organisation, visible in the subtree of that organisation's area."""

    scope_field = "area"

    organisation = models.ForeignKey(
        "units.Organisation", verbose_name=_("Cơ quan, tổ chức"), on_delete=models.PROTECT, related_name="+"
    )
    area = models.ForeignKey(
        "units.Area",
        verbose_name=_("Địa bàn"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        help_text=_("Địa bàn của cơ quan sở hữu bản ghi; dùng để phân quyền theo cây đơn vị."),
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The owning organisation's area is copied so that scoping is one indexed prefix match.
        if self.organisation_id and not self.area_id:
            self.area_id = self.organisation.area_id
        super().save(*args, **kwargs)


class ScopedChild(AuditedModel):
    """A row reached only through a parent record (a letter's attachment, a dialogue's opinion), scoped
    through that parent: `scope_field` names the parent's area, e.g. "letter__area", so `restrict()` applies
    unchanged and a child is never looked up unscoped."""

    scope_field = "parent__area"
    parent_field = "parent"

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def scope_parent(self) -> models.Model:
        parent: models.Model = getattr(self, self.parent_field)
        return parent


class FormSubmission(LabelledModel):
    """A create form's one-time token, written in the transaction that created the record (core.submissions):
    the same form sent again finds it and is led to that record instead of creating a second one."""

    token = models.CharField(_("Mã biểu mẫu"), max_length=64, unique=True)
    user = models.ForeignKey("accounts.User", verbose_name=_("Người gửi"), on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("Thời điểm gửi"), default=timezone.now)
    redirect_to = models.CharField(_("Trang kết quả"), max_length=500)

    class Meta:
        verbose_name = _("Biểu mẫu đã gửi")
        verbose_name_plural = _("Biểu mẫu đã gửi")

    def __str__(self) -> str:
        return self.token
