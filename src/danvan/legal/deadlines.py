"""Statutory deadlines of letters: one function per procedure, each returning the date and the rule.

How a period is read (written down here because every function relies on it):

- **Kind of day.** Where the law says "ngày làm việc" the period counts working days of the
  `WorkingCalendar` (weekends, public holidays, make-up and bridge days excluded; a weekend day
  worked in exchange counts). Where it says plain "ngày" the period counts calendar days.
- **First day.** The day of the event (receipt, acceptance, decision) is not counted; the period
  starts on the next day (Bộ luật Dân sự 2015 Điều 147 khoản 3: a period that begins with an event
  starts the day after it). "Within 10 days of receipt on 3/3" therefore ends on 13/3. The BLDS
  applies because the administrative laws set no counting rule of their own (BLDS 2015 Điều 145).
- **Last day.** A period ends at the end of its last day (Điều 148 khoản 1). If the last day of a
  calendar-day period is a day off, the period ends on the next working day (Điều 148 khoản 5).
  "Day off" is read as any day the calendar says a state office is closed: weekends, holidays and
  the make-up and bridge days of the Government's decisions. A working-day period always ends on a
  working day.
- **Pauses.** A suspension (tạm đình chỉ; for denunciations Luật Tố cáo 2018 Điều 31: "thời gian
  tạm đình chỉ không tính vào thời hạn giải quyết"), a request for more documents, or for the
  limitation period an obstacle beyond the complainant's control (Luật Khiếu nại 2011 Điều 9), stops
  the clock. A `Pause` is a record, never an edit of the deadline: the clock stops on its `start`
  (that day is not counted) and runs again on its `end` (that day counts), so a pause removes
  `end - start` days of the period's kind. Overlapping pauses count once. While a pause is open
  (`end=None`) and the period has not yet run out, there is no deadline: the result says
  `deadline=None, paused=True` and how many days are left on the clock.
- **Extensions** (Luật Tố cáo 2018 Điều 30) add their days to the same continuous count.
- **Which rule.** Every period is dated (`rules.RuleBook`): the version in force on `law_date` (by
  default the event itself; `letters.deadlines` passes the receipt date under the transitional
  reading "receipt") is the one counted, and the result names it (`AppliedRule`).
- **Readings.** Where the law is unclear (a calendar-day period ending on a Saturday worked in
  exchange; extensions from acceptance or from the moved deadline; the first day of a pause), the
  choice is `rules.Readings`, data an administrator can change (ADR 0018).

All numbers come from `danvan.legal.rules`. No Django import: pure functions, tested without a database.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from danvan.legal import rules
from danvan.legal.calendar import ONE_DAY, WorkingCalendar
from danvan.legal.rules import DEFAULT_RULEBOOK, DayKind, Period, Readings, RuleBook


@dataclass(frozen=True)
class Pause:
    """The clock stands still from `start` (not counted) until `end` (counted again); None = still paused."""

    start: dt.date
    end: dt.date | None = None
    reason: str = ""

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"Pause ends ({self.end}) before it starts ({self.start})")

    @property
    def is_open(self) -> bool:
        return self.end is None

    def covers(self, day: dt.date, *, first_day_counts: bool = False) -> bool:
        """Whether the clock stands still on `day`; reading "pause_first_day" (ADR 0018) decides the start day."""
        after_start = self.start < day if first_day_counts else self.start <= day
        return after_start and (self.end is None or day < self.end)


@dataclass(frozen=True)
class AppliedRule:
    """The rule a deadline was computed by: law, article, days counted and their kind."""

    law: str
    article: str
    days: int  # including any extensions
    kind: DayKind
    summary: str
    confirmed: bool = True  # False: the number is not confirmed against the law's text (ADR 0017)
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None

    @property
    def citation(self) -> str:
        return f"{self.article} {self.law}"

    @classmethod
    def of(cls, period: Period, days: int | None = None) -> AppliedRule:
        return cls(period.law, period.article, period.days if days is None else days, period.kind, period.summary,
                   period.confirmed, period.valid_from, period.valid_until)


@dataclass(frozen=True)
class Deadline:
    """A computed deadline. `deadline` is None only while an open pause holds the clock."""

    procedure: str
    start: dt.date  # the event; day 1 of the period is the day after (BLDS 2015 Điều 147 khoản 3)
    deadline: dt.date | None
    rule: AppliedRule
    pauses: tuple[Pause, ...] = ()  # the pauses that stopped this clock
    paused_days: int = 0  # days of the rule's kind not counted because of pauses
    paused: bool = False  # an open pause holds the clock
    days_left_on_clock: int | None = None  # while paused: days of the rule's kind still to run
    extension_count: int = 0
    moved_from: dt.date | None = None  # the last day, when it was a day off (BLDS 2015 Điều 148 khoản 5)


@dataclass(frozen=True)
class Remaining:
    """Time left until a deadline, seen on `today`. Negative numbers count the days overdue."""

    calendar_days: int | None
    working_days: int | None
    overdue: bool
    paused: bool = False

    @property
    def due_today(self) -> bool:
        return self.calendar_days == 0


class Complexity(enum.StrEnum):
    NORMAL = "normal"
    COMPLEX = "complex"
    ESPECIALLY_COMPLEX = "especially_complex"


# ---- the counting engine -------------------------------------------------------------------------------


PauseLike = Pause | tuple[dt.date, dt.date | None]


def as_pause(value: PauseLike) -> Pause:
    """A `Pause`, or a `(start, end)` pair as stored on a record (end None while still paused)."""
    if isinstance(value, Pause):
        return value
    start, end = value
    return Pause(start, end)


def compute(
    procedure: str,
    start: dt.date,
    period: Period,
    calendar: WorkingCalendar,
    pauses: Sequence[PauseLike] = (),
    *,
    extra_days: int = 0,
    extension_count: int = 0,
    readings: Readings | None = None,
) -> Deadline:
    """Count `period` (plus `extra_days` of the same kind) from the day after `start`, skipping pauses."""
    readings = readings or Readings()
    if extra_days and readings.extension_count == "from_moved_deadline":
        return _extended_from_moved_deadline(procedure, start, period, calendar, pauses, extra_days,
                                             extension_count, readings)
    total = period.days + extra_days
    rule = AppliedRule.of(period, total)
    as_pauses = tuple(as_pause(p) for p in pauses)
    first_day_counts = readings.pause_first_day == "counted"
    working = period.kind is DayKind.WORKING
    day, counted, paused_days = start, 0, 0
    stopped_by: list[Pause] = []
    while counted < total:
        day += ONE_DAY
        countable = calendar.is_working_day(day) if working else True
        pause = next((p for p in as_pauses if p.covers(day, first_day_counts=first_day_counts)), None)
        if pause is not None:
            if pause not in stopped_by:
                stopped_by.append(pause)
            if pause.is_open:
                return Deadline(
                    procedure, start, None, rule, tuple(stopped_by), paused_days, paused=True,
                    days_left_on_clock=total - counted, extension_count=extension_count,
                )
            paused_days += countable
            continue
        counted += countable
    deadline = calendar.working_day_on_or_after(day)
    if not working and readings.worked_weekend_end == "next_working_day":
        # Reading "worked_weekend_end" (ADR 0018): a Saturday worked in exchange does not end a calendar period.
        while deadline.weekday() in rules.WEEKEND or not calendar.is_working_day(deadline):
            deadline += ONE_DAY
    return Deadline(
        procedure, start, deadline, rule, tuple(stopped_by), paused_days,
        extension_count=extension_count, moved_from=day if deadline != day else None,
    )


def _extended_from_moved_deadline(procedure: str, start: dt.date, period: Period, calendar: WorkingCalendar,
                                  pauses: Sequence[PauseLike], extra_days: int, extension_count: int,
                                  readings: Readings) -> Deadline:
    """Reading "extension_count" = "from_moved_deadline": the extension days run from the day after the
    first deadline as moved by BLDS 2015 Điều 148 khoản 5, not on from acceptance."""
    plain = replace(readings, extension_count="continuous")
    first = compute(procedure, start, period, calendar, pauses, readings=plain)
    rule = AppliedRule.of(period, period.days + extra_days)
    if first.deadline is None:
        return replace(first, rule=rule, days_left_on_clock=(first.days_left_on_clock or 0) + extra_days,
                       extension_count=extension_count)
    second = compute(procedure, first.deadline, replace(period, days=extra_days), calendar, pauses, readings=plain)
    return replace(second, start=start, rule=rule, pauses=tuple(dict.fromkeys(first.pauses + second.pauses)),
                   paused_days=first.paused_days + second.paused_days, extension_count=extension_count,
                   days_left_on_clock=second.days_left_on_clock)


def remaining(deadline: dt.date | Deadline, today: dt.date, calendar: WorkingCalendar) -> Remaining:
    """Calendar and working days from `today` to the deadline; overdue once `today` is past it.

    Working days left are those after today up to and including the deadline, so a deadline due today
    has 0 of each left and is not overdue. Once overdue, both are negative: minus the calendar days, and
    minus the working days, after the deadline up to and including today. A paused deadline has no
    count and is never overdue.
    """
    if isinstance(deadline, Deadline):
        if deadline.deadline is None:
            return Remaining(calendar_days=None, working_days=None, overdue=False, paused=True)
        deadline = deadline.deadline
    overdue = today > deadline
    working = (
        -calendar.working_days_between(deadline, today) if overdue else calendar.working_days_between(today, deadline)
    )
    return Remaining(calendar_days=(deadline - today).days, working_days=working, overdue=overdue)


def _count(procedure: str, start: dt.date, name: str, calendar: WorkingCalendar, pauses: Sequence[PauseLike],
           rulebook: RuleBook, law_date: dt.date | None, **extra: Any) -> Deadline:
    """Count the version of rule `name` in force on `law_date` (the event itself when not given)."""
    period = rulebook.period(name, law_date or start)
    return compute(procedure, start, period, calendar, pauses, readings=rulebook.readings, **extra)


# ---- complaints (Luật Khiếu nại 2011) ------------------------------------------------------------------


def complaint_limitation(
    known_on: dt.date, *, calendar: WorkingCalendar, pauses: Sequence[PauseLike] = (),
    rulebook: RuleBook = DEFAULT_RULEBOOK, law_date: dt.date | None = None,
) -> Deadline:
    """Thời hiệu khiếu nại: 90 days from receiving or learning of the decision or act (Luật Khiếu nại 2011
    Điều 9). Time lost to illness, disaster, war, work or study far away or another objective obstacle
    does not count: pass those stretches as `pauses`."""
    return _count("complaint_limitation", known_on, "COMPLAINT_LIMITATION", calendar, pauses,
                  rulebook, law_date)


def first_complaint_acceptance(
    received_on: dt.date, *, calendar: WorkingCalendar, pauses: Sequence[PauseLike] = (),
    rulebook: RuleBook = DEFAULT_RULEBOOK, law_date: dt.date | None = None,
) -> Deadline:
    """Thụ lý khiếu nại lần đầu within 10 days of receiving a complaint within jurisdiction (Luật Khiếu nại
    2011 Điều 27)."""
    return _count("first_complaint_acceptance", received_on, "FIRST_COMPLAINT_ACCEPTANCE", calendar, pauses,
                  rulebook, law_date)


def first_complaint_resolution(
    accepted_on: dt.date,
    *,
    calendar: WorkingCalendar,
    complex_case: bool = False,
    remote: bool = False,
    pauses: Sequence[PauseLike] = (),
    rulebook: RuleBook = DEFAULT_RULEBOOK,
    law_date: dt.date | None = None,
) -> Deadline:
    """Giải quyết khiếu nại lần đầu: ≤ 30 days from acceptance, 45 if complex; in remote, hard-to-reach
    areas (vùng sâu, vùng xa) ≤ 45, 60 if complex (Luật Khiếu nại 2011 Điều 28)."""
    period = {
        (False, False): "FIRST_COMPLAINT_RESOLUTION",
        (True, False): "FIRST_COMPLAINT_RESOLUTION_COMPLEX",
        (False, True): "FIRST_COMPLAINT_RESOLUTION_REMOTE",
        (True, True): "FIRST_COMPLAINT_RESOLUTION_REMOTE_COMPLEX",
    }[(complex_case, remote)]
    return _count("first_complaint_resolution", accepted_on, period, calendar, pauses,
                  rulebook, law_date)


def first_decision_dispatch(
    decided_on: dt.date, *, calendar: WorkingCalendar, pauses: Sequence[PauseLike] = (),
    rulebook: RuleBook = DEFAULT_RULEBOOK, law_date: dt.date | None = None,
) -> Deadline:
    """Send the first-time decision to the complainant and the parties within 3 working days of the
    decision (Luật Khiếu nại 2011 Điều 32)."""
    return _count("first_decision_dispatch", decided_on, "FIRST_DECISION_DISPATCH", calendar, pauses,
                  rulebook, law_date)


def second_complaint_window(
    from_date: dt.date, *, calendar: WorkingCalendar, remote: bool = False, pauses: Sequence[PauseLike] = (),
    rulebook: RuleBook = DEFAULT_RULEBOOK, law_date: dt.date | None = None,
) -> Deadline:
    """The last day to lodge a second complaint: 30 days, up to 45 in remote areas (Luật Khiếu nại 2011
    Điều 33). `from_date` is the day the first decision was received, or, when no decision came, the
    last day of the first-time resolution period (Điều 28), whichever the case is."""
    period = "SECOND_COMPLAINT_WINDOW_REMOTE" if remote else "SECOND_COMPLAINT_WINDOW"
    return _count("second_complaint_window", from_date, period, calendar, pauses,
                  rulebook, law_date)


def second_decision_dispatch(
    decided_on: dt.date, *, calendar: WorkingCalendar, pauses: Sequence[PauseLike] = (),
    rulebook: RuleBook = DEFAULT_RULEBOOK, law_date: dt.date | None = None,
) -> Deadline:
    """Send the second-time decision to the complainant, the parties and the first-time resolver within
    7 working days of the decision (Luật Khiếu nại 2011 Điều 40; number unconfirmed, see `rules`)."""
    return _count("second_decision_dispatch", decided_on, "SECOND_DECISION_DISPATCH", calendar, pauses, rulebook,
                  law_date)


def second_complaint_acceptance(
    received_on: dt.date, *, calendar: WorkingCalendar, pauses: Sequence[PauseLike] = (),
    rulebook: RuleBook = DEFAULT_RULEBOOK, law_date: dt.date | None = None,
) -> Deadline:
    """Thụ lý khiếu nại lần hai within 10 days of receipt (Luật Khiếu nại 2011 Điều 36)."""
    return _count("second_complaint_acceptance", received_on, "SECOND_COMPLAINT_ACCEPTANCE", calendar, pauses,
                  rulebook, law_date)


def second_complaint_resolution(
    accepted_on: dt.date,
    *,
    calendar: WorkingCalendar,
    complex_case: bool = False,
    remote: bool = False,
    pauses: Sequence[PauseLike] = (),
    rulebook: RuleBook = DEFAULT_RULEBOOK,
    law_date: dt.date | None = None,
) -> Deadline:
    """Giải quyết khiếu nại lần hai: ≤ 45 days from acceptance, 60 if complex; in remote areas ≤ 60,
    70 if complex (Luật Khiếu nại 2011 Điều 37)."""
    period = {
        (False, False): "SECOND_COMPLAINT_RESOLUTION",
        (True, False): "SECOND_COMPLAINT_RESOLUTION_COMPLEX",
        (False, True): "SECOND_COMPLAINT_RESOLUTION_REMOTE",
        (True, True): "SECOND_COMPLAINT_RESOLUTION_REMOTE_COMPLEX",
    }[(complex_case, remote)]
    return _count("second_complaint_resolution", accepted_on, period, calendar, pauses,
                  rulebook, law_date)


# ---- denunciations (Luật Tố cáo 2018; Nghị định 31/2019/NĐ-CP) ------------------------------------------


def denunciation_complexity(
    *,
    several_places: bool = False,
    several_allegations: bool = False,
    many_denouncers: bool = False,
    foreign_element: bool = False,
    several_agencies: bool = False,
    agencies_disagree: bool = False,
    conflicting_evidence: bool = False,
) -> Complexity:
    """Complex if any one of the seven criteria holds, especially complex if two or more do
    (Nghị định 31/2019/NĐ-CP Điều 3): verification at ≥ 2 places; ≥ 2 allegations; many denouncers;
    a foreign element; several agencies involved; agencies disagree; conflicting evidence."""
    met = sum((several_places, several_allegations, many_denouncers, foreign_element,
               several_agencies, agencies_disagree, conflicting_evidence))
    if met >= rules.ESPECIALLY_COMPLEX_CRITERIA_THRESHOLD:
        return Complexity.ESPECIALLY_COMPLEX
    if met >= rules.COMPLEX_CRITERIA_THRESHOLD:
        return Complexity.COMPLEX
    return Complexity.NORMAL


def denunciation_initial_handling(
    received_on: dt.date,
    *,
    calendar: WorkingCalendar,
    several_places: bool = False,
    pauses: Sequence[PauseLike] = (),
    rulebook: RuleBook = DEFAULT_RULEBOOK,
    law_date: dt.date | None = None,
) -> Deadline:
    """Register, classify and check a denunciation within 7 working days of receipt; up to 10 when it must
    be verified at several places or the verification delegated to a competent body (`several_places`,
    Luật Tố cáo 2018 Điều 24 khoản 1)."""
    period = (
        "DENUNCIATION_INITIAL_HANDLING_SEVERAL_PLACES" if several_places else "DENUNCIATION_INITIAL_HANDLING"
    )
    return _count("denunciation_initial_handling", received_on, period, calendar, pauses,
                  rulebook, law_date)


def denunciation_forwarding(
    received_on: dt.date, *, calendar: WorkingCalendar, pauses: Sequence[PauseLike] = (),
    rulebook: RuleBook = DEFAULT_RULEBOOK, law_date: dt.date | None = None,
) -> Deadline:
    """Forward a denunciation outside jurisdiction within 5 working days of receipt (Luật Tố cáo 2018
    Điều 24 khoản 2)."""
    return _count("denunciation_forwarding", received_on, "DENUNCIATION_FORWARDING", calendar, pauses,
                  rulebook, law_date)


def denunciation_forwarding_notice(
    received_on: dt.date, *, calendar: WorkingCalendar, pauses: Sequence[PauseLike] = (),
    rulebook: RuleBook = DEFAULT_RULEBOOK, law_date: dt.date | None = None,
) -> Deadline:
    """Tell the denouncer the denunciation was forwarded, within the 5 working days of receipt the forwarding
    itself has (Luật Tố cáo 2018 Điều 24 khoản 2: "chuyển ... và thông báo cho người tố cáo")."""
    return _count("denunciation_forwarding_notice", received_on, "DENUNCIATION_FORWARDING_NOTICE", calendar, pauses,
                  rulebook, law_date)


def denunciation_notification(
    accepted_on: dt.date, *, calendar: WorkingCalendar, pauses: Sequence[PauseLike] = (),
    rulebook: RuleBook = DEFAULT_RULEBOOK, law_date: dt.date | None = None,
) -> Deadline:
    """Notify the denouncer within 5 working days of the decision to accept (Luật Tố cáo 2018 Điều 29)."""
    return _count("denunciation_notification", accepted_on, "DENUNCIATION_NOTIFICATION", calendar, pauses,
                  rulebook, law_date)


def denunciation_resolution(
    accepted_on: dt.date,
    *,
    calendar: WorkingCalendar,
    complexity: Complexity = Complexity.NORMAL,
    extension_days: Sequence[int] = (),
    pauses: Sequence[PauseLike] = (),
    rulebook: RuleBook = DEFAULT_RULEBOOK,
    law_date: dt.date | None = None,
) -> Deadline:
    """Resolve within 30 days of acceptance; a complex case may be extended once, an especially complex
    one twice, each time by written decision for at most 30 days (Luật Tố cáo 2018 Điều 30).
    `extension_days` lists the days each extension decision granted. Suspensions are `pauses`
    (Điều 31: the suspended time is not counted)."""
    complexity = Complexity(complexity)
    allowed = rules.DENUNCIATION_MAX_EXTENSIONS[complexity.value]
    if len(extension_days) > allowed:
        raise ValueError(
            f"Vụ việc {complexity.value} được gia hạn tối đa {allowed} lần (Điều 30 Luật Tố cáo 2018)"
        )
    for days in extension_days:
        if not 0 < days <= rules.DENUNCIATION_EXTENSION_MAX_DAYS:
            raise ValueError(
                f"Mỗi lần gia hạn không quá {rules.DENUNCIATION_EXTENSION_MAX_DAYS} ngày (Điều 30 Luật Tố cáo 2018)"
            )
    return _count("denunciation_resolution", accepted_on, "DENUNCIATION_RESOLUTION", calendar, pauses, rulebook,
                  law_date, extra_days=sum(extension_days), extension_count=len(extension_days))


# ---- recommendations and feedback (Luật Tiếp công dân 2013) ---------------------------------------------


def recommendation_answer(
    received_on: dt.date, *, calendar: WorkingCalendar, pauses: Sequence[PauseLike] = (),
    rulebook: RuleBook = DEFAULT_RULEBOOK, law_date: dt.date | None = None,
) -> Deadline:
    """Tell the citizen within 10 working days of receipt whether the recommendation or feedback was
    accepted, refused or forwarded (Luật Tiếp công dân 2013 Điều 28)."""
    return _count("recommendation_answer", received_on, "RECOMMENDATION_ANSWER", calendar, pauses,
                  rulebook, law_date)
