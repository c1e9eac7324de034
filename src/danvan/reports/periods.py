"""Reporting periods: month, quarter, 6 months, 9 months, year, or any date range (pure, no database).

Two cut-off modes, chosen per report:
- calendar: a quarter is 01/01–31/3, the year 01/01–31/12, …;
- state: the reporting cut-off of Nghị định 09/2019/NĐ-CP Điều 12 (khoản 1): a month runs from the
  15th of the previous month to the 14th; a quarter from the 15th of the month before the quarter
  to the 14th of its last month; 6 months from 15/12 of the previous year to 14/6; 9 months from
  15/12 to 14/9; the year from 15/12 to 14/12.
Mobilisation reports use the same periods (Kết luận 215, 2025: monthly, quarterly, 6, 9 months, year).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from enum import StrEnum

from django.utils.translation import gettext_lazy

from danvan.core.formatting import vn_date

# NĐ 09/2019/NĐ-CP Điều 12: the state cut-off day (periods end on the 14th, start on the 15th).
STATE_CUTOFF_DAY = 14

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class Cutoff(StrEnum):
    CALENDAR = "calendar"
    STATE = "state"


CUTOFF_LABELS = {
    Cutoff.CALENDAR: gettext_lazy("Theo năm dương lịch"),
    Cutoff.STATE: gettext_lazy("Thời điểm chốt số liệu theo NĐ 09/2019/NĐ-CP"),
}


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"  # 6 tháng (index 1 = đầu năm, 2 = cuối năm)
    NINE_MONTHS = "9m"
    YEAR = "year"
    RANGE = "range"


class PeriodError(ValueError):
    """A period that cannot be read; the message is Vietnamese and shown to the user."""


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    start: dt.date
    end: dt.date
    year: int | None = None
    index: int | None = None  # month 1–12, quarter 1–4, half 1–2
    cutoff: Cutoff = Cutoff.CALENDAR
    # The period's own end when the report stops earlier, on the day it is made (`up_to`).
    full_end: dt.date | None = None

    def __post_init__(self):
        if self.end < self.start:
            raise PeriodError("Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu.")

    @property
    def label(self) -> str:
        """"Quý I năm 2025", "6 tháng đầu năm 2025", "Năm 2025", "Từ ngày 01/01/2025 đến ngày 30/06/2025"."""
        match self.kind:
            case PeriodKind.MONTH:
                return f"Tháng {self.index} năm {self.year}"
            case PeriodKind.QUARTER:
                return f"Quý {ROMAN[self.index]} năm {self.year}"
            case PeriodKind.HALF:
                return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {self.year}"
            case PeriodKind.NINE_MONTHS:
                return f"9 tháng đầu năm {self.year}"
            case PeriodKind.YEAR:
                return f"Năm {self.year}"
        return f"Từ ngày {vn_date(self.start)} đến ngày {vn_date(self.end)}"

    @property
    def display(self) -> str:
        """`label` in the page's language ("Quarter I 2025" in English); documents keep `label`, in Vietnamese."""
        from django.utils.translation import gettext as _

        match self.kind:
            case PeriodKind.MONTH:
                return _("Tháng %(month)s năm %(year)s") % {"month": self.index, "year": self.year}
            case PeriodKind.QUARTER:
                return _("Quý %(quarter)s năm %(year)s") % {"quarter": ROMAN[self.index], "year": self.year}
            case PeriodKind.HALF:
                if self.index == 1:
                    return _("6 tháng đầu năm %(year)s") % {"year": self.year}
                return _("6 tháng cuối năm %(year)s") % {"year": self.year}
            case PeriodKind.NINE_MONTHS:
                return _("9 tháng đầu năm %(year)s") % {"year": self.year}
            case PeriodKind.YEAR:
                return _("Năm %(year)s") % {"year": self.year}
        return _("Từ ngày %(start)s đến ngày %(end)s") % {"start": vn_date(self.start), "end": vn_date(self.end)}

    @property
    def code(self) -> str:
        """The period written in the CLI and URL syntax, readable back by `parse_period`."""
        match self.kind:
            case PeriodKind.MONTH:
                return f"{self.year}-{self.index:02d}"
            case PeriodKind.QUARTER:
                return f"{self.year}-Q{self.index}"
            case PeriodKind.HALF:
                return f"{self.year}-H{self.index}"
            case PeriodKind.NINE_MONTHS:
                return f"{self.year}-9M"
            case PeriodKind.YEAR:
                return f"{self.year}"
        return f"{vn_date(self.start)}-{vn_date(self.end)}"

    @property
    def to_date(self) -> bool:
        """A report of a period not over yet, up to the day it is made ("đến ngày 30/11/2026")."""
        return self.full_end is not None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def covers(self, start: dt.date, end: dt.date) -> bool:
        """Whether [start, end] lies inside this period (entered values roll up into larger periods)."""
        return self.start <= start and end <= self.end


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _last_months(kind: PeriodKind, index: int | None) -> tuple[int, int]:
    """(first month, last month) of a calendar period."""
    match kind:
        case PeriodKind.MONTH:
            return index, index
        case PeriodKind.QUARTER:
            return 3 * index - 2, 3 * index
        case PeriodKind.HALF:
            return (1, 6) if index == 1 else (7, 12)
        case PeriodKind.NINE_MONTHS:
            return 1, 9
        case PeriodKind.YEAR:
            return 1, 12
    raise PeriodError(f"Loại kỳ không hợp lệ: {kind}")


