"""The generator plants hot spots and the alerts find them (issue 21): recall ≥ 0,9 and at most 10 % of the
detection alerts outside the planted communes, on generated data over 14 communes of Cao Bằng."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.datagen.generator import Generator, Scale
from danvan.datagen.models import GenerationRun
from danvan.hotspots import services
from danvan.hotspots.evaluation import evaluate
from danvan.units.models import AreaLevel
from danvan.units.services import create_standard_organisations
from tests.conftest import make_area

pytestmark = pytest.mark.django_db

UNTIL = dt.date(2026, 10, 31)


def test_planted_hot_spots_are_found_and_few_alerts_fall_elsewhere(tree):
    extra = [make_area(AreaLevel.COMMUNE, f"9{n:04d}", f"Xã Thử Nghiệm {n}", tree.cao_bang) for n in range(12)]
    create_standard_organisations(tree.nation, [tree.cao_bang, tree.ha_noi],
                                  [tree.quang_lam, tree.hoa_an, tree.hoan_kiem, *extra])
    scale = Scale("planted", letters=900, visits=600, years=3, all_provinces=False, communes_per_province=None,
                  villages_per_commune=2)
    summary = Generator(scale=scale, seed=21, until=UNTIL, history=False, hot_spots=6).run()
    planted = GenerationRun.objects.get(pk=summary.run_id).counts["planted_hotspots"]
    assert [p["pattern"] for p in planted] == ["crowded", "over_levels", "surge"] * 2
    assert len({p["commune_id"] for p in planted}) == 6

    services.compute_alerts(UNTIL)
    result = evaluate(planted)
    assert result.recall >= 0.9, result.missed
    assert result.outside_share <= 0.10, (result.outside, result.alerts)
