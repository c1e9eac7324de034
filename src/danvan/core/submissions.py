"""A create form is sent once (issue 13, double submits; ADR 0014).

Each render of a create form carries a fresh random token (`{% submission_token %}`, templatetags
`submissions`). A view decorated with `create_once` runs in one transaction; when it succeeds (it answers
with a redirect), the token is stored in that same transaction with the page it led to. The same form sent
again — a double click, a browser resending, a second tab — finds the token and is redirected to the record
already created, with a message. Two copies sent at the same moment: the unique token makes the second
transaction fail, its work is rolled back and it is redirected the same way.

A POST without a token (scripts, older pages) is served as before: the token protects, it never blocks.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from danvan.core.models import FormSubmission

TOKEN_FIELD = "submission_token"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


def new_token() -> str:
    return secrets.token_urlsafe(24)


def _replayed(request: HttpRequest, done: FormSubmission) -> HttpResponse:
    list(messages.get_messages(request))  # drop the success message of a rolled-back attempt
    messages.info(request, _("Biểu mẫu này đã được gửi trước đó và bản ghi đã được tạo; không tạo thêm bản ghi "
                             "mới. Đây là kết quả của lần gửi đó."))
    return redirect(done.redirect_to)


def create_once(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Make a create view idempotent per rendered form (see the module's docstring)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        token = request.POST.get(TOKEN_FIELD, "") if request.method == "POST" else ""
        if not _TOKEN.fullmatch(token) or not request.user.is_authenticated:
            response: HttpResponse = view(request, *args, **kwargs)
            return response
        done = FormSubmission.objects.filter(token=token, user=request.user).first()
        if done is not None:
            return _replayed(request, done)
        try:
            with transaction.atomic():
                response = view(request, *args, **kwargs)
                if response.status_code in (301, 302, 303) and response.get("Location"):
                    with transaction.atomic():
                        FormSubmission.objects.create(token=token, user=request.user,
                                                      redirect_to=response["Location"][:500])
        except IntegrityError:
            done = FormSubmission.objects.filter(token=token, user=request.user).first()
            if done is None:
                raise
            return _replayed(request, done)
        return response

    return wrapper
