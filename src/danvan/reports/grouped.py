"""The count functions of `registry`, grouped by subordinate unit and period: for all the rows of a
report, both its period and the same period last year, one `GROUP BY` per record type (conditional
aggregation, `COUNT(…) FILTER (WHERE date in period)`), instead of one call per unit and period (a
province has up to 168 communes, the country 34 provinces, and each call is a dozen queries).

Each function mirrors the definitions of the app's count function it stands for (named in GROUPED)
and returns, per period, a `Counted`: per path prefix one level below `root`, an object with the same
attributes as the app's result, and the same for the whole subtree (`total`), so that
`CountSource.extract` reads all alike. The total is exact also for figures that do not add up over
units (a matter visiting two communes is one matter of the province): those are counted over the
subtree in one more query. `tests/reports/test_grouped.py` checks, for every key of the registry,
that each unit's and the total's grouped figure equals the app's count function on that unit.

Proposed (issue 6 report): these belong in the apps' `counts.py` as `…_by_unit(root, periods, depth)`;
until then they live here, next to the test that holds them to the apps' definitions.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import Aggregate, Count, Q, QuerySet, Sum
from django.db.models.functions import Substr

from danvan.units.models import Area

PATH_SEGMENT = 8  # "0000042/" (ADR 0002)

Range = tuple[dt.date, dt.date]  # inclusive


@dataclass(frozen=True)
class Counted:
    """One period's figures: per child prefix (`units`), for a prefix with no records (`zero`), and for
    the whole subtree of the root (`total`)."""

    units: dict[str, SimpleNamespace]
    zero: SimpleNamespace
    total: SimpleNamespace

    def unit(self, prefix: str) -> SimpleNamespace:
        return self.units.get(prefix, self.zero)


GroupedCounts = Callable[[Area, Sequence[Range], int], list[Counted]]


def _in(date_field: str, period: Range) -> Q:
    return Q(**{f"{date_field}__gte": period[0], f"{date_field}__lte": period[1]})


def _any(date_fields: Sequence[str], periods: Sequence[Range]) -> Q:
    """Rows dated in one of the periods by one of the date fields (the rows the aggregates can count)."""
    return functools.reduce(operator.or_, (_in(f, p) for f in date_fields for p in periods))


def _rows(qs: QuerySet, path: str, depth: int, periods: Sequence[Range],
          aggregates: dict[str, Callable[[Range], Aggregate]], *, by: tuple[str, ...] = ()) -> list[dict]:
    """One `GROUP BY` prefix (and `by`) for every period: per period, {key: {name: value}} with a key the
    prefix, or (prefix, *by values). `aggregates` give each figure's aggregate for one period."""
    # Aliased ("p0_persons"): an aggregate named like the field it sums would be read back as SUM(SUM(…)).
    annotations = {f"p{n}_{name}": make(period) for n, period in enumerate(periods)
                   for name, make in aggregates.items()}
    grouped = (qs.annotate(unit_prefix=Substr(path, 1, depth)).order_by().values("unit_prefix", *by)
               .annotate(**annotations))
    result: list[dict] = [{} for _ in periods]
    for row in grouped:
        key = (row["unit_prefix"], *(row[b] for b in by)) if by else row["unit_prefix"]
        for n, found in enumerate(result):
            values = {name: row[f"p{n}_{name}"] or 0 for name in aggregates}
            if any(values.values()):
                found[key] = values
    return result


def _sum(rows: dict[str, dict], names: Sequence[str]) -> dict[str, int]:
    return {name: sum(row.get(name, 0) for row in rows.values()) for name in names}


def _scoped(qs: QuerySet, root: Area, prefix: str = "") -> QuerySet:
    """As `danvan.mobilisation.counts._scoped`: active records (and parents) of the subtree."""
    return qs.filter(**{f"{prefix}area__path__startswith": root.path, f"{prefix}archived_at__isnull": True,
                        "archived_at__isnull": True})


