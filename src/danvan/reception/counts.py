"""Reception figures of form 01/TCD (TT 01/2024/TT-TTCP) over a unit subtree and a date range.

Form 01/TCD reports, separately for regular reception ("tiếp thường xuyên") and for reception by
the head ("tiếp định kỳ và đột xuất của Thủ trưởng"):
- visits (lượt) and persons (người);
- matters (vụ việc), split into first time (mới phát sinh) and repeated (cũ);
- large groups (đoàn đông người): number of groups, persons in them, and their matters, first time
  and repeated.

Definitions used here:
- a visit counts when it and its session are not archived, its session date lies in [start, end]
  (inclusive), and its organisation's area lies in the subtree of `root`;
- a matter is a `matters.Matter`: visits linked to the same matter count once; a visit linked to no
  matter is a matter of its own;
- a matter is "first time" when at least one of its counted visits is a first visit, otherwise
  "repeated"; so first + repeated = matters;
- a large group is a visit of at least `rules.large_group_min_persons()` persons (default 5).
The total column counts each matter once even when it came to both kinds of reception, so its
matters may be fewer than regular + by the head.

The named aggregates (`_aggregates`) are the one definition of these figures: `count_reception` takes them
over a subtree, `count_reception_by_unit` groups them by unit for the reports (`danvan.core.grouping`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import Aggregate, Count, Q, QuerySet, Sum

from danvan.core.grouping import Counted, Range, any_period, group, in_period, sum_rows
from danvan.reception import rules
from danvan.reception.models import BY_HEAD_KINDS, Occurrence, SessionKind, Visit
from danvan.units.models import Area


@dataclass(frozen=True)
class ReceptionFigures:
    visits: int = 0
    persons: int = 0
    matters: int = 0
    matters_first: int = 0
    matters_repeated: int = 0
    large_groups: int = 0
    large_group_persons: int = 0
    large_group_matters: int = 0
    large_group_matters_first: int = 0
    large_group_matters_repeated: int = 0


@dataclass(frozen=True)
class ReceptionCounts:
    regular: ReceptionFigures
    by_head: ReceptionFigures
    total: ReceptionFigures


def counted_visits(root: Area, start: dt.date, end: dt.date, *, content_kind: str | None = None,
                   field: str | None = None) -> QuerySet[Visit]:
    """The visits the figures are computed over (see the module's definitions)."""
    qs = Visit.objects.filter(
        archived_at__isnull=True,
        session__archived_at__isnull=True,
        date__gte=start,  # the session's date, copied onto the visit (Visit.date)
        date__lte=end,
        area__path__startswith=root.path,
    )
    if content_kind:
        qs = qs.filter(content_kind=content_kind)
    if field:
        qs = qs.filter(field=field)
    return qs


# The date that puts a visit in a period: its session's date, copied onto the visit and indexed with the area.
DATE = "date"


def _aggregates(when: Q) -> dict[str, Aggregate]:
    """The named aggregates of the visits meeting `when` (a period, or all). A matter is counted as its
    distinct linked matters plus its unlinked visits (`_figures_of`)."""
    first = Q(occurrence=Occurrence.FIRST)
    unlinked = Q(matter__isnull=True)
    large = Q(persons__gte=rules.large_group_min_persons())
    return {
        "visits": Count("pk", filter=when),
        "persons": Sum("persons", filter=when),
        "linked": Count("matter", distinct=True, filter=when),
        "unlinked": Count("pk", filter=when & unlinked),
        "linked_first": Count("matter", distinct=True, filter=when & first),
        "unlinked_first": Count("pk", filter=when & unlinked & first),
        "large_groups": Count("pk", filter=when & large),
        "large_persons": Sum("persons", filter=when & large),
        "large_linked": Count("matter", distinct=True, filter=when & large),
        "large_unlinked": Count("pk", filter=when & large & unlinked),
        "large_linked_first": Count("matter", distinct=True, filter=when & large & first),
        "large_unlinked_first": Count("pk", filter=when & large & unlinked & first),
    }


# The aggregates the reports read per unit (the registry's "total.…" figures); the others stay 0 there.
REPORTED = ("visits", "persons", "linked", "unlinked", "large_groups")


def _figures_of(row: dict[str, int]) -> ReceptionFigures:
    def get(name: str) -> int:
        return row.get(name) or 0

    matters = get("linked") + get("unlinked")
    matters_first = get("linked_first") + get("unlinked_first")
    large_matters = get("large_linked") + get("large_unlinked")
    large_first = get("large_linked_first") + get("large_unlinked_first")
    return ReceptionFigures(
        visits=get("visits"),
        persons=get("persons"),
        matters=matters,
        matters_first=matters_first,
        matters_repeated=matters - matters_first,
        large_groups=get("large_groups"),
        large_group_persons=get("large_persons"),
        large_group_matters=large_matters,
        large_group_matters_first=large_first,
        large_group_matters_repeated=large_matters - large_first,
    )


def _figures(qs: QuerySet[Visit]) -> ReceptionFigures:
    # Aliased ("n_persons"): an aggregate named like a field would shadow it in the other aggregates' filters.
    row = qs.aggregate(**{f"n_{name}": aggregate for name, aggregate in _aggregates(Q()).items()})
    return _figures_of({name.removeprefix("n_"): value for name, value in row.items()})


def count_reception(root: Area, start: dt.date, end: dt.date, *, content_kind: str | None = None,
                    field: str | None = None) -> ReceptionCounts:
    """Form 01/TCD's reception figures for the subtree of `root`, sessions dated start..end inclusive."""
    qs = counted_visits(root, start, end, content_kind=content_kind, field=field)
    return ReceptionCounts(
        regular=_figures(qs.filter(session__kind=SessionKind.REGULAR)),
        by_head=_figures(qs.filter(session__kind__in=BY_HEAD_KINDS)),
        total=_figures(qs),
    )


def count_visits(root: Area, start: dt.date, end: dt.date, **filters: str | None) -> int:
    """Lượt tiếp, all kinds of reception."""
    return _figures(counted_visits(root, start, end, **filters)).visits


def count_persons(root: Area, start: dt.date, end: dt.date, **filters: str | None) -> int:
    """Người được tiếp, all kinds of reception."""
    return _figures(counted_visits(root, start, end, **filters)).persons


def count_matters(root: Area, start: dt.date, end: dt.date, **filters: str | None) -> int:
    """Vụ việc, each counted once."""
    return _figures(counted_visits(root, start, end, **filters)).matters


def count_large_groups(root: Area, start: dt.date, end: dt.date, **filters: str | None) -> int:
    """Đoàn đông người."""
    return _figures(counted_visits(root, start, end, **filters)).large_groups


def count_reception_by_unit(root: Area, periods: Sequence[Range], depth: int) -> list[Counted]:
    """`count_reception(...).total`'s visits, persons, matters and large groups for every unit `depth`
    characters of path below `root` and every period at once (one `GROUP BY`)."""
    span = counted_visits(root, min(p[0] for p in periods), max(p[1] for p in periods)).filter(
        any_period(DATE, periods))

    def reported(period: Range) -> dict[str, Aggregate]:
        aggregates = _aggregates(in_period(DATE, period))
        return {name: aggregates[name] for name in REPORTED}

    grouped = group(span, "area__path", depth, periods, reported)
    # A matter visiting two units is one matter of the subtree: its distinct matters, for every period at once.
    linked = span.aggregate(**{f"p{n}": reported(p)["linked"] for n, p in enumerate(periods)})

    def result(row: dict[str, int]) -> SimpleNamespace:
        return SimpleNamespace(total=_figures_of(row))

    return [Counted({prefix: result(row) for prefix, row in rows.items()}, result({}),
                    result(sum_rows(rows, REPORTED) | {"linked": linked[f"p{n}"]}))
            for n, rows in enumerate(grouped)]
