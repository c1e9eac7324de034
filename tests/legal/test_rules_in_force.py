"""Rules in force by date (ADR 0017), interpretation choices (ADR 0018), cross-year decisions and citations.

Dates hand-computed from the 2026 calendar: Tết 2026 is off Monday 16/2 to Friday 20/2; Saturday 10/1/2026
is worked in exchange for Friday 2/1/2026.
"""

from __future__ import annotations

import datetime as dt
import inspect
from dataclasses import replace

import pytest

from danvan.legal import deadlines, rules
from danvan.legal.calendar import DecidedDay, Occasion, WorkingCalendar
from danvan.legal.rules import DEFAULT_RULEBOOK, Readings

D = dt.date
PLAIN = WorkingCalendar()
TET_2026 = tuple(DecidedDay(D(2026, 2, day), Occasion.LUNAR_NEW_YEAR) for day in range(14, 23))
CAL_2026 = WorkingCalendar(decided_days=(*TET_2026, DecidedDay(D(2026, 1, 10), Occasion.NEW_YEAR, working=True)))


# ---- gap 5: decisions are grouped by the decision's year ----------------------------------------------------

@pytest.mark.parametrize("year", [2012, 2040])
def test_a_new_year_decision_for_next_year_does_not_cancel_this_years_make_up_day(year):
    # 1/1/2012 and 1/1/2040 are Sundays: Monday 2/1 is the make-up day (Bộ luật Lao động 2019 Điều 111 khoản 3).
    # A decision for New Year year+1 that gives 31/12/year off must not make New Year `year` "decided".
    assert PLAIN.is_day_off(D(year, 1, 2))
    next_year = DecidedDay(D(year, 12, 31), Occasion.NEW_YEAR, description="Nghỉ bù cầu Tết Dương lịch",
                           year=year + 1)
    calendar = WorkingCalendar(decided_days=(next_year,))
    assert calendar.is_day_off(D(year, 1, 2))
    assert calendar.is_day_off(D(year, 12, 31))
    assert Occasion.NEW_YEAR in calendar.schedule(year + 1).decided_occasions
    assert Occasion.NEW_YEAR not in calendar.schedule(year).decided_occasions


# ---- gap 6: citations ------------------------------------------------------------------------------------------

def test_the_start_of_a_period_cites_bLDS_article_147_clause_3_and_article_145():
    assert rules.START_RULE == ("Bộ luật Dân sự 2015", "Điều 147 khoản 3")
    text = inspect.getsource(deadlines)
    assert "Điều 144" not in text and "Điều 145" in text
    assert "Điều 147 khoản 2" not in text


# ---- gap 1 and 8: forwarding, its notice, the second-time decision -------------------------------------------

def test_a_denunciation_outside_jurisdiction_is_forwarded_within_five_working_days():
    forwarded = deadlines.denunciation_forwarding(D(2026, 2, 12), calendar=CAL_2026)
    assert forwarded.deadline == D(2026, 2, 26)
    assert forwarded.rule.citation == "Điều 24 khoản 2 Luật Tố cáo 2018"
    notice = deadlines.denunciation_forwarding_notice(D(2026, 2, 12), calendar=CAL_2026)
    assert notice.deadline == D(2026, 2, 26) and not notice.rule.confirmed


def test_the_second_time_decision_is_sent_within_seven_working_days():
    # Decided Thursday 12/2/2026: Fri 13/2 (1), then Tết; 23, 24, 25, 26, 27/2 (2-6), Monday 2/3 (7).
    sent = deadlines.second_decision_dispatch(D(2026, 2, 12), calendar=CAL_2026)
    assert sent.deadline == D(2026, 3, 2)
    assert sent.rule.article == "Điều 40"


# ---- rules in force by date ------------------------------------------------------------------------------------

