"""Citizens: recording, petitioner matching, and masking of protected identities."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from danvan.core import services as audited
from danvan.core.busy import defer_write
from danvan.core.text import fold, normalize
from danvan.people.models import Citizen, IdentityReveal

MASK = "•••"


@dataclass(frozen=True)
class CitizenMatch:
    citizen: Citizen
    reason: str  # "id_number" or "name"


def find_matching_citizens(
    user, *, full_name: str = "", id_number: str = "", birth_year: int | None = None, limit: int = 10
) -> list[CitizenMatch]:
    """The same person typed with or without diacritics, or recognised by CCCD (issue 4).

    An identical ID number is a certain match; otherwise the folded name must be equal, and the birth
    year too when both are known. Only citizens in the user's scope are searched.
    """
    digits = "".join(ch for ch in id_number if ch.isdigit())
    folded = fold(full_name)
    if not digits and not folded:
        return []
    condition = Q()
    if digits:
        condition |= Q(id_number=digits)
    if folded:
        by_name = Q(search_name=folded)
        if birth_year:
            by_name &= Q(birth_year=birth_year) | Q(birth_year__isnull=True)
        condition |= by_name
    matches = []
    for citizen in Citizen.objects.restrict(user).active().filter(condition).order_by("-created_at")[:limit]:
        reason = "id_number" if digits and citizen.id_number == digits else "name"
        matches.append(CitizenMatch(citizen, reason))
    matches.sort(key=lambda m: m.reason != "id_number")
    return matches


def record_citizen(actor, organisation, *, full_name: str, **fields) -> Citizen:
    """Create a citizen, or reuse the one with the same CCCD in the same organisation's scope."""
    digits = "".join(ch for ch in fields.get("id_number", "") if ch.isdigit())
    if digits:
        existing = (
            Citizen.objects.active().filter(id_number=digits, area__path__startswith=organisation.area.path).first()
        )
        if existing is not None:
            return existing
    return audited.create(Citizen, actor, organisation=organisation, full_name=normalize(full_name), **fields)


def may_see_identity(user, *, protected: bool, handler_ids: set[int] | frozenset[int] = frozenset()) -> bool:
    """Protected identities are for the head and the assigned handler only (Luật Tố cáo 2018 Điều 47)."""
    if not protected:
        return True
    return bool(user and user.is_authenticated and (user.can_see_identities or user.pk in handler_ids))


def identity_for(user, citizen: Citizen, *, protected: bool, handler_ids=frozenset(), context: str = "") -> dict:
    """The citizen's identity fields as `user` may see them; a reveal of a protected one is logged."""
    if may_see_identity(user, protected=protected, handler_ids=handler_ids):
        if protected:
            # Written with the page's other reveals in one short transaction at the end of the request.
            defer_write(IdentityReveal(user=user, citizen=citizen, context=context[:200]))
        return {name: getattr(citizen, name) for name in Citizen.IDENTITY_FIELDS} | {"masked": False}
    return {name: MASK for name in Citizen.IDENTITY_FIELDS} | {"masked": True}
