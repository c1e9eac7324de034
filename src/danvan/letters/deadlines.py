"""The bridge between a letter and danvan.legal: which statutory deadline applies to this letter.

The rules themselves (working days, holidays, calendar-day periods ending on a day off, pauses,
extensions) live in danvan.legal and are not repeated here; this module only maps a letter's kind,
round, complexity, area and pauses onto the legal functions:

- complaint: accept within 10 days of receipt (Luật Khiếu nại 2011 Điều 27, 36); resolve within
  30/45 days, 45/60 in remote areas, first time (Điều 28); 45/60, 60/70 second time (Điều 37);
- denunciation: initial handling within 7 working days, 10 if several places or delegated verification
  (Luật Tố cáo 2018 Điều 24 khoản 1); outside jurisdiction, forward within 5 working days instead
  (khoản 2); resolve within 30 days of acceptance, plus each extension decision's days, ≤ 30 (Điều 30);
- recommendation/feedback: answer within 10 working days (Luật Tiếp công dân 2013 Điều 28);
- a letter with several contents has no deadline of its own: the citizen is guided to split it.

Pauses (`LetterPause`: suspension, request for documents) stop the resolution clock only; an open
pause leaves the letter without a resolution deadline until it ends (danvan.legal: `paused=True`).
Obstacles (`PauseKind.OBSTACLE`) stop only the complaint's 90-day limitation.

Which version of each rule: the one in force on the letter's receipt date (ADR 0017), from
`legal.services.current_rulebook()`, which also carries the interpretation choices (ADR 0018).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan.core.choices import ContentKind
from danvan.legal import deadlines as legal
from danvan.legal import rules
from danvan.legal.services import current_calendar, current_rulebook
from danvan.letters.models import RESOLUTION_PAUSE_KINDS, PauseKind

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


def _rulebook(rulebook: rules.RuleBook | None) -> rules.RuleBook:
    return rulebook or current_rulebook()


def law_date(letter, rulebook: rules.RuleBook) -> dt.date | None:
    """The date that picks the version of each rule (ADR 0017). Reading "receipt" (the default): the law in
    force when the letter was received governs the whole matter, unless the amending law says otherwise;
    reading "event": each step follows the law in force on its own date (None: the event's date)."""
    return letter.received_on if rulebook.readings.transition == "receipt" else None


def pauses_of(letter, rulebook: rules.RuleBook | None = None) -> list[legal.Pause]:
    """The pauses that stop the resolution clock (archived ones no longer count; limitation obstacles only stop
    the limitation; a request for documents per the reading "document_request", ADR 0018)."""
    if letter.pk is None:
        return []
    kinds = set(RESOLUTION_PAUSE_KINDS)
    if _rulebook(rulebook).readings.document_request == "does_not_stop":
        kinds.discard(PauseKind.DOCUMENT_REQUEST)
    pauses = sorted((p for p in letter.pauses.all() if p.archived_at is None and p.kind in kinds),
                    key=lambda p: (p.start, p.pk))
    return [legal.Pause(p.start, p.end, p.get_kind_display()) for p in pauses]


def obstacles_of(letter) -> list[legal.Pause]:
    """The lawful reasons recorded as stopping the 90-day limitation (Luật Khiếu nại 2011 Điều 9)."""
    if letter.pk is None:
        return []
    pauses = sorted((p for p in letter.pauses.all() if p.archived_at is None and p.kind == PauseKind.OBSTACLE),
                    key=lambda p: (p.start, p.pk))
    return [legal.Pause(p.start, p.end, p.note or p.get_kind_display()) for p in pauses]


def extension_days(letter) -> list[int]:
    """The days each written extension decision granted (Luật Tố cáo 2018 Điều 30), in order. Extensions counted
    on the letter without a recorded decision (generated in bulk, or granted before decisions were recorded)
    keep the full 30 days they were granted under."""
    rows = [] if letter.pk is None else sorted(
        (e for e in letter.extension_decisions.all() if e.archived_at is None), key=lambda e: (e.decided_on, e.pk))
    days = [e.days for e in rows]
    return days + [rules.DENUNCIATION_EXTENSION_MAX_DAYS] * max(0, letter.extensions - len(days))


def _remote_area(area) -> bool:
    return bool(area.remote or (area.parent is not None and area.level > 2 and area.parent.remote))


def is_remote(letter) -> bool:
    """Remote, hard-to-reach area (Luật Khiếu nại 2011 Điều 28, 37): the subject commune's flag (or its commune's
    for a village); without a subject area, the resolving body's own area. The flag and its legal basis are data
    administrators keep on each commune (`units.Area.remote`, `remote_basis`)."""
    area = letter.subject_area
    if area is None:
        area = getattr(letter, "area", None)
    if area is None:
        return False
    return _remote_area(area)


def compute(letter, calendar=None, rulebook: rules.RuleBook | None = None) -> LetterDeadlines:
    calendar = calendar or current_calendar()
    rulebook = _rulebook(rulebook)
    on = law_date(letter, rulebook)
    common = {"calendar": calendar, "rulebook": rulebook, "law_date": on}
    kind, second = letter.content_kind, letter.complaint_round == 2
    acceptance = resolution = None
    if kind == ContentKind.COMPLAINT:
        accept_fn = legal.second_complaint_acceptance if second else legal.first_complaint_acceptance
        acceptance = accept_fn(letter.received_on, **common)
        if letter.accepted_on:
            resolve_fn = legal.second_complaint_resolution if second else legal.first_complaint_resolution
            resolution = resolve_fn(letter.accepted_on, complex_case=letter.complexity != "normal",
                                    remote=is_remote(letter), pauses=pauses_of(letter, rulebook), **common)
    elif kind == ContentKind.DENUNCIATION:
        if getattr(letter, "within_jurisdiction", None) is False:
            # Outside jurisdiction: forward within 5 working days of receipt (Luật Tố cáo 2018 Điều 24 khoản 2).
            acceptance = legal.denunciation_forwarding(letter.received_on, **common)
        else:
            acceptance = legal.denunciation_initial_handling(letter.received_on, several_places=letter.several_places,
                                                             **common)
        if letter.accepted_on:
            resolution = legal.denunciation_resolution(
                letter.accepted_on, complexity=COMPLEXITY[letter.complexity],
                extension_days=extension_days(letter), pauses=pauses_of(letter, rulebook), **common)
    elif kind == ContentKind.RECOMMENDATION:
        acceptance = legal.recommendation_answer(letter.received_on, **common)
    return LetterDeadlines(acceptance, resolution)


def rule_text(deadline: legal.Deadline | None) -> str:
    """What the letter page prints beside a deadline: article, law, and "chưa đối chiếu" when unconfirmed."""
    if deadline is None:
        return ""
    rule = deadline.rule
    text = f"{rule.citation}: {rule.days} {'ngày làm việc' if rule.kind == rules.DayKind.WORKING else 'ngày'}"
    return text if rule.confirmed else f"{text} (chưa đối chiếu văn bản)"


# The notices of `keyed_notices`, by what they tell the citizen (the papers app marks each done when sent).
NOTICE_FORWARDED, NOTICE_ACCEPTED, NOTICE_DECISION = "forwarded", "accepted", "decision"


def keyed_notices(letter, calendar=None, rulebook: rules.RuleBook | None = None) -> list[
        tuple[str, str, dt.date | None, str]]:
    """The deadlines for telling the citizen, shown beside the handling deadlines (not stored, not counted),
    each as (key, label, date, the rule it follows):

    - a denunciation outside jurisdiction: tell the denouncer it was forwarded, within the 5 working days of
      receipt (Luật Tố cáo 2018 Điều 24 khoản 2);
    - a denunciation accepted: notify the denouncer within 5 working days of acceptance (Điều 29);
    - a first-time complaint decided: send the decision within 3 working days (Luật Khiếu nại 2011 Điều 32);
    - a second-time complaint decided: send the decision within 7 working days (Điều 40).
    """
    from django.utils.translation import gettext as _

    common = {"calendar": calendar or current_calendar(), "rulebook": _rulebook(rulebook)}
    common["law_date"] = law_date(letter, common["rulebook"])
    rows = []
    if letter.content_kind == ContentKind.DENUNCIATION and getattr(letter, "within_jurisdiction", None) is False:
        rows.append((NOTICE_FORWARDED, _("Hạn thông báo cho người tố cáo việc chuyển đơn"),
                     legal.denunciation_forwarding_notice(letter.received_on, **common)))
    if letter.content_kind == ContentKind.DENUNCIATION and letter.accepted_on:
        rows.append((NOTICE_ACCEPTED, _("Hạn thông báo việc thụ lý cho người tố cáo"),
                     legal.denunciation_notification(letter.accepted_on, **common)))
    if letter.content_kind == ContentKind.COMPLAINT and letter.resolved_on:
        dispatch = legal.second_decision_dispatch if letter.complaint_round == 2 else legal.first_decision_dispatch
        rows.append((NOTICE_DECISION, _("Hạn gửi quyết định giải quyết khiếu nại"),
                     dispatch(letter.resolved_on, **common)))
    return [(key, label, d.deadline, rule_text(d)) for key, label, d in rows]


def notices(letter, calendar=None, rulebook: rules.RuleBook | None = None) -> list[tuple[str, dt.date, str]]:
    """`keyed_notices` without the keys: (label, date, rule)."""
    return [(label, date, rule) for _key, label, date, rule in keyed_notices(letter, calendar, rulebook)]


def limitation(letter, calendar=None, rulebook: rules.RuleBook | None = None) -> legal.Deadline | None:
    """The 90-day limitation of a complaint (Luật Khiếu nại 2011 Điều 9), from the day the complainant received
    or learned of the decision or act, the recorded obstacles not counted. None if that day is not recorded."""
    if letter.content_kind != ContentKind.COMPLAINT or letter.complaint_round != 1 or not letter.decision_known_on:
        return None
    rulebook = _rulebook(rulebook)
    return legal.complaint_limitation(letter.decision_known_on, calendar=calendar or current_calendar(),
                                      pauses=obstacles_of(letter), rulebook=rulebook,
                                      law_date=law_date(letter, rulebook))


def out_of_time(letter, calendar=None, rulebook: rules.RuleBook | None = None) -> bool:
    """Lodged after the 90-day limitation ran out (a warning at intake; the officer decides)."""
    deadline = limitation(letter, calendar, rulebook)
    return bool(deadline and deadline.deadline and letter.received_on > deadline.deadline)


@dataclass(frozen=True)
class SecondWindow:
    deadline: dt.date | None
    counted_from: str  # "delivery", "first_deadline", or "delivery_unknown"


def second_complaint_window(letter, calendar=None, rulebook: rules.RuleBook | None = None) -> SecondWindow | None:
    """For a second-time complaint, the last day it could be lodged: 30 days (45 in remote areas) from the day
    the complainant received the first decision, or from the end of the first-time resolution period when no
    decision came (Luật Khiếu nại 2011 Điều 33). A decision with no recorded delivery gives no date (the
    decision's own date is not the complainant's receipt). None when the letter is not a second complaint."""
    first = letter.previous_letter
    if first is None:
        return None
    if first.resolved_on and not first.decision_delivered_on:
        return SecondWindow(None, "delivery_unknown")
    from_date, basis = ((first.decision_delivered_on, "delivery") if first.resolved_on
                        else (first.resolution_deadline, "first_deadline"))
    if from_date is None:
        return None
    rulebook = _rulebook(rulebook)
    window = legal.second_complaint_window(from_date, calendar=calendar or current_calendar(),
                                           remote=is_remote(first), rulebook=rulebook,
                                           law_date=law_date(first, rulebook))
    return SecondWindow(window.deadline, basis)


def remaining(deadline: dt.date | None, today: dt.date | None = None, calendar=None) -> legal.Remaining | None:
    """Working and calendar days left (negative when overdue), from danvan.legal."""
    if deadline is None:
        return None
    return legal.remaining(deadline, today or dt.date.today(), calendar or current_calendar())


def due_soon_limit(today: dt.date | None = None, calendar=None) -> dt.date:
    """The last date counted as "due soon": DUE_SOON_WORKING_DAYS working days after today."""
    return (calendar or current_calendar()).add_working_days(today or dt.date.today(), DUE_SOON_WORKING_DAYS)