def test_the_rule_in_force_is_picked_by_date_on_both_sides_of_1_july_2026():
    before = DEFAULT_RULEBOOK.period("FIRST_COMPLAINT_RESOLUTION", D(2026, 6, 30))
    after = DEFAULT_RULEBOOK.period("FIRST_COMPLAINT_RESOLUTION", D(2026, 7, 1))
    assert before.law == "Luật Khiếu nại 2011" and before.confirmed
    assert "136/2025/QH15" in after.law and not after.confirmed
    # Accepted after the change, received before it: counted by the law in force at receipt.
    old = deadlines.first_complaint_resolution(D(2026, 7, 2), calendar=PLAIN, law_date=D(2026, 6, 30))
    new = deadlines.first_complaint_resolution(D(2026, 7, 2), calendar=PLAIN)
    assert old.rule.law == "Luật Khiếu nại 2011" and "136/2025/QH15" in new.rule.law


def test_an_override_changes_only_the_version_it_names():
    after = DEFAULT_RULEBOOK.period("FIRST_COMPLAINT_RESOLUTION", D(2026, 7, 1))
    book = DEFAULT_RULEBOOK.with_overrides([replace(after, days=20, confirmed=True)])
    assert deadlines.first_complaint_resolution(D(2026, 7, 2), calendar=PLAIN, rulebook=book,
                                                law_date=D(2026, 7, 1)).deadline == D(2026, 7, 22)
    assert deadlines.first_complaint_resolution(D(2026, 7, 2), calendar=PLAIN, rulebook=book,
                                                law_date=D(2026, 6, 30)).deadline == D(2026, 8, 3)  # 1/8 Sat


def test_commune_chairs_receive_citizens_weekly_until_30_june_2026_then_twice_a_month():
    assert (rules.reception_duty("commune_chair", D(2026, 6, 30)).days,
            rules.reception_duty("commune_chair", D(2026, 6, 30)).per) == (1, "week")
    after = rules.reception_duty("commune_chair", D(2026, 7, 1))
    assert (after.days, after.per, after.confirmed) == (2, "month", False)
    assert rules.ONLINE_RECEPTION_FROM == D(2026, 7, 1)


# ---- interpretation choices (ADR 0018) ---------------------------------------------------------------------

def test_a_calendar_period_ending_on_a_saturday_worked_in_exchange():
    # 10 days from 31/12/2025 end on Saturday 10/1/2026, worked in exchange for Friday 2/1.
    ends_on_it = deadlines.compute("x", D(2025, 12, 31), rules.FIRST_COMPLAINT_ACCEPTANCE, CAL_2026)
    assert ends_on_it.deadline == D(2026, 1, 10)
    moved = deadlines.compute("x", D(2025, 12, 31), rules.FIRST_COMPLAINT_ACCEPTANCE, CAL_2026,
                              readings=Readings(worked_weekend_end="next_working_day"))
    assert moved.deadline == D(2026, 1, 12)


def test_an_extension_counted_on_from_acceptance_or_from_the_moved_deadline():
    # Accepted 5/3/2026: 30 days end Saturday 4/4 → Monday 6/4. One 30-day extension:
    continuous = deadlines.denunciation_resolution(D(2026, 3, 5), calendar=PLAIN, complexity="complex",
                                                   extension_days=[30])
    assert continuous.deadline == D(2026, 5, 4)  # 60 days from 5/3
    book = DEFAULT_RULEBOOK.with_readings(Readings(extension_count="from_moved_deadline"))
    moved = deadlines.denunciation_resolution(D(2026, 3, 5), calendar=PLAIN, complexity="complex",
                                              extension_days=[30], rulebook=book)
    assert moved.deadline == D(2026, 5, 6) and moved.rule.days == 60


def test_whether_the_first_day_of_a_pause_counts():
    # 10 days from 2/3/2026 → 12/3; a pause 5/3–7/3.
    pause = [deadlines.Pause(D(2026, 3, 5), D(2026, 3, 7))]
    not_counted = deadlines.compute("x", D(2026, 3, 2), rules.FIRST_COMPLAINT_ACCEPTANCE, PLAIN, pause)
    assert not_counted.deadline == D(2026, 3, 16)  # 5 and 6 removed → 14/3 Saturday → Monday 16/3
    counted = deadlines.compute("x", D(2026, 3, 2), rules.FIRST_COMPLAINT_ACCEPTANCE, PLAIN, pause,
                                readings=Readings(pause_first_day="counted"))
    assert counted.deadline == D(2026, 3, 13)  # only 6/3 removed


def test_an_unknown_reading_is_refused():
    with pytest.raises(ValueError):
        Readings(transition="whenever")
