"""The calendar the app counts with, and the audited writes of the Government's holiday decisions.

- `current_calendar()` builds a `WorkingCalendar` from the decisions in the database and caches it;
  `current_rulebook()` does the same for the rule corrections and readings, `current_legal()` gives both.
  The caches are checked against a fingerprint of the holiday and rule tables (one small query), so a
  change made in another process (another web worker, a command) is seen at once, not at the next
  restart; a change in this process also clears them through the save signals.
- `record_decision`, `add_day` and `archive_decision` are the writes, for administrators only
  (holidays are national data). Django's admin writes through the same models and signals.
- After any committed change, `danvan.legal.signals.holidays_changed` is sent once.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from danvan.core import services as core_services
from danvan.legal.calendar import DecidedDay, Occasion, WorkingCalendar
from danvan.legal.models import HolidayDay, HolidayDayKind, HolidayDecision, LegalReading, RuleOverride
from danvan.legal.rules import DATED_PERIODS, DEFAULT_RULEBOOK, Readings, RuleBook
from danvan.legal.signals import holidays_changed, rules_changed

if TYPE_CHECKING:
    from danvan.accounts.models import User

# (fingerprint of the holiday and rule tables, the calendar and rule book built from them); replaced whole, never
# mutated.
_cache: tuple[tuple[Any, ...], WorkingCalendar, RuleBook] | None = None


# ---- reading ---------------------------------------------------------------------------------------------


def build_calendar() -> WorkingCalendar:
    """A calendar from every day of every decision not archived (no cache)."""
    rows = (
        HolidayDay.objects.filter(decision__archived_at__isnull=True)
        .select_related("decision")
        .order_by("date", "pk")
    )
    return WorkingCalendar(
        decided_days=tuple(
            DecidedDay(
                date=row.date,
                occasion=Occasion(row.occasion),
                working=row.is_working,
                description=row.description,
                reference=row.decision.reference,
                year=row.decision.year,
            )
            for row in rows
        )
    )


def current_calendar() -> WorkingCalendar:
    """The working calendar of state offices as recorded now. Call it once per request or job and pass
    the calendar to the `danvan.legal.deadlines` functions."""
    return current_legal()[0]


def current_rulebook() -> RuleBook:
    """The dated rules with the administrators' corrections (`RuleOverride`) and readings (`LegalReading`).

    Built again when the fingerprint moves, with the calendar; call it once per request or job."""
    return current_legal()[1]


def current_legal() -> tuple[WorkingCalendar, RuleBook]:
    """The calendar and the rule book together, checked against one fingerprint query: a letter's page and the
    notices owed need both (three queries a page before, one now). Both are built again when it moves."""
    global _cache
    fingerprint = _fingerprint()
    cached = _cache
    if cached is not None and cached[0] == fingerprint:
        return cached[1], cached[2]
    calendar, rulebook = build_calendar(), build_rulebook()
    _cache = (fingerprint, calendar, rulebook)
    return calendar, rulebook


def clear_calendar_cache() -> None:
    """Forget the calendar and the rule book (a change in this process; the fingerprint catches the others')."""
    global _cache
    _cache = None


def _fingerprint() -> tuple[Any, ...]:
    """Changes whenever a holiday decision or day, a rule correction or a reading is written: the last history row
    of each (every write of these is audited, ADR 0003), the day count and the last correction and reading."""
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql(connection.vendor))
        return tuple(cursor.fetchone())


@functools.cache
def _fingerprint_sql(vendor: str) -> str:
    """The fingerprint's query, written once per process: each `Model.history` builds its manager class anew
    (django-simple-history), and the four of them were most of the letter page's 1 ms for this query."""
    quote = connection.ops.quote_name
    parts = []
    # The rule tables' own last ids too: a correction loaded in bulk writes no history row.
    for model in (HolidayDecision.history.model, HolidayDay.history.model, RuleOverride.history.model,
                  LegalReading.history.model, RuleOverride, LegalReading):
        parts.append(f"(SELECT MAX({quote(model._meta.pk.column)}) FROM {quote(model._meta.db_table)})")
    parts.append(f"(SELECT COUNT(*) FROM {quote(HolidayDay._meta.db_table)})")
    return "SELECT " + ", ".join(parts)


def build_rulebook() -> RuleBook:
    """The rule book from the corrections and readings in the database (no cache): two small queries."""
    overrides = []
    for row in RuleOverride.objects.filter(archived_at__isnull=True).order_by("updated_at", "pk"):
        base = next(v for v in DATED_PERIODS[row.rule] if v.valid_from == row.version_from)
        overrides.append(replace(base, days=row.days, law=row.law, article=row.article, confirmed=row.confirmed,
                                 source=row.source))
    readings = {row.key: row.value for row in
                LegalReading.objects.filter(archived_at__isnull=True).order_by("updated_at", "pk")}
    if not overrides and not readings:
        return DEFAULT_RULEBOOK
    return DEFAULT_RULEBOOK.with_overrides(overrides).with_readings(Readings(**readings))


# Administrators are warned from this day of the year when next year's Tết decision is not recorded: the
# Prime Minister's decision usually comes in October-November (e.g. Tết 2026 decided in October 2025).
TET_DECISION_WARNING_FROM = (11, 1)


