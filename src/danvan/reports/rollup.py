"""Roll-up of indicators over the unit tree: a unit's value covers its whole subtree.

- Computed indicators are the apps' count functions (`registry`) on the unit's subtree, read for the
  root and all its units at once from `grouped` (one pass per record type for both periods); values
  entered by units (`EnteredValue`) are added, with one grouped query per period for the whole
  report (`Substr` on the area path), not one per unit.
- A ratio is recomputed from its rolled-up numerator and denominator (22/29 = 75,9%), never the
  average of the units' ratios.
- "So với cùng kỳ" holds across mergers (Nghị quyết 202/2025/QH15): for the same period last year a
  current unit stands for the units whose territory it held then (`Area.predecessors_on`), and in
  the current period for itself plus the predecessors it absorbed during the period.
- Completeness (DHIS2's "reporting completeness"): the current child units with neither a
  recorded figure nor an entered value for the period.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import connection
from django.db.models import Count, Exists, Q, QuerySet, Sum
from django.db.models.functions import Substr

from danvan.core.formatting import vn_number, vn_percent
from danvan.reports.cache import cached_for_version
from danvan.reports.grouped import Counted
from danvan.reports.models import Aggregation, EnteredValue, Indicator, IndicatorGroup, Source, ValidationRule
from danvan.reports.periods import Period, same_period_last_year
from danvan.reports.registry import CountSource, source_for
from danvan.units.models import Area, AreaLevel, AreaLineage

PATH_SEGMENT = 8  # "0000042/" (ADR 0002)


@dataclass(frozen=True)
class Figure:
    """A sum (`value`) or a ratio (`value` = numerator over `denominator`)."""

    value: int = 0
    denominator: int | None = None

    @property
    def is_ratio(self) -> bool:
        return self.denominator is not None

    @property
    def rate(self) -> Decimal | None:
        """The ratio as a percentage, or None when the denominator is 0 (no made-up 0% or 100%)."""
        if not self.denominator:
            return None
        return (Decimal(self.value) * 100 / Decimal(self.denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def number(self) -> Decimal | int | None:
        """The figure as one number: the count, or the rate for a ratio."""
        return self.rate if self.is_ratio else self.value

    def text(self) -> str:
        if self.is_ratio:
            return vn_percent(self.value, self.denominator) if self.denominator else "—"
        return vn_number(self.value)


UNIT_KINDS = ("Thành phố ", "Tỉnh ", "Xã ", "Phường ", "Đặc khu ", "Thị trấn ")


def in_sentence(name: str) -> str:
    """A unit's name inside a sentence: its kind in lower case ("của tỉnh Cao Bằng", "cấp xã Quảng Lâm")."""
    for prefix in UNIT_KINDS:
        if name.startswith(prefix):
            return prefix.lower() + name[len(prefix):]
    return name


def _subtree_ids(area: Area) -> QuerySet[Area, dict[str, Any]]:
    """The ids of `area` and the units below it, as a subquery that both databases answer from the path index.
    PostgreSQL does so for the prefix match (LIKE 'p%', `varchar_pattern_ops`); SQLite's LIKE uses no index
    and scans every unit (14.000 with the history) each time, so there the same units are read as a range:
    paths compare byte by byte, and every path below "…/0000042/" lies in ["…/0000042/", "…/00000420")."""
    if connection.vendor == "sqlite":
        units = Area.objects.filter(path__gte=area.path, path__lt=area.path[:-1] + "0")
    else:
        units = Area.objects.filter(path__startswith=area.path)
    return units.values("pk")


def _holds_records(area: Area) -> bool:
    """Whether any record (letter, visit, dialogue, …) belongs to a unit of `area`'s subtree: an indexed
    look-up per record type by unit id, cheap where a GROUP BY over dates would scan the period's rows; all
    in one query (an EXISTS per record type), not one query per record type (bench.history: ~20 round trips
    per old province in a report with the history loaded)."""
    from django.apps import apps

    from danvan.core.models import ScopedModel

    units = _subtree_ids(area)
    checks = {f"holds_{n}": Exists(model._base_manager.filter(area__in=units))
              for n, model in enumerate(m for m in apps.get_models() if issubclass(m, ScopedModel))}
    found = Area.objects.filter(pk=area.pk).annotate(**checks).values_list(*checks).first()
    return any(found or ())