def reception(root: Area, periods: Sequence[Range], depth: int) -> list[Counted]:
    """`reception.counts.count_reception(...).total`: visits, persons, matters, large groups."""
    from danvan.reception import rules
    from danvan.reception.counts import counted_visits

    date = "date"  # Visit.date, the session's date copied and indexed with the area
    large = Q(persons__gte=rules.large_group_min_persons())
    # `counted_visits` over the span of the periods, narrowed to the periods themselves.
    span = counted_visits(root, min(p[0] for p in periods), max(p[1] for p in periods)).filter(_span(date, periods))
    per_period = _rows(span, "area__path", depth, periods, {
        "visits": lambda p: Count("pk", filter=_in(date, p)),
        "persons": lambda p: Sum("persons", filter=_in(date, p)),
        "linked": lambda p: Count("matter", distinct=True, filter=_in(date, p)),
        "unlinked": lambda p: Count("pk", filter=_in(date, p) & Q(matter__isnull=True)),
        "large_groups": lambda p: Count("pk", filter=_in(date, p) & large),
    })
    # A matter visiting two units is one matter of the subtree: its distinct matters, for every period at once.
    linked = span.aggregate(**{f"p{n}": Count("matter", distinct=True, filter=_in(date, p))
                               for n, p in enumerate(periods)})

    def result(row: dict) -> SimpleNamespace:
        return SimpleNamespace(total=SimpleNamespace(visits=row["visits"], persons=row["persons"],
                                                     matters=row["linked"] + row["unlinked"],
                                                     large_groups=row["large_groups"]))

    names = ("visits", "persons", "linked", "unlinked", "large_groups")
    return [Counted({prefix: result(row) for prefix, row in rows.items()}, result(dict.fromkeys(names, 0)),
                    result(_sum(rows, names) | {"linked": linked[f"p{n}"]}))
            for n, rows in enumerate(per_period)]


LETTER_FIGURES = ("received", "qualifying", "within_jurisdiction", "accepted", "forwarded", "filed_duplicate",
                  "carried_over", "arising", "to_resolve", "resolved", "resolved_on_time")


def _span(date_field: str, periods: Sequence[Range]) -> Q:
    """The rows dated from the first period's start to the last one's end, and in one of the periods: a
    single range, so that an index on (area, date) serves both periods at once."""
    span = (min(p[0] for p in periods), max(p[1] for p in periods))
    return _in(date_field, span) & _any([date_field], periods)


def letters(root: Area, periods: Sequence[Range], depth: int) -> list[Counted]:
    """`letters.counts.letter_counts(...)`, by letter, with the letters app's own conditions: the figures
    of letters received in the period, those of letters resolved in it, and those of letters still to
    resolve at its start (carried over) or arising in it; each pass for all the periods at once."""
    from danvan.letters import counts
    from danvan.letters.models import Letter

    base = Letter.objects.active().filter(area__path__startswith=root.path)

    def dated(date: str, conditions: dict[str, Q | None]) -> tuple[QuerySet, dict[str, Callable[[Range], Aggregate]]]:
        return base.filter(_span(date, periods)), {
            name: (lambda p, date=date, condition=condition: Count("pk", filter=_in(date, p) & (condition or Q())))
            for name, condition in conditions.items()}

    first, last = min(p[0] for p in periods), max(p[1] for p in periods)
    passes = [
        dated("received_on", counts.RECEIVED_FIGURES),
        dated("resolved_on", counts.RESOLVED_FIGURES),
        (counts.open_letters(base, first, last), {
            name: (lambda p, name=name: Count("pk", filter=counts.open_figures(*p)[name]))
            for name in counts.open_figures(first, last)}),
    ]
    merged: list[dict[str, dict]] = [{} for _ in periods]
    for qs, aggregates in passes:
        per_period = _rows(qs, "area__path", depth, periods, aggregates)
        for rows, found in zip(merged, per_period, strict=True):
            for prefix, row in found.items():
                rows.setdefault(prefix, {}).update(row)

    def result(values: dict) -> SimpleNamespace:
        return SimpleNamespace(**{name: SimpleNamespace(letters=values.get(name, 0)) for name in LETTER_FIGURES})

    return [Counted({p: result(row) for p, row in rows.items()}, result({}), result(_sum(rows, LETTER_FIGURES)))
            for rows in merged]


def _additive(per_period: list[dict[str, dict]], names: Sequence[str]) -> list[Counted]:
    """Figures that add up over units: the total is the sum of the units' (and the root's own) rows."""
    def result(row: dict) -> SimpleNamespace:
        return SimpleNamespace(**{name: row.get(name, 0) for name in names})

    return [Counted({p: result(row) for p, row in rows.items()}, result({}), result(_sum(rows, names)))
            for rows in per_period]


def _simple(model_name: str, date_field: str, **aggregates: Callable[[Q], Aggregate]) -> GroupedCounts:
    """A mobilisation record type counted by its date in the period (`_scoped(...).filter(date__range)`)."""

    def grouped(root: Area, periods: Sequence[Range], depth: int) -> list[Counted]:
        from danvan.mobilisation import models

        qs = _scoped(getattr(models, model_name).objects.all(), root).filter(_any([date_field], periods))
        rows = _rows(qs, "area__path", depth, periods,
                     {name: (lambda p, make=make: make(_in(date_field, p))) for name, make in aggregates.items()})
        return _additive(rows, list(aggregates))

    return grouped


