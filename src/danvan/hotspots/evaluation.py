"""How well the alerts find the hot spots the data generator planted (issue 21; tests and bench).

Recall: planted hot spots with at least one open alert in their commune (a village counts for its commune).
Outside share: alerts of the hot-spot rules (repeated, over levels, large groups, surge) whose commune was not
planted, over all such alerts. The two overdue rules are reminders on known matters, not detection: they are
reported apart."""

from __future__ import annotations

from dataclasses import dataclass, field

from danvan.hotspots.models import Alert, RuleKind
from danvan.units.models import Area, AreaLevel

DETECTION_RULES = (RuleKind.REPEATED, RuleKind.OVER_LEVELS, RuleKind.LARGE_GROUPS, RuleKind.SURGE)


@dataclass
class Evaluation:
    planted: int
    found: int
    alerts: int
    outside: int
    overdue_alerts: int
    missed: list[dict] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 1.0

    @property
    def outside_share(self) -> float:
        return self.outside / self.alerts if self.alerts else 0.0


def _commune_ids(area_ids: set[int]) -> dict[int, int]:
    """area id → id of its commune (itself for a commune; 0 for a unit above the communes)."""
    out = {}
    for area in Area.objects.filter(pk__in=area_ids).select_related("parent"):
        if area.level == AreaLevel.COMMUNE:
            out[area.pk] = area.pk
        elif area.level == AreaLevel.VILLAGE and area.parent_id:
            out[area.pk] = area.parent_id
        else:
            out[area.pk] = 0
    return out


def evaluate(planted: list[dict]) -> Evaluation:
    alerts = list(Alert.objects.filter(archived_at__isnull=True).values_list("rule__kind", "subject_area_id"))
    communes = _commune_ids({a for _k, a in alerts})
    planted_ids = {p["commune_id"] for p in planted}
    detection = [(kind, communes.get(area, 0)) for kind, area in alerts if kind in DETECTION_RULES]
    alerted = {c for _k, c in detection}
    missed = [p for p in planted if p["commune_id"] not in alerted]
    return Evaluation(
        planted=len(planted), found=len(planted) - len(missed), alerts=len(detection),
        outside=sum(1 for _k, c in detection if c not in planted_ids),
        overdue_alerts=len(alerts) - len(detection), missed=missed,
    )