def _prune_nested(areas: list[Area]) -> list[Area]:
    """Drop areas lying inside another of the list, so no subtree is counted twice."""
    ordered = sorted({a.pk: a for a in areas}.values(), key=lambda a: len(a.path))
    kept: list[Area] = []
    for area in ordered:
        if not any(area.path.startswith(other.path) for other in kept):
            kept.append(area)
    return kept


def _valid_on(area: Area, on: dt.date) -> bool:
    return (area.valid_from is None or area.valid_from <= on) and (area.valid_to is None or area.valid_to >= on)


class Lineage:
    """The predecessor links of a report's units, read in a few queries for all of them (`Area.predecessors_on`
    reads one per unit): the root's and its rows' links (`load`), then their predecessors', until none.

    A unit divided among several successors counts for each by the link's `weight`: the share an
    administrator set, else all of it for the default successor and nothing for the others (ADR 0019).
    """

    def __init__(self, root: Area | None = None):
        self.links: dict[int, list[tuple[Area, Decimal]]] = {}
        self.divided: set[int] = set()
        if root is not None:
            self.load([root])

    def load(self, areas: list[Area]) -> None:
        """Read the links of `areas` and of their predecessors, once per version of the unit tables: the lineage
        changes only when units are loaded or a share is edited, and either writes rows (a unit, a link, their
        history) that move that version (ADR 0021), so a report built again, after new records too, reads one
        version number instead of two queries per level of the old tree."""
        todo = sorted(a.pk for a in areas if a.pk not in self.links)
        if not todo:
            return
        links, divided = cached_for_version(f"lineage:{todo}", lambda: self._read(todo), labels=("units",))
        for pk, found in links.items():
            self.links.setdefault(pk, found)
        self.divided |= divided

    @staticmethod
    def _read(pks: list[int]) -> tuple[dict[int, list[tuple[Area, Decimal]]], set[int]]:
        links: dict[int, list[tuple[Area, Decimal]]] = {}
        divided: set[int] = set()
        todo = set(pks)
        while todo:
            for pk in todo:
                links[pk] = []
            found = list(AreaLineage.objects.filter(successor__in=list(todo)).select_related("predecessor"))
            for link in found:
                links[link.successor_id].append((link.predecessor, link.weight))
            predecessors = {link.predecessor_id for link in found}
            if predecessors:
                divided |= set(
                    AreaLineage.objects.filter(predecessor__in=predecessors).values("predecessor")
                    .annotate(n=Count("pk")).filter(n__gt=1).values_list("predecessor", flat=True))
            todo = {link.predecessor_id for link in found if link.predecessor_id not in links}
        return links, divided

    def weighted(self, area: Area, on: dt.date) -> dict[Area, Decimal]:
        """The units whose territory `area` held on `on`, each with the part of it `area` carries."""
        if _valid_on(area, on):
            return {area: Decimal(1)}
        if area.pk not in self.links:
            self.load([area])
        result: dict[Area, Decimal] = {}
        for predecessor, weight in self.links.get(area.pk, []):
            if not weight:
                continue
            for found, part in self.weighted(predecessor, on).items():
                result.setdefault(found, weight * part)
        return result

    def predecessors_on(self, area: Area, on: dt.date) -> list[Area]:
        """As `Area.predecessors_on`: the units whose territory `area` held on `on`, through mergers."""
        return list(self.weighted(area, on))

    def partial(self, area: Area, on: dt.date) -> dict[Area, Decimal]:
        """Of `area`'s units on `on`, those divided among several successors, with the part `area` carries."""
        return {found: weight for found, weight in self.weighted(area, on).items()
                if found.pk in self.divided or weight != 1}


def areas_standing_for(area: Area, period: Period, lineage: Lineage | None = None) -> list[Area]:
    """The subtrees whose records make up `area`'s figures for `period`.

    The unit itself, plus the units it held at the start of the period when it did not exist yet
    (a commune created on 01/7/2025 stands, for 2024 or for the whole of 2025, for the communes
    merged into it).
    """
    predecessors = (lineage or Lineage()).predecessors_on(area, period.start)
    return _prune_nested([area, *predecessors])


