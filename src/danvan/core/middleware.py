"""Request input, in one place for every view (ADR 0013).

- A request body larger than DANVAN_MAX_UPLOAD_MB is refused from its Content-Length, before a byte of it is
  read: a 300 MB upload used to be received in full and only then refused by the attachment check.
- Every text value of the query string and of a posted form is NFC-normalised and loses its NUL characters,
  before any form, search or filter sees it: Vietnamese typed on some keyboards arrives decomposed ("e" +
  combining marks), was stored so, and was then never found by a search typed the usual way. Passwords are
  left exactly as typed: a secret is compared byte for byte with the one chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.template import loader

from danvan.core.text import clean_input


def _is_secret(key: str) -> bool:
    return "password" in key


def _cleaned(query: QueryDict) -> QueryDict:
    if all(value.isascii() and "\x00" not in value for _key, values in query.lists() for value in values):
        return query  # nothing to change: the common case costs no copy
    cleaned = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        cleaned.setlist(key, values if _is_secret(key) else [clean_input(value) for value in values])
    cleaned._mutable = False
    return cleaned


def max_upload_bytes() -> int:
    return int(settings.DANVAN_MAX_UPLOAD_MB) * 1024 * 1024


def too_large(request: HttpRequest) -> HttpResponse:
    """413 with a page that needs neither the database nor a session (it is answered before either)."""
    body = loader.get_template("413.html").render({
        "max_upload_mb": settings.DANVAN_MAX_UPLOAD_MB, "max_attachment_mb": settings.DANVAN_MAX_ATTACHMENT_MB,
        "back": request.path,  # the form's own page: a POST goes back to where it was sent from
    })
    return HttpResponse(body, status=413)


class InputMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > max_upload_bytes():
            return too_large(request)
        request.GET = _cleaned(request.GET)  # type: ignore[assignment]  # immutable again, as Django made it
        if request.method == "POST":
            # Reading POST here parses the body once, as CsrfViewMiddleware would a moment later.
            request.POST = _cleaned(request.POST)  # type: ignore[assignment]
        return self.get_response(request)
