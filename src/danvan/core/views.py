"""Shared view machinery. Every list, detail and export reaches records through `scoped_queryset`,
which applies `restrict(user, action)`: an outsider gets 404, a viewer gets 403 on a change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.core.exceptions import EmptyResultSet, PermissionDenied
from django.core.paginator import Page, Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from danvan.core.models import Action
from danvan.people import identity


def scoped_queryset(model_or_qs: type[models.Model] | models.QuerySet[Any], user: Any,
                    action: str = Action.VIEW) -> Any:
    """`restrict(user, action)` of a model's records or of a queryset (a scoped or catalogue queryset)."""
    qs: Any = model_or_qs if isinstance(model_or_qs, models.QuerySet) else model_or_qs._default_manager.all()
    return qs.restrict(user, action)


def scoped_object_or_404(model_or_qs: type[models.Model] | models.QuerySet[Any], user: Any, action: str = Action.VIEW,
                         **lookup: Any) -> Any:
    """The record if it lies in the user's scope. 404 for an outsider; 403 if seen but not changeable."""
    obj = get_object_or_404(scoped_queryset(model_or_qs, user, Action.VIEW), **lookup)
    if action == Action.CHANGE and not scoped_queryset(model_or_qs, user, Action.CHANGE).filter(pk=obj.pk).exists():
        raise PermissionDenied
    return obj


class CappedPaginator(Paginator):  # type: ignore[type-arg]
    """Counts the rows only as far as the pages need: at least `cap`, or up to the page asked for, and one more to
    know whether there are others. `more` then says the list goes on past `count` ("Hơn 1.000 đơn").

    For searches at national scale: the exact count of "Nguyễn" (two letters in five, each matched by an
    EXISTS on its petitioners) cost most of a second on every page. Past `MAX_PAGES` the count stops growing:
    page 10.000 of a common name would read half a million ids; the last page counted is shown instead."""

    MAX_PAGES = 200

    def __init__(self, object_list: Any, per_page: int, cap: int = 1000):
        super().__init__(object_list, per_page)
        self.cap = cap
        self.more = False

    def get_page(self, number: Any) -> Page[Any]:
        try:
            asked = max(int(number), 1)
        except (TypeError, ValueError):
            asked = 1
        # Past the cap, count up to the page asked for (page 30 of a common name still opens).
        self.cap = max(self.cap, min(asked, self.MAX_PAGES) * self.per_page)
        return super().get_page(number)

    @cached_property
    def count(self) -> int:
        # The ids of the first matches in no particular order: PostgreSQL then finds them from whichever index
        # suits the search and stops at the cap ("Nguyễn" nationally: 36 ms), where counting them in the list's
        # order walked the country's letters newest first until the cap (0,9 s).
        ids = list(self.object_list.order_by().values_list("pk", flat=True)[: self.cap + 1])  # type: ignore[attr-defined]
        self.more = len(ids) > self.cap
        if not self.more:
            # All the matches are known: the page is read by their ids. In the list's order, a rare word was
            # looked for down the whole index (3 s for a word in no letter of the country).
            self.object_list = self.object_list.filter(pk__in=ids)  # type: ignore[attr-defined]
        # One past the cap when there are more: the last counted page then has a next page.
        return len(ids)

    @property
    def shown_count(self) -> int:
        """The count to print: exact, or the cap when `more`."""
        return self.cap if self.count > self.cap else self.count


class VersionedCountPaginator(Paginator):  # type: ignore[type-arg]
    """Counts its rows once per data version of the apps they are read from (`labels`, danvan.reports.cache):
    the same list opened again, or its next page, reads the count from the cache until a record of those apps
    changes. The key is the count's own SQL and parameters, so it holds the user's scope and every filter.

    For the letter list, the page officers open most: counting a province's 50.000 letters was 5,6 ms of
    PostgreSQL's CPU on every page, and reading the version of the letters and the units costs 0,6 ms."""

    def __init__(self, object_list: Any, per_page: int, labels: tuple[str, ...]):
        super().__init__(object_list, per_page)
        self.labels = labels

    @cached_property
    def count(self) -> int:
        from danvan.reports.cache import cached_for_version

        rows: Any = self.object_list
        try:
            sql, params = rows.order_by().query.sql_with_params()
        except EmptyResultSet:
            return 0  # a filter that matches nothing by construction (`pk__in=[]`: no notice owed): nothing to ask
        counted: int = cached_for_version(f"count:{sql}:{params!r}", lambda: int(rows.count()), labels=self.labels)
        return counted


def paginate(request: HttpRequest, queryset: Any, per_page: int = 50, cap: int | None = None,
             count_labels: tuple[str, ...] | None = None) -> Page[Any]:
    """A page of `queryset` (`?page=`). With `cap`, the count stops past `cap` rows (`CappedPaginator`); with
    `count_labels`, the count is read once per data version of those apps (`VersionedCountPaginator`)."""
    if cap is not None:
        paginator: Paginator[Any] = CappedPaginator(queryset, per_page, cap)
    elif count_labels:
        paginator = VersionedCountPaginator(queryset, per_page, count_labels)
    else:
        paginator = Paginator(queryset, per_page)
    return paginator.get_page(request.GET.get("page"))


