"""The states of a letter and the transitions allowed between them (one table, style.md: Signals).

received ─classify→ classified ─accept→ accepted ─start→ in_progress ─resolve→ resolved ─close→ closed
                               ├forward→ forwarded ─────────────────────────────────────close→ closed
                               ├guide→ guided ──────────────────────────────────────────close→ closed
                               └file→ filed ────────────────────────────────────────────close→ closed
A closed (or filed, guided, forwarded, resolved) letter may be reopened with a reason: it returns to
`in_progress` if it had been accepted, otherwise to `classified`.

Handling decisions follow TT 05/2021/TT-TTCP (Điều 6–9: thụ lý, chuyển đơn, hướng dẫn, lưu đơn).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterStatus(models.TextChoices):
    RECEIVED = "received", _("Mới tiếp nhận")
    CLASSIFIED = "classified", _("Đã phân loại")
    ACCEPTED = "accepted", _("Đã thụ lý")
    FORWARDED = "forwarded", _("Đã chuyển đơn")
    GUIDED = "guided", _("Đã hướng dẫn")
    FILED = "filed", _("Lưu đơn")
    IN_PROGRESS = "in_progress", _("Đang giải quyết")
    RESOLVED = "resolved", _("Đã giải quyết")
    CLOSED = "closed", _("Đã kết thúc")


S = LetterStatus

# from-state → the states it may move to. Reclassifying a classified letter is allowed.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.RECEIVED: frozenset({S.CLASSIFIED, S.FILED}),
    S.CLASSIFIED: frozenset({S.CLASSIFIED, S.ACCEPTED, S.FORWARDED, S.GUIDED, S.FILED}),
    S.ACCEPTED: frozenset({S.IN_PROGRESS, S.RESOLVED}),
    S.IN_PROGRESS: frozenset({S.RESOLVED}),
    S.RESOLVED: frozenset({S.CLOSED, S.IN_PROGRESS}),
    S.FORWARDED: frozenset({S.CLOSED, S.CLASSIFIED}),
    S.GUIDED: frozenset({S.CLOSED, S.CLASSIFIED}),
    S.FILED: frozenset({S.CLOSED, S.CLASSIFIED}),
    S.CLOSED: frozenset({S.IN_PROGRESS, S.CLASSIFIED}),
}

# States in which the letter waits for a decision on handling (the acceptance deadline runs).
AWAITING_DECISION = frozenset({S.RECEIVED, S.CLASSIFIED})
# States in which the letter is being resolved (the resolution deadline runs).
BEING_RESOLVED = frozenset({S.ACCEPTED, S.IN_PROGRESS})
# States from which a letter can be reopened (a reason is required).
REOPENABLE = frozenset({S.RESOLVED, S.FORWARDED, S.GUIDED, S.FILED, S.CLOSED})
# States that end the work on a letter.
FINISHED = frozenset({S.RESOLVED, S.FORWARDED, S.GUIDED, S.FILED, S.CLOSED})


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


# The actions offered on the detail page, by the state they start from; the first is the usual next step
# (shown open), so reclassifying comes after the handling decisions.
ACTIONS_BY_STATE: dict[str, tuple[str, ...]] = {
    S.RECEIVED: ("classify", "file"),
    S.CLASSIFIED: ("accept", "forward", "guide", "file", "classify"),
    S.ACCEPTED: ("start", "resolve", "pause"),
    S.IN_PROGRESS: ("resolve", "pause"),
    S.RESOLVED: ("close", "reopen"),
    S.FORWARDED: ("reply", "close", "reopen"),
    S.GUIDED: ("close", "reopen"),
    S.FILED: ("close", "reopen"),
    S.CLOSED: ("reopen",),
}


def offered_actions(status: str, *, qualifying: bool | None, within_jurisdiction: bool | None) -> tuple[str, ...]:
    """The actions to offer for a letter in `status`, once classified: a letter found not qualifying or not
    within the body's jurisdiction is not accepted (thụ lý) but forwarded, guided or filed (TT 05/2021/TT-TTCP
    Điều 6–9; `services.accept_letter` refuses it too), so "accept" is not offered and forwarding comes first."""
    names = ACTIONS_BY_STATE.get(status, ())
    if qualifying is False or within_jurisdiction is False:
        names = tuple(name for name in names if name != "accept")
    return names
