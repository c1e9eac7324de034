"""Figures declared once by their app, counted for one subtree or grouped by unit (ADR 0008).

An app's `counts.py` declares each record type's figures as `Figures`: the counted records of a subtree
(active, scoped by area path), the date that puts a record in a period, and the named aggregates, given as
a function of the period's condition. The same declaration gives

- `total(root, start, end)`: the figures of `root`'s whole subtree for one period (the app's count
  functions), and
- `by_unit(root, periods, depth)`: the same aggregates for every unit `depth` characters of path below the
  root, for several periods at once, in one `GROUP BY` (conditional aggregation, `COUNT(…) FILTER (WHERE
  date in period)`), which is what a report with a hundred communes and last year's column needs.

So a unit's count is, by construction, its grouped row: there is no second definition to keep equal.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.db.models import Aggregate, Q, QuerySet
from django.db.models.functions import Substr

Range = tuple[dt.date, dt.date]  # inclusive
Row = dict[str, int]
# Per period: {path prefix (or (prefix, *by values)): {figure name: value}}; rows with only zeros are left out.
Grouped = list[dict[Any, Row]]
Aggregates = Callable[[Q], dict[str, Aggregate]]


def in_period(date_field: str, period: Range) -> Q:
    return Q(**{f"{date_field}__gte": period[0], f"{date_field}__lte": period[1]})


def any_period(date_field: str, periods: Sequence[Range]) -> Q:
    """The rows dated from the first period's start to the last one's end, and in one of the periods: a
    single range, so that an index on (area, date) serves all the periods at once."""
    span = (min(p[0] for p in periods), max(p[1] for p in periods))
    return in_period(date_field, span) & functools.reduce(operator.or_, (in_period(date_field, p) for p in periods))


def group(qs: QuerySet[Any], path: str, depth: int, periods: Sequence[Range],
          aggregates: Callable[[Range], dict[str, Aggregate]], *, by: tuple[str, ...] = ()) -> Grouped:
    """One `GROUP BY` path prefix (and `by`) for every period; `aggregates(period)` gives the named
    aggregates of one period (each restricted to the period's rows by its filter)."""
    # Aliased ("p0_persons"): an aggregate named like the field it sums would be read back as SUM(SUM(…)).
    names: list[str] = []
    annotations: dict[str, Aggregate] = {}
    for n, period in enumerate(periods):
        made = aggregates(period)
        names = list(made)
        annotations.update({f"p{n}_{name}": aggregate for name, aggregate in made.items()})
    grouped = (qs.annotate(unit_prefix=Substr(path, 1, depth)).order_by().values("unit_prefix", *by)
               .annotate(**annotations))
    result: Grouped = [{} for _ in periods]
    for row in grouped:
        key = (row["unit_prefix"], *(row[b] for b in by)) if by else row["unit_prefix"]
        for n, found in enumerate(result):
            values = {name: row[f"p{n}_{name}"] or 0 for name in names}
            if any(values.values()):
                found[key] = values
    return result


def merge(*grouped: Grouped) -> Grouped:
    """Several record types' grouped rows, period by period, as one row per prefix."""
    merged: Grouped = [{} for _ in grouped[0]]
    for one in grouped:
        for rows, found in zip(merged, one, strict=True):
            for key, row in found.items():
                rows.setdefault(key, {}).update(row)
    return merged


def sum_rows(rows: dict[Any, Row], names: Iterable[str]) -> Row:
    return {name: sum(row.get(name, 0) for row in rows.values()) for name in names}


@dataclass(frozen=True)
class Figures:
    """A record type's figures: `counted(root)` the records of the subtree that may count (active, scoped,
    undated), `date` the field putting a record in a period, `path` its area path field, and `aggregates`
    the named aggregates under a condition (the period's, or none for rows already in one period)."""

    counted: Callable[[Any], QuerySet[Any]]
    date: str
    aggregates: Aggregates
    path: str = "area__path"

    @property
    def names(self) -> list[str]:
        return list(self.aggregates(Q()))

    def in_period(self, root: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
        return self.counted(root).filter(in_period(self.date, (start, end)))

    def total(self, root: Any, start: dt.date, end: dt.date) -> Row:
        """The figures of `root`'s whole subtree in one period (one query)."""
        # Aliased ("n_participants"), as in `group`.
        row = self.in_period(root, start, end).aggregate(
            **{f"n_{name}": aggregate for name, aggregate in self.aggregates(Q()).items()})
        return {name.removeprefix("n_"): value or 0 for name, value in row.items()}

    def by_unit(self, root: Any, periods: Sequence[Range], depth: int, *, by: tuple[str, ...] = ()) -> Grouped:
        """The figures of every unit `depth` characters of path below `root`, for every period at once."""
        qs = self.counted(root).filter(any_period(self.date, periods))
        return group(qs, self.path, depth, periods, lambda period: self.aggregates(in_period(self.date, period)),
                     by=by)


@dataclass(frozen=True)
class Counted:
    """One period's grouped figures: per child prefix (`units`), for a prefix with no records (`zero`), and
    for the whole subtree of the root (`total`), each an object with the attributes reports read."""

    units: dict[str, Any]
    zero: Any
    total: Any

    def unit(self, prefix: str) -> Any:
        return self.units.get(prefix, self.zero)


def additive(grouped: Grouped, names: Sequence[str]) -> list[Counted]:
    """Figures that add up over units: the total is the sum of the units' (and the root's own) rows."""
    def result(row: Row) -> SimpleNamespace:
        return SimpleNamespace(**{name: row.get(name, 0) for name in names})

    return [Counted({key: result(row) for key, row in rows.items()}, result({}), result(sum_rows(rows, names)))
            for rows in grouped]
