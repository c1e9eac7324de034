"""Statutory deadlines, one table row per rule, around Tết 2026 (mùng 1 = 17/2/2026: days off 14/2-22/2)
and 30/4-1/5. Expected dates are worked out by hand in each comment: the event day is not counted
(BLDS 2015 Điều 147.2); a calendar-day period ending on a day off moves to the next working day
(BLDS 2015 Điều 148.5)."""

import datetime as dt

import pytest

from danvan.legal import deadlines as dl
from danvan.legal.deadlines import Complexity, Pause
from danvan.legal.rules import DayKind

from .calendars import RULE, WITH_SWAP_2025

D = dt.date
KN, TC, TCD = "Luật Khiếu nại 2011", "Luật Tố cáo 2018", "Luật Tiếp công dân 2013"


@pytest.mark.parametrize(
    ("function", "start", "kwargs", "expected", "law", "article", "days", "kind"),
    [
        # 5/2 + 10 = Sunday 15/2, inside the Tết break -> Monday 23/2.
        pytest.param(dl.first_complaint_acceptance, D(2026, 2, 5), {}, D(2026, 2, 23), KN, "Điều 27", 10, "calendar",
                     id="KN2011-D27-accept-10-days-ends-in-tet-2026"),
        # 3/2 + 10 = Friday 13/2, a working day: stays.
        pytest.param(dl.first_complaint_acceptance, D(2026, 2, 3), {}, D(2026, 2, 13), KN, "Điều 27", 10, "calendar",
                     id="KN2011-D27-accept-10-days-before-tet-2026"),
        # 23/1 + 30 = Sunday 22/2 -> 23/2.
        pytest.param(dl.first_complaint_resolution, D(2026, 1, 23), {}, D(2026, 2, 23), KN, "Điều 28", 30,
                     "calendar", id="KN2011-D28-first-time-30-days"),
        # 2/1 + 45 = Monday 16/2 (Tết) -> 23/2.
        pytest.param(dl.first_complaint_resolution, D(2026, 1, 2), {"complex_case": True}, D(2026, 2, 23), KN,
                     "Điều 28", 45, "calendar", id="KN2011-D28-first-time-complex-45-days"),
        # 3/1 + 45 = Tuesday 17/2 (mùng 1) -> 23/2.
        pytest.param(dl.first_complaint_resolution, D(2026, 1, 3), {"remote": True}, D(2026, 2, 23), KN, "Điều 28",
                     45, "calendar", id="KN2011-D28-first-time-remote-45-days"),
        # 1/3 + 60 = Thursday 30/4 -> 1/5 holiday, 2-3/5 weekend -> Monday 4/5.
        pytest.param(dl.first_complaint_resolution, D(2026, 3, 1), {"complex_case": True, "remote": True},
                     D(2026, 5, 4), KN, "Điều 28", 60, "calendar", id="KN2011-D28-first-time-remote-complex-60-days"),
        # Thursday 12/2: 13/2 (1), Tết 16-20/2 off, 23/2 (2), 24/2 (3).
        pytest.param(dl.first_decision_dispatch, D(2026, 2, 12), {}, D(2026, 2, 24), KN, "Điều 32", 3, "working",
                     id="KN2011-D32-send-decision-3-working-days"),
        # 21/1 + 30 = Friday 20/2 (mùng 4) -> 23/2.
        pytest.param(dl.second_complaint_window, D(2026, 1, 21), {}, D(2026, 2, 23), KN, "Điều 33", 30, "calendar",
                     id="KN2011-D33-second-complaint-within-30-days"),
        # 6/1 + 45 = 20/2 -> 23/2.
        pytest.param(dl.second_complaint_window, D(2026, 1, 6), {"remote": True}, D(2026, 2, 23), KN, "Điều 33", 45,
                     "calendar", id="KN2011-D33-second-complaint-remote-45-days"),
        # Saturday 7/2 + 10 = 17/2 (mùng 1) -> 23/2.
        pytest.param(dl.second_complaint_acceptance, D(2026, 2, 7), {}, D(2026, 2, 23), KN, "Điều 36", 10,
                     "calendar", id="KN2011-D36-second-time-accept-10-days"),
        # 16/3 + 45 = 30/4 -> 4/5.
        pytest.param(dl.second_complaint_resolution, D(2026, 3, 16), {}, D(2026, 5, 4), KN, "Điều 37", 45,
                     "calendar", id="KN2011-D37-second-time-45-days"),
        # 2/3 + 60 = Friday 1/5 -> 4/5.
        pytest.param(dl.second_complaint_resolution, D(2026, 3, 2), {"complex_case": True}, D(2026, 5, 4), KN,
                     "Điều 37", 60, "calendar", id="KN2011-D37-second-time-complex-60-days"),
        # 31/3 + 60 = Saturday 30/5 -> Monday 1/6.
        pytest.param(dl.second_complaint_resolution, D(2026, 3, 31), {"remote": True}, D(2026, 6, 1), KN,
                     "Điều 37", 60, "calendar", id="KN2011-D37-second-time-remote-60-days"),
        # 20/2 + 70 = 1/5 -> 4/5.
        pytest.param(dl.second_complaint_resolution, D(2026, 2, 20), {"complex_case": True, "remote": True},
                     D(2026, 5, 4), KN, "Điều 37", 70, "calendar", id="KN2011-D37-second-time-remote-complex-70-days"),
        # 17/11/2025 + 90 = Sunday 15/2/2026 -> 23/2.
        pytest.param(dl.complaint_limitation, D(2025, 11, 17), {}, D(2026, 2, 23), KN, "Điều 9", 90, "calendar",
                     id="KN2011-D9-limitation-90-days"),
        # Friday 13/2: 23, 24, 25, 26, 27/2, 2/3, 3/3.
        pytest.param(dl.denunciation_initial_handling, D(2026, 2, 13), {}, D(2026, 3, 3), TC, "Điều 24 khoản 1", 7,
                     "working", id="TC2018-D24-initial-handling-7-working-days"),
        # Wednesday 11/2: 12, 13, 23, 24, 25, 26, 27/2, 2, 3, 4/3.
        pytest.param(dl.denunciation_initial_handling, D(2026, 2, 11), {"several_places": True}, D(2026, 3, 4), TC,
                     "Điều 24 khoản 1", 10, "working", id="TC2018-D24-initial-handling-several-places-10-working-days"),
        # Friday 24/4: 27/4 made-up Giỗ Tổ, 28 (1), 29 (2), 30/4-3/5 off, 4 (3), 5 (4), 6/5 (5).
        pytest.param(dl.denunciation_forwarding, D(2026, 4, 24), {}, D(2026, 5, 6), TC, "Điều 24 khoản 2", 5,
                     "working", id="TC2018-D24-forward-5-working-days"),
        # Thursday 12/2: 13/2, 23, 24, 25, 26/2.
        pytest.param(dl.denunciation_notification, D(2026, 2, 12), {}, D(2026, 2, 26), TC, "Điều 29", 5, "working",
                     id="TC2018-D29-notify-5-working-days"),
        # 18/1 + 30 = 17/2 (mùng 1) -> 23/2.
        pytest.param(dl.denunciation_resolution, D(2026, 1, 18), {}, D(2026, 2, 23), TC, "Điều 30", 30, "calendar",
                     id="TC2018-D30-resolve-30-days"),
        # 1/3 + 30 + 30 = 30/4 -> 4/5.
        pytest.param(dl.denunciation_resolution, D(2026, 3, 1),
                     {"complexity": Complexity.COMPLEX, "extension_days": [30]}, D(2026, 5, 4), TC, "Điều 30", 60,
                     "calendar", id="TC2018-D30-complex-one-extension-30-days"),
        # 30/1 + 30 + 30 + 30 = 30/4 -> 4/5.
        pytest.param(dl.denunciation_resolution, D(2026, 1, 30),
                     {"complexity": Complexity.ESPECIALLY_COMPLEX, "extension_days": [30, 30]}, D(2026, 5, 4), TC,
                     "Điều 30", 90, "calendar", id="TC2018-D30-especially-complex-two-extensions"),
        # Monday 9/2: 10, 11, 12, 13/2, 23, 24, 25, 26, 27/2, 2/3.
        pytest.param(dl.recommendation_answer, D(2026, 2, 9), {}, D(2026, 3, 2), TCD, "Điều 28", 10, "working",
                     id="TCD2013-D28-recommendation-answer-10-working-days"),
    ],
)
def test_statutory_deadline(function, start, kwargs, expected, law, article, days, kind):
    result = function(start, calendar=RULE, **kwargs)
    assert result.deadline == expected
    assert (result.rule.law, result.rule.article, result.rule.days, result.rule.kind) == (law, article, days, kind)
    assert result.start == start and result.procedure == function.__name__
    assert not result.paused and result.pauses == ()


