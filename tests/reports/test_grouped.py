"""The grouped counts (one GROUP BY for all the units of a report) agree with the apps' count functions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.reports.grouped import GROUPED
from danvan.reports.periods import parse_period
from danvan.reports.registry import REGISTRY
from danvan.reports.rollup import build_report
from danvan.units.models import Area
from tests.reports.conftest import D, enter, visits


def test_every_registry_key_grouped_equals_the_apps_count_function(scenario, alice, tree):
    # A few more records at the village and a retired commune, so no figure is only zeros.
    visits(alice, tree.ubnd_quang_lam, D(2025, 6, 6), [7, 1])
    units = list(Area.objects.filter(parent=scenario.province))
    assert {"Xã Bế Triều", "Xã Hoàng Tung", "Xã Nguyên Bình", "Xã Trà Lĩnh"} <= {u.name for u in units}
    assert set(GROUPED) == {source.target for source in REGISTRY.values()}
    depth = len(scenario.province.path) + 8
    for period in (parse_period("2025"), parse_period("2024"), parse_period("2025-Q3", "state")):
        for target, grouped in GROUPED.items():
            results, zero = grouped(scenario.province, period.start, period.end, depth)
            assert set(results) <= {u.path for u in units} | {scenario.province.path}  # + the board's own
            for source in (s for s in REGISTRY.values() if s.target == target):
                for unit in units:
                    exact = source.extract(source.call(unit, period.start, period.end))
                    assert source.extract(results.get(unit.path, zero)) == exact, (source.key, unit.name, period)
                    if source.breakdown:
                        exact_parts = getattr(source.call(unit, period.start, period.end), source.breakdown)
                        got = getattr(results.get(unit.path, zero), source.breakdown)
                        assert {k: v for k, v in got.items() if v} == {k: v for k, v in exact_parts.items() if v}


def test_a_report_costs_the_same_queries_for_more_units(tree, alice):
    """The rows come from grouped queries: the query count does not grow with the number of communes."""
    from danvan.units.models import AreaLevel, OrganisationType
    from tests.conftest import make_area, make_org

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            build_report(tree.cao_bang, parse_period("2025"))
        return len(captured.captured_queries)

    enter(alice, tree.ubnd_hoa_an, "GS_CUOC", D(2025, 1, 1), D(2025, 12, 31), 1)
    two_communes = queries()
    for n in range(5):
        area = make_area(AreaLevel.COMMUNE, f"099{n}", f"Xã Thử {n}", tree.cao_bang)
        make_org(f"Ủy ban nhân dân xã Thử {n}", OrganisationType.PEOPLES_COMMITTEE, area)
    seven_communes = queries()
    # At most its lineage per period for each new commune (created 01/7/2025), not fifty count queries.
    assert seven_communes - two_communes <= 2 * 5
