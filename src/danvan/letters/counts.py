"""Counts of letters for reports, over a unit subtree and an inclusive date range.

Each figure is given by letter and by matter ("29 đơn (29 vụ việc)"): the matters are the distinct
matters of the letters counted. Letters are counted by their received date, except `resolved` and
`resolved_on_time`, whose event is the resolution and which are counted by the resolution date, and
`carried_over`, which is the state of the letters at the start of the period. Archived letters are not
counted. The subtree is the owning organisation's area (`area`), as for every scoped record.

Resolution rate (form 02/XLD of TT 01/2024/TT-TTCP, columns "kỳ trước chuyển sang", "tiếp nhận trong
kỳ", "đã giải quyết"): the letters within jurisdiction resolved in the period over the letters within
jurisdiction that had to be resolved in it, i.e. those carried over from the previous period plus those
arising in the period: "đã giải quyết 31/38 vụ việc thuộc thẩm quyền (gồm 6 vụ việc kỳ trước chuyển
sang, 32 vụ việc phát sinh trong kỳ), đạt 81,6%". Every letter resolved in the period is one of those
(it was received by the end of the period and neither resolved nor closed before its start), so the
rate is never above 100 %. It is returned as numerator and denominator, so that rates of several units
are summed before dividing, never averaged. The conditions are defined here once (`carried_over`,
`arising`, `resolved_in`), and so are the three passes that count them (`letter_counts`), which
`letter_counts_by_unit` groups by unit for the reports (`danvan.core.grouping`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.db.models import Aggregate, Count, F, Q, QuerySet

from danvan.core.choices import ContentKind, Field
from danvan.core.grouping import Counted, Range, any_period, group, in_period, merge, sum_rows
from danvan.letters.models import FiledReason, Handling, Letter
from danvan.units.models import Area


@dataclass(frozen=True)
class Figure:
    letters: int
    matters: int


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int


@dataclass(frozen=True)
class LetterCounts:
    received: Figure
    qualifying: Figure
    within_jurisdiction: Figure
    accepted: Figure
    carried_over: Figure
    arising: Figure
    to_resolve: Figure
    resolved: Figure
    resolved_on_time: Figure
    forwarded: Figure
    forward_replied: Figure
    filed_duplicate: Figure
    resolution_rate: Rate


def _base(root: Area, **filters: Any) -> QuerySet[Letter]:
    qs = Letter.objects.active().filter(area__path__startswith=root.path)
    if filters.get("content_kind"):
        qs = qs.filter(content_kind=filters["content_kind"])
    if filters.get("field"):
        qs = qs.filter(field=filters["field"])
    return qs


def _received(root: Area, start: dt.date, end: dt.date, **filters: Any) -> QuerySet[Letter]:
    return _base(root, **filters).filter(in_period(RECEIVED_ON, (start, end)))


def _resolved(root: Area, start: dt.date, end: dt.date, **filters: Any) -> QuerySet[Letter]:
    return _base(root, **filters).filter(in_period(RESOLVED_ON, (start, end)))


def _figure(qs: QuerySet[Letter]) -> Figure:
    totals = qs.aggregate(letters=Count("pk"), matters=Count("matter", distinct=True))
    return Figure(letters=totals["letters"], matters=totals["matters"])


# The condition of each figure on the letters received in the period (one place for both the single
# functions and `letter_counts`, which computes them all in one query).
QUALIFYING = Q(qualifying=True)
# Form 02/XLD classifies only qualifying letters by jurisdiction.
WITHIN_JURISDICTION = Q(qualifying=True, within_jurisdiction=True)
ACCEPTED = Q(accepted_on__isnull=False)
FORWARDED = Q(handling=Handling.FORWARD)
# Form 02/XLD: forwarded letters whose competent body has sent its written reply.
FORWARD_REPLIED = Q(handling=Handling.FORWARD, forward_reply_on__isnull=False)
# Not processed again (TT 05/2021/TT-TTCP): a duplicate of a matter handled, or already finally resolved.
FILED_DUPLICATE = Q(handling=Handling.FILE, filed_reason__in=(FiledReason.DUPLICATE, FiledReason.FINALLY_RESOLVED))
# Form 02/XLD: the letters the body itself has to resolve: qualifying, within its jurisdiction, and not
# handled otherwise (forwarded, guided or filed letters are not resolved by it).
TO_RESOLVE = WITHIN_JURISDICTION & ~Q(handling__in=(Handling.FORWARD, Handling.GUIDE, Handling.FILE))
# Resolved (within jurisdiction) on or before the stored resolution deadline (pauses and extensions counted in).
ON_TIME = Q(resolution_deadline__isnull=False, resolved_on__lte=F("resolution_deadline"))


def carried_over(start: dt.date) -> Q:
    """Form 02/XLD "kỳ trước chuyển sang": to resolve, received before `start`, and at `start` neither
    resolved nor closed (a letter resolved in the period is carried over whatever its closing date says, so
    that every letter resolved in the period is one that had to be resolved in it)."""
    return (TO_RESOLVE & Q(received_on__lt=start) & (Q(resolved_on__isnull=True) | Q(resolved_on__gte=start))
            & (Q(closed_on__isnull=True) | Q(closed_on__gte=start) | Q(resolved_on__gte=start)))


def arising(start: dt.date, end: dt.date) -> Q:
    """Form 02/XLD "tiếp nhận trong kỳ" (phát sinh): to resolve, received in the period."""
    return TO_RESOLVE & Q(received_on__gte=start, received_on__lte=end)


def to_resolve(start: dt.date, end: dt.date) -> Q:
    """What had to be resolved in the period: carried over plus arising (the rate's denominator)."""
    return carried_over(start) | arising(start, end)


def resolved_in(start: dt.date, end: dt.date) -> Q:
    """Form 02/XLD "đã giải quyết": to resolve, resolved in the period (the rate's numerator)."""
    return TO_RESOLVE & Q(resolved_on__gte=start, resolved_on__lte=end)


# The date that puts a letter in a period for the figures of each group.
RECEIVED_ON, RESOLVED_ON = "received_on", "resolved_on"
RECEIVED_FIGURES = {"received": None, "qualifying": QUALIFYING, "within_jurisdiction": WITHIN_JURISDICTION,
                    "accepted": ACCEPTED, "forwarded": FORWARDED, "forward_replied": FORWARD_REPLIED,
                    "filed_duplicate": FILED_DUPLICATE, "arising": TO_RESOLVE}
RESOLVED_FIGURES = {"resolved": TO_RESOLVE, "resolved_on_time": TO_RESOLVE & ON_TIME}


def open_figures(start: dt.date, end: dt.date) -> dict[str, Q]:
    """The conditions of the figures read on the letters open at `start` or received up to `end`."""
    return {"carried_over": carried_over(start), "to_resolve": to_resolve(start, end)}


def open_letters(qs: QuerySet[Letter], start: dt.date, end: dt.date) -> QuerySet[Letter]:
    """The letters `open_figures` can count: to resolve, received by `end`, not resolved or closed before `start`."""
    return qs.filter(TO_RESOLVE, received_on__lte=end).filter(Q(resolved_on__isnull=True) | Q(resolved_on__gte=start))


def _aggregates(conditions: Mapping[str, Q | None], when: Q, *, matters: bool = True) -> dict[str, Aggregate]:
    """The named aggregates of `conditions` over the letters meeting `when` (the period, or all): by letter,
    and by matter."""
    aggregates: dict[str, Aggregate] = {}
    for name, condition in conditions.items():
        counted = when & (condition or Q())
        aggregates[f"{name}__letters"] = Count("pk", filter=counted)
        if matters:
            aggregates[f"{name}__matters"] = Count("matter", distinct=True, filter=counted)
    return aggregates


def _figures(qs: QuerySet[Letter], conditions: Mapping[str, Q | None]) -> dict[str, Figure]:
    """Several figures over one queryset in a single aggregate query."""
    row = qs.aggregate(**_aggregates(conditions, Q()))
    return {name: Figure(row[f"{name}__letters"], row[f"{name}__matters"]) for name in conditions}


def count_received(root: Area, start: dt.date, end: dt.date, **filters: Any) -> Figure:
    return _figure(_received(root, start, end, **filters))


def count_qualifying(root: Area, start: dt.date, end: dt.date, **filters: Any) -> Figure:
    return _figure(_received(root, start, end, **filters).filter(QUALIFYING))


def count_within_jurisdiction(root: Area, start: dt.date, end: dt.date, **filters: Any) -> Figure:
    """Qualifying letters within jurisdiction: form 02/XLD classifies only qualifying letters by jurisdiction."""
    return _figure(_received(root, start, end, **filters).filter(WITHIN_JURISDICTION))


def count_accepted(root: Area, start: dt.date, end: dt.date, **filters: Any) -> Figure:
    return _figure(_received(root, start, end, **filters).filter(ACCEPTED))


def count_forwarded(root: Area, start: dt.date, end: dt.date, **filters: Any) -> Figure:
    return _figure(_received(root, start, end, **filters).filter(FORWARDED))


def count_forward_replied(root: Area, start: dt.date, end: dt.date, **filters: Any) -> Figure:
    return _figure(_received(root, start, end, **filters).filter(FORWARD_REPLIED))


def count_filed_duplicate(root: Area, start: dt.date, end: dt.date, **filters: Any) -> Figure:
    return _figure(_received(root, start, end, **filters).filter(FILED_DUPLICATE))


def count_resolved(root: Area, start: dt.date, end: dt.date, **filters: Any) -> Figure:
    """Letters within jurisdiction resolved in the period (form 02/XLD "đã giải quyết")."""
    return _figure(_base(root, **filters).filter(resolved_in(start, end)))


def count_resolved_on_time(root: Area, start: dt.date, end: dt.date, **filters: Any) -> Figure:
    """Resolved in the period on or before the stored resolution deadline (pauses already counted in)."""
    return _figure(_base(root, **filters).filter(resolved_in(start, end) & ON_TIME))


def count_carried_over(root: Area, start: dt.date, end: dt.date, **filters: Any) -> Figure:
    """Letters to resolve carried over from the previous period (form 02/XLD "kỳ trước chuyển sang")."""
    return _figure(_base(root, **filters).filter(carried_over(start)))


def count_to_resolve(root: Area, start: dt.date, end: dt.date, **filters: Any) -> Figure:
    """Letters that had to be resolved in the period: carried over plus arising."""
    return _figure(_base(root, **filters).filter(to_resolve(start, end)))


def resolution_rate(root: Area, start: dt.date, end: dt.date, **filters: Any) -> Rate:
    """Resolved in the period over what had to be resolved in it (carried over + arising), form 02/XLD."""
    return Rate(numerator=count_resolved(root, start, end, **filters).letters,
                denominator=count_to_resolve(root, start, end, **filters).letters)


def letter_counts(root: Area, start: dt.date, end: dt.date, **filters: Any) -> LetterCounts:
    """Every figure at once (three queries), optionally for one `content_kind` and/or one `field`."""
    received = _figures(_received(root, start, end, **filters), RECEIVED_FIGURES)
    resolved = _figures(_resolved(root, start, end, **filters), RESOLVED_FIGURES)
    still_open = _figures(open_letters(_base(root, **filters), start, end), open_figures(start, end))
    return LetterCounts(
        **received, **resolved, **still_open,
        resolution_rate=Rate(numerator=resolved["resolved"].letters,
                             denominator=still_open["to_resolve"].letters),
    )


# The breakdowns of form 02/XLD, as conditions: on the letters received in the period (by content kind, by
# field, group letters) and on the letters resolved in it (by outcome). The single functions below and
# `letter_details` read the same conditions.
def by_content_kind() -> dict[str, Q]:
    return {value: Q(content_kind=value) for value in ContentKind.values}


def by_field() -> dict[str, Q]:
    return {value: Q(field=value) for value in Field.values}


def by_outcome() -> dict[str, Q]:
    from danvan.letters.models import Outcome

    return {value: TO_RESOLVE & Q(outcome=value) for value in Outcome.values}


def group_letter() -> Q:
    """Group letters: 5 signers or more."""
    from danvan.letters.models import GROUP_LETTER_SIGNERS

    return Q(signer_count__gte=GROUP_LETTER_SIGNERS)


def _received_by(root: Area, start: dt.date, end: dt.date, column: str, values: list[str]) -> dict[str, Figure]:
    rows = (_received(root, start, end).values(column)
            .annotate(letters=Count("pk"), matters=Count("matter", distinct=True)))
    found = {row[column]: Figure(row["letters"], row["matters"]) for row in rows}
    return {value: found.get(value, Figure(0, 0)) for value in values}


def received_by_content_kind(root: Area, start: dt.date, end: dt.date) -> dict[str, Figure]:
    """Letters received per content kind (complaint, denunciation, recommendation, several), zeros included."""
    return _received_by(root, start, end, "content_kind", ContentKind.values)


def received_by_field(root: Area, start: dt.date, end: dt.date) -> dict[str, Figure]:
    """Letters received per field (land and housing, policy, …), zeros included."""
    return _received_by(root, start, end, "field", Field.values)


def count_group_letters(root: Area, start: dt.date, end: dt.date) -> Figure:
    """Group letters (5 signers or more) received in the period."""
    return _figure(_received(root, start, end).filter(group_letter()))


def letter_counts_by_unit(root: Area, periods: Sequence[Range], depth: int) -> list[Counted]:
    """`letter_counts`' figures by letter for every unit `depth` characters of path below `root` and every
    period at once: the same three passes (received, resolved, still open), each one `GROUP BY`."""
    base = _base(root)
    first, last = min(p[0] for p in periods), max(p[1] for p in periods)
    grouped = merge(
        group(base.filter(any_period(RECEIVED_ON, periods)), "area__path", depth, periods,
              lambda p: _aggregates(RECEIVED_FIGURES, in_period(RECEIVED_ON, p), matters=False)),
        group(base.filter(any_period(RESOLVED_ON, periods)), "area__path", depth, periods,
              lambda p: _aggregates(RESOLVED_FIGURES, in_period(RESOLVED_ON, p), matters=False)),
        group(open_letters(base, first, last), "area__path", depth, periods,
              lambda p: _aggregates(open_figures(*p), Q(), matters=False)),
    )
    names = [*RECEIVED_FIGURES, *RESOLVED_FIGURES, *open_figures(first, last)]

    def result(row: dict[str, int]) -> SimpleNamespace:
        return SimpleNamespace(**{name: SimpleNamespace(letters=row.get(f"{name}__letters", 0)) for name in names})

    # A letter belongs to one unit: every figure adds up over units.
    return [Counted({prefix: result(row) for prefix, row in rows.items()}, result({}),
                    result(sum_rows(rows, [f"{name}__letters" for name in names])))
            for rows in grouped]


def resolved_by_outcome(root: Area, start: dt.date, end: dt.date) -> dict[str, Figure]:
    """Letters within jurisdiction resolved in the period per outcome (form 02/XLD: complaints right, wrong,
    partly right; denunciations true, false, partly true), zeros included; by letter and by matter."""
    return _figures(_resolved(root, start, end), by_outcome())


@dataclass(frozen=True)
class LetterDetails:
    """The breakdowns a report writes out (form 02/XLD, issue 15): the letters received by content kind and
    by field, the letters resolved by outcome, and the group letters; each by letter and by matter."""

    counts: LetterCounts
    by_content_kind: dict[str, Figure]
    by_field: dict[str, Figure]
    by_outcome: dict[str, Figure]
    group_letters: Figure


def letter_details(root: Area, start: dt.date, end: dt.date, *, breakdowns: bool = True) -> LetterDetails:
    """Every figure and breakdown of `root`'s letters for the period, in `letter_counts`'s three passes: the
    breakdowns are more conditions on the same rows (three queries where there were seven; a province's year
    at national scale, 72 → 50 ms on PostgreSQL, issue 23). Without `breakdowns`, the counts and the group
    letters only (what a report compares with the same period), the breakdowns empty."""
    def prefixed(prefix: str, conditions: dict[str, Q]) -> dict[str, Q | None]:
        return {f"{prefix}{name}": condition for name, condition in conditions.items()} if breakdowns else {}

    received = _figures(_received(root, start, end), {
        **RECEIVED_FIGURES, **prefixed("kind:", by_content_kind()), **prefixed("field:", by_field()),
        "group_letters": group_letter()})
    resolved = _figures(_resolved(root, start, end), {**RESOLVED_FIGURES, **prefixed("outcome:", by_outcome())})
    still_open = _figures(open_letters(_base(root), start, end), open_figures(start, end))

    def part(found: dict[str, Figure], names: Mapping[str, Q | None]) -> dict[str, Figure]:
        return {name: found[name] for name in names}

    def strip(found: dict[str, Figure], prefix: str) -> dict[str, Figure]:
        return {name.removeprefix(prefix): figure for name, figure in found.items() if name.startswith(prefix)}

    return LetterDetails(
        counts=LetterCounts(**part(received, RECEIVED_FIGURES), **part(resolved, RESOLVED_FIGURES), **still_open,
                            resolution_rate=Rate(numerator=resolved["resolved"].letters,
                                                 denominator=still_open["to_resolve"].letters)),
        by_content_kind=strip(received, "kind:"), by_field=strip(received, "field:"),
        by_outcome=strip(resolved, "outcome:"), group_letters=received["group_letters"])
