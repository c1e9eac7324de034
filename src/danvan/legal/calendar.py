"""Is a date a working day of a Vietnamese state office? A pure calendar, built from data.

Three layers, later ones winning:

1. **The rule** (Bộ luật Lao động 2019). Saturday and Sunday are weekly rest days. The public holidays
   of Điều 112 khoản 1 are 1/1; five days of Tết Âm lịch; 10/3 âm lịch (Giỗ Tổ Hùng Vương); 30/4; 1/5;
   2/9 and one adjacent day. The Prime Minister fixes the Tết days and the adjacent day each year
   (khoản 3). Until that decision is recorded, the defaults in `rules` apply (`TET_DAYS_BEFORE_BY_WEEKDAY`,
   `NATIONAL_DAY_ADJACENT_BY_WEEKDAY`). A holiday on a weekly rest day is made up on the next working
   day (Điều 111 khoản 3); consecutive make-ups take consecutive working days.
2. **The Government's decisions**, recorded as `DecidedDay` rows. They carry the exact days off
   (Tết, Quốc khánh, bridge days) and the weekend days worked in exchange (đi làm bù). For each year,
   an occasion with at least one decided day off takes its days off from the decision, not from the
   rule: its rule-placed days and rule make-up days are dropped. The fixed dates the statute itself
   names (1/1, 10/3 âm lịch, 30/4, 1/5, 2/9) always stay off, so an incomplete entry can never make
   a statutory holiday a working day. Days off of the occasion OTHER (a one-off, or a new holiday
   such as 24/11 if it is enacted) only add to the rule.
3. **Days worked** in exchange are working days even on a weekend. If a date is both decided off and
   decided worked, it is off (the admin form refuses that conflict; this is only the tie-break).

Lunar dates come from `lunar_vn`, the Vietnamese calendar computed for UTC+7, never a Chinese-calendar
package: Tết differs from the Chinese date in 1985 (21/1), 2007 (17/2), 2030 (2/2) and 2053 (18/2).

No Django import: the calendar is plain data and functions, tested without a database. The app
builds one from the recorded decisions in `danvan.legal.services.current_calendar()`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from lunar_vn import LunarDate, lunar_to_solar

from danvan.legal import rules

ONE_DAY = dt.timedelta(days=1)
# No real calendar has a year without a working day; this bounds every search for one.
_SEARCH_LIMIT = 400


class Occasion(enum.StrEnum):
    """The holidays of Bộ luật Lao động 2019 Điều 112 khoản 1, as decisions group them."""

    NEW_YEAR = "new_year"  # Tết Dương lịch, 1/1 (điểm a)
    LUNAR_NEW_YEAR = "lunar_new_year"  # Tết Âm lịch, 5 days (điểm b)
    VICTORY_AND_LABOUR = "victory_labour"  # 30/4 and 1/5 (điểm c, d), decided together with their bridges
    NATIONAL_DAY = "national_day"  # Quốc khánh, 2/9 and an adjacent day (điểm đ)
    HUNG_KINGS = "hung_kings"  # Giỗ Tổ Hùng Vương, 10/3 âm lịch (điểm e)
    OTHER = "other"  # anything else the Government grants; adds to the rule, never replaces it


class Source(enum.StrEnum):
    STATUTE = "statute"  # placed by the rule of Điều 112
    MAKE_UP = "make_up"  # nghỉ bù of a holiday on a weekly rest day (Điều 111 khoản 3)
    DECISION = "decision"  # a recorded Government decision


@dataclass(frozen=True)
class DecidedDay:
    """One line of a Government decision: a day off, or a weekend day worked in exchange."""

    date: dt.date
    occasion: Occasion
    working: bool = False
    description: str = ""
    reference: str = ""
    # The year of the decision that announced it (a New Year decision for Y+1 may list 31/12/Y): an
    # occasion is decided for the decision's year, not for the day's own year. None: the day's year.
    year: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "occasion", Occasion(self.occasion))
        if self.year is None:
            object.__setattr__(self, "year", self.date.year)


@dataclass(frozen=True)
class DayOff:
    date: dt.date
    occasion: Occasion
    source: Source
    description: str = ""
    reference: str = ""

    @property
    def on_weekend(self) -> bool:
        return self.date.weekday() in rules.WEEKEND


@dataclass(frozen=True)
class YearSchedule:
    """A year's days off besides ordinary weekends, and its weekend days worked."""

    year: int
    days_off: tuple[DayOff, ...]
    days_worked: tuple[DecidedDay, ...]
    decided_occasions: frozenset[Occasion]
    off_dates: frozenset[dt.date] = field(repr=False)
    worked_dates: frozenset[dt.date] = field(repr=False)

    def ruled_occasions(self) -> list[Occasion]:
        """The statutory occasions this year still placed by the rule, for want of a recorded decision."""
        return [o for o in Occasion if o is not Occasion.OTHER and o not in self.decided_occasions]


