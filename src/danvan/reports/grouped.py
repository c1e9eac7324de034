"""The count functions of `registry`, grouped by subordinate unit: one `GROUP BY` per record type and
period for all the rows of a report, instead of one call per unit (a province has up to 126 communes,
the country 34 provinces, and each call is a dozen queries).

Each function mirrors the definitions of the app's count function it stands for (named in GROUPED)
and returns, per path prefix one level below `root`, an object with the same attributes, so that
`CountSource.extract` reads both alike. `tests/reports/test_grouped.py` checks, for every key of the
registry, that the grouped figure of each unit equals the app's count function on that unit.
The report's totals and breakdowns still call the apps' functions themselves.

Proposed (issue 6 report): these belong in the apps' `counts.py` as `…_by_unit(root, start, end, depth)`;
until then they live here, next to the test that holds them to the apps' definitions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from types import SimpleNamespace

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, Substr

from danvan.units.models import Area

PATH_SEGMENT = 8  # "0000042/" (ADR 0002)

Grouped = tuple[dict[str, SimpleNamespace], SimpleNamespace]  # (result per child prefix, zero result)


def _rows(qs: QuerySet, path: str, depth: int, **aggregates) -> dict[str, dict]:
    # Aliased ("agg_persons"): an aggregate named like the field it sums would be read back as SUM(SUM(…)).
    grouped = (qs.annotate(unit_prefix=Substr(path, 1, depth)).order_by().values("unit_prefix")
               .annotate(**{f"agg_{name}": aggregate for name, aggregate in aggregates.items()}))
    return {row["unit_prefix"]: {name: row[f"agg_{name}"] for name in aggregates} for row in grouped}


def _scoped(qs: QuerySet, root: Area, prefix: str = "") -> QuerySet:
    """As `danvan.mobilisation.counts._scoped`: active records (and parents) of the subtree."""
    return qs.filter(**{f"{prefix}area__path__startswith": root.path, f"{prefix}archived_at__isnull": True,
                        "archived_at__isnull": True})


def reception(root: Area, start: dt.date, end: dt.date, depth: int) -> Grouped:
    """`reception.counts.count_reception(...).total`: visits, persons, matters, large groups."""
    from danvan.reception import rules
    from danvan.reception.counts import counted_visits

    large = Q(persons__gte=rules.large_group_min_persons())
    rows = _rows(counted_visits(root, start, end), "area__path", depth,
                 visits=Count("pk"), persons=Coalesce(Sum("persons"), 0),
                 linked=Count("matter", distinct=True), unlinked=Count("pk", filter=Q(matter__isnull=True)),
                 large_groups=Count("pk", filter=large))

    def result(row):
        return SimpleNamespace(total=SimpleNamespace(visits=row["visits"], persons=row["persons"],
                                                     matters=row["linked"] + row["unlinked"],
                                                     large_groups=row["large_groups"]))

    zero = {"visits": 0, "persons": 0, "linked": 0, "unlinked": 0, "large_groups": 0}
    return {prefix: result(row) for prefix, row in rows.items()}, result(zero)


LETTER_FIGURES = ("received", "qualifying", "within_jurisdiction", "accepted", "forwarded", "filed_duplicate",
                  "resolved", "resolved_on_time")


def letters(root: Area, start: dt.date, end: dt.date, depth: int) -> Grouped:
    """`letters.counts.letter_counts(...)`, by letter: received-dated figures, then resolved-dated ones."""
    from danvan.letters.models import FiledReason, Handling, Letter

    base = Letter.objects.active().filter(area__path__startswith=root.path)
    received = _rows(
        base.filter(received_on__gte=start, received_on__lte=end), "area__path", depth,
        received=Count("pk"),
        qualifying=Count("pk", filter=Q(qualifying=True)),
        within_jurisdiction=Count("pk", filter=Q(qualifying=True, within_jurisdiction=True)),
        accepted=Count("pk", filter=Q(accepted_on__isnull=False)),
        forwarded=Count("pk", filter=Q(handling=Handling.FORWARD)),
        filed_duplicate=Count("pk", filter=Q(handling=Handling.FILE, filed_reason__in=(
            FiledReason.DUPLICATE, FiledReason.FINALLY_RESOLVED))),
    )
    resolved = _rows(
        base.filter(resolved_on__gte=start, resolved_on__lte=end), "area__path", depth,
        resolved=Count("pk"),
        resolved_on_time=Count("pk", filter=Q(resolution_deadline__isnull=False,
                                             resolved_on__lte=F("resolution_deadline"))),
    )

    def result(values: dict) -> SimpleNamespace:
        return SimpleNamespace(**{name: SimpleNamespace(letters=values.get(name, 0)) for name in LETTER_FIGURES})

    prefixes = set(received) | set(resolved)
    return {p: result(received.get(p, {}) | resolved.get(p, {})) for p in prefixes}, result({})


def _simple(model_name: str, date_field: str, **aggregates: Callable) -> Callable[..., Grouped]:
    """A mobilisation record type counted by its date in the period (`_scoped(...).filter(date__range)`)."""

    def grouped(root: Area, start: dt.date, end: dt.date, depth: int) -> Grouped:
        from danvan.mobilisation import models

        qs = _scoped(getattr(models, model_name).objects.all(), root).filter(**{f"{date_field}__range": (start, end)})
        rows = _rows(qs, "area__path", depth, **{name: make() for name, make in aggregates.items()})
        return ({p: SimpleNamespace(**{k: v or 0 for k, v in row.items()}) for p, row in rows.items()},
                SimpleNamespace(**dict.fromkeys(aggregates, 0)))

    return grouped


def dialogues(root: Area, start: dt.date, end: dt.date, depth: int) -> Grouped:
    """`mobilisation.counts.count_dialogues`: dialogues, participants, opinions, commitments."""
    from danvan.mobilisation.models import Dialogue, DialogueCommitment, DialogueOpinion

    held = _rows(_scoped(Dialogue.objects.all(), root).filter(held_on__range=(start, end)), "area__path", depth,
                 dialogues=Count("pk"), participants=Sum("participants"))
    in_period = {"dialogue__held_on__range": (start, end)}
    opinions = _rows(_scoped(DialogueOpinion.objects.all(), root, "dialogue__").filter(**in_period),
                     "dialogue__area__path", depth, opinions=Count("pk"))
    commitments = _rows(_scoped(DialogueCommitment.objects.all(), root, "dialogue__").filter(**in_period),
                        "dialogue__area__path", depth, commitments=Count("pk"))

    def result(p):
        return SimpleNamespace(dialogues=held.get(p, {}).get("dialogues", 0),
                               participants=held.get(p, {}).get("participants") or 0,
                               opinions=opinions.get(p, {}).get("opinions", 0),
                               commitments=commitments.get(p, {}).get("commitments", 0))

    return {p: result(p) for p in set(held) | set(opinions) | set(commitments)}, result(None)


def practices(root: Area, start: dt.date, end: dt.date, depth: int) -> Grouped:
    """`mobilisation.counts.count_good_practices`: registered (by field), recognised in the period."""
    from danvan.mobilisation.models import GoodPractice, GoodPracticeStatusChange

    registered = (_scoped(GoodPractice.objects.all(), root).filter(registered_on__range=(start, end))
                  .annotate(unit_prefix=Substr("area__path", 1, depth)).order_by()
                  .values("unit_prefix", "field").annotate(n=Count("pk")))
    by_unit: dict[str, dict[str, int]] = {}
    for row in registered:
        by_unit.setdefault(row["unit_prefix"], {})[row["field"]] = row["n"]
    recognised = _rows(
        _scoped(GoodPracticeStatusChange.objects.all(), root, "practice__")
        .filter(changed_on__range=(start, end), status="recognised"),
        "practice__area__path", depth, recognised=Count("practice", distinct=True))

    def result(p):
        fields = by_unit.get(p, {})
        return SimpleNamespace(registered=sum(fields.values()), by_field=fields,
                               recognised=recognised.get(p, {}).get("recognised", 0))

    return {p: result(p) for p in set(by_unit) | set(recognised)}, result(None)


# Figures that do not add up over units: a matter visiting two communes is one matter of the province.
NOT_ADDITIVE = {("danvan.reception.counts:count_reception", "total.matters")}

# Count function (registry target) → its grouped twin.
GROUPED: dict[str, Callable[..., Grouped]] = {
    "danvan.reception.counts:count_reception": reception,
    "danvan.letters.counts:letter_counts": letters,
    "danvan.mobilisation.counts:count_dialogues": dialogues,
    "danvan.mobilisation.counts:count_good_practices": practices,
    "danvan.mobilisation.counts:count_propaganda_sessions": _simple(
        "PropagandaSession", "held_on", sessions=lambda: Count("pk"), attendees=lambda: Sum("attendees")),
    "danvan.mobilisation.counts:count_training": _simple(
        "TrainingCourse", "starts_on", courses=lambda: Count("pk"), attendances=lambda: Sum("attendances")),
    "danvan.mobilisation.counts:count_briefings": _simple(
        "Briefing", "held_on", briefings=lambda: Count("pk"), participants=lambda: Sum("participants")),
    "danvan.mobilisation.counts:count_supervisions": _simple(
        "Supervision", "held_on", supervisions=lambda: Count("pk")),
    "danvan.mobilisation.counts:count_commendations": _simple(
        "Commendation", "decided_on", commendations=lambda: Count("pk")),
}
