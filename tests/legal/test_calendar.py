"""The working calendar, without a database: the rule of Bộ luật Lao động 2019 Điều 111-112, the
Vietnamese lunar calendar, and recorded decisions overriding the rule."""

import datetime as dt
import subprocess
import sys

import pytest

from danvan.legal.calendar import (
    DecidedDay,
    Occasion,
    Source,
    WorkingCalendar,
    hung_kings_day,
    lunar_new_year,
)

from .calendars import RULE, SWAP_2025, WITH_SWAP_2025

D = dt.date


# ---- the Vietnamese lunar calendar (UTC+7), not the Chinese one -------------------------------------------


@pytest.mark.parametrize(
    ("year", "tet", "chinese_tet"),
    [
        pytest.param(2030, D(2030, 2, 2), D(2030, 2, 3), id="tet-2030-is-2-february-in-vietnam"),
        pytest.param(2007, D(2007, 2, 17), D(2007, 2, 18), id="tet-2007-is-17-february-in-vietnam"),
        pytest.param(1985, D(1985, 1, 21), D(1985, 2, 20), id="tet-1985-is-a-month-earlier-in-vietnam"),
        pytest.param(2053, D(2053, 2, 18), D(2053, 2, 19), id="tet-2053-is-18-february-in-vietnam"),
        pytest.param(2026, D(2026, 2, 17), D(2026, 2, 17), id="tet-2026-agrees"),
        pytest.param(2025, D(2025, 1, 29), D(2025, 1, 29), id="tet-2025-agrees"),
    ],
)
def test_tet_follows_the_vietnamese_calendar(year, tet, chinese_tet):
    assert lunar_new_year(year) == tet
    if tet != chinese_tet:
        assert lunar_new_year(year) != chinese_tet


def test_tet_2030_is_a_day_off_and_the_chinese_date_is_not_tet():
    # 2/2/2030 is a Saturday: the rule places 31/1-4/2 and makes up 2/2 and 3/2 on 5/2 and 6/2 (Điều 111.3).
    assert [d.date for d in RULE.days_off(2030) if d.occasion is Occasion.LUNAR_NEW_YEAR] == [
        D(2030, 1, 31), D(2030, 2, 1), D(2030, 2, 2), D(2030, 2, 3), D(2030, 2, 4), D(2030, 2, 5), D(2030, 2, 6),
    ]
    assert RULE.is_working_day(D(2030, 2, 7))


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        pytest.param(2026, D(2026, 4, 26), id="BLLD2019-D112-gio-to-2026"),
        pytest.param(2025, D(2025, 4, 7), id="BLLD2019-D112-gio-to-2025"),
        pytest.param(2024, D(2024, 4, 18), id="BLLD2019-D112-gio-to-2024"),
        # 2023 has a leap second month; 10/3 is in the ordinary third month.
        pytest.param(2023, D(2023, 4, 29), id="BLLD2019-D112-gio-to-2023-leap-year"),
    ],
)
def test_hung_kings_day_is_10_3_lunar(year, expected):
    assert hung_kings_day(year) == expected


def test_years_beyond_the_lunar_tables_are_refused():
    with pytest.raises(ValueError):
        RULE.is_working_day(D(2150, 6, 1))


# ---- the rule: Bộ luật Lao động 2019 Điều 111, 112 -----------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working"),
    [
        pytest.param(D(2026, 1, 1), False, id="BLLD2019-D112-1a-new-year"),
        pytest.param(D(2026, 1, 5), True, id="ordinary-monday"),
        pytest.param(D(2026, 1, 10), False, id="BLLD2019-D111-saturday"),
        pytest.param(D(2026, 1, 11), False, id="BLLD2019-D111-sunday"),
        pytest.param(D(2026, 2, 13), True, id="friday-before-tet-2026"),
        pytest.param(D(2026, 2, 16), False, id="BLLD2019-D112-1b-tet-2026-last-day-of-year"),
        pytest.param(D(2026, 2, 17), False, id="BLLD2019-D112-1b-tet-2026-mung-1"),
        pytest.param(D(2026, 2, 20), False, id="BLLD2019-D112-1b-tet-2026-mung-4"),
        pytest.param(D(2026, 2, 23), True, id="first-working-day-after-tet-2026"),
        pytest.param(D(2026, 4, 26), False, id="BLLD2019-D112-1e-gio-to-2026-sunday"),
        pytest.param(D(2026, 4, 27), False, id="BLLD2019-D111-3-gio-to-2026-made-up-monday"),
        pytest.param(D(2026, 4, 28), True, id="tuesday-after-gio-to-2026"),
        pytest.param(D(2026, 4, 30), False, id="BLLD2019-D112-1c-30-4"),
        pytest.param(D(2026, 5, 1), False, id="BLLD2019-D112-1d-1-5"),
        pytest.param(D(2026, 5, 4), True, id="monday-after-30-4-2026"),
        pytest.param(D(2026, 9, 1), False, id="BLLD2019-D112-1dd-quoc-khanh-adjacent-default"),
        pytest.param(D(2026, 9, 2), False, id="BLLD2019-D112-1dd-quoc-khanh"),
        pytest.param(D(2026, 9, 3), True, id="thursday-after-quoc-khanh-2026"),
    ],
)
def test_rule_days(day, working):
    assert RULE.is_working_day(day) is working
    assert RULE.is_day_off(day) is not working


