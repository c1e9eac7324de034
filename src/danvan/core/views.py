"""Shared view machinery. Every list, detail and export reaches records through `scoped_queryset`,
which applies `restrict(user, action)`: an outsider gets 404, a viewer gets 403 on a change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from danvan.core.models import Action
from danvan.people import identity


def scoped_queryset(model_or_qs: type[models.Model] | models.QuerySet, user, action: str = Action.VIEW):
    qs = model_or_qs if isinstance(model_or_qs, models.QuerySet) else model_or_qs._default_manager.all()
    return qs.restrict(user, action)


def scoped_object_or_404(model_or_qs, user, action: str = Action.VIEW, **lookup: Any):
    """The record if it lies in the user's scope. 404 for an outsider; 403 if seen but not changeable."""
    obj = get_object_or_404(scoped_queryset(model_or_qs, user, Action.VIEW), **lookup)
    if action == Action.CHANGE and not scoped_queryset(model_or_qs, user, Action.CHANGE).filter(pk=obj.pk).exists():
        raise PermissionDenied
    return obj


def paginate(request: HttpRequest, queryset, per_page: int = 50):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The work queue (danvan.workqueue): what waits for the user today, each a count and a link."""
    from danvan.legal.services import administrator_warnings
    from danvan.workqueue.queue import work_queue

    today = timezone.localdate()
    return render(request, "core/home.html", {
        "organisation": request.user.organisation,
        "admin_warnings": administrator_warnings(request.user, today),
        "tiles": work_queue(request.user, today),
        "today": today,
    })


def _display(field, value) -> str:
    """A history value as an official reads it: choice labels, Có/Không, dd/mm/yyyy."""
    if value is None or value == "":
        return "—"
    choices = dict(getattr(field, "flatchoices", None) or [])
    if value in choices:
        return str(choices[value])
    if isinstance(value, bool):
        return str(_("Có") if value else _("Không"))
    if isinstance(value, dt.datetime):
        return (
            timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
            if timezone.is_aware(value)
            else value.strftime("%d/%m/%Y %H:%M")
        )
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _history_rows(obj: models.Model, user, masked_fields: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    rows = []
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    visible = getattr(obj, "history_field_visible", None)
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None:
            for change in record.diff_against(previous).changes:
                field = obj._meta.get_field(change.field)
                hidden = change.field in masked_fields or (visible is not None and not visible(change.field, user))
                changes.append(
                    {
                        "field": getattr(field, "verbose_name", change.field),
                        "old": "•••" if hidden else _display(field, change.old),
                        "new": "•••" if hidden else _display(field, change.new),
                    }
                )
        rows.append(
            {
                "date": record.history_date,
                "user": record.history_user,
                "type": record.get_history_type_display(),
                "reason": record.history_change_reason or "",
                "changes": changes,
            }
        )
    return rows


@require_GET
def history(request: HttpRequest, app_label: str, model_name: str, pk: int) -> HttpResponse:
    """The audit history of any scoped record: who changed what, when, before and after."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise Http404 from exc
    if not hasattr(model._default_manager, "restrict") or not hasattr(model, "history"):
        raise Http404
    obj = scoped_object_or_404(model, request.user, pk=pk)
    visible_to = getattr(obj, "history_visible_to", None)
    if visible_to is not None and not visible_to(request.user):
        raise PermissionDenied
    # A person's identity in the heading and the diffs: the identity gate masks it, or logs one reveal.
    title, masked_fields = identity.history_title(
        request.user, obj, context=_("Lịch sử thay đổi %(model)s #%(pk)s") % {"model": model._meta.verbose_name,
                                                                              "pk": obj.pk})
    return render(
        request,
        "core/history.html",
        {"object": obj, "title": title, "rows": _history_rows(obj, request.user, masked_fields),
         "verbose_name": model._meta.verbose_name},
    )
