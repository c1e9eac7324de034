"""Reads of the papers app: which notice deadlines are done (the notice was recorded as sent), and the
notices due and not yet sent, for the letter page and the home work queue (ADR 0024)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from danvan.core.choices import ContentKind
from danvan.legal.services import current_calendar, current_legal, current_rulebook
from danvan.letters import deadlines as letter_deadlines
from danvan.letters.models import Letter
from danvan.papers.models import Paper, PaperKind

# Which paper, recorded as sent, does each notice of `letters.deadlines.keyed_notices`. The complaint decision
# is not one of these papers: it is done when its delivery to the complainant is recorded on the letter
# (`Letter.decision_delivered_on`).
NOTICE_PAPER = {
    letter_deadlines.NOTICE_FORWARDED: PaperKind.FORWARD_NOTICE,
    letter_deadlines.NOTICE_ACCEPTED: PaperKind.ACCEPTANCE,
}


@dataclass(frozen=True)
class NoticeRow:
    key: str
    label: str
    due_on: dt.date | None
    rule: str
    sent_on: dt.date | None  # None: not sent yet
    sent_channel: str = ""
    paper_id: int | None = None

    @property
    def done(self) -> bool:
        return self.sent_on is not None


def _sent_papers(letter_ids) -> dict[tuple[int, str], Paper]:
    """The first paper of each (letter, kind) recorded as sent."""
    found: dict[tuple[int, str], Paper] = {}
    papers = (Paper.objects.filter(letter_id__in=letter_ids, archived_at__isnull=True, sent_on__isnull=False,
                                   kind__in=list(NOTICE_PAPER.values()))
              .only("pk", "letter_id", "kind", "sent_on", "sent_channel").order_by("sent_on", "pk"))
    for paper in papers:
        found.setdefault((paper.letter_id, paper.kind), paper)
    return found


def _rows(letter: Letter, sent: dict[tuple[int, str], Paper], calendar, rulebook) -> list[NoticeRow]:
    rows = []
    for key, label, due_on, rule in letter_deadlines.keyed_notices(letter, calendar, rulebook):
        paper = sent.get((letter.pk, NOTICE_PAPER.get(key, "")))
        if paper is not None:
            rows.append(NoticeRow(key, label, due_on, rule, paper.sent_on, paper.get_sent_channel_display(),
                                  paper.pk))
        elif key == letter_deadlines.NOTICE_DECISION and letter.decision_delivered_on:
            rows.append(NoticeRow(key, label, due_on, rule, letter.decision_delivered_on))
        else:
            rows.append(NoticeRow(key, label, due_on, rule, None))
    return rows


def notice_rows(letter: Letter, calendar=None, rulebook=None) -> list[NoticeRow]:
    """The notices of one letter, each with the date it was sent when it was (the letter page, which passes the
    calendar and rule book it read once)."""
    return _rows(letter, _sent_papers([letter.pk]), calendar or current_calendar(), rulebook or current_rulebook())


@dataclass(frozen=True)
class PendingNotice:
    letter_id: int
    letter_code: str
    key: str
    label: str
    due_on: dt.date | None
    rule: str
    overdue: bool


def _candidates(letters: QuerySet[Letter], as_of: dt.date) -> QuerySet[Letter]:
    """Letters that owe the citizen a notice by `as_of`: a denunciation forwarded or accepted, a complaint decided
    whose delivery is not recorded (the conditions of `keyed_notices`, narrowed in the database)."""
    forwarded = Q(content_kind=ContentKind.DENUNCIATION, within_jurisdiction=False, received_on__lte=as_of)
    accepted = Q(content_kind=ContentKind.DENUNCIATION, accepted_on__lte=as_of)
    decided = Q(content_kind=ContentKind.COMPLAINT, resolved_on__lte=as_of, decision_delivered_on__isnull=True)
    return letters.filter(archived_at__isnull=True).filter(forwarded | accepted | decided)


def pending_notices(letters_queryset: QuerySet[Letter], as_of: dt.date) -> list[PendingNotice]:
    """The notices owed to citizens on `as_of` and not yet recorded as sent, soonest due first.

    `letters_queryset` is already scoped by the caller (`Letter.objects.restrict(user)`); a notice is owed once
    its event (receipt of a denunciation outside jurisdiction, acceptance of a denunciation, decision of a
    complaint) happened on or before `as_of`; it stays pending until the paper is recorded as sent (or, for a
    complaint decision, its delivery recorded). `overdue`: its deadline is before `as_of`.
    """
    letters = list(_candidates(letters_queryset, as_of).select_related("subject_area", "area")
                   .prefetch_related("pauses", "extension_decisions").order_by("pk"))
    sent = _sent_papers([letter.pk for letter in letters])
    calendar, rulebook = current_legal()
    pending = []
    for letter in letters:
        for row in _rows(letter, sent, calendar, rulebook):
            if row.done:
                continue
            pending.append(PendingNotice(letter.pk, letter.code, row.key, row.label, row.due_on, row.rule,
                                         bool(row.due_on and row.due_on < as_of)))
    pending.sort(key=lambda n: (n.due_on or dt.date.max, n.letter_id))
    return pending


def letter_papers(letter: Letter) -> QuerySet[Paper]:
    return (Paper.objects.filter(letter=letter).select_related("recipient_organisation", "issued_by", "sent_by")
            .order_by("issued_on", "pk"))


def visit_papers(visit) -> QuerySet[Paper]:
    return (Paper.objects.filter(visit=visit).select_related("recipient_organisation", "issued_by", "sent_by")
            .order_by("issued_on", "pk"))
