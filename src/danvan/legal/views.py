"""A read-only page of a year's days off, as the app counts them (the admin edits the decisions)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from danvan.core.forms import ascii_int
from danvan.legal.calendar import ONE_DAY, Occasion, Source, YearSchedule
from danvan.legal.models import HolidayDecision, HolidayOccasion
from danvan.legal.services import current_calendar

WEEKDAYS = [_("Thứ Hai"), _("Thứ Ba"), _("Thứ Tư"), _("Thứ Năm"), _("Thứ Sáu"), _("Thứ Bảy"), _("Chủ nhật")]
SOURCES = {
    Source.STATUTE: _("Theo Bộ luật Lao động (Điều 112)"),
    Source.MAKE_UP: _("Nghỉ bù (Điều 111 khoản 3)"),
    Source.DECISION: _("Theo văn bản"),
}
FIRST_YEAR, LAST_YEAR = 1901, 2099  # the range of the Vietnamese lunar tables (lunar_vn)


def _year(request: HttpRequest) -> int:
    today = timezone.localdate()
    return ascii_int(request.GET.get("year"), FIRST_YEAR, LAST_YEAR) or today.year


def occasion_sources(schedule: YearSchedule) -> list[dict[str, Any]]:
    """Per statutory occasion of the year: decided by a recorded decision (which), or placed by the rule, and
    its days. A ruled Tết or Quốc khánh adjacent day is an assumption until the decision is recorded
    (Bộ luật Lao động 2019 Điều 112 khoản 3)."""
    rows = []
    for occasion in Occasion:
        if occasion is Occasion.OTHER:
            continue
        days = [d for d in schedule.days_off if d.occasion is occasion]
        decided = occasion in schedule.decided_occasions
        rows.append({
            "label": HolidayOccasion(occasion.value).label,
            "decided": decided,
            "references": sorted({d.reference for d in days if d.reference}),
            "dates": [d.date for d in days],
            "assumed": not decided and occasion in (Occasion.LUNAR_NEW_YEAR, Occasion.NATIONAL_DAY),
        })
    return rows


@require_GET
def calendar(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    working_calendar = current_calendar()
    schedule = working_calendar.schedule(year)
    day, last, working_days = dt.date(year, 1, 1), dt.date(year, 12, 31), 0
    while day <= last:
        working_days += working_calendar.is_working_day(day)
        day += ONE_DAY
    context = {
        "year": year,
        "previous_year": year - 1 if year > FIRST_YEAR else None,
        "next_year": year + 1 if year < LAST_YEAR else None,
        "days_off": [
            {
                "entry": entry,
                "weekday": WEEKDAYS[entry.date.weekday()],
                "occasion": HolidayOccasion(entry.occasion.value).label,
                "source": SOURCES[entry.source],
            }
            for entry in schedule.days_off
        ],
        "days_worked": [
            {"entry": entry, "weekday": WEEKDAYS[entry.date.weekday()]} for entry in schedule.days_worked
        ],
        "ruled_occasions": [HolidayOccasion(o.value).label for o in schedule.ruled_occasions()],
        "occasions": occasion_sources(schedule),
        "decisions": HolidayDecision.objects.filter(year=year, archived_at__isnull=True),
        "working_day_count": working_days,
    }
    return render(request, "legal/calendar.html", context)