def test_last_day_off_moves_to_the_next_working_day_BLDS2015_D148():
    result = dl.first_complaint_acceptance(D(2026, 2, 5), calendar=RULE)
    assert result.moved_from == D(2026, 2, 15) and result.deadline == D(2026, 2, 23)
    assert dl.first_complaint_acceptance(D(2026, 2, 3), calendar=RULE).moved_from is None


def test_day_of_receipt_is_not_counted_BLDS2015_D147():
    # Received Monday 2/3/2026: day 1 is 3/3, day 10 is 12/3.
    assert dl.first_complaint_acceptance(D(2026, 3, 2), calendar=RULE).deadline == D(2026, 3, 12)
    # Received Friday 27/2/2026: the first working day is Monday 2/3 (weekend skipped), the 10th is 13/3.
    assert dl.recommendation_answer(D(2026, 2, 27), calendar=RULE).deadline == D(2026, 3, 13)


@pytest.mark.parametrize(
    ("function", "start", "rule_only", "with_decision"),
    [
        # 22/4/2025 + 10 = Friday 2/5/2025: a working day by the rule, a bridge day off by the 2025 decision.
        pytest.param(dl.first_complaint_acceptance, D(2025, 4, 22), D(2025, 5, 2), D(2025, 5, 5),
                     id="KN2011-D27-decided-bridge-day-2-5-2025"),
        # Wednesday 23/4/2025, 3 working days: 24, 25, and Saturday 26/4 worked in exchange.
        pytest.param(dl.first_decision_dispatch, D(2025, 4, 23), D(2025, 4, 28), D(2025, 4, 26),
                     id="KN2011-D32-saturday-26-4-2025-worked-in-exchange"),
    ],
)
def test_a_recorded_decision_changes_the_deadline(function, start, rule_only, with_decision):
    assert function(start, calendar=RULE).deadline == rule_only
    assert function(start, calendar=WITH_SWAP_2025).deadline == with_decision


