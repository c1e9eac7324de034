"""The grouped counts (one GROUP BY for all the units of a report) agree with the apps' count functions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.reports.grouped import GROUPED
from danvan.reports.periods import parse_period
from danvan.reports.registry import REGISTRY
from danvan.reports.rollup import build_report
from danvan.units.models import Area
from tests.reports.conftest import D, enter, visits


def test_a_units_row_in_its_provinces_report_is_that_units_own_total(scenario, alice, tree):
    """The apps declare each figure once (`danvan.core.grouping.Figures` and the named aggregates of their
    `counts.py`) and the reports only group it: a commune's row, grouped under its province, is the same as
    the commune's own total, for every record type, every period and every breakdown."""
    # A few more records at the village and a retired commune, so no figure is only zeros.
    visits(alice, tree.ubnd_quang_lam, D(2025, 6, 6), [7, 1])
    units = list(Area.objects.filter(parent=scenario.province))
    assert {"Xã Bế Triều", "Xã Hoàng Tung", "Xã Nguyên Bình", "Xã Trà Lĩnh"} <= {u.name for u in units}
    assert set(GROUPED) == {source.target for source in REGISTRY.values()}
    depth = len(scenario.province.path) + 8
    periods = (parse_period("2025"), parse_period("2024"), parse_period("2025-Q3", "state"))
    ranges = [(p.start, p.end) for p in periods]
    seen_non_zero = set()
    for target, grouped in GROUPED.items():
        # All the periods in one call, as a report asks for its period and the same period last year.
        in_province = grouped(scenario.province, ranges, depth)
        for unit in units:
            own = grouped(unit, ranges, len(unit.path) + 8)
            for period, province_counted, unit_counted in zip(periods, in_province, own, strict=True):
                assert set(province_counted.units) <= {u.path for u in units} | {scenario.province.path}
                for source in (s for s in REGISTRY.values() if s.target == target):
                    got = source.extract(province_counted.unit(unit.path))
                    assert got == source.extract(unit_counted.total), (source.key, unit.name, period)
                    if got:
                        seen_non_zero.add(source.key)
                    if source.breakdown:
                        assert ({k: v for k, v in getattr(province_counted.unit(unit.path), source.breakdown).items()
                                 if v}
                                == {k: v for k, v in getattr(unit_counted.total, source.breakdown).items() if v})
    assert {"reception.visits", "letters.received", "mobilisation.dialogues"} <= seen_non_zero


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
