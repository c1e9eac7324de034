"""Reads of the hot-spot pages: linked records (names through the identity gate), the records behind an alert,
the map of communes and the combined situation topics. Every record through `restrict()`."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from danvan.core.choices import choice_labels
from danvan.hotspots.models import (
    Alert,
    AlertStatus,
    HotSpot,
    HotSpotField,
    HotSpotLink,
    HotSpotStatus,
    Intensity,
    SituationTopic,
)
from danvan.people import identity
from danvan.units.models import Area, AreaLevel


def linkable(user, kind: str, pk: int):
    """The record of `kind` numbered `pk` if the user may see it, else None."""
    from danvan.letters.models import Letter
    from danvan.matters.models import Matter
    from danvan.mobilisation.models import Dialogue
    from danvan.reception.models import Visit

    model = {"letter": Letter, "visit": Visit, "dialogue": Dialogue, "matter": Matter}.get(kind)
    return model.objects.restrict(user).filter(pk=pk).first() if model else None


@dataclass
class RecordRow:
    kind: str
    label: str
    url_name: str
    pk: int
    date: object
    summary: str
    people: str
    link_id: int | None = None


def _rows(user, letters, visits, dialogues, matters, *, context: str, link_ids=None) -> list[RecordRow]:
    link_ids = link_ids or {}
    rows = []
    names = identity.letters_petitioner_names(user, letters, context=context) if letters else {}
    for x in letters:
        rows.append(RecordRow(_("Đơn thư"), x.code, "letters:letter_detail", x.pk, x.received_on, x.summary,
                              ", ".join(names.get(x.pk, [])), link_ids.get(("letter", x.pk))))
    for v in visits:
        shown = identity.visit_citizen(user, v, context=context)
        rows.append(RecordRow(_("Lượt tiếp"), _("Lượt tiếp số %(pk)s") % {"pk": v.pk}, "reception:visit_detail",
                              v.pk, v.date, v.summary[:200], f"{shown.full_name} ({v.persons} người)",
                              link_ids.get(("visit", v.pk))))
    for d in dialogues:
        rows.append(RecordRow(_("Đối thoại"), d.topic, "mobilisation:dialogue_detail", d.pk, d.held_on, d.place,
                              f"{d.participants} người", link_ids.get(("dialogue", d.pk))))
    for m in matters:
        rows.append(RecordRow(_("Vụ việc"), m.title, "", m.pk, m.first_received, m.get_status_display(), "",
                              link_ids.get(("matter", m.pk))))
    return rows


def linked_records(user, spot: HotSpot) -> list[RecordRow]:
    from danvan.letters.models import Letter
    from danvan.matters.models import Matter
    from danvan.mobilisation.models import Dialogue
    from danvan.reception.models import Visit

    links = list(HotSpotLink.objects.restrict(user).filter(hotspot=spot, archived_at__isnull=True))
    ids = defaultdict(list)
    link_ids = {}
    for row in links:
        kind = row.target_kind
        ids[kind].append(getattr(row, f"{kind}_id"))
        link_ids[(kind, getattr(row, f"{kind}_id"))] = row.pk
    return _rows(
        user,
        list(Letter.objects.restrict(user).filter(pk__in=ids["letter"])),
        list(Visit.objects.restrict(user).filter(pk__in=ids["visit"]).select_related("citizen")),
        list(Dialogue.objects.restrict(user).filter(pk__in=ids["dialogue"])),
        list(Matter.objects.restrict(user).filter(pk__in=ids["matter"])),
        context=_("Hồ sơ liên quan đến điểm nóng #%(pk)s") % {"pk": spot.pk}, link_ids=link_ids,
    )


def alert_records(user, alert: Alert) -> dict:
    from danvan.letters.models import Letter
    from danvan.mobilisation.models import DialogueCommitment
    from danvan.reception.models import Visit

    evidence = alert.evidence or {}
    rows = _rows(
        user,
        list(Letter.objects.restrict(user).filter(pk__in=evidence.get("letters", [])).order_by("received_on")),
        list(Visit.objects.restrict(user).filter(pk__in=evidence.get("visits", [])).select_related("citizen")
             .order_by("date")),
        [], [], context=_("Hồ sơ căn cứ của cảnh báo #%(pk)s") % {"pk": alert.pk},
    )
    commitments = list(DialogueCommitment.objects.restrict(user).filter(pk__in=evidence.get("commitments", []))
                       .select_related("dialogue"))
    hidden = alert.evidence_count() - len(rows) - len(commitments)
    return {"rows": rows, "commitments": commitments, "hidden": hidden}


# ---------------------------------------------------------------- map


@dataclass
class MapPoint:
    area: Area
    alerts: int
    hotspots: int
    x: float = 0.0
    y: float = 0.0
    r: float = 0.0
    colour: str = ""

    @property
    def has_coordinates(self) -> bool:
        return self.area.latitude is not None and self.area.longitude is not None


def _commune_of_path(path: str, communes: dict[str, Area]) -> Area | None:
    parts = path.split("/")
    for i in range(len(parts) - 1, 0, -1):
        found = communes.get("/".join(parts[:i]) + "/")
        if found is not None:
            return found
    return None


def map_points(user) -> list[MapPoint]:
    """Today's communes in the user's scope that have open alerts or hot spots not yet resolved, by commune."""
    alert_paths = (Alert.objects.restrict(user).filter(status=AlertStatus.OPEN)
                   .values("subject_area__path").annotate(n=Count("pk")))
    spot_paths = (HotSpot.objects.restrict(user).active().exclude(status=HotSpotStatus.RESOLVED)
                  .values("subject_area__path").annotate(n=Count("pk")))
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in alert_paths:
        counts[row["subject_area__path"]][0] += row["n"]
    for row in spot_paths:
        counts[row["subject_area__path"]][1] += row["n"]
    if not counts:
        return []
    # The communes those paths lie in: each path's prefixes, looked up at once.
    prefixes = {"/".join(p.split("/")[:i]) + "/" for p in counts for i in range(1, p.count("/") + 1)}
    communes = {a.path: a for a in Area.objects.current().filter(level=AreaLevel.COMMUNE, path__in=prefixes)}
    by_commune: dict[int, MapPoint] = {}
    for path, (n_alerts, n_spots) in counts.items():
        commune = _commune_of_path(path, communes)
        if commune is None:
            continue  # an alert about a province's own dialogue: not a commune's point
        point = by_commune.setdefault(commune.pk, MapPoint(commune, 0, 0))
        point.alerts += n_alerts
        point.hotspots += n_spots
    return sorted(by_commune.values(), key=lambda p: (-(p.hotspots * 3 + p.alerts), p.area.name))


WIDTH, MAX_HEIGHT, PAD, LABELS = 520, 640, 28, 8


def draw_map(points: list[MapPoint]) -> dict:
    """Place the points in an SVG box (equirectangular projection, longitude scaled by cos(latitude)), the box as
    tall as the scope is; radius by weight, red for a hot spot not resolved, amber for alerts only. The heaviest
    points are named on the map; every point is named in the table and in its tooltip."""
    placed = [p for p in points if p.has_coordinates]
    if not placed:
        return {"width": WIDTH, "height": 200, "points": [], "labels": [], "missing": len(points)}
    lats = [float(p.area.latitude) for p in placed]
    lons = [float(p.area.longitude) for p in placed]
    mid = math.cos(math.radians(sum(lats) / len(lats)))
    lat_span = max(max(lats) - min(lats), 0.02)
    lon_span = max((max(lons) - min(lons)) * mid, 0.02)
    scale = min((WIDTH - 2 * PAD) / lon_span, (MAX_HEIGHT - 2 * PAD) / lat_span)
    height = max(200, round(lat_span * scale + 2 * PAD))
    # Centre the drawing in the box (a single commune sits in the middle, not in a corner).
    left_pad = (WIDTH - (max(lons) - min(lons)) * mid * scale) / 2
    top_pad = (height - (max(lats) - min(lats)) * scale) / 2
    for p in placed:
        p.x = round(left_pad + (float(p.area.longitude) - min(lons)) * mid * scale, 1)
        p.y = round(top_pad + (max(lats) - float(p.area.latitude)) * scale, 1)
        weight = p.hotspots * 3 + p.alerts
        p.r = round(min(4 + 3 * math.sqrt(weight), 22), 1)
        p.colour = "hot" if p.hotspots else "warn"
    labels = []
    for p in placed[:LABELS]:  # the heaviest first (map_points' order)
        end = p.x > WIDTH * 0.6
        labels.append({"x": round(p.x - p.r - 3 if end else p.x + p.r + 3, 1), "y": round(p.y + 4, 1),
                       "anchor": "end" if end else "start", "name": p.area.name})
    return {"width": WIDTH, "height": height, "points": placed, "labels": labels, "missing": len(points) - len(placed)}


# ---------------------------------------------------------------- situation reports


def combined_topics(user) -> list[dict]:
    """Topics of the reports in scope, combined by field, area and month: how many units raised it, how intense."""
    rows = (SituationTopic.objects.restrict(user).filter(archived_at__isnull=True, report__archived_at__isnull=True)
            .annotate(month=TruncMonth("report__period_end"))
            .values("field", "subject_area__name", "month")
            .annotate(n=Count("pk"), units=Count("report__organisation", distinct=True),
                      high=Count("pk", filter=Q(intensity=Intensity.HIGH)))
            .order_by("-month", "-n", "field"))
    labels = choice_labels(HotSpotField)
    return [dict(row, field_label=labels.get(row["field"], row["field"])) for row in rows[:200]]