# ---- pauses ---------------------------------------------------------------------------------------------------------


def test_a_closed_pause_moves_the_deadline_by_the_paused_days_TC2018_D31():
    # Accepted 1/3/2026, 30 days -> 31/3. Suspended 10/3, resumed 20/3: 10 days -> 10/4.
    plain = dl.denunciation_resolution(D(2026, 3, 1), calendar=RULE)
    pause = Pause(D(2026, 3, 10), D(2026, 3, 20), reason="Chờ kết quả giám định")
    paused = dl.denunciation_resolution(D(2026, 3, 1), calendar=RULE, pauses=[pause])
    assert plain.deadline == D(2026, 3, 31)
    assert paused.deadline == D(2026, 4, 10)
    assert paused.paused_days == 10 and paused.pauses == (pause,) and not paused.paused


def test_an_open_pause_gives_no_deadline():
    result = dl.denunciation_resolution(D(2026, 3, 1), calendar=RULE, pauses=[Pause(D(2026, 3, 10))])
    assert result.deadline is None and result.paused
    assert result.days_left_on_clock == 22  # 2/3-9/3 counted 8 of 30 days
    assert dl.remaining(result, D(2026, 6, 1), RULE) == dl.Remaining(None, None, overdue=False, paused=True)


def test_an_open_pause_after_the_deadline_does_not_erase_it():
    result = dl.denunciation_resolution(D(2026, 3, 1), calendar=RULE, pauses=[Pause(D(2026, 4, 15))])
    assert result.deadline == D(2026, 3, 31) and not result.paused and result.pauses == ()


def test_pauses_are_records_given_as_pairs_and_overlaps_count_once():
    pairs = [(D(2026, 3, 10), D(2026, 3, 20)), (D(2026, 3, 15), D(2026, 3, 25))]
    result = dl.denunciation_resolution(D(2026, 3, 1), calendar=RULE, pauses=pairs)
    assert result.paused_days == 15 and result.deadline == D(2026, 4, 15)


def test_a_pause_in_a_working_day_period_removes_working_days_only():
    # Recommendation received Monday 2/3/2026: 10 working days -> 16/3. Paused Friday 6/3 to Monday 9/3:
    # one working day (6/3) is lost, the weekend was not counted anyway -> 17/3.
    result = dl.recommendation_answer(D(2026, 3, 2), calendar=RULE, pauses=[Pause(D(2026, 3, 6), D(2026, 3, 9))])
    assert result.paused_days == 1 and result.deadline == D(2026, 3, 17)


