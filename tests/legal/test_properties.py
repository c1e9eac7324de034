"""Properties every deadline holds, whatever the date, the calendar and the pauses (hypothesis)."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from danvan.legal import deadlines as dl
from danvan.legal.calendar import DecidedDay, Occasion, WorkingCalendar
from danvan.legal.deadlines import Complexity, Pause

from .calendars import RULE, WITH_SWAP_2025

FIRST, LAST = dt.date(2020, 1, 1), dt.date(2032, 12, 31)

PROCEDURES = [
    (dl.complaint_limitation, {}),
    (dl.first_complaint_acceptance, {}),
    (dl.first_complaint_resolution, {}),
    (dl.first_complaint_resolution, {"complex_case": True, "remote": True}),
    (dl.first_decision_dispatch, {}),
    (dl.second_complaint_window, {"remote": True}),
    (dl.second_complaint_acceptance, {}),
    (dl.second_complaint_resolution, {"complex_case": True}),
    (dl.denunciation_initial_handling, {"several_places": True}),
    (dl.denunciation_forwarding, {}),
    (dl.denunciation_notification, {}),
    (dl.denunciation_resolution, {}),
    (dl.denunciation_resolution, {"complexity": Complexity.ESPECIALLY_COMPLEX, "extension_days": [30, 12]}),
    (dl.recommendation_answer, {}),
]

dates = st.dates(min_value=FIRST, max_value=LAST)


@st.composite
def calendars(draw):
    """The rule, the rule with a real decision, or the rule with random decided days off and days worked."""
    base = draw(st.sampled_from([RULE, WITH_SWAP_2025, WorkingCalendar(tet_days_before=1, national_day_adjacent=1)]))
    extra_off = draw(st.lists(dates, max_size=8))
    extra_worked = [d for d in draw(st.lists(dates, max_size=4)) if d.weekday() >= 5]
    days = [DecidedDay(d, Occasion.OTHER) for d in extra_off]
    days += [DecidedDay(d, Occasion.OTHER, working=True) for d in extra_worked]
    return base.with_decided_days(days) if days else base


@st.composite
def closed_pauses(draw, around: dt.date):
    start = around + dt.timedelta(days=draw(st.integers(-20, 200)))
    return Pause(start, start + dt.timedelta(days=draw(st.integers(0, 60))))


@st.composite
def cases(draw):
    function, kwargs = draw(st.sampled_from(PROCEDURES))
    start = draw(dates)
    pauses = draw(st.lists(closed_pauses(start), max_size=3))
    return function, kwargs, start, pauses, draw(calendars())


@settings(max_examples=150, deadline=None)
@given(cases())
def test_a_deadline_is_never_before_its_start_and_never_a_day_off(case):
    function, kwargs, start, pauses, calendar = case
    result = function(start, calendar=calendar, pauses=pauses, **kwargs)
    assert result.deadline is not None
    assert result.deadline > start  # every period counts at least one day after the event
    assert calendar.is_working_day(result.deadline)


@settings(max_examples=150, deadline=None)
@given(cases(), st.data())
def test_adding_a_pause_never_makes_a_deadline_earlier(case, data):
    function, kwargs, start, pauses, calendar = case
    before = function(start, calendar=calendar, pauses=pauses, **kwargs)
    extra = data.draw(closed_pauses(start))
    after = function(start, calendar=calendar, pauses=[*pauses, extra], **kwargs)
    assert after.deadline >= before.deadline
    assert after.paused_days >= before.paused_days


@settings(max_examples=100, deadline=None)
@given(cases(), st.integers(-20, 200))
def test_an_open_pause_either_holds_the_clock_or_came_after_the_deadline(case, offset):
    function, kwargs, start, pauses, calendar = case
    plain = function(start, calendar=calendar, **kwargs)
    open_pause = Pause(start + dt.timedelta(days=offset))
    held = function(start, calendar=calendar, pauses=[open_pause], **kwargs)
    if held.paused:
        assert held.deadline is None and held.days_left_on_clock > 0
    else:
        assert held.deadline == plain.deadline


@settings(max_examples=100, deadline=None)
@given(dates, st.integers(-40, 40), calendars())
def test_add_working_days_and_working_days_between_are_inverse(start, n, calendar):
    end = calendar.add_working_days(start, n)
    assert calendar.working_days_between(start, end) == n
    if n:
        assert calendar.is_working_day(end)


@settings(max_examples=100, deadline=None)
@given(dates, st.integers(1, 30))
def test_more_days_off_never_make_a_deadline_earlier(start, spread):
    extra = RULE.with_decided_days([DecidedDay(start + dt.timedelta(days=spread), Occasion.OTHER)])
    for function, kwargs in PROCEDURES:
        assert function(start, calendar=extra, **kwargs).deadline >= function(start, calendar=RULE, **kwargs).deadline
