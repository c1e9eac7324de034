"""A busy database answers "try again", never a 500; reads write as little as they can (issue 13, ADR 0014).

SQLite has one writer at a time. Requests wait for the write lock up to `DANVAN_SQLITE_BUSY_SECONDS`
(settings: WAL, busy timeout, BEGIN IMMEDIATE); bulk jobs commit in short chunks so the wait is short.
When the lock cannot be had anyway, `DatabaseBusyMiddleware` answers 503 with a Vietnamese page and a
`Retry-After`, wherever the error arose (view, session save, login lockout bookkeeping): Django turns the
exception into a 500 layer by layer, so the error is noticed through `got_request_exception` and the 500 is
replaced on the way out.

The audit rows a page writes while reading (who saw a protected identity) are collected during the request
and written in one short transaction at its end (`defer_write`), rather than one write per row: a page of
fifty protected petitioners needs the write lock once. If that write fails, the page is not sent: an identity
is never shown without its audit row.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable
from typing import Any

from django.core.signals import got_request_exception
from django.db import OperationalError, transaction
from django.db.models import Model
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5
_pending: contextvars.ContextVar[list[Model] | None] = contextvars.ContextVar("danvan_deferred_writes",
                                                                                  default=None)


def is_busy_error(exc: BaseException | None) -> bool:
    """SQLite's "database is locked" / "database table is locked" (PostgreSQL waits on row locks instead)."""
    return isinstance(exc, OperationalError) and "locked" in str(exc)


def defer_write(row: Model) -> None:
    """Insert `row` at the end of the current request, with the others, in one transaction; at once outside
    a request (commands, tests calling services directly)."""
    pending = _pending.get()
    if pending is None:
        row.save()
    else:
        pending.append(row)


def flush_deferred() -> None:
    pending = _pending.get()
    if not pending:
        return
    rows, pending[:] = list(pending), []
    by_model: dict[type[Model], list[Model]] = {}
    for row in rows:
        by_model.setdefault(type(row), []).append(row)
    with transaction.atomic():
        for model, batch in by_model.items():
            model._default_manager.bulk_create(batch)


@receiver(got_request_exception)
def _note_busy(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    import sys

    if request is not None and is_busy_error(sys.exc_info()[1]):
        request._danvan_database_busy = True  # type: ignore[attr-defined]  # read by the middleware below


def busy_response(request: HttpRequest) -> HttpResponse:
    try:
        body: str = render_to_string("core/busy.html", request=request)
    except Exception:  # the page must not fail too: plain text if the layout needs what is busy
        body = "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>{0}</title><h1>{0}</h1><p>{1}</p>" \
               "</html>".format(_("Hệ thống đang bận"), _("Hệ thống đang bận, vui lòng thử lại sau ít giây."))
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseBusyMiddleware:
    """First in MIDDLEWARE: wraps every other layer."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _pending.set([])
        try:
            response = self.get_response(request)
            try:
                flush_deferred()
            except OperationalError as exc:
                if not is_busy_error(exc):
                    raise
                log.warning("Database busy while writing the audit rows of %s", request.path)
                return busy_response(request)
        finally:
            _pending.reset(token)
        if getattr(request, "_danvan_database_busy", False) and response.status_code >= 500:
            log.warning("Database busy: %s answered 503", request.path)
            return busy_response(request)
        return response