@dataclass
class UnitRow:
    area: Area | None  # None for the row of records held directly by the root or outside any current child
    label: str
    current: dict[str, Figure] = field(default_factory=dict)
    previous: dict[str, Figure] = field(default_factory=dict)
    has_data: bool = False
    notes: list[str] = field(default_factory=list)  # footnotes: the parts of divided units in the figures


@dataclass(frozen=True)
class Violation:
    """A validation finding: shown in the app before a report is issued, never printed in the document."""

    label: str
    rule: ValidationRule
    left: int
    right: int
    area: Area | None = None

    @property
    def text(self) -> str:
        return (f"{self.label}: {self.rule.message} ({self.rule.left.short_name} {vn_number(self.left)}, "
                f"{self.rule.right.short_name} {vn_number(self.right)})")


@dataclass
class Report:
    root: Area
    period: Period
    previous_period: Period
    indicators: list[Indicator]
    total: UnitRow
    rows: list[UnitRow]
    breakdown: dict[str, list[tuple[str, str, Figure, Figure]]]
    violations: list[Violation]
    incomplete: list[Area]
    entered_only: list[Indicator]  # computed indicators whose count function is not available yet

    @property
    def footnotes(self) -> list[str]:
        """The rows' notes: which figures include a part of a unit divided among several new ones."""
        return [note for row in [self.total, *self.rows] for note in row.notes]

    def by_group(self) -> dict[str, list[Indicator]]:
        groups: dict[str, list[Indicator]] = defaultdict(list)
        for indicator in self.indicators:
            groups[indicator.group].append(indicator)
        return dict(groups)

    def indicator(self, code: str) -> Indicator:
        return next(i for i in self.indicators if i.code == code)


def catalogue() -> list[Indicator]:
    """The active indicators in the order of the report: by work area (reception first), then position."""
    order = {group: n for n, group in enumerate(IndicatorGroup.values)}
    indicators = Indicator.objects.filter(archived_at__isnull=True).select_related("numerator", "denominator")
    return sorted(indicators, key=lambda i: (order.get(i.group, len(order)), i.position, i.code))


class EnteredTotals:
    """Entered values of one period summed per (indicator, key) for every path prefix, from one query."""

    def __init__(self, roots: list[Area], period: Period, depth: int = 0):
        self.sums: dict[tuple[str, int, str], int] = defaultdict(int)
        self.rows: dict[str, int] = defaultdict(int)
        roots = _prune_nested(roots)
        if not roots:
            return
        # Down to the rows (two levels below the root) or to the deepest unit read (`depth`: the old communes
        # a current commune stands for, three levels below today's province).
        depth = max(min(len(r.path) for r in roots) + 2 * PATH_SEGMENT, depth)
        where = Q()
        for root in roots:
            where |= Q(area__path__startswith=root.path)
        grouped = (
            EnteredValue.objects.filter(where, archived_at__isnull=True, period_start__gte=period.start,
                                        period_end__lte=period.end)
            .annotate(prefix=Substr("area__path", 1, depth))
            .values("prefix", "indicator_id", "disaggregation_key")
            .annotate(total=Sum("value"), n=Count("pk"))
            .order_by()
        )
        for row in grouped:
            path = row["prefix"]
            for end in range(PATH_SEGMENT, len(path) + 1, PATH_SEGMENT):
                prefix = path[:end]
                self.sums[(prefix, row["indicator_id"], row["disaggregation_key"])] += row["total"]
                self.sums[(prefix, row["indicator_id"], "*")] += row["total"]
                self.rows[prefix] += row["n"]

    def value(self, area: Area, indicator: Indicator, key: str = "*") -> int:
        return self.sums.get((area.path, indicator.pk, key), 0)

    def has_rows(self, area: Area) -> bool:
        return self.rows.get(area.path, 0) > 0


