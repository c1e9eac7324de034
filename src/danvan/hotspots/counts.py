"""Hot-spot figures of the period report (docs/adding-a-model.md §5; registered in reports.registry).

Reports of mobilisation work say "… vấn đề bức xúc, nổi cộm được chỉ đạo xử lý kịp thời" and "không để xảy ra
điểm nóng". Definitions, over the hot spots owned by a unit in the subtree of `root`, not archived:
- identified: hot spots whose identification date lies in [start, end] (inclusive) — 0 is "không để xảy ra
  điểm nóng";
- directed: hot spots with at least one steering measure (not archived) decided in [start, end];
- resolved: hot spots resolved in [start, end];
- open_at_end: hot spots identified on or before `end` and not resolved by then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from danvan.core.grouping import Counted, Figures, Range, additive, merge
from danvan.hotspots.models import HotSpot, SteeringMeasure
from danvan.units.models import Area


@dataclass(frozen=True)
class HotSpotFigures:
    identified: int = 0
    directed: int = 0
    resolved: int = 0
    open_at_end: int = 0


def counted_hotspots(root: Area) -> QuerySet[HotSpot]:
    return HotSpot.objects.filter(archived_at__isnull=True, area__path__startswith=root.path)


def counted_measures(root: Area) -> QuerySet[SteeringMeasure]:
    return SteeringMeasure.objects.filter(archived_at__isnull=True, hotspot__archived_at__isnull=True,
                                          hotspot__area__path__startswith=root.path)


# The figures, one definition for a subtree's count and for the reports' grouping (core.grouping). A hot spot
# belongs to one unit, so each adds up over units.
IDENTIFIED = Figures(counted_hotspots, "identified_on", lambda when: {"identified": Count("pk", filter=when)})
RESOLVED = Figures(counted_hotspots, "resolved_on", lambda when: {"resolved": Count("pk", filter=when)})
DIRECTED = Figures(counted_measures, "decided_on",
                   lambda when: {"directed": Count("hotspot", distinct=True, filter=when)},
                   path="hotspot__area__path")


def count_hotspots(root: Area, start: dt.date, end: dt.date) -> HotSpotFigures:
    qs = counted_hotspots(root)
    return HotSpotFigures(
        **IDENTIFIED.total(root, start, end),
        **DIRECTED.total(root, start, end),
        **RESOLVED.total(root, start, end),
        open_at_end=qs.filter(identified_on__lte=end).filter(Q(resolved_on__isnull=True) | Q(resolved_on__gt=end))
        .count(),
    )


def hotspots_by_unit(root: Area, periods: Sequence[Range], depth: int) -> list[Counted]:
    """`count_hotspots`' identified, directed and resolved hot spots, per unit (the reports' grouping)."""
    grouped = merge(*(figures.by_unit(root, periods, depth) for figures in (IDENTIFIED, DIRECTED, RESOLVED)))
    return additive(grouped, [*IDENTIFIED.names, *DIRECTED.names, *RESOLVED.names])