@pytest.mark.parametrize(
    ("year", "weekdays_off"),
    [
        # The five working days the Government actually gave at Tết, reproduced by the rule's default split
        # and the make-up days of Điều 111 khoản 3 (source: the yearly notices).
        pytest.param(2020, [D(2020, 1, 23), D(2020, 1, 24), D(2020, 1, 27), D(2020, 1, 28), D(2020, 1, 29)],
                     id="tet-2020-saturday"),
        pytest.param(2021, [D(2021, 2, 10), D(2021, 2, 11), D(2021, 2, 12), D(2021, 2, 15), D(2021, 2, 16)],
                     id="tet-2021-friday"),
        pytest.param(2022, [D(2022, 1, 31), D(2022, 2, 1), D(2022, 2, 2), D(2022, 2, 3), D(2022, 2, 4)],
                     id="tet-2022-tuesday"),
        pytest.param(2023, [D(2023, 1, 20), D(2023, 1, 23), D(2023, 1, 24), D(2023, 1, 25), D(2023, 1, 26)],
                     id="tet-2023-sunday"),
        pytest.param(2024, [D(2024, 2, 8), D(2024, 2, 9), D(2024, 2, 12), D(2024, 2, 13), D(2024, 2, 14)],
                     id="tet-2024-saturday"),
        pytest.param(2025, [D(2025, 1, 27), D(2025, 1, 28), D(2025, 1, 29), D(2025, 1, 30), D(2025, 1, 31)],
                     id="tet-2025-wednesday"),
        pytest.param(2026, [D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20)],
                     id="tet-2026-tuesday"),
    ],
)
def test_rule_default_for_tet_matches_past_decisions(year, weekdays_off):
    tet = [d.date for d in RULE.days_off(year) if d.occasion is Occasion.LUNAR_NEW_YEAR and not d.on_weekend]
    assert tet == weekdays_off


def test_holidays_on_a_weekend_are_made_up_on_the_next_working_days():
    # 2022: 30/4 Saturday and 1/5 Sunday -> Monday 2/5 and Tuesday 3/5 (Điều 111 khoản 3).
    made_up = [
        d for d in RULE.days_off(2022) if d.source is Source.MAKE_UP and d.occasion is Occasion.VICTORY_AND_LABOUR
    ]
    assert [d.date for d in made_up] == [D(2022, 5, 2), D(2022, 5, 3)]
    # 2023: Giỗ Tổ Saturday 29/4, 30/4 Sunday, 1/5 Monday -> made up Tuesday 2/5 and Wednesday 3/5.
    assert RULE.is_day_off(D(2023, 5, 2)) and RULE.is_day_off(D(2023, 5, 3)) and RULE.is_working_day(D(2023, 5, 4))


def test_quoc_khanh_adjacent_day_default_and_override():
    # 2/9/2021 was a Thursday: practice (and the default) took Friday 3/9.
    assert RULE.is_day_off(D(2021, 9, 3)) and RULE.is_working_day(D(2021, 9, 1))
    forced = WorkingCalendar(national_day_adjacent=1)
    assert forced.is_day_off(D(2026, 9, 3)) and forced.is_working_day(D(2026, 9, 1))


def test_tet_split_can_be_forced():
    # Last day of the year + mùng 1-4 for 2025: mùng 4 (1/2) is a Saturday, made up on Monday 3/2.
    forced = WorkingCalendar(tet_days_before=1)
    assert forced.is_working_day(D(2025, 1, 27))
    assert forced.is_day_off(D(2025, 1, 28)) and forced.is_day_off(D(2025, 2, 3))
    assert RULE.is_working_day(D(2025, 2, 3))


@pytest.mark.parametrize("kwargs", [{"tet_days_before": 6}, {"tet_days_before": -1}, {"national_day_adjacent": 2}])
def test_calendar_refuses_impossible_defaults(kwargs):
    with pytest.raises(ValueError):
        WorkingCalendar(**kwargs)


# ---- decisions override the rule -------------------------------------------------------------------------------


def test_a_decision_adds_bridge_days_and_weekend_days_worked():
    assert RULE.is_working_day(D(2025, 5, 2)) and RULE.is_day_off(D(2025, 4, 26))
    assert WITH_SWAP_2025.is_day_off(D(2025, 5, 2))
    assert WITH_SWAP_2025.is_working_day(D(2025, 4, 26))
    schedule = WITH_SWAP_2025.schedule(2025)
    assert [d.date for d in schedule.days_worked] == [D(2025, 4, 26)]
    assert Occasion.VICTORY_AND_LABOUR in schedule.decided_occasions
    assert Occasion.VICTORY_AND_LABOUR not in schedule.ruled_occasions()