class Engine:
    """Computes figures for units and periods, caching each count call (one call may feed several indicators)."""

    def __init__(self, indicators: list[Indicator] | None = None):
        self.indicators = indicators if indicators is not None else catalogue()
        self._calls: dict[tuple, object] = {}
        self._entered: dict[tuple, EnteredTotals] = {}
        self._grouped: dict[tuple, tuple[str, int, Counted]] = {}
        self._extra: dict[tuple, list[tuple[str, int, Counted]]] = defaultdict(list)
        self._extra_empty: set[str] = set()
        self._empty_paths: dict[str, bool] = {}
        self._sources: dict[str, CountSource | None] = {}

    def prefetch_units(self, root: Area, periods: list[Period], depth: int | None = None, extra: bool = False) -> None:
        """Count `root`'s subtree and every unit one level below it at once (`grouped`): one pass per
        record type for all the periods (the report's and the same period last year). `depth`: the path
        length of the rows when they are not directly below the root (old districts under an old province
        under today's province, for a period before 01/7/2025)."""
        from danvan.reports.grouped import GROUPED

        depth = depth or len(root.path) + PATH_SEGMENT
        targets = sorted({source.target for i in self.indicators if i.source == Source.COMPUTED
                          and (source := source_for(i.registry_key)) is not None and not source.filters})
        ranges = [(p.start, p.end) for p in periods]
        for target in targets:
            if target not in GROUPED:
                continue
            for (start, end), counted in zip(ranges, GROUPED[target](root, ranges, depth), strict=True):
                if extra:  # a subtree's units at another depth, beside the report's own counts
                    self._extra[(target, start, end)].append((root.path, depth, counted))
                else:
                    self._grouped[(target, start, end)] = (root.path, depth, counted)

    def prefetch_predecessors(self, root: Area, rows: list[Area], sets: dict[Period, dict[int, list[Area]]]) -> None:
        """Count the units the rows stand for that are not rows themselves (the old communes of a current
        commune, three levels below today's province), grouped in one pass per record type for each old unit
        above them (the old province, whose subtree holds only old records), not one count per old unit."""
        row_ids = {r.pk for r in rows}
        needed: dict[tuple[int, int], set[Period]] = defaultdict(set)  # (subtree root id, depth) → periods
        for period, by_row in sets.items():
            for areas in by_row.values():
                for area in areas:
                    if area.pk in row_ids or area.path == root.path or not area.path.startswith(root.path):
                        continue
                    above = area.path[: len(root.path) + PATH_SEGMENT]  # the unit below the root holding it
                    sub_root = int(above[-PATH_SEGMENT:-1]) if len(above) < len(area.path) else None
                    if sub_root is not None:
                        needed[(sub_root, len(area.path))].add(period)
        sub_roots = Area.objects.in_bulk({pk for pk, _depth in needed})
        # Whether anything was recorded under the old units, once per data version (a new record moves it).
        holding = cached_for_version(f"holds-records:{sorted(sub_roots)}",
                                     lambda: {pk for pk, area in sub_roots.items() if _holds_records(area)}) \
            if sub_roots else set()
        for (pk, depth), periods in sorted(needed.items(), key=lambda item: item[0]):
            if pk not in holding:
                # Nothing was ever recorded under the old unit: every count there is 0 (`_prefetched`
                # finds the empty grouping), without a GROUP BY that costs as much as the report's own.
                self._extra_empty.add(sub_roots[pk].path)
                self._empty_paths.clear()
                continue
            self.prefetch_units(sub_roots[pk], sorted(periods, key=lambda p: (p.start, p.end)), depth=depth,
                               extra=True)

    def without_empty(self, areas: list[Area]) -> list[Area]:
        """`areas` less those under an old unit where nothing was ever recorded (`prefetch_predecessors`):
        they add 0 to every sum, and summing them costs as much as the rest of the report (bench.history)."""
        if not self._extra_empty:
            return areas
        return [a for a in areas if not any(a.path.startswith(empty) for empty in self._extra_empty)]

    def _under_empty(self, path: str) -> bool:
        """Whether `path` is under an old unit where nothing was ever recorded (asked once per unit, not once per
        indicator and period: a province's report asked it 40.000 times)."""
        found = self._empty_paths.get(path)
        if found is None:
            found = self._empty_paths[path] = any(path.startswith(empty) for empty in self._extra_empty)
        return found

    def _source(self, indicator: Indicator) -> CountSource | None:
        if indicator.code not in self._sources:
            self._sources[indicator.code] = (source_for(indicator.registry_key)
                                             if indicator.source == Source.COMPUTED else None)
        return self._sources[indicator.code]

    def _prefetched(self, source: CountSource, area: Area, period: Period, disaggregation_key: str) -> int | None:
        """The figure from the grouped counts: the root's whole subtree, or a unit one level below it."""
        if source.filters or (disaggregation_key and not source.breakdown):
            return None
        if self._extra_empty and self._under_empty(area.path):
            return 0
        for sub_root, depth, counted in self._extra.get((source.target, period.start, period.end), []):
            if len(area.path) == depth and area.path.startswith(sub_root):
                return source.extract(counted.unit(area.path), disaggregation_key)
        found = self._grouped.get((source.target, period.start, period.end))
        if found is None:
            return None
        root_path, depth, counted = found
        if area.path == root_path:
            return source.extract(counted.total, disaggregation_key)
        if len(area.path) != depth or not area.path.startswith(root_path):
            return None
        return source.extract(counted.unit(area.path), disaggregation_key)

    def entered(self, roots: list[Area], period: Period, depth: int = 0) -> EnteredTotals:
        key = (tuple(sorted(r.pk for r in roots)), period.start, period.end, depth)
        if key not in self._entered:
            self._entered[key] = EnteredTotals(roots, period, depth)
        return self._entered[key]

    def _computed(self, source: CountSource, area: Area, period: Period, disaggregation_key: str = "") -> int:
        prefetched = self._prefetched(source, area, period, disaggregation_key)
        if prefetched is not None:
            return prefetched
        call_with = "" if source.breakdown else disaggregation_key
        key = (source.call_key(call_with), area.pk, period.start, period.end)
        if key not in self._calls:
            self._calls[key] = source.call(area, period.start, period.end, call_with)
        return source.extract(self._calls[key], disaggregation_key)

    def sum_value(self, indicator: Indicator, areas: list[Area], period: Period, entered: EnteredTotals,
                  disaggregation_key: str = "", weights: dict[int, Decimal] | None = None) -> int:
        """The sum over `areas`; an area in `weights` (a divided unit) counts for that part, rounded half up."""
        source = self._source(indicator)
        total = 0
        for area in areas:
            part = 0
            if source is not None and (not disaggregation_key or source.breaks_down):
                part += self._computed(source, area, period, disaggregation_key)
            part += entered.value(area, indicator, disaggregation_key or "*")
            if weights and area.pk in weights:
                part = int((part * weights[area.pk]).quantize(Decimal(1), ROUND_HALF_UP))
            total += part
        return total

    def figures(self, areas: list[Area], period: Period, entered: EnteredTotals,
                weights: dict[int, Decimal] | None = None) -> dict[str, Figure]:
        sums = {
            i.code: Figure(self.sum_value(i, areas, period, entered, weights=weights))
            for i in self.indicators if i.aggregation == Aggregation.SUM
        }
        result = dict(sums)
        for indicator in self.indicators:
            if indicator.aggregation == Aggregation.RATIO:
                numerator = sums.get(indicator.numerator.code) or Figure(
                    self.sum_value(indicator.numerator, areas, period, entered, weights=weights))
                denominator = sums.get(indicator.denominator.code) or Figure(
                    self.sum_value(indicator.denominator, areas, period, entered, weights=weights))
                result[indicator.code] = Figure(numerator.value, denominator.value)
        return result


