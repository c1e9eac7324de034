"""The bridge between a letter and danvan.legal: which statutory deadline applies to this letter.

The rules themselves (working days, holidays, calendar-day periods ending on a day off, pauses,
extensions) live in danvan.legal and are not repeated here; this module only maps a letter's kind,
round, complexity, area and pauses onto the legal functions:

- complaint: accept within 10 days of receipt (Luật Khiếu nại 2011 Điều 27, 36); resolve within
  30/45 days, 45/60 in remote areas, first time (Điều 28); 45/60, 60/70 second time (Điều 37);
- denunciation: initial handling within 7 working days, 10 if several places (Luật Tố cáo 2018
  Điều 24); resolve within 30 days of acceptance, plus up to 30 days per extension (Điều 30);
- recommendation/feedback: answer within 10 working days (Luật Tiếp công dân 2013 Điều 28);
- a letter with several contents has no deadline of its own: the citizen is guided to split it.

Pauses (`LetterPause`: suspension, request for documents) stop the resolution clock only; an open
pause leaves the letter without a resolution deadline until it ends (danvan.legal: `paused=True`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan.core.choices import ContentKind
from danvan.legal import deadlines as legal
from danvan.legal import rules
from danvan.legal.services import current_calendar

# The letters app's complexity values are danvan.legal's.
COMPLEXITY = {"normal": legal.Complexity.NORMAL, "complex": legal.Complexity.COMPLEX,
              "especially_complex": legal.Complexity.ESPECIALLY_COMPLEX}
# "Due soon": the deadline falls within this many working days from today.
DUE_SOON_WORKING_DAYS = 5


@dataclass(frozen=True)
class LetterDeadlines:
    acceptance: legal.Deadline | None
    resolution: legal.Deadline | None

    @staticmethod
    def _date(value: legal.Deadline | None) -> dt.date | None:
        return value.deadline if value is not None else None

    @property
    def acceptance_date(self) -> dt.date | None:
        return self._date(self.acceptance)

    @property
    def resolution_date(self) -> dt.date | None:
        return self._date(self.resolution)


def pauses_of(letter) -> list[legal.Pause]:
    """The letter's pauses still in force (archived ones no longer count); uses prefetched pauses if any."""
    if letter.pk is None:
        return []
    pauses = sorted((p for p in letter.pauses.all() if p.archived_at is None), key=lambda p: (p.start, p.pk))
    return [legal.Pause(p.start, p.end, p.get_kind_display()) for p in pauses]


def is_remote(letter) -> bool:
    """Remote, hard-to-reach area (Luật Khiếu nại 2011 Điều 28, 37): the subject commune's flag, or its
    commune's for a village."""
    area = letter.subject_area
    if area is None:
        return False
    return bool(area.remote or (area.parent is not None and area.level > 2 and area.parent.remote))


def compute(letter, calendar=None) -> LetterDeadlines:
    calendar = calendar or current_calendar()
    kind, second = letter.content_kind, letter.complaint_round == 2
    acceptance = resolution = None
    if kind == ContentKind.COMPLAINT:
        accept_fn = legal.second_complaint_acceptance if second else legal.first_complaint_acceptance
        acceptance = accept_fn(letter.received_on, calendar=calendar)
        if letter.accepted_on:
            resolve_fn = legal.second_complaint_resolution if second else legal.first_complaint_resolution
            resolution = resolve_fn(letter.accepted_on, calendar=calendar, complex_case=letter.complexity != "normal",
                                    remote=is_remote(letter), pauses=pauses_of(letter))
    elif kind == ContentKind.DENUNCIATION:
        acceptance = legal.denunciation_initial_handling(letter.received_on, calendar=calendar,
                                                         several_places=letter.several_places)
        if letter.accepted_on:
            resolution = legal.denunciation_resolution(
                letter.accepted_on, calendar=calendar, complexity=COMPLEXITY[letter.complexity],
                extension_days=[rules.DENUNCIATION_EXTENSION_MAX_DAYS] * letter.extensions,
                pauses=pauses_of(letter))
    elif kind == ContentKind.RECOMMENDATION:
        acceptance = legal.recommendation_answer(letter.received_on, calendar=calendar)
    return LetterDeadlines(acceptance, resolution)


def notices(letter, calendar=None) -> list[tuple[str, dt.date]]:
    """The deadlines for telling the citizen, shown beside the handling deadlines (not stored, not counted):

    - a denunciation accepted: notify the denouncer within 5 working days of acceptance (Luật Tố cáo
      2018 Điều 29);
    - a first-time complaint decided: send the decision within 3 working days (Luật Khiếu nại 2011 Điều 32).
    """
    from django.utils.translation import gettext as _

    calendar = calendar or current_calendar()
    rows = []
    if letter.content_kind == ContentKind.DENUNCIATION and letter.accepted_on:
        rows.append((_("Hạn thông báo việc thụ lý cho người tố cáo"),
                     legal.denunciation_notification(letter.accepted_on, calendar=calendar).deadline))
    if letter.content_kind == ContentKind.COMPLAINT and letter.complaint_round == 1 and letter.resolved_on:
        rows.append((_("Hạn gửi quyết định giải quyết khiếu nại"),
                     legal.first_decision_dispatch(letter.resolved_on, calendar=calendar).deadline))
    return rows


def second_complaint_window(letter, calendar=None) -> dt.date | None:
    """For a second-time complaint, the last day it could be lodged: 30 days (45 in remote areas) from the
    first decision, or from the last day of the first-time period when no decision came (Luật Khiếu nại
    2011 Điều 33). The first decision's date stands for the day the complainant received it. None when
    the letter is not a second complaint or the first one has neither a decision nor a deadline yet."""
    first = letter.previous_letter
    if first is None:
        return None
    from_date = first.resolved_on or first.resolution_deadline
    if from_date is None:
        return None
    return legal.second_complaint_window(from_date, calendar=calendar or current_calendar(),
                                         remote=is_remote(first)).deadline


def remaining(deadline: dt.date | None, today: dt.date | None = None, calendar=None) -> legal.Remaining | None:
    """Working and calendar days left (negative when overdue), from danvan.legal."""
    if deadline is None:
        return None
    return legal.remaining(deadline, today or dt.date.today(), calendar or current_calendar())


def due_soon_limit(today: dt.date | None = None, calendar=None) -> dt.date:
    """The last date counted as "due soon": DUE_SOON_WORKING_DAYS working days after today."""
    return (calendar or current_calendar()).add_working_days(today or dt.date.today(), DUE_SOON_WORKING_DAYS)
