"""Roll-up over the tree: subtree sums, ratios recomputed, comparison across a merger, completeness."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danvan.reports.models import EnteredValue, Indicator
from danvan.reports.periods import parse_period
from danvan.reports.rollup import EnteredTotals, Figure, areas_standing_for, build_report, value
from danvan.reports.services import EntryLine, enter_values
from tests.reports.conftest import DIRECT, HA, NB, QL, TL, D, enter, expected, expected_ratio

LABELS = {QL: "Xã Quảng Lâm", NB: "Xã Nguyên Bình", HA: "Xã Hòa An", TL: "Xã Trà Lĩnh",
          DIRECT: "Cơ quan cấp tỉnh Cao Bằng và đơn vị khác"}


def test_every_figure_of_the_province_report(scenario):
    report = build_report(scenario.province, parse_period("2025"))
    assert [row.label for row in report.rows] == [LABELS[k] for k in (QL, NB, HA, TL, DIRECT)]
    rows = dict(zip((QL, NB, HA, TL, DIRECT), report.rows, strict=True))
    sums = [i for i in report.indicators if not i.is_ratio]
    for index, attr in ((0, "current"), (1, "previous")):
        for key, row in rows.items():
            for indicator in sums:
                assert getattr(row, attr)[indicator.code] == Figure(expected(key, indicator.code, index)), \
                    (key, indicator.code, attr)
        for indicator in sums:
            assert getattr(report.total, attr)[indicator.code] == Figure(expected("total", indicator.code, index))

    # The ratio is recomputed from the rolled-up numerator and denominator: 22/31, not (10/13 + 12/17) / 2;
    # the denominator is what had to be resolved (carried over + arising), form 02/XLD.
    rate = report.total.current["DT_TYLE_GQ"]
    assert (rate.value, rate.denominator) == expected_ratio("total", "DT_TYLE_GQ", 0) == (22, 31)
    assert rate.text() == "71%"
    assert rows[QL].current["DT_TYLE_GQ"].text() == "76,9%" and rows[HA].current["DT_TYLE_GQ"].text() == "70,6%"
    assert rows[NB].current["DT_TYLE_GQ"].text() == "0%"  # Bế Triều's open letter of 2024, still open
    assert rows[TL].current["DT_TYLE_GQ"].rate is None  # no letters: no made-up 0% or 100%

    # Across the merger: Nguyên Bình (created 01/7/2025) stands, for 2024, for Bế Triều and Hoàng Tung.
    assert {a.name for a in areas_standing_for(scenario.nguyen_binh, report.previous_period)} == {
        "Xã Bế Triều", "Xã Hoàng Tung", "Xã Nguyên Bình"}
    assert rows[NB].previous["TCD_LUOT"] == Figure(5) and rows[NB].current["TCD_LUOT"] == Figure(5)

    assert report.incomplete == [scenario.tra_linh]
    assert report.violations == []
    assert report.entered_only == []
    breakdown = {key: (now.value, before.value) for key, _label, now, before in report.breakdown["MH_DANGKY"]}
    assert breakdown == {"economy": (1, 0), "culture": (1, 0), "defence": (0, 0), "political": (0, 0),
                         "rural": (2, 0), "other": (0, 0)}


def test_a_commune_report_covers_its_villages_and_the_national_one_everything(scenario):
    period = parse_period("2025")
    assert value(Indicator.objects.get(code="TCD_LUOT"), scenario.quang_lam, period) == Figure(5)
    assert value(Indicator.objects.get(code="TCD_NGUOI"), scenario.village, period) == Figure(2)
    commune = build_report(scenario.quang_lam, period)
    assert [row.label for row in commune.rows] == ["Thôn Nà Mạ", "Cơ quan cấp xã Quảng Lâm và đơn vị khác"]
    assert commune.rows[0].current["TCD_LUOT"] == Figure(2) and commune.rows[1].current["TCD_LUOT"] == Figure(3)
    nation = build_report(scenario.province.parent, period)
    assert nation.total.current["TCD_LUOT"] == Figure(12)
    assert nation.total.current["DT_TYLE_GQ"] == Figure(22, 31)


def test_the_state_cutoff_moves_records_between_periods(scenario):
    # Hòa An's visit of 03/11/2025 is in the state year 2025 (15/12/2024–14/12/2025); the rest too.
    state = build_report(scenario.province, parse_period("2025-Q4", "state"), with_children=False)
    calendar = build_report(scenario.province, parse_period("2025-Q4"), with_children=False)
    assert state.total.current["TCD_LUOT"] == Figure(3)  # 06/10 village (2), 03/11 Hòa An (1)
    assert calendar.total.current["TCD_LUOT"] == Figure(3)
    q3_state = build_report(scenario.province, parse_period("2025-Q3", "state"), with_children=False)
    assert q3_state.total.current["TCD_LUOT"] == Figure(4)  # Nguyên Bình's four on 05/8/2025


def test_entered_values_roll_up_into_larger_periods_by_one_grouped_query(tree, alice, charlie,
                                                                       django_assert_num_queries):
    enter(alice, tree.ubnd_quang_lam, "GS_CUOC", D(2025, 1, 1), D(2025, 3, 31), 2)
    enter(alice, tree.ubnd_quang_lam, "GS_CUOC", D(2025, 4, 1), D(2025, 6, 30), 5)
    enter(alice, tree.ubnd_hoa_an, "GS_CUOC", D(2025, 1, 1), D(2025, 12, 31), 7)
    enter(charlie, tree.ubnd_hoan_kiem, "GS_CUOC", D(2025, 1, 1), D(2025, 12, 31), 100)  # another province
    indicator = Indicator.objects.get(code="GS_CUOC")
    with django_assert_num_queries(1):
        totals = EnteredTotals([tree.cao_bang], parse_period("2025"))
    assert totals.value(tree.cao_bang, indicator) == 14
    assert totals.value(tree.quang_lam, indicator) == 7
    assert totals.value(tree.hoa_an, indicator) == 7
    assert totals.value(tree.hoan_kiem, indicator) == 0
    half = EnteredTotals([tree.cao_bang], parse_period("2025-H1"))
    assert half.value(tree.cao_bang, indicator) == 7  # Hòa An's whole-year figure is not split
    assert half.has_rows(tree.quang_lam) and not half.has_rows(tree.hoa_an)


def test_a_resolution_of_last_years_letter_is_carried_over_not_flagged(tree, alice):
    """Form 02/XLD: a letter received in December and resolved in January is carried over into the new
    year; the rate is 1/1, not 1/0 ("109,5%" before, with a false "Số liệu cần kiểm tra lại")."""
    from tests.reports.conftest import letters_batch

    letters_batch(alice, tree.ubnd_hoa_an, D(2024, 12, 16), within=1, accepted=1, resolved=1)
    report = build_report(tree.cao_bang, parse_period("2025"))
    current = report.total.current
    assert (current["DT_GIAIQUYET"], current["DT_THAMQUYEN"], current["DT_KYTRUOC"]) == (Figure(1), Figure(0),
                                                                                        Figure(1))
    assert current["DT_TYLE_GQ"] == Figure(1, 1)
    assert report.violations == []


def _lines(values):
    return [EntryLine(Indicator.objects.get(code=code), key, value) for (code, key), value in values.items()]


def test_enter_values_checks_the_rules_and_changes_nothing_on_error(tree, alice):
    period = parse_period("2025-Q1")
    with pytest.raises(ValidationError) as error:
        enter_values(alice, tree.ubnd_hoa_an, period, _lines({("TCD_LUOT", ""): 10, ("TCD_NGUOI", ""): 8,
                                                             ("DT_THAMQUYEN", ""): 3, ("DT_GIAIQUYET", ""): 2}))
    assert "Số người được tiếp không thể ít hơn số lượt tiếp" in str(error.value)
    assert "Số người được tiếp: 8" in str(error.value) and "Số lượt tiếp công dân: 10" in str(error.value)
    assert not EnteredValue.objects.exists()

    changed = enter_values(alice, tree.ubnd_hoa_an, period, [
        EntryLine(Indicator.objects.get(code="TCD_LUOT"), "", 10),
        EntryLine(Indicator.objects.get(code="TCD_NGUOI"), "", 12),
        EntryLine(Indicator.objects.get(code="MH_DANGKY"), "economy", 2),
    ])
    assert changed == 3
    row = EnteredValue.objects.get(indicator__code="TCD_LUOT")
    assert (row.value, row.area, row.entered_by, row.period_start, row.period_end) == (
        10, tree.hoa_an, alice, dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    assert row.history.first().history_user == alice

    # Change one, blank one (archived, not deleted), keep one; the rule is checked on the result.
    with pytest.raises(ValidationError):
        enter_values(alice, tree.ubnd_hoa_an, period, [EntryLine(Indicator.objects.get(code="TCD_NGUOI"), "", 9)])
    assert enter_values(alice, tree.ubnd_hoa_an, period, [
        EntryLine(Indicator.objects.get(code="TCD_LUOT"), "", 9),
        EntryLine(Indicator.objects.get(code="MH_DANGKY"), "economy", None),
    ]) == 2
    assert EnteredValue.objects.active().get(indicator__code="TCD_LUOT").value == 9
    archived = EnteredValue.objects.get(indicator__code="MH_DANGKY")
    assert archived.archived_at is not None and "Xóa số liệu" in archived.archive_reason
    report = build_report(tree.cao_bang, period)
    assert report.total.current["TCD_LUOT"] == Figure(9) and report.total.current["TCD_NGUOI"] == Figure(12)
    assert tree.hoa_an not in report.incomplete and tree.quang_lam in report.incomplete


def test_enter_values_is_scoped(tree, bob, charlie):
    period = parse_period("2025")
    line = [EntryLine(Indicator.objects.get(code="GS_CUOC"), "", 1)]
    with pytest.raises(PermissionDenied):
        enter_values(bob, tree.ubnd_quang_lam, period, line)  # a viewer
    with pytest.raises(PermissionDenied):
        enter_values(charlie, tree.ubnd_quang_lam, period, line)  # an outsider
    assert not EnteredValue.objects.exists()


def test_ratio_indicators_need_a_numerator_and_a_denominator(db):
    ratio = Indicator(code="X", name="Tỷ lệ", short_name="TL", unit="%", group="letters", aggregation="ratio",
                      source="computed")
    with pytest.raises(ValidationError, match="tử số và mẫu số"):
        ratio.full_clean()
    unknown = Indicator(code="Y", name="Đếm", short_name="Đ", unit="lượt", group="reception",
                        source="computed", registry_key="khong.co")
    with pytest.raises(ValidationError, match="Khóa hàm đếm"):
        unknown.full_clean()