def _residual(total: dict[str, Figure], rows: list[UnitRow], attr: str) -> dict[str, Figure]:
    result = {}
    for code, figure in total.items():
        parts = [getattr(row, attr)[code] for row in rows]
        value = figure.value - sum(p.value for p in parts)
        if figure.is_ratio:
            result[code] = Figure(value, figure.denominator - sum(p.denominator or 0 for p in parts))
        else:
            result[code] = Figure(value)
    return result


def _nonzero(figures: dict[str, Figure]) -> bool:
    return any(f.value or f.denominator for f in figures.values())


def current_children(root: Area, as_of: dt.date) -> list[Area]:
    """The units directly below `root` that exist on `as_of` (today, for a report made today).

    A report of a period that is not over, or ended after the last change of units, is laid out over
    today's units: a past period of a unit created by a merger is the sum of its predecessors
    (`areas_standing_for`), and a commune that existed then but has no figures is still listed as not
    having reported. A period that ended before is laid out over its own units (`layout_units`).
    """
    return list(Area.objects.filter(parent=root).current(as_of).order_by("code", "name"))


# The level of the rows below a unit of each level. A province's rows are its districts before 01/7/2025
# (Nghị quyết 202/2025/QH15 ended the district level), its communes since.
_ROW_LEVELS = {
    AreaLevel.NATION: [AreaLevel.PROVINCE],
    AreaLevel.PROVINCE: [AreaLevel.DISTRICT, AreaLevel.COMMUNE],
    AreaLevel.DISTRICT: [AreaLevel.COMMUNE],
    AreaLevel.COMMUNE: [AreaLevel.VILLAGE],
    AreaLevel.VILLAGE: [],
}