def make_period(kind: PeriodKind | str, year: int, index: int | None = None,
                cutoff: Cutoff | str = Cutoff.CALENDAR) -> Period:
    kind, cutoff = PeriodKind(kind), Cutoff(cutoff)
    if not 1900 <= year <= 2999:
        raise PeriodError("Năm báo cáo không hợp lệ.")
    limits = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF: 2}
    if kind in limits:
        if index is None or not 1 <= index <= limits[kind]:
            raise PeriodError("Tháng, quý hoặc nửa năm không hợp lệ.")
    else:
        index = None
    first, last = _last_months(kind, index)
    if cutoff == Cutoff.CALENDAR:
        start, end = dt.date(year, first, 1), _month_end(year, last)
    else:
        # NĐ 09/2019/NĐ-CP Điều 12: from the 15th of the month before the period to the 14th of its last month.
        before = dt.date(year, first, 1) - dt.timedelta(days=1)
        start = dt.date(before.year, before.month, STATE_CUTOFF_DAY + 1)
        end = dt.date(year, last, STATE_CUTOFF_DAY)
    return Period(kind, start, end, year, index, cutoff)


def date_range(start: dt.date, end: dt.date) -> Period:
    return Period(PeriodKind.RANGE, start, end)


def _shift_year(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29/02 → 28/02
        return day.replace(year=day.year + years, day=28)


def up_to(period: Period, day: dt.date) -> Period:
    """`period` up to `day` when it is not over on that day (a report of 2026 made on 30/11/2026 covers
    01/01–30/11/2026, not 31/12), the whole period otherwise."""
    if day >= period.end or day < period.start:
        return period
    return replace(period, end=day, full_end=period.end)


def same_period_last_year(period: Period) -> Period:
    """"Cùng kỳ": the same kind of period one year earlier, with the same cut-off; for a period not over,
    the same days one year earlier (like for like: 01/01–30/11/2025 for 01/01–30/11/2026)."""
    if period.to_date:
        return replace(period, start=_shift_year(period.start, -1), end=_shift_year(period.end, -1),
                       year=period.year - 1 if period.year else None, full_end=_shift_year(period.full_end, -1))
    if period.kind == PeriodKind.RANGE:
        return replace(period, start=_shift_year(period.start, -1), end=_shift_year(period.end, -1))
    return make_period(period.kind, period.year - 1, period.index, period.cutoff)


def year_to_date(today: dt.date) -> Period:
    """The dashboard's default: 01/01 of this year to today."""
    return date_range(dt.date(today.year, 1, 1), today)


_DATE = r"(\d{1,2})/(\d{1,2})/(\d{4})"
_PATTERNS = [
    (re.compile(r"^(\d{4})$"), lambda m, c: make_period(PeriodKind.YEAR, int(m[1]), cutoff=c)),
    (re.compile(r"^(\d{4})-[Qq]([1-4])$"), lambda m, c: make_period(PeriodKind.QUARTER, int(m[1]), int(m[2]), c)),
    (re.compile(r"^(\d{4})-[Hh]([12])$"), lambda m, c: make_period(PeriodKind.HALF, int(m[1]), int(m[2]), c)),
    (re.compile(r"^(\d{4})-9[Mm]$"), lambda m, c: make_period(PeriodKind.NINE_MONTHS, int(m[1]), cutoff=c)),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), lambda m, c: make_period(PeriodKind.MONTH, int(m[1]), int(m[2]), c)),
]
_RANGE = re.compile(rf"^{_DATE}\s*-\s*{_DATE}$")


def _date(day: str, month: str, year: str) -> dt.date:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError as exc:
        raise PeriodError(f"Ngày không hợp lệ: {day}/{month}/{year}.") from exc


def parse_period(text: str, cutoff: Cutoff | str = Cutoff.CALENDAR) -> Period:
    """2025, 2025-Q1, 2025-H1, 2025-9M, 2025-03, or 01/01/2025-30/06/2025 (a range ignores the cut-off)."""
    text = (text or "").strip()
    cutoff = Cutoff(cutoff)
    for pattern, build in _PATTERNS:
        match = pattern.match(text)
        if match:
            return build(match, cutoff)
    match = _RANGE.match(text)
    if match:
        return date_range(_date(*match.groups()[:3]), _date(*match.groups()[3:]))
    raise PeriodError(
        f"Không đọc được kỳ báo cáo “{text}”: ghi 2025, 2025-Q1, 2025-H1, 2025-9M, 2025-03 "
        "hoặc 01/01/2025-30/06/2025."
    )
