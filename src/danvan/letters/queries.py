"""Reads of letters under denouncer protection (Luật Tố cáo 2018 Điều 8.3, 47, 56).

Below head level, a protected letter (denunciation, or several contents) is never found by its
petitioners' names or ID numbers, except by its assigned handler: a hit would confirm that the person
searched for has denounced. Lists and exports show a protected petitioner as "•••".
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from danvan.core.choices import ContentKind
from danvan.core.forms import ascii_id
from danvan.core.text import fold
from danvan.letters import deadlines as letter_deadlines
from danvan.letters.models import Letter, LetterPetitioner
from danvan.people.services import MASK, identity_for

PROTECTED_KINDS = (ContentKind.DENUNCIATION, ContentKind.SEVERAL)


def sees_all_identities(user) -> bool:
    return bool(user.is_authenticated and user.can_see_identities)


def identity_condition(user) -> Q:
    """Letters whose petitioners' identity `user` may see: unprotected ones, or those they handle."""
    if sees_all_identities(user):
        return Q()
    return ~Q(content_kind__in=PROTECTED_KINDS) | Q(handler_id=user.pk)


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
    signed = LetterPetitioner.objects.filter(by_person).values("letter_id")
    condition |= Q(pk__in=signed) & identity_condition(user)
    return letters.filter(condition)


def filter_letters(letters: QuerySet, *, status="", content_kind="", field="", unit=None, deadline="",
                   today: dt.date | None = None) -> QuerySet:
    today = today or dt.date.today()
    if status:
        letters = letters.filter(status=status)
    if content_kind:
        letters = letters.filter(content_kind=content_kind)
    if field:
        letters = letters.filter(field=field)
    if unit is not None:
        letters = letters.filter(area__path__startswith=unit.path)
    if deadline == "overdue":
        letters = letters.filter(due_on__lt=today)
    elif deadline == "due_soon":
        letters = letters.filter(due_on__gte=today, due_on__lte=letter_deadlines.due_soon_limit(today))
    return letters


def petitioner_names(user, letter: Letter, *, context: str) -> list[str]:
    """The petitioners' names as `user` may see them; each reveal of a protected one is logged."""
    if letter.anonymous and not letter.signer_count:
        return []
    names = []
    for link in letter.petitioner_links.all():
        identity = identity_for(user, link.citizen, protected=letter.protects_identity,
                                handler_ids=letter.handler_ids, context=context)
        names.append(identity["full_name"])
    return names


def petitioner_identities(user, letter: Letter, *, context: str) -> list[dict]:
    return [
        identity_for(user, link.citizen, protected=letter.protects_identity, handler_ids=letter.handler_ids,
                     context=context) | {"citizen_id": link.citizen_id}
        for link in letter.petitioner_links.select_related("citizen")
    ]


def protected_petitioner_ids(citizen_ids) -> set[int]:
    """Citizens who signed a protected letter (any scope, archived included): other apps' matching must
    leave them out below head level."""
    return set(
        Letter.objects.filter(petitioners__in=list(citizen_ids), content_kind__in=PROTECTED_KINDS)
        .values_list("petitioners", flat=True).distinct()
    )


def earlier_letters_for(user, citizen_id: int, limit: int = 5) -> list[Letter]:
    """The citizen's earlier letters `user` may see with their identity (intake matching)."""
    return list(
        Letter.objects.restrict(user).active().filter(petitioners=citizen_id).filter(identity_condition(user))
        .select_related("matter").order_by("-received_on", "-pk")[:limit]
    )


__all__ = ["MASK", "search_letters", "filter_letters", "petitioner_names", "petitioner_identities",
           "protected_petitioner_ids", "earlier_letters_for", "identity_condition"]