def layout_units(root: Area, period: Period, as_of: dt.date, lineage: Lineage) -> list[Area]:
    """The rows of a report: the units below `root` as they stood at the end of the period.

    For a period ending today or later, or with no change of units since, these are today's units
    (`current_children`). For a period that ended before a change (2024 for a province formed on
    01/7/2025, 2019 for an old district-level town), the units of that time: below the units that stood
    for `root` then (the old provinces it absorbed), those whose nearest unit above, valid then, is one of
    them — an old province's districts, an old district's communes (ADR 0019).
    """
    on = min(period.end, as_of)
    today_rows = current_children(root, as_of)
    if on >= as_of:
        return today_rows
    standing = lineage.predecessors_on(root, on)
    where = Q()
    for unit in standing:
        where |= Q(path__startswith=unit.path)
    levels = {level for unit in standing for level in _ROW_LEVELS[unit.level]}
    candidates = list(Area.objects.filter(where, level__in=levels).current(on).order_by("code", "name"))
    if {a.pk for a in candidates} == {a.pk for a in today_rows}:
        return today_rows
    standing_ids = {unit.pk for unit in standing}
    valid_ids = standing_ids | {a.pk for a in candidates}
    rows = []
    for area in candidates:
        if area.pk in standing_ids:
            continue
        above = [int(part) for part in area.path.strip("/").split("/")[:-1]]
        nearest = next((pk for pk in reversed(above) if pk in valid_ids), None)
        if nearest in standing_ids:
            rows.append(area)
    # No units of that time below it (a unit whose history is not loaded): today's units, as before.
    return rows or today_rows


def _with_figures(engine: Engine, parts: dict[Area, Decimal], period: Period,
                  entered: EnteredTotals) -> dict[Area, Decimal]:
    """The divided units that have figures for the period (the others change nothing worth a note)."""
    return {area: weight for area, weight in parts.items() if _nonzero(engine.figures([area], period, entered))}


def _share_note(row: UnitRow, parts: dict[Area, Decimal], period: Period) -> list[str]:
    """The footnote of a row whose figures for `period` include a part of a divided unit."""
    notes = []
    for unit, weight in sorted(parts.items(), key=lambda item: item[0].name):
        above = unit.parent.name if unit.parent_id and unit.parent.level == AreaLevel.DISTRICT else ""
        where = f"{unit.name} ({above})" if above else unit.name
        percent = weight * 100
        share = str(int(percent)) if percent == percent.to_integral() else f"{percent.normalize()}".replace(".", ",")
        if weight == 1:
            notes.append(f"{row.label}, {period.label}: gồm toàn bộ số liệu của {where}, đơn vị được chia cho "
                         f"nhiều đơn vị mới (đơn vị kế thừa mặc định, chưa nhập tỷ lệ).")
        else:
            notes.append(f"{row.label}, {period.label}: gồm {share}% số liệu của {where}, đơn vị được chia cho "
                         f"nhiều đơn vị mới.")
    return notes


def check_rules(label: str, figures: dict[str, Figure], rules: list[ValidationRule],
                area: Area | None = None) -> list[Violation]:
    violations = []
    for rule in rules:
        left, right = figures.get(rule.left.code), figures.get(rule.right.code)
        if left is None or right is None:
            continue
        if not rule.holds(left.value, right.value):
            violations.append(Violation(label, rule, left.value, right.value, area))
    return violations


def _kept(parts: dict[Area, Decimal], areas: list[Area]) -> dict[Area, Decimal]:
    kept = {a.pk for a in areas}
    return {area: weight for area, weight in parts.items() if area.pk in kept}


