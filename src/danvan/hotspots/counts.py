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
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from danvan.hotspots.models import HotSpot
from danvan.units.models import Area


@dataclass(frozen=True)
class HotSpotFigures:
    identified: int = 0
    directed: int = 0
    resolved: int = 0
    open_at_end: int = 0


def counted_hotspots(root: Area) -> QuerySet[HotSpot]:
    return HotSpot.objects.filter(archived_at__isnull=True, area__path__startswith=root.path)


def count_hotspots(root: Area, start: dt.date, end: dt.date) -> HotSpotFigures:
    qs = counted_hotspots(root)
    directed = qs.filter(measures__archived_at__isnull=True, measures__decided_on__gte=start,
                         measures__decided_on__lte=end).values("pk").distinct().count()
    return HotSpotFigures(
        identified=qs.filter(identified_on__gte=start, identified_on__lte=end).count(),
        directed=directed,
        resolved=qs.filter(resolved_on__gte=start, resolved_on__lte=end).count(),
        open_at_end=qs.filter(identified_on__lte=end).filter(Q(resolved_on__isnull=True) | Q(resolved_on__gt=end))
        .count(),
    )
