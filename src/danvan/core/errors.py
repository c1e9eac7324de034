"""The error pages, in Vietnamese and in the app's layout (urls.py handler400/403/404/500, CSRF_FAILURE_VIEW).

400, 403, 404 and the CSRF failure render `base.html` with the request, so the user keeps the navigation and a
way back. 500 renders a standalone template with no request context: what failed may be the database, the
session or a context processor, and the error page must not fail the same way.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import requires_csrf_token


def _back(request: HttpRequest) -> str:
    """The page the user came from, if it is on this site."""
    referer = request.META.get("HTTP_REFERER", "")
    try:
        host = request.get_host()
    except Exception:  # DisallowedHost is itself a reason for a 400
        return ""
    return referer if referer and url_has_allowed_host_and_scheme(referer, {host}, request.is_secure()) else ""


def _page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    return render(request, template, {"back": _back(request)}, status=status)


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "400.html", 400)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "403.html", 403)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "404.html", 404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _page(request, "403_csrf.html", 403)


def server_error(request: HttpRequest) -> HttpResponse:
    return HttpResponseServerError(loader.get_template("500.html").render())