def url_prefix(name: str, *args: Any) -> str:
    """The URL of `name` without its last id, reversed once for a page's rows: the row adds `{id}/`. A page of
    fifty rows with a `reverse()` each spent a tenth of its CPU resolving the same route. The route must end in an
    id (`.../<int:pk>/`); any other fails here rather than giving rows a wrong link."""
    url = reverse(name, args=[*args, 0])
    if not url.endswith("/0/"):
        raise ValueError(f"url_prefix: {name} does not end in an id ({url})")
    return url.removesuffix("0/")


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The work queue (danvan.workqueue): what waits for the user today, each a count and a link."""
    from danvan.legal.services import administrator_warnings
    from danvan.workqueue.queue import work_queue

    today = timezone.localdate()
    return render(request, "core/home.html", {
        "organisation": getattr(request.user, "organisation", None),
        "admin_warnings": administrator_warnings(request.user, today),
        "tiles": work_queue(request.user, today),
        "today": today,
    })


def _display(field: Any, value: Any) -> str:
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


# Fields a child's creation row does not list: the link to its parent and the audit columns.
_NOT_LISTED = frozenset({"id", "created_at", "updated_at", "archived_at", "archive_reason", "version"})


def _diff_rows(records: list[Any], model: Any, hidden: Any, subject: str,
               listed_on_creation: bool) -> list[dict[str, Any]]:
    """One row per history record of one instance (newest first), with its changes against the record
    before it; `hidden(field_name)` masks a value; a child's creation lists the values it was created with."""
    rows = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None:
            pairs = [(c.field, c.old, c.new) for c in record.diff_against(previous).changes]
        elif listed_on_creation:
            parent = getattr(model, "parent_field", "")
            # A stored file's path is the storage's business: the record names the file (e.g. `original_name`).
            pairs = [(f.name, None, getattr(record, f.attname)) for f in model._meta.concrete_fields
                     if f.name not in _NOT_LISTED and f.name != parent and not isinstance(f, models.FileField)
                     and getattr(record, f.attname) not in (None, "")]
        else:
            pairs = []
        for name, old, new in pairs:
            field = model._meta.get_field(name)
            if field.is_relation and not previous:
                new = getattr(record, name, new)  # the related record itself, not its id
            masked = hidden(name)
            changes.append({
                "field": getattr(field, "verbose_name", name),
                "old": "•••" if masked else _display(field, old),
                "new": "•••" if masked else _display(field, new),
            })
        rows.append({
            "date": record.history_date,
            "order": record.history_id,
            "user": record.history_user,
            "type": record.get_history_type_display(),
            "reason": record.history_change_reason or "",
            "subject": subject,
            "changes": changes,
        })
    return rows


def _history_rows(obj: Any, user: Any, masked_fields: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """The record's history, and, in the same timeline, that of the child rows it declares in
    `HISTORY_CHILDREN` (related names: a letter's signers, attachments, pauses). The record's hooks decide
    what is masked: `history_field_visible(field, user)` for its own fields and
    `history_child_field_visible(child_model, field, user)` for its children's."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    visible = getattr(obj, "history_field_visible", None)

    def hidden(name: str) -> bool:
        return name in masked_fields or (visible is not None and not visible(name, user))

    rows = _diff_rows(records, type(obj), hidden, "", listed_on_creation=False)
    child_visible = getattr(obj, "history_child_field_visible", None)
    for related_name in getattr(obj, "HISTORY_CHILDREN", ()):
        child_model = obj._meta.get_field(related_name).related_model
        parent = child_model.parent_field

        def child_hidden(name: str, child_model: Any = child_model) -> bool:
            return child_visible is not None and not child_visible(child_model, name, user)

        by_instance: dict[int, list[Any]] = {}
        for record in (child_model.history.filter(**{f"{parent}_id": obj.pk}).select_related("history_user")
                       .order_by("-history_date", "-history_id")):
            by_instance.setdefault(record.id, []).append(record)
        for instance_id, instance_records in by_instance.items():
            subject = f"{child_model._meta.verbose_name} #{instance_id}"
            rows += _diff_rows(instance_records, child_model, child_hidden, subject, listed_on_creation=True)
    rows.sort(key=lambda row: (row["date"], row["order"]), reverse=True)
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
        request.user,  # type: ignore[arg-type]  # signed in (LoginRequiredMiddleware)
        obj, context=_("Lịch sử thay đổi %(model)s #%(pk)s") % {"model": model._meta.verbose_name, "pk": obj.pk})
    return render(
        request,
        "core/history.html",
        {"object": obj, "title": title, "rows": _history_rows(obj, request.user, masked_fields),
         "verbose_name": model._meta.verbose_name},
    )
