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
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

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


def _figures(qs: QuerySet[Visit]) -> ReceptionFigures:
    first = Q(occurrence=Occurrence.FIRST)
    unlinked = Q(matter__isnull=True)
    large = Q(persons__gte=rules.large_group_min_persons())
    row = qs.aggregate(
        n_visits=Count("pk"),
        n_persons=Coalesce(Sum("persons"), 0),
        n_linked=Count("matter", distinct=True),
        n_unlinked=Count("pk", filter=unlinked),
        n_linked_first=Count("matter", distinct=True, filter=first),
        n_unlinked_first=Count("pk", filter=unlinked & first),
        n_large_groups=Count("pk", filter=large),
        n_large_persons=Coalesce(Sum("persons", filter=large), 0),
        n_large_linked=Count("matter", distinct=True, filter=large),
        n_large_unlinked=Count("pk", filter=large & unlinked),
        n_large_linked_first=Count("matter", distinct=True, filter=large & first),
        n_large_unlinked_first=Count("pk", filter=large & unlinked & first),
    )
    matters = row["n_linked"] + row["n_unlinked"]
    matters_first = row["n_linked_first"] + row["n_unlinked_first"]
    large_matters = row["n_large_linked"] + row["n_large_unlinked"]
    large_first = row["n_large_linked_first"] + row["n_large_unlinked_first"]
    return ReceptionFigures(
        visits=row["n_visits"],
        persons=row["n_persons"],
        matters=matters,
        matters_first=matters_first,
        matters_repeated=matters - matters_first,
        large_groups=row["n_large_groups"],
        large_group_persons=row["n_large_persons"],
        large_group_matters=large_matters,
        large_group_matters_first=large_first,
        large_group_matters_repeated=large_matters - large_first,
    )


def count_reception(root: Area, start: dt.date, end: dt.date, *, content_kind: str | None = None,
                    field: str | None = None) -> ReceptionCounts:
    """Form 01/TCD's reception figures for the subtree of `root`, sessions dated start..end inclusive."""
    qs = counted_visits(root, start, end, content_kind=content_kind, field=field)
    return ReceptionCounts(
        regular=_figures(qs.filter(session__kind=SessionKind.REGULAR)),
        by_head=_figures(qs.filter(session__kind__in=BY_HEAD_KINDS)),
        total=_figures(qs),
    )


def count_visits(root: Area, start: dt.date, end: dt.date, **filters) -> int:
    """Lượt tiếp, all kinds of reception."""
    return _figures(counted_visits(root, start, end, **filters)).visits


def count_persons(root: Area, start: dt.date, end: dt.date, **filters) -> int:
    """Người được tiếp, all kinds of reception."""
    return _figures(counted_visits(root, start, end, **filters)).persons


def count_matters(root: Area, start: dt.date, end: dt.date, **filters) -> int:
    """Vụ việc, each counted once."""
    return _figures(counted_visits(root, start, end, **filters)).matters


def count_large_groups(root: Area, start: dt.date, end: dt.date, **filters) -> int:
    """Đoàn đông người."""
    return _figures(counted_visits(root, start, end, **filters)).large_groups