@dataclass(frozen=True)
class _StatutoryDay:
    date: dt.date
    occasion: Occasion
    description: str
    fixed_by_statute: bool  # the statute names this date; a decision cannot move it


def lunar_new_year(year: int) -> dt.date:
    """Mùng 1 Tết of the lunar year that begins in the solar `year`, Vietnamese calendar (UTC+7)."""
    return _lunar(1, 1, year)


def hung_kings_day(year: int) -> dt.date:
    """10/3 âm lịch (the ordinary third month, never a leap one) of the solar `year`."""
    month, day = rules.HUNG_KINGS_LUNAR
    return _lunar(day, month, year)


def _lunar(day: int, month: int, year: int) -> dt.date:
    try:
        return lunar_to_solar(LunarDate(day, month, year, leap=False), time_zone=7.0)
    except ValueError as exc:
        raise ValueError(f"Năm {year} nằm ngoài khoảng âm lịch được hỗ trợ (lunar_vn): {exc}") from exc


@dataclass(frozen=True)
class WorkingCalendar:
    """The working days of a state office: rule, then recorded decisions, then days worked.

    `tet_days_before` (0-5) and `national_day_adjacent` (-1 for 1/9, +1 for 3/9) force one choice for
    every year without a decision; left as None they follow the practice tables in `rules`.
    """

    decided_days: tuple[DecidedDay, ...] = ()
    tet_days_before: int | None = None
    national_day_adjacent: int | None = None
    _schedules: dict[int, YearSchedule] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "decided_days", tuple(self.decided_days))
        if self.tet_days_before is not None and not 0 <= self.tet_days_before <= rules.TET_DAYS:
            raise ValueError(f"tet_days_before must be 0..{rules.TET_DAYS}")
        if self.national_day_adjacent not in (None, -1, 1):
            raise ValueError("national_day_adjacent must be -1 (1/9) or +1 (3/9)")

    def with_decided_days(self, days: Iterable[DecidedDay]) -> WorkingCalendar:
        """A new calendar with more decided days (this one is frozen and keeps its own)."""
        return WorkingCalendar(
            decided_days=self.decided_days + tuple(days),
            tet_days_before=self.tet_days_before,
            national_day_adjacent=self.national_day_adjacent,
        )

    # ---- questions about one day ----------------------------------------------------------------

    def is_working_day(self, day: dt.date) -> bool:
        schedule = self.schedule(day.year)
        if day in schedule.off_dates:
            return False
        return day.weekday() not in rules.WEEKEND or day in schedule.worked_dates

    def is_day_off(self, day: dt.date) -> bool:
        return not self.is_working_day(day)

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after `day`."""
        candidate = day
        for _ in range(_SEARCH_LIMIT):
            candidate += ONE_DAY
            if self.is_working_day(candidate):
                return candidate
        raise ValueError(f"No working day within {_SEARCH_LIMIT} days after {day}")

    def working_day_on_or_after(self, day: dt.date) -> dt.date:
        """`day` itself if it is a working day, else the next one (how Điều 148 khoản 5 BLDS moves a deadline)."""
        return day if self.is_working_day(day) else self.next_working_day(day)

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after `start` (before it if n < 0); `start` itself for n = 0.

        `start` is not counted, whatever it is (Bộ luật Dân sự 2015 Điều 147 khoản 2).
        """
        step = ONE_DAY if n >= 0 else -ONE_DAY
        day, left = start, abs(n)
        while left:
            day += step
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days d with a < d <= b; when b is before a, minus those with b <= d < a.

        The inverse of `add_working_days` both ways: working_days_between(a, add_working_days(a, n)) == n.
        """
        if b < a:
            return -sum(self.is_working_day(b + dt.timedelta(days=i)) for i in range((a - b).days))
        return sum(self.is_working_day(a + dt.timedelta(days=i)) for i in range(1, (b - a).days + 1))

    # ---- a year -------------------------------------------------------------------------------------

    def days_off(self, year: int) -> tuple[DayOff, ...]:
        return self.schedule(year).days_off

    def schedule(self, year: int) -> YearSchedule:
        schedule = self._schedules.get(year)
        if schedule is None:
            schedule = self._schedules[year] = self._build(year)
        return schedule

    def _build(self, year: int) -> YearSchedule:
        decided = [d for d in self.decided_days if d.date.year == year]
        decided_off = [d for d in decided if not d.working]
        worked = {d.date: d for d in decided if d.working}
        # Grouped by the decision's year: 31/12/2012 off under the New Year 2013 decision does not make New
        # Year 2012 "decided", so Sunday 1/1/2012 keeps its make-up Monday 2/1/2012 (Điều 111 khoản 3).
        decided_occasions = frozenset(
            d.occasion for d in self.decided_days if not d.working and d.year == year
        ) - {Occasion.OTHER}

        off: dict[dt.date, DayOff] = {}
        ruled: list[DayOff] = []
        for day in self._statutory_days(year):
            if day.occasion in decided_occasions and not day.fixed_by_statute:
                continue  # the decision places this day (Điều 112 khoản 3)
            entry = DayOff(day.date, day.occasion, Source.STATUTE, day.description)
            off[day.date] = entry
            if day.occasion not in decided_occasions:
                ruled.append(entry)
        for decided_day in decided_off:
            off[decided_day.date] = DayOff(decided_day.date, decided_day.occasion, Source.DECISION,
                                           decided_day.description, decided_day.reference)

        def free_working_day(candidate: dt.date) -> bool:
            weekday_ok = candidate.weekday() not in rules.WEEKEND or candidate in worked
            return weekday_ok and candidate not in off

        # Make-up days (Điều 111 khoản 3) only for occasions the rule still places: a decision lists its own.
        # No statutory holiday lies close enough to 31/12 for a make-up day to cross into the next year.
        for entry in sorted(ruled, key=lambda e: e.date):
            if entry.date.weekday() not in rules.WEEKEND or entry.date in worked:
                continue
            candidate = entry.date + ONE_DAY
            while not free_working_day(candidate):
                candidate += ONE_DAY
            off[candidate] = DayOff(candidate, entry.occasion, Source.MAKE_UP, f"Nghỉ bù {entry.description}")

        days_worked = tuple(sorted((d for d in worked.values() if d.date not in off), key=lambda d: d.date))
        return YearSchedule(
            year=year,
            days_off=tuple(sorted(off.values(), key=lambda e: e.date)),
            days_worked=days_worked,
            decided_occasions=decided_occasions,
            off_dates=frozenset(off),
            worked_dates=frozenset(d.date for d in days_worked),
        )

    def _statutory_days(self, year: int) -> list[_StatutoryDay]:
        """Bộ luật Lao động 2019 Điều 112 khoản 1, placed in `year` by the rule and its defaults."""
        days = [_StatutoryDay(dt.date(year, *rules.NEW_YEAR_DAY), Occasion.NEW_YEAR, "Tết Dương lịch", True)]

        new_year = lunar_new_year(year)
        before = self.tet_days_before
        if before is None:
            before = rules.TET_DAYS_BEFORE_BY_WEEKDAY[new_year.weekday()]
        for offset in range(-before, rules.TET_DAYS - before):
            label = "cuối năm âm lịch" if offset < 0 else f"mùng {offset + 1}"
            days.append(_StatutoryDay(new_year + dt.timedelta(days=offset), Occasion.LUNAR_NEW_YEAR,
                                      f"Tết Âm lịch ({label})", False))

        days.append(_StatutoryDay(hung_kings_day(year), Occasion.HUNG_KINGS, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", True))
        days.append(_StatutoryDay(dt.date(year, *rules.VICTORY_DAY), Occasion.VICTORY_AND_LABOUR,
                                  "Ngày Chiến thắng (30/4)", True))
        days.append(_StatutoryDay(dt.date(year, *rules.LABOUR_DAY), Occasion.VICTORY_AND_LABOUR,
                                  "Ngày Quốc tế lao động (1/5)", True))

        national_day = dt.date(year, *rules.NATIONAL_DAY)
        adjacent = self.national_day_adjacent
        if adjacent is None:
            adjacent = rules.NATIONAL_DAY_ADJACENT_BY_WEEKDAY[national_day.weekday()]
        days.append(_StatutoryDay(national_day, Occasion.NATIONAL_DAY, "Quốc khánh (2/9)", True))
        days.append(_StatutoryDay(national_day + dt.timedelta(days=adjacent), Occasion.NATIONAL_DAY,
                                  "Quốc khánh (ngày liền kề)", False))
        return days
