"""A request id on every request: taken from the proxy's X-Request-ID when it is a plain token, made up
otherwise; echoed in the response's X-Request-ID and added to every log record written meanwhile."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid

from django.core.signals import request_finished

HEADER = "X-Request-ID"
SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
_current: contextvars.ContextVar[str] = contextvars.ContextVar("danvan_request_id", default="-")


def current_request_id() -> str:
    return _current.get()


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(HEADER, "")
        # nginx's $request_id (32 hex digits) passes; anything else, which could forge log lines, is replaced.
        request_id = incoming if SAFE_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        # Kept until the response is closed (request_finished below), so that Django's own "Not Found" and
        # error lines, written after the middleware returns, carry it too.
        _current.set(request_id)
        response = self.get_response(request)
        response[HEADER] = request_id
        return response


def _forget(**kwargs) -> None:
    _current.set("-")


request_finished.connect(_forget, dispatch_uid="danvan-request-id")


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (`-` outside a request: commands, start-up)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _current.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line (DANVAN_LOG_FORMAT=json), for journald or a log shipper."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