def tet_decision_recorded(year: int) -> bool:
    """Whether a decision (not archived) records Tết Âm lịch days off for `year`."""
    return HolidayDay.objects.filter(
        decision__archived_at__isnull=True, decision__year=year, occasion=Occasion.LUNAR_NEW_YEAR.value,
        kind=HolidayDayKind.DAY_OFF,
    ).exists()


def administrator_warnings(user: Any, today: dt.date) -> list[str]:
    """Warnings for an administrator's home page: next year's Tết decision missing from 1 November (the
    calendar would count Tết by the default rule, Bộ luật Lao động 2019 Điều 112 khoản 3)."""
    if user is None or not getattr(user, "can_administer", False):
        return []
    warnings = []
    next_year = today.year + 1
    if (today.month, today.day) >= TET_DECISION_WARNING_FROM and not tet_decision_recorded(next_year):
        warnings.append(_("Chưa ghi văn bản nghỉ Tết Âm lịch năm %(year)s: thời hạn các đơn đang tính theo quy tắc "
                          "mặc định. Hãy ghi văn bản khi Thủ tướng Chính phủ quyết định.") % {"year": next_year})
    return warnings


def on_rule_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A correction of a rule or a reading: announce it after commit, so open letters are recomputed
    (each changed letter gets a history row naming the change; none is changed silently)."""
    actor = _actor_of(instance)
    clear_calendar_cache()  # this process's rule book, now (the fingerprint catches other processes' changes)
    transaction.on_commit(lambda: rules_changed.send(sender=sender, actor=actor, instance=instance))


# ---- writing ---------------------------------------------------------------------------------------------


def _check_may_edit(actor: User | None) -> None:
    if actor is not None and not actor.can_administer:
        raise PermissionDenied(_("Chỉ quản trị viên được sửa lịch nghỉ lễ, tết."))


@transaction.atomic
def record_decision(
    actor: User | None,
    *,
    year: int,
    reference: str,
    days: Iterable[DecidedDay],
    issued_on: dt.date | None = None,
    note: str = "",
    reason: str = "",
) -> HolidayDecision:
    """Record a Government notice and the days it announces; it overrides the rule for its occasions."""
    _check_may_edit(actor)
    decision = core_services.create(
        HolidayDecision, actor, reason=reason or _("Ghi văn bản nghỉ lễ, tết"),
        year=year, reference=reference, issued_on=issued_on, note=note,
    )
    for day in days:
        add_day(actor, decision, day, reason=reason)
    return decision


@transaction.atomic
def add_day(actor: User | None, decision: HolidayDecision, day: DecidedDay, *, reason: str = "") -> HolidayDay:
    _check_may_edit(actor)
    row = HolidayDay(
        decision=decision,
        date=day.date,
        kind=HolidayDayKind.WORKED if day.working else HolidayDayKind.DAY_OFF,
        occasion=Occasion(day.occasion).value,
        description=day.description,
    )
    row.full_clean()
    # Read by simple_history when it writes the history row (set on the instance, not declared by the model).
    row._history_user = actor  # type: ignore[attr-defined]
    row._change_reason = reason or _("Ghi ngày nghỉ, ngày làm bù")  # type: ignore[attr-defined]
    row.save()
    return row


def archive_decision(actor: User | None, decision: HolidayDecision, *, reason: str) -> HolidayDecision:
    """Withdraw a notice (superseded, entered by mistake): its days stop counting, its history stays."""
    _check_may_edit(actor)
    return core_services.archive(decision, actor, reason=reason)


# ---- announcing changes (connected in LegalConfig.ready) -----------------------------------------------


def _actor_of(instance: Any) -> User | None:
    actor = getattr(instance, "_history_user", None)
    if actor is None:
        user = getattr(getattr(HistoricalRecords.context, "request", None), "user", None)
        actor = user if getattr(user, "is_authenticated", False) else None
    return actor


class _PendingAnnouncement:
    """The years changed in one transaction and who changed them, announced once it commits.

    It lives in the connection's on-commit queue only: a transaction that rolls back drops it, so its
    years and actor never leak into a later, unrelated commit (nor into its audit rows)."""

    def __init__(self) -> None:
        self.years: set[int] = set()
        self.actor: User | None = None

    def __call__(self) -> None:
        clear_calendar_cache()
        if self.years:
            holidays_changed.send(sender=HolidayDecision, years=frozenset(self.years), actor=self.actor)


def _announce(years: set[int], actor: User | None) -> None:
    """Clear the cache now and send `holidays_changed` once, after the transaction commits."""
    clear_calendar_cache()
    connection = transaction.get_connection()
    pending = next((func for _sids, func, _robust in connection.run_on_commit
                    if isinstance(func, _PendingAnnouncement)), None)
    if pending is not None:  # several saves in one transaction: one announcement for all
        pending.years |= years
        pending.actor = actor or pending.actor
        return
    pending = _PendingAnnouncement()
    pending.years |= years
    pending.actor = actor
    transaction.on_commit(pending)  # outside a transaction, this runs it at once


def on_decision_changed(sender: Any, instance: HolidayDecision, **kwargs: Any) -> None:
    years = {instance.year, *(d.year for d in instance.days.values_list("date", flat=True))}
    _announce(years, _actor_of(instance))


def on_day_changed(sender: Any, instance: HolidayDay, **kwargs: Any) -> None:
    _announce(instance.years_touched(), _actor_of(instance))
