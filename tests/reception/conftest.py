"""Reception fixtures: sessions and visits made through the services, as the app makes them."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.core.choices import ContentKind, Field
from danvan.reception import services
from danvan.reception.models import Handling, SessionKind

DAY = dt.date(2026, 3, 10)


def open_session(actor, organisation, *, kind=SessionKind.REGULAR, date=DAY, **extra):
    if kind == SessionKind.PERIODIC:
        extra.setdefault("presiding_name", "Nông Văn Chủ")
        extra.setdefault("presiding_position", "Chủ tịch UBND")
    return services.open_session(actor, organisation=organisation, kind=kind, date=date,
                                 place=extra.pop("place", "Trụ sở tiếp công dân"), **extra)


def record_visit(actor, session, *, name="Hoàng Văn Dân", id_number="", content_kind=ContentKind.COMPLAINT,
                 **extra):
    citizen = extra.pop("citizen", None) or services.CitizenDetails(full_name=name, id_number=id_number)
    extra.setdefault("field", Field.LAND_HOUSING)
    extra.setdefault("summary", "Khiếu nại việc thu hồi đất")
    extra.setdefault("handling", Handling.GUIDED)
    return services.record_visit(actor, session, citizen=citizen, content_kind=content_kind, **extra)


@pytest.fixture
def session_cb(tree, alice):
    return open_session(alice, tree.board_cb)
