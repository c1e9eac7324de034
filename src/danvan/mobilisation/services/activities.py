"""Activities: briefing tasks, supervision recommendations and the bulk entry of propaganda sessions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import services as audited
from danvan.mobilisation.models import (
    Briefing,
    BriefingTask,
    PropagandaSession,
    Supervision,
    SupervisionRecommendation,
)
from danvan.mobilisation.services.base import (
    _create_child,
    _not_archived,
    _today,
)
from danvan.units.models import Organisation

if TYPE_CHECKING:
    from danvan.accounts.models import User


@transaction.atomic
def add_briefing_task(
    actor: User | None, briefing: Briefing, *, content: str, owner: str, due_on: dt.date | None = None
) -> BriefingTask:
    audited.check_can_change(actor, briefing)
    _not_archived(briefing)
    return _create_child(
        actor,
        BriefingTask,
        _("Giao nhiệm vụ sau giao ban"),
        briefing=briefing,
        content=content,
        owner=owner,
        due_on=due_on,
    )


@transaction.atomic
def add_recommendation(
    actor: User | None, supervision: Supervision, *, content: str, owner: str, due_on: dt.date | None = None
) -> SupervisionRecommendation:
    audited.check_can_change(actor, supervision)
    _not_archived(supervision)
    return _create_child(
        actor,
        SupervisionRecommendation,
        _("Ghi kiến nghị sau giám sát"),
        supervision=supervision,
        content=content,
        owner=owner,
        due_on=due_on,
    )


# ---------------------------------------------------------------- bulk entry of propaganda sessions

SESSION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("held_on", _("Ngày")),
    ("kind", _("Hình thức")),
    ("topic", _("Nội dung")),
    ("place", _("Địa điểm")),
    ("attendees", _("Số người dự")),
)


SESSION_FIELDS: tuple[str, ...] = tuple(name for name, _label in SESSION_COLUMNS)


def session_column_label(field: str) -> str:
    return str(dict(SESSION_COLUMNS).get(field, field))


@dataclass(frozen=True)
class SessionRow:
    """One row of a bulk entry; `line` is the row number the user sees (Excel row, or form row)."""

    line: int
    held_on: dt.date | None
    kind: str
    topic: str
    place: str
    attendees: int | None


def row_error(line: int, field: str, message: str) -> str:
    return _("Dòng %(line)s, cột %(column)s: %(message)s") % {
        "line": line,
        "column": session_column_label(field),
        "message": message,
    }


@transaction.atomic
def record_propaganda_sessions(
    actor: User | None, organisation: Organisation, rows: Sequence[SessionRow]
) -> list[PropagandaSession]:
    """Record many sessions at once, all or nothing: any bad row rejects the whole batch, and the error
    names the row and the column ("Dòng 7, cột Ngày: ...")."""
    if not rows:
        raise ValidationError(_("Không có dòng dữ liệu nào."))
    audited.check_can_change(actor, PropagandaSession(organisation=organisation, area=organisation.area))
    errors: list[str] = []
    sessions = []
    for row in rows:
        session = PropagandaSession(
            organisation=organisation,
            area=organisation.area,
            held_on=row.held_on,
            kind=row.kind,
            topic=row.topic,
            place=row.place,
            attendees=row.attendees,
        )
        try:
            session.full_clean()
            if row.held_on and row.held_on > _today():
                raise ValidationError({"held_on": _("Ngày tổ chức không được sau ngày hôm nay.")})
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors += [row_error(row.line, field, message) for message in messages]
        sessions.append(session)
    if errors:
        raise ValidationError(errors)
    for session in sessions:
        session._history_user = actor
        session._change_reason = _("Nhập hàng loạt buổi tuyên truyền")
        session.save()
    return sessions