def test_a_tet_decision_replaces_the_rules_tet_days():
    # A (hypothetical) 2027 decision: Tết off from Wednesday 3/2 to Tuesday 9/2.
    days = [DecidedDay(D(2027, 2, 3) + dt.timedelta(days=i), Occasion.LUNAR_NEW_YEAR) for i in range(7)]
    decided = RULE.with_decided_days(days)
    assert RULE.is_working_day(D(2027, 2, 3)) and decided.is_day_off(D(2027, 2, 3))
    assert RULE.is_day_off(D(2027, 2, 10)) and decided.is_working_day(D(2027, 2, 10))  # the rule's make-up day is gone
    assert RULE.schedule(2026) == decided.schedule(2026)  # other years untouched


def test_statutory_dates_stay_off_even_if_a_decision_forgets_them():
    only_bridge = RULE.with_decided_days([DecidedDay(D(2025, 5, 2), Occasion.VICTORY_AND_LABOUR)])
    assert only_bridge.is_day_off(D(2025, 4, 30)) and only_bridge.is_day_off(D(2025, 5, 1))
    assert only_bridge.is_day_off(D(2025, 5, 2))


def test_other_days_off_add_to_the_rule():
    # Were 24/11 (Ngày Văn hóa Việt Nam) declared a holiday, it is entered as data, with no code change.
    culture_day = RULE.with_decided_days([DecidedDay(D(2026, 11, 24), Occasion.OTHER, description="Ngày Văn hóa")])
    assert RULE.is_working_day(D(2026, 11, 24)) and culture_day.is_day_off(D(2026, 11, 24))
    assert culture_day.schedule(2026).decided_occasions == frozenset()
    assert culture_day.is_day_off(D(2026, 2, 17))


def test_a_day_both_decided_off_and_worked_is_off():
    clash = RULE.with_decided_days([
        DecidedDay(D(2026, 11, 21), Occasion.OTHER),
        DecidedDay(D(2026, 11, 21), Occasion.OTHER, working=True),
    ])
    assert clash.is_day_off(D(2026, 11, 21))


def test_a_decided_day_worked_in_the_previous_year_counts_in_its_own_year():
    # A swap for 1/1 can put the Saturday worked in late December of the year before.
    days = [DecidedDay(D(2027, 1, 1), Occasion.NEW_YEAR), DecidedDay(D(2026, 12, 26), Occasion.NEW_YEAR, working=True)]
    assert RULE.with_decided_days(days).is_working_day(D(2026, 12, 26))


# ---- counting working days ----------------------------------------------------------------------------------------


def test_next_working_day_is_strictly_after():
    assert RULE.next_working_day(D(2026, 2, 12)) == D(2026, 2, 13)
    assert RULE.next_working_day(D(2026, 2, 13)) == D(2026, 2, 23)
    assert RULE.working_day_on_or_after(D(2026, 2, 13)) == D(2026, 2, 13)
    assert RULE.working_day_on_or_after(D(2026, 2, 14)) == D(2026, 2, 23)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        pytest.param(D(2026, 2, 12), 0, D(2026, 2, 12), id="zero-is-the-start"),
        pytest.param(D(2026, 2, 12), 1, D(2026, 2, 13), id="one"),
        pytest.param(D(2026, 2, 12), 2, D(2026, 2, 23), id="across-tet-2026"),
        pytest.param(D(2026, 2, 23), -1, D(2026, 2, 13), id="backwards-across-tet-2026"),
        pytest.param(D(2026, 4, 29), 1, D(2026, 5, 4), id="across-30-4-2026"),
        pytest.param(D(2026, 4, 24), 1, D(2026, 4, 28), id="across-gio-to-made-up-day-2026"),
    ],
)
def test_add_working_days(start, n, expected):
    assert RULE.add_working_days(start, n) == expected
    assert RULE.working_days_between(start, expected) == n


def test_working_days_between_counts_after_a_up_to_b():
    assert RULE.working_days_between(D(2026, 2, 13), D(2026, 2, 23)) == 1
    assert RULE.working_days_between(D(2026, 2, 23), D(2026, 2, 13)) == -1
    assert RULE.working_days_between(D(2026, 2, 23), D(2026, 2, 23)) == 0
    assert WITH_SWAP_2025.working_days_between(D(2025, 4, 25), D(2025, 4, 28)) == 2  # Saturday 26/4 worked


def test_the_calendar_is_frozen_data():
    with pytest.raises(AttributeError):
        RULE.tet_days_before = 2  # type: ignore[misc]
    assert WITH_SWAP_2025.decided_days == SWAP_2025
    assert WorkingCalendar(decided_days=list(SWAP_2025)) == WITH_SWAP_2025


def test_pure_modules_import_without_django():
    code = (
        "import sys; import danvan.legal.calendar, danvan.legal.deadlines, danvan.legal.rules; "
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
