"""Periods and cut-offs (NĐ 09/2019/NĐ-CP Điều 12), table-driven and with hypothesis."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan.reports.periods import (
    Cutoff,
    PeriodError,
    PeriodKind,
    date_range,
    make_period,
    parse_period,
    same_period_last_year,
    year_to_date,
)

D = dt.date


@pytest.mark.parametrize(
    "text, cutoff, start, end, label",
    [
        ("2025", "calendar", D(2025, 1, 1), D(2025, 12, 31), "Năm 2025"),
        ("2025-Q1", "calendar", D(2025, 1, 1), D(2025, 3, 31), "Quý I năm 2025"),
        ("2025-Q2", "calendar", D(2025, 4, 1), D(2025, 6, 30), "Quý II năm 2025"),
        ("2025-Q4", "calendar", D(2025, 10, 1), D(2025, 12, 31), "Quý IV năm 2025"),
        ("2025-H1", "calendar", D(2025, 1, 1), D(2025, 6, 30), "6 tháng đầu năm 2025"),
        ("2025-H2", "calendar", D(2025, 7, 1), D(2025, 12, 31), "6 tháng cuối năm 2025"),
        ("2025-9M", "calendar", D(2025, 1, 1), D(2025, 9, 30), "9 tháng đầu năm 2025"),
        ("2024-02", "calendar", D(2024, 2, 1), D(2024, 2, 29), "Tháng 2 năm 2024"),
        ("2025-12", "calendar", D(2025, 12, 1), D(2025, 12, 31), "Tháng 12 năm 2025"),
        # NĐ 09/2019/NĐ-CP Điều 12
        ("2025", "state", D(2024, 12, 15), D(2025, 12, 14), "Năm 2025"),
        ("2025-Q1", "state", D(2024, 12, 15), D(2025, 3, 14), "Quý I năm 2025"),
        ("2025-Q2", "state", D(2025, 3, 15), D(2025, 6, 14), "Quý II năm 2025"),
        ("2025-Q3", "state", D(2025, 6, 15), D(2025, 9, 14), "Quý III năm 2025"),
        ("2025-Q4", "state", D(2025, 9, 15), D(2025, 12, 14), "Quý IV năm 2025"),
        ("2025-H1", "state", D(2024, 12, 15), D(2025, 6, 14), "6 tháng đầu năm 2025"),
        ("2025-9M", "state", D(2024, 12, 15), D(2025, 9, 14), "9 tháng đầu năm 2025"),
        ("2025-03", "state", D(2025, 2, 15), D(2025, 3, 14), "Tháng 3 năm 2025"),
        ("2025-01", "state", D(2024, 12, 15), D(2025, 1, 14), "Tháng 1 năm 2025"),
        ("01/01/2025-30/06/2025", "calendar", D(2025, 1, 1), D(2025, 6, 30),
         "Từ ngày 01/01/2025 đến ngày 30/06/2025"),
        ("1/7/2025 - 15/7/2025", "state", D(2025, 7, 1), D(2025, 7, 15), "Từ ngày 01/07/2025 đến ngày 15/07/2025"),
    ],
)
def test_parse_period(text, cutoff, start, end, label):
    period = parse_period(text, cutoff)
    assert (period.start, period.end, period.label) == (start, end, label)
    assert parse_period(period.code, cutoff) == period


@pytest.mark.parametrize(
    "text, message",
    [("2025-Q5", "Không đọc được"), ("2025-13", "không hợp lệ"), ("quý 1", "Không đọc được"),
     ("31/02/2025-01/03/2025", "Ngày không hợp lệ: 31/02/2025"), ("30/06/2025-01/01/2025", "phải sau")],
)
def test_bad_periods_are_refused_in_vietnamese(text, message):
    with pytest.raises(PeriodError, match=message):
        parse_period(text)


@pytest.mark.parametrize(
    "text, cutoff, start, end",
    [
        ("2025", "calendar", D(2024, 1, 1), D(2024, 12, 31)),
        ("2025-Q1", "state", D(2023, 12, 15), D(2024, 3, 14)),
        ("2025-H1", "state", D(2023, 12, 15), D(2024, 6, 14)),
        ("01/01/2025-28/02/2025", "calendar", D(2024, 1, 1), D(2024, 2, 28)),
        ("01/02/2024-29/02/2024", "calendar", D(2023, 2, 1), D(2023, 2, 28)),
    ],
)
def test_same_period_last_year(text, cutoff, start, end):
    previous = same_period_last_year(parse_period(text, cutoff))
    assert (previous.start, previous.end) == (start, end)


def test_year_to_date():
    period = year_to_date(D(2026, 11, 23))
    assert (period.start, period.end, period.kind) == (D(2026, 1, 1), D(2026, 11, 23), PeriodKind.RANGE)


kinds = st.sampled_from([(PeriodKind.MONTH, 12), (PeriodKind.QUARTER, 4), (PeriodKind.HALF, 2),
                         (PeriodKind.NINE_MONTHS, None), (PeriodKind.YEAR, None)])


@given(kind=kinds, year=st.integers(2000, 2100), index=st.integers(1, 12), cutoff=st.sampled_from(list(Cutoff)))
def test_periods_are_well_formed(kind, year, index, cutoff):
    kind, limit = kind
    period = make_period(kind, year, ((index - 1) % limit) + 1 if limit else None, cutoff)
    assert period.start <= period.end
    assert parse_period(period.code, cutoff) == period
    previous = same_period_last_year(period)
    assert previous.end < period.start or kind == PeriodKind.RANGE
    if cutoff == Cutoff.STATE:
        assert (period.start.day, period.end.day) == (15, 14)
    else:
        assert period.start.day == 1 and (period.end + dt.timedelta(days=1)).day == 1


@given(year=st.integers(2000, 2100), cutoff=st.sampled_from(list(Cutoff)))
def test_the_quarters_tile_the_year(year, cutoff):
    quarters = [make_period(PeriodKind.QUARTER, year, q, cutoff) for q in range(1, 5)]
    whole = make_period(PeriodKind.YEAR, year, cutoff=cutoff)
    assert quarters[0].start == whole.start and quarters[-1].end == whole.end
    for before, after in zip(quarters, quarters[1:], strict=False):
        assert before.end + dt.timedelta(days=1) == after.start
    assert sum(q.days for q in quarters) == whole.days


@given(start=st.dates(D(2000, 1, 1), D(2099, 12, 31)), length=st.integers(0, 400))
def test_ranges_round_trip(start, length):
    period = date_range(start, start + dt.timedelta(days=length))
    assert parse_period(period.code) == period
    assert same_period_last_year(period).days in (period.days - 1, period.days, period.days + 1)
