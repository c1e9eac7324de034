"""Every legal number danvan counts with, in one table, so that an amendment is one edit here.

Luật 136/2025/QH15 amends the laws on citizen reception, complaints and denunciations from
01/7/2026 (domain.md). When its numbers are confirmed, change the rows below; nothing else in the
code holds a legal number. The calendar's statutory holidays and its two defaults the Prime
Minister fixes each year are at the end of this module.

No Django import: this module is pure data.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

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
    """A statutory period: so many days of one kind, and the article that sets it.

    `valid_from`/`valid_until` (inclusive, None = open) date the version of the law that sets it; the
    `RuleBook` picks the version in force on a letter's date (see `Readings.transition`). `confirmed`
    is False where the number was carried over or recalled without its text at hand (ADR 0017).
    """

    law: str
    article: str
    days: int
    kind: DayKind
    summary: str
    name: str = ""
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    confirmed: bool = True
    source: str = ""

    def in_force_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )

    @property
    def citation(self) -> str:
        return f"{self.article} {self.law}"


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
# Điều 40: the second-time decision is sent within 7 working days of the decision (recalled, not confirmed
# against the text in this session: ADR 0017; an administrator corrects it as a `RuleOverride`).
SECOND_DECISION_DISPATCH = Period(
    COMPLAINT_LAW, "Điều 40", 7, DayKind.WORKING, "Gửi quyết định giải quyết khiếu nại lần hai",
    confirmed=False, source="Luật Khiếu nại 2011 Điều 40, chưa đối chiếu nguyên văn",
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
# Điều 24 khoản 1: "trường hợp phải kiểm tra, xác minh tại nhiều địa điểm hoặc phải ủy quyền cho cơ quan, tổ
# chức có thẩm quyền kiểm tra, xác minh thì thời hạn này có thể kéo dài hơn nhưng không quá 10 ngày làm việc".
DENUNCIATION_INITIAL_HANDLING_SEVERAL_PLACES = Period(
    DENUNCIATION_LAW, "Điều 24 khoản 1", 10, DayKind.WORKING,
    "Xử lý ban đầu thông tin tố cáo, xác minh tại nhiều địa điểm hoặc ủy quyền xác minh",
)
DENUNCIATION_FORWARDING = Period(
    DENUNCIATION_LAW, "Điều 24 khoản 2", 5, DayKind.WORKING, "Chuyển đơn tố cáo không thuộc thẩm quyền"
)
# Điều 24 khoản 2: the receiving body forwards "và thông báo cho người tố cáo" within the same 5 working days.
# The 2011 law (Điều 20 khoản 1 điểm b) added "nếu có yêu cầu"; whether the 2018 text keeps it was not
# confirmed (ADR 0017), so the notice is shown as a deadline and marked unconfirmed.
DENUNCIATION_FORWARDING_NOTICE = Period(
    DENUNCIATION_LAW, "Điều 24 khoản 2", 5, DayKind.WORKING, "Thông báo cho người tố cáo việc chuyển đơn tố cáo",
    confirmed=False, source="Luật Tố cáo 2011 Điều 20 khoản 1 điểm b (\"nếu có yêu cầu\"); văn bản 2018 chưa đối chiếu",
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

# ---- Rules in force by date (ADR 0017) ------------------------------------------------------------------
# Luật 136/2025/QH15, passed 10/12/2025, amends the three laws from 01/7/2026. Confirmed from its text:
# online reception (Luật Tiếp công dân, new Điều 3a). Not confirmed: whether any period below changes. Each
# period therefore has two versions: the unamended law until 30/6/2026, and from 01/7/2026 the amended law
# with the same number marked unconfirmed, which an administrator confirms or corrects (`RuleOverride`).
AMENDING_LAW = "Luật 136/2025/QH15"
AMENDMENT_IN_FORCE = dt.date(2026, 7, 1)
AMENDMENT_SOURCE = (
    "Luật số 136/2025/QH15 ngày 10/12/2025, hiệu lực 01/7/2026 (thuviennhadat.vn; xaydungchinhsach.chinhphu.vn); "
    "chưa đối chiếu điều khoản về thời hạn"
)
PERIOD_NAMES = (
    "COMPLAINT_LIMITATION", "FIRST_COMPLAINT_ACCEPTANCE", "FIRST_COMPLAINT_RESOLUTION",
    "FIRST_COMPLAINT_RESOLUTION_COMPLEX", "FIRST_COMPLAINT_RESOLUTION_REMOTE",
    "FIRST_COMPLAINT_RESOLUTION_REMOTE_COMPLEX", "FIRST_DECISION_DISPATCH", "SECOND_COMPLAINT_WINDOW",
    "SECOND_COMPLAINT_WINDOW_REMOTE", "SECOND_DECISION_DISPATCH", "SECOND_COMPLAINT_ACCEPTANCE",
    "SECOND_COMPLAINT_RESOLUTION", "SECOND_COMPLAINT_RESOLUTION_COMPLEX", "SECOND_COMPLAINT_RESOLUTION_REMOTE",
    "SECOND_COMPLAINT_RESOLUTION_REMOTE_COMPLEX", "DENUNCIATION_INITIAL_HANDLING",
    "DENUNCIATION_INITIAL_HANDLING_SEVERAL_PLACES", "DENUNCIATION_FORWARDING", "DENUNCIATION_FORWARDING_NOTICE",
    "DENUNCIATION_NOTIFICATION", "DENUNCIATION_RESOLUTION", "RECOMMENDATION_ANSWER",
)


def _versions(name: str) -> tuple[Period, ...]:
    base = globals()[name]
    before = replace(base, name=name, valid_until=AMENDMENT_IN_FORCE - dt.timedelta(days=1))
    after = replace(
        base, name=name, law=f"{base.law} (sửa đổi, bổ sung bởi {AMENDING_LAW})", valid_from=AMENDMENT_IN_FORCE,
        confirmed=False, source=AMENDMENT_SOURCE,
    )
    return (before, after)


DATED_PERIODS: dict[str, tuple[Period, ...]] = {name: _versions(name) for name in PERIOD_NAMES}

# ---- Periodic reception by heads (Luật Tiếp công dân 2013 Điều 12, 15, 18), dated -------------------------


@dataclass(frozen=True)
class ReceptionDuty:
    """At least `days` days of periodic reception per `per` ("week" or "month") by a head."""

    head: str
    days: int
    per: str
    law: str
    article: str
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    confirmed: bool = True
    source: str = ""


RECEPTION_DUTIES = (
    ReceptionDuty("province_chair", 1, "month", RECEPTION_LAW, "Điều 12"),
    ReceptionDuty("agency_head", 1, "month", RECEPTION_LAW, "Điều 18"),
    ReceptionDuty("commune_chair", 1, "week", RECEPTION_LAW, "Điều 15 khoản 2",
                  valid_until=AMENDMENT_IN_FORCE - dt.timedelta(days=1)),
    # The 2-days-a-month figure is the project's domain reference; the amending text of Điều 15 was not
    # found in this session (ADR 0017), hence unconfirmed.
    ReceptionDuty("commune_chair", 2, "month", f"{RECEPTION_LAW} (sửa đổi, bổ sung bởi {AMENDING_LAW})",
                  "Điều 15", valid_from=AMENDMENT_IN_FORCE, confirmed=False, source=AMENDMENT_SOURCE),
)
# Luật 136/2025/QH15 Điều 1 khoản 1 adds Điều 3a: reception in person or online (confirmed from its text).
ONLINE_RECEPTION_FROM = AMENDMENT_IN_FORCE
ONLINE_RECEPTION_RULE = (f"{RECEPTION_LAW} (sửa đổi, bổ sung bởi {AMENDING_LAW})", "Điều 3a")


def reception_duty(head: str, on: dt.date) -> ReceptionDuty:
    """The periodic-reception duty of a head (`province_chair`, `commune_chair`, `agency_head`) on a date."""
    for duty in RECEPTION_DUTIES:
        if duty.head == head and (duty.valid_from is None or duty.valid_from <= on) and (
            duty.valid_until is None or on <= duty.valid_until
        ):
            return duty
    raise LookupError(head)


# ---- Interpretation choices (ADR 0018): where the law is unclear, a named reading, changeable as data -----


@dataclass(frozen=True)
class Reading:
    default: str
    options: Mapping[str, str]
    basis: str
    confirmed: bool = False


READINGS: dict[str, Reading] = {
    # Which version of a rule applies when the law changes while a matter is open.
    "transition": Reading(
        "receipt",
        {"receipt": "Theo luật có hiệu lực tại ngày nhận đơn",
         "event": "Theo luật có hiệu lực tại ngày của từng bước (thụ lý, quyết định)"},
        "Luật Ban hành văn bản quy phạm pháp luật: văn bản chỉ áp dụng cho hành vi xảy ra khi nó có hiệu lực; "
        "điều khoản chuyển tiếp của Luật 136/2025/QH15 chưa đối chiếu",
    ),
    # A calendar-day period whose last day is a Saturday worked in exchange (đi làm bù).
    "worked_weekend_end": Reading(
        "ends_on_it",
        {"ends_on_it": "Kết thúc vào ngày thứ Bảy đi làm bù (cơ quan làm việc)",
         "next_working_day": "Chuyển sang ngày làm việc thường tiếp theo"},
        "Bộ luật Dân sự 2015 Điều 148 khoản 5 chỉ lùi hạn khi ngày cuối là ngày nghỉ; ngày làm bù không phải ngày nghỉ",
    ),
    # A denunciation extension: counted on from acceptance, or from the (moved) first deadline.
    "extension_count": Reading(
        "continuous",
        {"continuous": "Cộng liên tục từ ngày thụ lý (30 + số ngày gia hạn)",
         "from_moved_deadline": "Tính từ ngày sau hạn đã lùi theo Điều 148"},
        "Luật Tố cáo 2018 Điều 30 khoản 1 (\"gia hạn giải quyết một lần nhưng không quá 30 ngày\")",
    ),
    # Whether the day a pause starts still counts.
    "pause_first_day": Reading(
        "not_counted",
        {"not_counted": "Ngày bắt đầu tạm dừng không tính", "counted": "Ngày bắt đầu tạm dừng vẫn tính"},
        "Luật Tố cáo 2018 Điều 31 (\"thời gian tạm đình chỉ không tính vào thời hạn\"); BLDS 2015 Điều 147 khoản 3",
    ),
    # Whether a request for documents stops the resolution clock like a suspension does.
    "document_request": Reading(
        "stops_clock",
        {"stops_clock": "Dừng thời hạn giải quyết", "does_not_stop": "Không dừng thời hạn"},
        "Không có điều luật nói rõ; Luật Tố cáo 2018 Điều 31 chỉ nói tạm đình chỉ",
    ),
}


@dataclass(frozen=True)
class Readings:
    """The interpretation chosen for each unclear point (keys of `READINGS`)."""

    transition: str = READINGS["transition"].default
    worked_weekend_end: str = READINGS["worked_weekend_end"].default
    extension_count: str = READINGS["extension_count"].default
    pause_first_day: str = READINGS["pause_first_day"].default
    document_request: str = READINGS["document_request"].default

    def __post_init__(self) -> None:
        for key, reading in READINGS.items():
            if getattr(self, key) not in reading.options:
                raise ValueError(f"{key}: {getattr(self, key)!r} not in {sorted(reading.options)}")


@dataclass(frozen=True)
class RuleBook:
    """Every dated period, plus the readings: the rules a deadline is counted by."""

    periods: Mapping[str, tuple[Period, ...]] = field(default_factory=lambda: DATED_PERIODS)
    readings: Readings = field(default_factory=Readings)

    def period(self, name: str, on: dt.date) -> Period:
        """The version of rule `name` in force on `on`."""
        for version in self.periods[name]:
            if version.in_force_on(on):
                return version
        raise LookupError(f"No version of {name} in force on {on}")

    def with_overrides(self, overrides: Iterable[Period]) -> RuleBook:
        """A book where each override replaces the version of its rule that starts on the same date."""
        periods = dict(self.periods)
        for override in overrides:
            versions = periods[override.name]
            periods[override.name] = tuple(
                replace(override, valid_until=v.valid_until) if v.valid_from == override.valid_from else v
                for v in versions
            )
        return RuleBook(periods, self.readings)

    def with_readings(self, readings: Readings) -> RuleBook:
        return RuleBook(self.periods, readings)


DEFAULT_RULEBOOK = RuleBook()

# ---- How periods are counted (Bộ luật Dân sự 2015) ----------------------------------------------------
START_RULE = (CIVIL_CODE, "Điều 147 khoản 3")  # a period begun by an event starts the day after the event
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
