"""Letters made through the services, as the app makes them (style.md: zulip)."""

from __future__ import annotations

import datetime as dt

from danvan.core.choices import ContentKind, Field
from danvan.letters import services

D = dt.date
DEFAULT_RECEIVED = D(2026, 3, 2)


def receive(actor, organisation, *, name="Nguyễn Văn An", received_on=DEFAULT_RECEIVED, kind=ContentKind.COMPLAINT,
            field=Field.LAND_HOUSING, summary="Khiếu nại việc thu hồi đất", **extra):
    petitioners = extra.pop("new_petitioners", None)
    if petitioners is None:
        petitioners = [] if extra.get("anonymous") else [{"full_name": name}]
    return services.receive_letter(actor, organisation, received_on=received_on, summary=summary,
                                   content_kind=kind, field=field, new_petitioners=petitioners, **extra)


def classify(actor, letter, *, qualifying=True, within=True, **extra):
    extra.setdefault("content_kind", letter.content_kind)
    extra.setdefault("field", letter.field)
    if not qualifying:
        extra.setdefault("not_qualifying_reason", "missing_signature")
    return services.classify_letter(actor, letter, qualifying=qualifying, within_jurisdiction=within, **extra)


def accepted(actor, organisation, *, accepted_on=None, handler=None, **extra):
    letter = classify(actor, receive(actor, organisation, **extra))
    return services.accept_letter(actor, letter, accepted_on=accepted_on or letter.received_on, handler=handler)


def resolved(actor, organisation, *, resolved_on, outcome="c_right", **extra):
    letter = accepted(actor, organisation, **extra)
    return services.resolve_letter(actor, letter, resolved_on=resolved_on, outcome=outcome)