def dialogues(root: Area, periods: Sequence[Range], depth: int) -> list[Counted]:
    """`mobilisation.counts.count_dialogues`: dialogues, participants, opinions, commitments."""
    from danvan.mobilisation.models import Dialogue, DialogueCommitment, DialogueOpinion

    held_on, parent_held_on = "held_on", "dialogue__held_on"
    held = _rows(_scoped(Dialogue.objects.all(), root).filter(_any([held_on], periods)), "area__path", depth,
                 periods, {"dialogues": lambda p: Count("pk", filter=_in(held_on, p)),
                           "participants": lambda p: Sum("participants", filter=_in(held_on, p))})
    parts = {}
    for name, model in (("opinions", DialogueOpinion), ("commitments", DialogueCommitment)):
        parts[name] = _rows(_scoped(model.objects.all(), root, "dialogue__").filter(_any([parent_held_on], periods)),
                            "dialogue__area__path", depth, periods,
                            {name: lambda p: Count("pk", filter=_in(parent_held_on, p))})
    merged = []
    for n in range(len(periods)):
        rows: dict[str, dict] = {}
        for found in (held[n], parts["opinions"][n], parts["commitments"][n]):
            for prefix, row in found.items():
                rows.setdefault(prefix, {}).update(row)
        merged.append(rows)
    return _additive(merged, ("dialogues", "participants", "opinions", "commitments"))


def practices(root: Area, periods: Sequence[Range], depth: int) -> list[Counted]:
    """`mobilisation.counts.count_good_practices`: registered (by field), recognised in the period."""
    from danvan.mobilisation.models import GoodPractice, GoodPracticeStatusChange

    registered_on, changed_on = "registered_on", "changed_on"
    registered = _rows(_scoped(GoodPractice.objects.all(), root).filter(_any([registered_on], periods)),
                       "area__path", depth, periods, {"n": lambda p: Count("pk", filter=_in(registered_on, p))},
                       by=("field",))
    recognised = _rows(
        _scoped(GoodPracticeStatusChange.objects.all(), root, "practice__")
        .filter(_any([changed_on], periods), status="recognised"),
        "practice__area__path", depth, periods,
        {"recognised": lambda p: Count("practice", distinct=True, filter=_in(changed_on, p))})

    def result(fields: dict[str, int], recognised: int) -> SimpleNamespace:
        return SimpleNamespace(registered=sum(fields.values()), by_field=fields, recognised=recognised)

    counted = []
    for n in range(len(periods)):
        by_unit: dict[str, dict[str, int]] = {}
        all_fields: dict[str, int] = {}
        for (prefix, field), row in registered[n].items():
            by_unit.setdefault(prefix, {})[field] = row["n"]
            all_fields[field] = all_fields.get(field, 0) + row["n"]
        units = {p: result(by_unit.get(p, {}), recognised[n].get(p, {}).get("recognised", 0))
                 for p in set(by_unit) | set(recognised[n])}
        # A model belongs to one unit: its recognitions add up over units.
        total = sum(row["recognised"] for row in recognised[n].values())
        counted.append(Counted(units, result({}, 0), result(all_fields, total)))
    return counted


# Count function (registry target) → its grouped twin.
GROUPED: dict[str, GroupedCounts] = {
    "danvan.reception.counts:count_reception": reception,
    "danvan.letters.counts:letter_counts": letters,
    "danvan.mobilisation.counts:count_dialogues": dialogues,
    "danvan.mobilisation.counts:count_good_practices": practices,
    "danvan.mobilisation.counts:count_propaganda_sessions": _simple(
        "PropagandaSession", "held_on", sessions=lambda q: Count("pk", filter=q),
        attendees=lambda q: Sum("attendees", filter=q)),
    "danvan.mobilisation.counts:count_training": _simple(
        "TrainingCourse", "starts_on", courses=lambda q: Count("pk", filter=q),
        attendances=lambda q: Sum("attendances", filter=q)),
    "danvan.mobilisation.counts:count_briefings": _simple(
        "Briefing", "held_on", briefings=lambda q: Count("pk", filter=q),
        participants=lambda q: Sum("participants", filter=q)),
    "danvan.mobilisation.counts:count_supervisions": _simple(
        "Supervision", "held_on", supervisions=lambda q: Count("pk", filter=q)),
    "danvan.mobilisation.counts:count_commendations": _simple(
        "Commendation", "decided_on", commendations=lambda q: Count("pk", filter=q)),
}