def test_a_pause_cannot_end_before_it_starts():
    with pytest.raises(ValueError):
        Pause(D(2026, 3, 10), D(2026, 3, 9))


# ---- denunciations: complexity and extensions (TC 2018 Điều 30; NĐ 31/2019 Điều 3) -------------------------------

CRITERIA = ["several_places", "several_allegations", "many_denouncers", "foreign_element", "several_agencies",
            "agencies_disagree", "conflicting_evidence"]


@pytest.mark.parametrize("criterion", CRITERIA)
def test_any_one_criterion_makes_a_case_complex_ND31_2019_D3(criterion):
    assert dl.denunciation_complexity(**{criterion: True}) is Complexity.COMPLEX


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        pytest.param({}, Complexity.NORMAL, id="ND31-2019-D3-no-criterion-normal"),
        pytest.param({"several_places": True, "conflicting_evidence": True}, Complexity.ESPECIALLY_COMPLEX,
                     id="ND31-2019-D3-two-criteria-especially-complex"),
        pytest.param(dict.fromkeys(CRITERIA, True), Complexity.ESPECIALLY_COMPLEX, id="ND31-2019-D3-all-seven"),
    ],
)
def test_complexity(flags, expected):
    assert dl.denunciation_complexity(**flags) is expected


@pytest.mark.parametrize(
    ("complexity", "extensions"),
    [
        pytest.param(Complexity.NORMAL, [30], id="TC2018-D30-normal-case-no-extension"),
        pytest.param(Complexity.COMPLEX, [30, 30], id="TC2018-D30-complex-one-extension-only"),
        pytest.param(Complexity.ESPECIALLY_COMPLEX, [30, 30, 30], id="TC2018-D30-especially-complex-two-only"),
        pytest.param(Complexity.COMPLEX, [31], id="TC2018-D30-extension-at-most-30-days"),
        pytest.param(Complexity.COMPLEX, [0], id="TC2018-D30-extension-positive"),
    ],
)
def test_extensions_beyond_the_law_are_refused(complexity, extensions):
    with pytest.raises(ValueError):
        dl.denunciation_resolution(D(2026, 3, 1), calendar=RULE, complexity=complexity, extension_days=extensions)


def test_a_shorter_extension_counts_its_own_days():
    result = dl.denunciation_resolution(D(2026, 3, 1), calendar=RULE, complexity="complex", extension_days=[15])
    assert result.extension_count == 1 and result.rule.days == 45
    assert result.deadline == D(2026, 4, 15)  # 1/3 + 45


# ---- remaining ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("deadline", "today", "expected"),
    [
        pytest.param(D(2026, 2, 23), D(2026, 2, 13), dl.Remaining(10, 1, overdue=False), id="across-tet-2026"),
        pytest.param(D(2026, 2, 23), D(2026, 2, 23), dl.Remaining(0, 0, overdue=False), id="due-today"),
        pytest.param(D(2026, 2, 23), D(2026, 2, 25), dl.Remaining(-2, -2, overdue=True), id="overdue-two-days"),
        pytest.param(D(2026, 5, 4), D(2026, 4, 29), dl.Remaining(5, 1, overdue=False), id="across-30-4-2026"),
    ],
)
def test_remaining(deadline, today, expected):
    assert dl.remaining(deadline, today, RULE) == expected


def test_remaining_accepts_a_deadline_result():
    result = dl.recommendation_answer(D(2026, 2, 9), calendar=RULE)  # -> 2/3/2026
    left = dl.remaining(result, D(2026, 2, 27), RULE)
    assert left.calendar_days == 3 and left.working_days == 1 and not left.overdue and not left.due_today
    assert dl.remaining(result, D(2026, 3, 2), RULE).due_today


def test_applied_rule_cites_its_article():
    rule = dl.first_complaint_resolution(D(2026, 1, 23), calendar=RULE).rule
    assert rule.citation == "Điều 28 Luật Khiếu nại 2011" and rule.kind is DayKind.CALENDAR


def test_overdue_working_days_are_those_after_the_deadline_up_to_today():
    # Deadline Thursday 12/2/2026; on Saturday 14/2 only Friday 13/2 has passed as a working day.
    assert dl.remaining(D(2026, 2, 12), D(2026, 2, 14), RULE) == dl.Remaining(-2, -1, overdue=True)
    # On Monday 23/2, after the Tết break: 13/2 and 23/2.
    assert dl.remaining(D(2026, 2, 12), D(2026, 2, 23), RULE) == dl.Remaining(-11, -2, overdue=True)
