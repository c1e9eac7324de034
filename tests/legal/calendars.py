"""Calendars shared by the pure tests (no database)."""

import datetime as dt

from danvan.legal.calendar import DecidedDay, Occasion, WorkingCalendar

D = dt.date
VL = Occasion.VICTORY_AND_LABOUR

# The rule alone: Bộ luật Lao động 2019 Điều 111, 112 and the defaults of danvan.legal.rules.
RULE = WorkingCalendar()

# The 2025 decision for 30/4-1/5: Friday 2/5 off, swapped with Saturday 26/4 (worked).
SWAP_2025 = (
    DecidedDay(D(2025, 4, 30), VL),
    DecidedDay(D(2025, 5, 1), VL),
    DecidedDay(D(2025, 5, 2), VL, description="Nghỉ hoán đổi"),
    DecidedDay(D(2025, 4, 26), VL, working=True, description="Làm bù"),
)
WITH_SWAP_2025 = RULE.with_decided_days(SWAP_2025)
