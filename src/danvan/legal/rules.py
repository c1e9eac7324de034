"""Every legal number danvan counts with, in one table, so that an amendment is one edit here.

Luật 136/2025/QH15 amends the laws on citizen reception, complaints and denunciations from
01/7/2026 (domain.md). When its numbers are confirmed, change the rows below; nothing else in the
code holds a legal number. The calendar's statutory holidays and its two defaults the Prime
Minister fixes each year are at the end of this module.

No Django import: this module is pure data.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

COMPLAINT_LAW = "Luật Khiếu nại 2011"
DENUNCIATION_LAW = "Luật Tố cáo 2018"
RECEPTION_LAW = "Luật Tiếp công dân 2013"
DENUNCIATION_DECREE = "Nghị định 31/2019/NĐ-CP"
CIVIL_CODE = "Bộ luật Dân sự 2015"
LABOUR_CODE = "Bộ luật Lao động 2019"


class DayKind(enum.StrEnum):
    """How a period counts: "ngày" are calendar days, "ngày làm việc" are working days."""

    CALENDAR = "calendar"
    WORKING = "working"


@dataclass(frozen=True)
class Period:
    """A statutory period: so many days of one kind, and the article that sets it."""

    law: str
    article: str
    days: int
    kind: DayKind
    summary: str


# ---- Complaints (Luật Khiếu nại 2011) --------------------------------------------------------------
COMPLAINT_LIMITATION = Period(COMPLAINT_LAW, "Điều 9", 90, DayKind.CALENDAR, "Thời hiệu khiếu nại")
FIRST_COMPLAINT_ACCEPTANCE = Period(COMPLAINT_LAW, "Điều 27", 10, DayKind.CALENDAR, "Thụ lý khiếu nại lần đầu")
FIRST_COMPLAINT_RESOLUTION = Period(COMPLAINT_LAW, "Điều 28", 30, DayKind.CALENDAR, "Giải quyết khiếu nại lần đầu")
FIRST_COMPLAINT_RESOLUTION_COMPLEX = Period(
    COMPLAINT_LAW, "Điều 28", 45, DayKind.CALENDAR, "Giải quyết khiếu nại lần đầu, vụ việc phức tạp"
)
FIRST_COMPLAINT_RESOLUTION_REMOTE = Period(
    COMPLAINT_LAW, "Điều 28", 45, DayKind.CALENDAR, "Giải quyết khiếu nại lần đầu, vùng sâu, vùng xa"
)
FIRST_COMPLAINT_RESOLUTION_REMOTE_COMPLEX = Period(
    COMPLAINT_LAW, "Điều 28", 60, DayKind.CALENDAR, "Giải quyết khiếu nại lần đầu, vùng sâu, vùng xa, phức tạp"
)
FIRST_DECISION_DISPATCH = Period(
    COMPLAINT_LAW, "Điều 32", 3, DayKind.WORKING, "Gửi quyết định giải quyết khiếu nại lần đầu"
)
SECOND_COMPLAINT_WINDOW = Period(COMPLAINT_LAW, "Điều 33", 30, DayKind.CALENDAR, "Thời hạn khiếu nại lần hai")
SECOND_COMPLAINT_WINDOW_REMOTE = Period(
    COMPLAINT_LAW, "Điều 33", 45, DayKind.CALENDAR, "Thời hạn khiếu nại lần hai, vùng sâu, vùng xa"
)
SECOND_COMPLAINT_ACCEPTANCE = Period(COMPLAINT_LAW, "Điều 36", 10, DayKind.CALENDAR, "Thụ lý khiếu nại lần hai")
SECOND_COMPLAINT_RESOLUTION = Period(COMPLAINT_LAW, "Điều 37", 45, DayKind.CALENDAR, "Giải quyết khiếu nại lần hai")
SECOND_COMPLAINT_RESOLUTION_COMPLEX = Period(
    COMPLAINT_LAW, "Điều 37", 60, DayKind.CALENDAR, "Giải quyết khiếu nại lần hai, vụ việc phức tạp"
)
SECOND_COMPLAINT_RESOLUTION_REMOTE = Period(
    COMPLAINT_LAW, "Điều 37", 60, DayKind.CALENDAR, "Giải quyết khiếu nại lần hai, vùng sâu, vùng xa"
)
SECOND_COMPLAINT_RESOLUTION_REMOTE_COMPLEX = Period(
    COMPLAINT_LAW, "Điều 37", 70, DayKind.CALENDAR, "Giải quyết khiếu nại lần hai, vùng sâu, vùng xa, phức tạp"
)

# ---- Denunciations (Luật Tố cáo 2018; Nghị định 31/2019/NĐ-CP) --------------------------------------
DENUNCIATION_INITIAL_HANDLING = Period(
    DENUNCIATION_LAW, "Điều 24 khoản 1", 7, DayKind.WORKING, "Xử lý ban đầu thông tin tố cáo"
)
DENUNCIATION_INITIAL_HANDLING_SEVERAL_PLACES = Period(
    DENUNCIATION_LAW, "Điều 24 khoản 1", 10, DayKind.WORKING,
    "Xử lý ban đầu thông tin tố cáo, xác minh tại nhiều địa điểm",
)
DENUNCIATION_FORWARDING = Period(
    DENUNCIATION_LAW, "Điều 24 khoản 2", 5, DayKind.WORKING, "Chuyển đơn tố cáo không thuộc thẩm quyền"
)
DENUNCIATION_NOTIFICATION = Period(
    DENUNCIATION_LAW, "Điều 29", 5, DayKind.WORKING, "Thông báo thụ lý cho người tố cáo"
)
DENUNCIATION_RESOLUTION = Period(DENUNCIATION_LAW, "Điều 30", 30, DayKind.CALENDAR, "Giải quyết tố cáo")
# Each extension is decided in writing and lasts at most this many days (Điều 30 khoản 1, 2).
DENUNCIATION_EXTENSION_MAX_DAYS = 30
# How many extensions each complexity allows (Điều 30 khoản 1): complex once, especially complex twice.
DENUNCIATION_MAX_EXTENSIONS = {"normal": 0, "complex": 1, "especially_complex": 2}
# NĐ 31/2019 Điều 3: one criterion makes a case complex, two or more make it especially complex.
COMPLEX_CRITERIA_THRESHOLD = 1
ESPECIALLY_COMPLEX_CRITERIA_THRESHOLD = 2

# ---- Recommendations and feedback (Luật Tiếp công dân 2013) ----------------------------------------
RECOMMENDATION_ANSWER = Period(
    RECEPTION_LAW, "Điều 28", 10, DayKind.WORKING, "Thông báo việc thụ lý, không thụ lý hoặc chuyển kiến nghị, phản ánh"
)

# ---- How periods are counted (Bộ luật Dân sự 2015) ----------------------------------------------------
START_RULE = (CIVIL_CODE, "Điều 147 khoản 2")  # the first day of a period is the day after the event
END_ON_DAY_OFF_RULE = (CIVIL_CODE, "Điều 148 khoản 5")  # last day off -> the next working day

# ---- Holidays (Bộ luật Lao động 2019 Điều 111, 112) --------------------------------------------------
# Weekly rest of state offices: Saturday and Sunday (Quyết định 188/1999/QĐ-TTg), as date.weekday().
WEEKEND = frozenset({5, 6})
# Fixed solar holidays (Điều 112 khoản 1 a, c, d, đ): (month, day).
NEW_YEAR_DAY = (1, 1)
VICTORY_DAY = (4, 30)
LABOUR_DAY = (5, 1)
NATIONAL_DAY = (9, 2)
# Lunar holiday (Điều 112 khoản 1 e): Giỗ Tổ Hùng Vương, 10/3 âm lịch.
HUNG_KINGS_LUNAR = (3, 10)
# Tết Âm lịch: five days (Điều 112 khoản 1 b). The Prime Minister fixes which ones each year (khoản 3);
# the statute names none. Default when no decision is recorded, keyed by the weekday of mùng 1 Tết
# (date.weekday(), Monday = 0): how many of the five days fall before mùng 1. This is the practice of
# the decisions 2016-2026 (Monday/Tuesday: 1 day before and 4 after, e.g. 2022, 2026; otherwise 2
# before and 3 after, e.g. 2021, 2023, 2024, 2025), which with the make-up days of Điều 111 khoản 3
# reproduces each of those years' five working days off. It is practice, not law: a recorded decision
# always wins, and `WorkingCalendar(tet_days_before=1)` forces one split for every year.
TET_DAYS = 5
TET_DAYS_BEFORE_BY_WEEKDAY = {0: 1, 1: 1, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2}
# Quốc khánh: 2/9 and one adjacent day (Điều 112 khoản 1 đ), fixed by the Prime Minister (khoản 3).
# Default keyed by the weekday of 2/9: -1 = 1/9, +1 = 3/9. Practice: 2/9 on a Thursday took 3/9 (2021),
# on a Monday 3/9 (2024); Tuesday, Friday and Saturday took 1/9 (2025, 2022, 2023). Wednesday (2026)
# and Sunday have no recorded precedent here; 1/9 is assumed. Overridable per calendar and per year.
NATIONAL_DAY_ADJACENT_BY_WEEKDAY = {0: 1, 1: -1, 2: -1, 3: 1, 4: -1, 5: -1, 6: -1}