def build_report(root: Area, period: Period, *, with_children: bool = True,
                 indicators: list[Indicator] | None = None, as_of: dt.date | None = None) -> Report:
    """Every figure of the report of `root` for `period`: total, one row per current child unit, the
    same period last year, the breakdowns, the rule violations and the units that sent nothing."""
    engine = Engine(indicators)
    previous = same_period_last_year(period)
    lineage = Lineage(root)
    children = layout_units(root, period, as_of or today(), lineage) if with_children else []
    lineage.load(children)

    depths = {len(c.path) for c in children}
    engine.prefetch_units(root, [period, previous], depth=depths.pop() if len(depths) == 1 else None)
    now_sets = {c.pk: areas_standing_for(c, period, lineage) for c in children}
    before_sets = {c.pk: areas_standing_for(c, previous, lineage) for c in children}
    engine.prefetch_predecessors(root, children, {period: now_sets, previous: before_sets})
    now_sets = {pk: engine.without_empty(areas) for pk, areas in now_sets.items()}
    before_sets = {pk: engine.without_empty(areas) for pk, areas in before_sets.items()}
    # Divided units count for the part each successor carries (ADR 0019), stated in a footnote.
    now_parts = {c.pk: _kept(lineage.partial(c, period.start), now_sets[c.pk]) for c in children}
    before_parts = {c.pk: _kept(lineage.partial(c, previous.start), before_sets[c.pk]) for c in children}
    # The root's links are in `lineage` already: a fresh Lineage would read them again, twice.
    root_now, root_before = areas_standing_for(root, period, lineage), areas_standing_for(root, previous, lineage)
    deepest = max((len(a.path) for sets in (now_sets, before_sets) for areas in sets.values() for a in areas),
                  default=0)
    entered_now = engine.entered(root_now, period, deepest)
    entered_before = engine.entered(
        _prune_nested(root_before + [a for areas in before_sets.values() for a in areas]), previous, deepest)

    total = UnitRow(root, root.name, engine.figures(root_now, period, entered_now),
                    engine.figures(root_before, previous, entered_before))
    total.has_data = _nonzero(total.current) or any(entered_now.has_rows(a) for a in root_now)

    rows = []
    for child in children:
        now_weights = {a.pk: w for a, w in now_parts[child.pk].items()}
        before_weights = {a.pk: w for a, w in before_parts[child.pk].items()}
        row = UnitRow(child, child.name, engine.figures(now_sets[child.pk], period, entered_now, now_weights),
                      engine.figures(before_sets[child.pk], previous, entered_before, before_weights))
        row.has_data = _nonzero(row.current) or any(entered_now.has_rows(a) for a in now_sets[child.pk])
        row.notes = (_share_note(row, _with_figures(engine, now_parts[child.pk], period, entered_now), period)
                     + _share_note(row, _with_figures(engine, before_parts[child.pk], previous, entered_before),
                                   previous))
        rows.append(row)
    if rows:
        direct = UnitRow(None, f"Cơ quan cấp {in_sentence(root.name)} và đơn vị khác",
                         _residual(total.current, rows, "current"), _residual(total.previous, rows, "previous"))
        if _nonzero(direct.current) or _nonzero(direct.previous):
            direct.has_data = True
            rows.append(direct)

    breakdown = {}
    for indicator in engine.indicators:
        if indicator.disaggregation and indicator.aggregation == Aggregation.SUM:
            from danvan.reports.models import disaggregation_choices

            breakdown[indicator.code] = [
                (key, label,
                 Figure(engine.sum_value(indicator, root_now, period, entered_now, key)),
                 Figure(engine.sum_value(indicator, root_before, previous, entered_before, key)))
                for key, label in disaggregation_choices(indicator.disaggregation)
            ]

    rules = list(ValidationRule.objects.filter(archived_at__isnull=True).select_related("left", "right"))
    violations = check_rules(root.name, total.current, rules, root)
    for row in rows:
        if row.area is not None:
            violations += check_rules(row.label, row.current, rules, row.area)

    entered_only = [i for i in engine.indicators
                    if i.source == Source.COMPUTED and i.aggregation == Aggregation.SUM
                    and source_for(i.registry_key) is None]
    return Report(
        root=root, period=period, previous_period=previous, indicators=engine.indicators, total=total,
        rows=rows, breakdown=breakdown, violations=violations,
        incomplete=[row.area for row in rows if row.area is not None and not row.has_data],
        entered_only=entered_only,
    )


def value(indicator: Indicator, area: Area, period: Period) -> Figure:
    """The figure of one indicator for `area`'s whole subtree over `period`."""
    report = build_report(area, period, with_children=False)
    return report.total.current[indicator.code]


def today() -> dt.date:
    from django.utils import timezone

    return timezone.localdate()
