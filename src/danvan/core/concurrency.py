"""Two officers at once: optimistic versions against lost updates (ADR 0014).

A model opts in by inheriting `VersionedModel`: its `version` goes up by one on every save, and a save
is an `UPDATE … WHERE version = n` first, so a record changed since it was read is never overwritten
silently. An edit form carries the version it was drawn from (`add_version_field`); the service checks it
inside its write transaction (`check_version`, called by `core.services.update` and the apps' own
services) and, when someone else saved in between, raises `EditConflict`: a `ValidationError` whose
messages say who changed what, their value against the officer's. The form is shown again with those
messages and the current version, so a second click saves knowingly over the other's change, which
stays in the audit history.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

if TYPE_CHECKING:
    from danvan.accounts.models import User

VERSION_FIELD = "version"
# Bookkeeping columns: they change on every save and mean nothing to the officer.
_NOT_SHOWN = {VERSION_FIELD, "updated_at", "created_at"}


class EditConflict(ValidationError):
    """The record was saved by someone else after the form was drawn; nothing was written."""

    def __init__(self, messages: list[str], current_version: int | None, refreshed: dict[str, Any] | None = None):
        super().__init__(messages)
        self.current_version = current_version
        # Fields the other officer changed and this one did not touch: the form takes their current value.
        self.refreshed = refreshed or {}


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(gettext_lazy("Phiên bản"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding or self.pk is None:
            return super().save(*args, **kwargs)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], VERSION_FIELD}
        seen = self.version
        with transaction.atomic(using=kwargs.get("using")):
            # The check and the claim are one statement: two saves of version n cannot both succeed.
            claimed = type(self)._base_manager.filter(pk=self.pk, version=seen).update(version=seen + 1)
            if not claimed:
                raise conflict(self, seen, {})
            self.version = seen + 1
            try:
                super().save(*args, **kwargs)
            except BaseException:
                self.version = seen
                raise
        return None


def check_version(obj: models.Model, expected: int | None, changes: dict[str, Any],
                  actor: User | None = None) -> None:
    """Refuse the write if `obj` was saved since the form showing version `expected` was drawn.

    Call inside the service's transaction. `expected=None` (a caller without a form, a system job)
    checks nothing. The save that follows claims `expected` atomically (`VersionedModel.save`)."""
    if expected is None or not isinstance(obj, VersionedModel):
        return
    current = type(obj)._base_manager.filter(pk=obj.pk).values_list(VERSION_FIELD, flat=True).first()
    if current != expected:
        raise conflict(obj, expected, changes, actor)
    obj.version = expected


def _display(field: models.Field[Any, Any], value: Any) -> str:
    from danvan.core.views import _display as history_display  # the audit history's own wording

    if isinstance(value, models.Model):
        return str(value)
    return history_display(field, value)


def _value(record: Any, field: models.Field[Any, Any]) -> Any:
    """A field of a history record as the officer knew it: the related record itself for a foreign key."""
    try:
        return getattr(record, field.name)
    except models.ObjectDoesNotExist:
        return getattr(record, field.attname)


def _raw(value: Any) -> Any:
    return value.pk if isinstance(value, models.Model) else value


def conflict(obj: models.Model, expected: int, changes: dict[str, Any], actor: User | None = None) -> EditConflict:
    """The conflict as the officer reads it: who saved, when, and each field theirs against yours."""
    model = type(obj)
    current = model._base_manager.filter(pk=obj.pk).first()
    if current is None:
        return EditConflict([_("Bản ghi không còn nữa.")], None)
    history = getattr(model, "history", None)
    seen = later = None
    if history is not None:
        records = obj.history.order_by("history_date", "history_id")  # type: ignore[attr-defined]  # simple_history
        seen = records.filter(version=expected).last()
        later = records.filter(version__gt=expected).select_related("history_user")
    editors = sorted({str(r.history_user) for r in later or [] if r.history_user is not None}) if later else []
    last = later.last() if later is not None else None
    who = ", ".join(editors) or _("một cán bộ khác")
    when = timezone.localtime(last.history_date).strftime("%d/%m/%Y %H:%M") if last is not None else ""
    messages = [
        _("Trong lúc bạn sửa, %(who)s đã lưu bản ghi này (lúc %(when)s). Thay đổi của bạn CHƯA được lưu. "
          "Xem lại các trường dưới đây; bấm lưu lần nữa nếu vẫn muốn ghi đè (thay đổi của người kia vẫn còn "
          "trong lịch sử thay đổi).") % {"who": who, "when": when or "—"}
    ]
    visible = getattr(current, "history_field_visible", None)
    refreshed: dict[str, Any] = {}
    if seen is not None:
        for field in model._meta.concrete_fields:
            if field.name in _NOT_SHOWN or field.primary_key or not field.editable:
                continue  # derived columns (search keys, deadlines) follow the fields shown
            before, now = getattr(seen, field.attname, None), getattr(current, field.attname)
            if before == now:
                continue
            label = str(getattr(field, "verbose_name", field.name))
            if visible is not None and actor is not None and not visible(field.name, actor):
                messages.append(_("«%(field)s» đã được sửa.") % {"field": label})
                continue
            theirs = _display(field, getattr(current, field.name))
            yours = changes.get(field.name, before)
            if _raw(yours) != before:
                messages.append(_("«%(field)s»: người kia đã ghi «%(theirs)s», bạn ghi «%(yours)s».")
                                % {"field": label, "theirs": theirs, "yours": _display(field, yours)})
            else:
                refreshed[field.name] = getattr(current, field.attname)
                messages.append(_("«%(field)s»: người kia đã ghi «%(theirs)s» (bạn không sửa trường này; biểu mẫu "
                                  "đã lấy giá trị mới).") % {"field": label, "theirs": theirs})
    return EditConflict(messages, getattr(current, "version", None), refreshed)


# ------------------------------------------------------------------------------------------------ forms

class VersionField(forms.IntegerField):
    """The version the edit form was drawn from, sent back hidden with the form."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**31 - 1)
        super().__init__(**kwargs)


def add_version_field(form: forms.BaseForm, obj: models.Model) -> forms.BaseForm:
    """Give an edit form of a versioned record its hidden version (no-op for a model without one)."""
    if isinstance(obj, VersionedModel):
        form.fields[VERSION_FIELD] = VersionField(initial=obj.version)
    return form


def submitted_version(form: forms.BaseForm) -> int | None:
    return form.cleaned_data.get(VERSION_FIELD) if VERSION_FIELD in form.fields else None


def show_conflict(form: forms.BaseForm, exc: ValidationError) -> None:
    """After a conflict the form keeps what the officer typed, with the version now current: saving again
    is a deliberate overwrite of what the messages showed."""
    if isinstance(exc, EditConflict) and exc.current_version is not None and VERSION_FIELD in form.fields:
        data = form.data.copy()  # type: ignore[attr-defined]  # a QueryDict or a dict (typed Mapping): a mutable copy
        data[form.add_prefix(VERSION_FIELD)] = str(exc.current_version)
        for name, value in exc.refreshed.items():
            if name in form.fields:
                data[form.add_prefix(name)] = _form_value(value)
        form.data = data


def _form_value(value: Any) -> str:
    """A model value as a browser would send it back (dates dd/mm/yyyy, ADR 0006)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)
