"""The picker of an existing matter ("Vụ việc đã có"; core.pickers, ADR 0020): found by code, words of its title
or letters (with or without diacritics) or its petitioner's name, and shown with code, date, petitioner and unit.

The petitioner goes through the identity gate: the label uses `identity.public_label` (a protected denouncer is
shown masked, to everyone, as in duplicate suggestions), and a matter is found by a petitioner's name only where
`identity.visible_citizens_q` lets the user see that person (Luật Tố cáo 2018 Điều 8 khoản 3).
"""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef, Q

from danvan.core.formatting import vn_date
from danvan.core.forms import ascii_id
from danvan.core.pickers import PickerSource, picker_view
from danvan.matters.models import Matter
from danvan.people import identity


def matters(user):
    return Matter.objects.restrict(user).active()


def _search(qs, words, raw, user):
    from danvan.letters.models import Letter, LetterPetitioner
    from danvan.reception.models import Visit

    code = ascii_id(raw.upper().removeprefix("VV")) if raw else None
    if code is not None:
        return qs.filter(pk=code).order_by("-first_received", "-pk")
    visible = identity.visible_citizens_q(user, "citizen__")
    typed = raw.split()
    for position, word in enumerate(words):
        # EXISTS for each matter, not `pk IN (the matters of every matching letter)`: at national scale "dat"
        # matched 294.000 letters, a set larger than PostgreSQL's work_mem, which the plan then re-read for every
        # matter (37 s for the picker, as for the letter search in letters.queries).
        condition = Q(Exists(Letter.objects.filter(matter_id=OuterRef("pk"), search_text__contains=word)))
        condition |= Q(Exists(LetterPetitioner.objects.filter(letter__matter_id=OuterRef("pk"),
                                                              citizen__search_name__contains=word).filter(visible)))
        condition |= Q(Exists(Visit.objects.filter(matter_id=OuterRef("pk"), citizen__search_name__contains=word)
                              .filter(visible)))
        if position < len(typed):
            condition |= Q(title__icontains=typed[position])
        qs = qs.filter(condition)
    return qs.order_by("-first_received", "-pk")


def _recent(qs, user):
    return qs.order_by("-first_received", "-pk")  # read newest-first off `matter_received_newest`


def _prepare(rows: list[Matter]) -> None:
    """The first petitioner of each matter (its earliest letter's first signer, else its first visit's citizen),
    in two queries for a page of results."""
    from danvan.letters.models import LetterPetitioner
    from danvan.reception.models import Visit

    ids = [m.pk for m in rows]
    first: dict[int, object] = {}
    for link in (LetterPetitioner.objects.filter(letter__matter_id__in=ids, letter__archived_at__isnull=True)
                 .annotate(matter_pk=F("letter__matter_id")).select_related("citizen")
                 .order_by("letter__received_on", "letter_id", "pk")):
        first.setdefault(link.matter_pk, link.citizen)
    for visit in (Visit.objects.filter(matter_id__in=ids, archived_at__isnull=True).select_related("citizen")
                  .order_by("date", "pk")):
        first.setdefault(visit.matter_id, visit.citizen)
    for matter in rows:
        citizen = first.get(matter.pk)
        matter._picker_petitioner = identity.public_label(citizen) if citizen is not None else ""


def matter_label(matter: Matter) -> str:
    if not hasattr(matter, "_picker_petitioner"):
        _prepare([matter])
    parts = [matter.code, vn_date(matter.first_received), matter._picker_petitioner, matter.organisation.name,
             matter.title[:120]]
    return " · ".join(part for part in parts if part)


MATTERS = PickerSource("matters:matter_picker", matters, _search, matter_label, _recent,
                       related=("organisation",), prepare=_prepare)

matter_picker = picker_view(MATTERS)
