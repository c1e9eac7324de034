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
    periods = (parse_period("2025"), parse_period("2024"), parse_period("2025-Q3", "state"))
    ranges = [(p.start, p.end) for p in periods]
    for target, grouped in GROUPED.items():
        # All the periods in one call, as a report asks for its period and the same period last year.
        for period, counted in zip(periods, grouped(scenario.province, ranges, depth), strict=True):
            assert set(counted.units) <= {u.path for u in units} | {scenario.province.path}  # + the board's own
            for source in (s for s in REGISTRY.values() if s.target == target):
                for unit in [*units, scenario.province]:
                    got = counted.total if unit == scenario.province else counted.unit(unit.path)
                    exact = source.call(unit, period.start, period.end)
                    assert source.extract(got) == source.extract(exact), (source.key, unit.name, period)
                    if source.breakdown:
                        got_parts = getattr(got, source.breakdown)
                        exact_parts = getattr(exact, source.breakdown)
                        assert {k: v for k, v in got_parts.items() if v} == {k: v for k, v in exact_parts.items() if v}


def test_a_matter_visiting_two_communes_is_one_matter_of_the_province(scenario, alice, tree):
    """Matters do not add up over units: the province counts once a matter that came to two communes."""
    from danvan.reception import services as reception
    from danvan.reception.models import Handling, SessionKind, Visit

    period = parse_period("2025")
    before = build_report(scenario.province, period)
    visits(alice, tree.ubnd_quang_lam, D(2025, 6, 6), [1])
    matter = Visit.objects.latest("pk").matter
    session = reception.open_session(alice, organisation=tree.ubnd_hoa_an, kind=SessionKind.REGULAR,
                                     date=D(2025, 6, 9), place="Trụ sở tiếp công dân")
    reception.record_visit(alice, session, citizen=reception.CitizenDetails(full_name="Công dân quay lại"),
                           content_kind=matter.content_kind, field=matter.field, summary="Hỏi lại kiến nghị",
                           handling=Handling.GUIDED, occurrence="repeated", matter=matter)
    after = build_report(scenario.province, period)

    def matters(report, area):
        return next(row for row in report.rows if row.area == area).current["TCD_VUVIEC"].value

    assert matters(after, tree.quang_lam) == matters(before, tree.quang_lam) + 1
    assert matters(after, tree.hoa_an) == matters(before, tree.hoa_an) + 1
    assert after.total.current["TCD_LUOT"].value == before.total.current["TCD_LUOT"].value + 2
    assert after.total.current["TCD_VUVIEC"].value == before.total.current["TCD_VUVIEC"].value + 1

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
