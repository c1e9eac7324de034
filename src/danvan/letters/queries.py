"""Reads of letters. Petitioners' identities go through the identity gate (`people.identity`, ADR 0011).

A letter is never found by the name or ID number of a protected petitioner the user may not see (a hit
would confirm that the person searched for has denounced), except by its assigned handler. Lists and
exports show a protected petitioner as "•••".
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet

from danvan.core.forms import ascii_id
from danvan.core.text import fold
from danvan.letters import deadlines as letter_deadlines
from danvan.letters.models import Letter, LetterPetitioner
from danvan.letters.workflow import AWAITING_DECISION, BEING_RESOLVED
from danvan.people import identity
from danvan.people.identity import MASK


def search_letters(user, letters: QuerySet, query: str) -> QuerySet:
    """Letters matching `query` by code, summary, or (where the identity may be seen) petitioner name or CCCD.

    Summary and names are compared folded (`core.text.fold`): with or without diacritics, any case.
    """
    query = (query or "").strip()
    folded = fold(query)
    if not folded:
        return letters
    condition = Q(search_text__contains=folded)
    digits = "".join(ch for ch in query if ch in "0123456789")
    code = ascii_id(query.lstrip("ĐđDd"))  # "Đ000123" or "123"; "²" or a 30-digit number is no code
    if code is not None:
        condition |= Q(pk=code)
    by_person = Q(citizen__search_name__contains=folded)
    if len(digits) >= 9:
        by_person |= Q(citizen__id_number=digits)
    visible = identity.visible_citizens_q(user, "citizen__")
    if visible:
        visible |= Q(letter__handler_id=user.pk)
    # EXISTS for each letter, not `pk IN (the letters of every matching citizen)`: a common name ("Nguyễn", two
    # citizens in five nationally) made that set larger than PostgreSQL's work_mem, and the plan then ran it
    # again for every letter: 36 s for a page of a province's letters at national scale, 0,5 s this way.
    signed = LetterPetitioner.objects.filter(letter_id=OuterRef("pk")).filter(by_person).filter(visible)
    return letters.filter(condition | Q(Exists(signed)))


# The work queue's conditions (danvan.workqueue), one definition each; the letter list filters by the same.
def awaiting_decision(letters: QuerySet) -> QuerySet:
    """Received or classified, no handling decision yet (thụ lý, chuyển, hướng dẫn, lưu: TT 05/2021/TT-TTCP)."""
    return letters.filter(status__in=AWAITING_DECISION)


def overdue(letters: QuerySet, today: dt.date) -> QuerySet:
    """The deadline that applies in the letter's state (`due_on`) has passed; finished letters have none."""
    return letters.filter(due_on__lt=today)


def week_end(today: dt.date) -> dt.date:
    """The Sunday of `today`'s week (Monday to Sunday)."""
    return today + dt.timedelta(days=6 - today.weekday())


def due_this_week(letters: QuerySet, today: dt.date) -> QuerySet:
    """Due from today to the end of this week (not yet overdue)."""
    return letters.filter(due_on__gte=today, due_on__lte=week_end(today))


def due_on_day(letters: QuerySet, day: dt.date) -> QuerySet:
    return letters.filter(due_on=day)


def assigned_to(letters: QuerySet, user) -> QuerySet:
    """Open letters (awaiting a decision or being resolved) whose assigned handler is `user`."""
    return letters.filter(handler_id=user.pk, status__in=AWAITING_DECISION | BEING_RESOLVED)


def filter_letters(letters: QuerySet, *, status="", content_kind="", field="", unit=None, deadline="",
                   today: dt.date | None = None, stage="", handler=None) -> QuerySet:
    today = today or dt.date.today()
    if stage == "awaiting_decision":
        letters = awaiting_decision(letters)
    if handler is not None:
        letters = assigned_to(letters, handler)
    if status:
        letters = letters.filter(status=status)
    if content_kind:
        letters = letters.filter(content_kind=content_kind)
    if field:
        letters = letters.filter(field=field)
    if unit is not None:
        letters = letters.filter(area__path__startswith=unit.path)
    if deadline == "overdue":
        letters = overdue(letters, today)
    elif deadline == "this_week":
        letters = due_this_week(letters, today)
    elif deadline == "today":
        letters = due_on_day(letters, today)
    elif deadline == "due_soon":
        letters = letters.filter(due_on__gte=today, due_on__lte=letter_deadlines.due_soon_limit(today))
    return letters


def petitioner_names_by_letter(user, letters, *, context: str) -> dict[int, list[str]]:
    """The signers' names of many letters as `user` may see them (a list's page, an export's chunk): {letter id:
    names}; one query for the signers, one write for the reveals of protected ones (the identity gate decides each
    name)."""
    return identity.letters_petitioner_names(user, letters, context=context)


def petitioner_identities(user, letter: Letter, *, context: str) -> list[identity.ShownIdentity]:
    return identity.letter_petitioners(user, letter, context=context)


def earlier_letters_for(user, citizen_id: int, limit: int = 5) -> list[Letter]:
    """The citizen's earlier letters in `user`'s scope (intake matching shows only citizens `user` may see)."""
    return list(
        Letter.objects.restrict(user).active().filter(petitioners=citizen_id)
        .select_related("matter").order_by("-received_on", "-pk")[:limit]
    )


__all__ = ["MASK", "search_letters", "filter_letters", "awaiting_decision", "overdue", "due_this_week", "due_on_day",
           "assigned_to", "week_end", "petitioner_names_by_letter",
           "petitioner_identities",
           "earlier_letters_for"]
