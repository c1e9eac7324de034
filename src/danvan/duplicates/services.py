"""Suggestions of earlier letters and matters that a letter (or a draft at intake) may repeat, and the
officer's decisions on them.

A letter about a matter already resolved is not processed again but filed (TT 05/2021/TT-TTCP Điều 6,
7); the seeds report that a tenth of letters are such repeats. The officer decides: a suggestion is a
hint with its reasons, never an automatic join.

Denouncer protection (Luật Tố cáo 2018 Điều 8.3, 47): suggestions only come from letters the viewer may
see (`Letter.objects.restrict`); a protected letter's petitioner is never named in a suggestion and
matches on the petitioner only count for a viewer who may see identities; the features of a protected
letter leave out its petitioner's name and numbers (`index.letter_identity`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core import services as audited
from danvan.core.choices import Field
from danvan.core.models import Action
from danvan.duplicates import index as dup_index
from danvan.duplicates.addresses import address_features
from danvan.duplicates.engine import ExactScan, Hit, Query
from danvan.duplicates.features import (
    describe_strong,
    feature_hash,
    identifier_hashes,
    identifiers,
    letter_features,
    petitioner_keys,
)
from danvan.duplicates.models import DuplicateDecision, LetterFingerprint, Verdict
from danvan.people import identity
from danvan.people.identity import MASK

if TYPE_CHECKING:
    from danvan.accounts.models import User
    from danvan.letters.models import Letter
    from danvan.matters.models import Matter
    from danvan.units.models import Area

# Bands shown to the officer instead of a percentage (issue 19). At or above SAME_MATTER_THRESHOLD a
# suggestion is "rất có thể cùng vụ việc" (the flag): the threshold is calibrated for precision ≥ 0,95 on the
# labelled sets of tests/duplicates/test_quality.py (the generator's chains and the hand-written letters),
# which fail if precision or recall drop; from POSSIBLE_THRESHOLD "có thể"; below, "ít khả năng".
SAME_MATTER_THRESHOLD = 0.3
POSSIBLE_THRESHOLD = 0.15
# ...and only when the texts share something: the same petitioner in the same commune and field, with
# nothing else in common, is as often another matter of the same person (hand-written set, A and B).
SAME_MATTER_MIN_TEXT = 0.15
DEFAULT_SUGGESTIONS = 5


class Band:
    LIKELY, POSSIBLE, UNLIKELY = "likely", "possible", "unlikely"
    LABELS = {LIKELY: gettext_lazy("Rất có thể cùng vụ việc"), POSSIBLE: gettext_lazy("Có thể cùng vụ việc"),
              UNLIKELY: gettext_lazy("Ít khả năng cùng vụ việc")}


@dataclass
class Suggestion:
    letter: Letter
    matter: Matter
    score: float
    likely_same: bool
    reasons: list[str]
    petitioner: str
    matter_resolved: bool
    hit: Hit

    @property
    def band(self) -> str:
        return band_of(self.hit)

    @property
    def band_label(self) -> str:
        return str(Band.LABELS[self.band])


@dataclass
class MatterSuggestion:
    matter: Matter
    score: float
    letters: list[Suggestion] = field(default_factory=list)


def is_likely_same(hit: Hit) -> bool:
    return hit.score >= SAME_MATTER_THRESHOLD and (hit.text >= SAME_MATTER_MIN_TEXT or hit.strong > 0)


def band_of(hit: Hit) -> str:
    if is_likely_same(hit):
        return Band.LIKELY
    return Band.POSSIBLE if hit.score >= POSSIBLE_THRESHOLD else Band.UNLIKELY


def _see_identities(user: User) -> bool:
    """Who may match on protected petitioners: the identity gate's heads (a superuser is not one, ADR 0011)."""
    return bool(user.is_authenticated and user.can_see_identities)


def _petitioner_query_keys(people: Iterable[tuple[str, str, int | None]]) -> dict[int, float]:
    keys: dict[int, float] = {}
    for full_name, id_number, birth_year in people:
        for key, certainty in petitioner_keys(full_name=full_name, id_number=id_number,
                                              birth_year=birth_year).items():
            h = feature_hash(key)
            keys[h] = max(keys.get(h, 0.0), certainty)
    return keys


def _rejected_with(letter_id: int) -> frozenset[int]:
    """Letters an officer said are not about the same matter as `letter_id` (either way round)."""
    rows = DuplicateDecision.objects.active().filter(verdict=Verdict.DIFFERENT)
    left = rows.filter(letter_id=letter_id).values_list("candidate_id", flat=True)
    right = rows.filter(candidate_id=letter_id).values_list("letter_id", flat=True)
    return frozenset(left) | frozenset(right)


def _conflicting(mine: list[tuple[int, str]], stored_strong: set[str]) -> list[str]:
    """Kinds of identifiers both letters name without one in common, as an officer reads them (`mine`: the
    query's `identifiers`)."""
    theirs = identifiers(stored_strong)
    names = {0: _("Khác số quyết định"), 1: _("Khác thửa đất"), 2: _("Khác số tiền")}
    return [names[kind] for kind in sorted(names)
            if {v for k, v in mine if k == kind} and {v for k, v in theirs if k == kind}
            and not {v for k, v in mine if k == kind} & {v for k, v in theirs if k == kind}]


def _places(strong: Iterable[str]) -> set[str]:
    return {s for s in strong if s.startswith("dc:")}


def _reasons(user: User, hit: Hit, letter: Letter, shared_strong: list[str], shared_places: list[str] = (),
             conflicting: list[str] = ()) -> list[str]:
    reasons = []
    if hit.petitioner >= 1.0:
        reasons.append(_("Trùng người viết đơn (số CCCD)"))
    elif hit.petitioner >= 0.9:
        reasons.append(_("Trùng người viết đơn (họ tên, năm sinh)"))
    elif hit.petitioner > 0:
        reasons.append(_("Trùng họ tên người viết đơn"))
    if hit.text > 0:
        reasons.append(_("Nội dung giống %(p)d%%") % {"p": round(hit.text * 100)})
    if shared_strong:
        reasons.append(_("Cùng số văn bản, ngày, số liệu: %(items)s") % {"items": ", ".join(shared_strong)})
    elif hit.strong:
        reasons.append(_("Cùng %(n)d số văn bản, ngày, số liệu") % {"n": hit.strong})
    if hit.same_area and letter.subject_area_id:
        reasons.append(_("Cùng địa bàn: %(area)s") % {"area": letter.subject_area.name})
    if hit.same_field:
        reasons.append(_("Cùng lĩnh vực: %(field)s") % {"field": Field(letter.field).label})
    if hit.same_area and letter.subject_area_id:
        shared_places = [p for p in shared_places if p != letter.subject_area.name]
    if shared_places:
        reasons.append(_("Cùng địa chỉ (theo đơn vị hành chính hiện nay): %(places)s")
                       % {"places": ", ".join(shared_places)})
    if hit.other_petitioner:
        reasons.append(_("Người viết đơn khác"))
    if hit.other_area and letter.subject_area_id:
        reasons.append(_("Khác địa bàn: %(area)s") % {"area": letter.subject_area.name})
    reasons.extend(conflicting)
    return reasons


def _petitioner_display(letter: Letter) -> str:
    if letter.anonymous:
        return _("Nặc danh")
    if letter.protects_identity:
        return MASK  # never named in a suggestion, whoever looks (the letter page applies the full rule)
    return ", ".join(identity.public_label(link.citizen) for link in letter.petitioner_links.all())


# What a suggestion shows of a letter (the panel: code, date, summary, matter and its state; the reasons: area and
# field) and what the identity gate reads (kind, anonymity, handler; the signers are prefetched).
SUGGESTED_FIELDS = ("received_on", "summary", "content_kind", "anonymous", "handler", "field", "subject_area__name",
                    "matter__title", "matter__status")


def _suggest(user: User, query: Query, query_strong: set[str], *, k: int, received_before: int | None = None,
             exclude_letters: frozenset[int] = frozenset(), exclude_matters: frozenset[int] = frozenset(),
             exclude_pairs: frozenset[int] = frozenset(), scan: ExactScan | None = None) -> list[Suggestion]:
    """`scan`: rank with this exact scan instead of the index (the benchmark's baseline, tests): the same scores,
    and the same answer whenever the index scores every candidate (`engine.EXACT_RANK_UP_TO`)."""
    from danvan.letters.models import Letter, LetterPetitioner
    from danvan.matters.models import MatterStatus
    from danvan.units.models import Area

    if not (user and user.is_authenticated and user.is_active):
        return []
    idx = dup_index.current_index()  # synced either way: a scan is built on the index's letters
    engine = scan if scan is not None else idx
    # The index already leaves out archived letters and letters outside the viewer's areas: a few more than k
    # cover a letter moved or archived since the index saw it.
    hits = engine.query(query, k=k + 3, allowed_areas=dup_index.allowed_areas(user),
                     received_before=received_before, exclude_letters=exclude_letters,
                     exclude_matters=exclude_matters, exclude_pairs=exclude_pairs,
                     see_protected_petitioners=_see_identities(user))
    if not hits:
        return []
    ids = [h.letter for h in hits]
    # Two queries whatever k: the letters (with their matter, area and stored strong signals, read by a
    # subquery on the fingerprint's unique letter_id) and their petitioners. Only the columns a suggestion shows
    # and the identity gate reads (`SUGGESTED_FIELDS`): the letters' forty columns and their matters' and areas'
    # compiled into SQL were a tenth of the panel's CPU.
    strong = LetterFingerprint.objects.filter(letter_id=OuterRef("pk")).values("strong")[:1]
    letters = {
        letter.pk: letter
        for letter in Letter.objects.restrict(user).active().filter(pk__in=ids)
        .select_related("matter", "subject_area").only(*SUGGESTED_FIELDS).annotate(duplicate_strong=Subquery(strong))
        .prefetch_related(Prefetch("petitioner_links", LetterPetitioner.objects.select_related("citizen")))
    }
    strong_of = {pk: set((letter.duplicate_strong or "").split()) for pk, letter in letters.items()}
    place_ids = {int(p[3:]) for p in _places(query_strong)}
    place_names = dict(Area.objects.filter(pk__in=place_ids).values_list("pk", "name")) if place_ids else {}
    mine = identifiers(query_strong)
    suggestions = []
    for hit in hits:
        letter = letters.get(hit.letter)
        if letter is None:
            continue  # archived, or moved out of the viewer's scope since the index saw it
        stored = strong_of.get(letter.pk, set())
        shared = sorted((stored & query_strong) - _places(stored))
        places = sorted(place_names.get(int(p[3:]), "") for p in _places(stored) & query_strong)
        conflicting = _conflicting(mine, stored)
        if letter.protects_identity and not letter.may_see_identity(user):
            # A denunciation's content is shown only to heads and its handler (Luật Tố cáo 2018 Điều 47):
            # the numbers it shares are counted in the score but not listed.
            shared, places = [], []
        suggestions.append(Suggestion(
            letter=letter, matter=letter.matter, score=hit.score, likely_same=is_likely_same(hit),
            reasons=_reasons(user, hit, letter, [describe_strong(s) for s in shared], places, conflicting),
            petitioner=_petitioner_display(letter),
            matter_resolved=letter.matter.status in (MatterStatus.RESOLVED, MatterStatus.FINAL), hit=hit,
        ))
        if len(suggestions) == k:
            break
    return suggestions


# What `suggestions_for_letter` reads of the letter itself, besides its signers: the letter page's panel loads
# only these.
LETTER_FIELDS = ("content_kind", "handler", "subject_area", "field", "received_on", "matter")


def suggestions_for_letter(user: User, letter: Letter, *, k: int = DEFAULT_SUGGESTIONS) -> list[Suggestion]:
    """Earlier letters (received on or before this one) about possibly the same matter, best first.

    Letters already in the letter's matter, and pairs an officer rejected, are left out. `letter` may hold only
    `LETTER_FIELDS`.
    """
    from danvan.letters.models import Letter, LetterPetitioner

    fingerprint = LetterFingerprint.objects.filter(letter_id=letter.pk).first()
    if fingerprint is None:
        # Not yet fingerprinted (written in bulk): from the whole letter, read once, not field by field.
        fingerprint = dup_index.refresh_fingerprint(
            Letter.objects.get(pk=letter.pk) if letter.get_deferred_fields() else letter)

    if "petitioner_links" not in getattr(letter, "_prefetched_objects_cache", {}):
        # Read once, for the keys below and for the identity gate's `protects_identity` (it read them again).
        prefetch_related_objects([letter], Prefetch("petitioner_links",
                                                    LetterPetitioner.objects.select_related("citizen")))
    citizens = [link.citizen for link in letter.petitioner_links.all()]
    # A protected letter's petitioner is used to look for other letters only by a viewer who may see
    # it: a match shown to anyone else would tell them who denounced (Luật Tố cáo 2018 Điều 8.3).
    may_use_petitioner = not letter.protects_identity or letter.may_see_identity(user)
    keys = _petitioner_query_keys((c.full_name, c.id_number, c.birth_year) for c in citizens) \
        if may_use_petitioner else {}
    strong = set(fingerprint.strong.split())
    people = np.frombuffer(bytes(fingerprint.petitioner_keys), dtype="<u4")
    query = Query(
        features=np.frombuffer(bytes(fingerprint.features), dtype="<u4").astype(np.uint32),
        strong=np.array(sorted(feature_hash(s) for s in strong - _places(strong)), dtype=np.uint32),
        petitioner_keys=keys, subject_area=letter.subject_area_id or 0,
        field=dup_index.FIELD_CODES.get(letter.field, -1),
        identifiers=np.array(identifier_hashes(strong), dtype=np.uint32),
        group=bool((people == dup_index.GROUP_KEY).any()),
    )
    return _suggest(user, query, strong, k=k, received_before=letter.received_on.toordinal(),
                    exclude_letters=frozenset({letter.pk}), exclude_matters=frozenset({letter.matter_id}),
                    exclude_pairs=_rejected_with(letter.pk))


def suggestions_for_draft(
    user: User,
    *,
    text: str,
    petitioners: Iterable[tuple[str, str, int | None]] = (),
    subject_area: Area | None = None,
    field: str = "",
    received_on: dt.date | None = None,
    k: int = DEFAULT_SUGGESTIONS,
    exclude_letters: frozenset[int] = frozenset(),
    scan: ExactScan | None = None,
) -> list[Suggestion]:
    """Suggestions while a letter is being entered: `text` is its summary and content, `petitioners`
    (full name, ID number, birth year) as typed. `scan`: see `_suggest`."""
    features = letter_features(text)
    petitioners = list(petitioners)
    if not features.terms and not any(p[0] or p[1] for p in petitioners):
        return []
    places = address_features([text])
    query = Query(
        features=np.array(sorted(set(features.hashes()) | {feature_hash(p) for p in places}), dtype=np.uint32),
        strong=np.array(features.strong_hashes(), dtype=np.uint32),
        petitioner_keys=_petitioner_query_keys(petitioners),
        subject_area=subject_area.pk if subject_area else 0, field=dup_index.FIELD_CODES.get(field, -1),
        identifiers=np.array(features.identifier_hashes(), dtype=np.uint32),
        group=dup_index.is_group(text, [p for p in petitioners if p[0] or p[1]]),
    )
    return _suggest(user, query, set(features.strong) | places, k=k,
                    received_before=received_on.toordinal() if received_on else None,
                    exclude_letters=exclude_letters, scan=scan)


def group_by_matter(suggestions: list[Suggestion]) -> list[MatterSuggestion]:
    """The matters behind the suggested letters, ranked by their best letter."""
    groups: dict[int, MatterSuggestion] = {}
    for s in suggestions:
        group = groups.setdefault(s.matter.pk, MatterSuggestion(matter=s.matter, score=s.score))
        group.letters.append(s)
        group.score = max(group.score, s.score)
    return sorted(groups.values(), key=lambda g: -g.score)


# ---------------------------------------------------------------------------------------------- decisions

def _pair(actor: User, letter: Letter, candidate: Letter) -> tuple[Letter, Letter]:
    from danvan.letters.models import Letter

    letter = Letter.objects.restrict(actor, Action.CHANGE).filter(pk=letter.pk).first()
    candidate = Letter.objects.restrict(actor).filter(pk=candidate.pk).first()
    if letter is None or candidate is None:
        raise PermissionDenied(_("Không có quyền quyết định về cặp đơn này."))
    if letter.pk == candidate.pk:
        raise ValidationError({"candidate": _("Không thể so một đơn với chính nó.")})
    return letter, candidate


def _record(actor: User, letter: Letter, candidate: Letter, verdict: str, note: str, reason: str) -> DuplicateDecision:
    hit_reasons = ""
    score = 0.0
    for s in suggestions_for_letter(actor, letter, k=20):
        if s.letter.pk == candidate.pk:
            score, hit_reasons = s.score, "; ".join(s.reasons)
    return audited.create(
        DuplicateDecision, actor, organisation=letter.organisation, letter=letter, candidate=candidate,
        matter=candidate.matter, verdict=verdict, score=score, reasons=hit_reasons, note=note.strip()[:500],
        decided_by=actor, reason=reason,
    )


@transaction.atomic
def reject_suggestion(actor: User, letter: Letter, candidate: Letter, *, note: str = "") -> DuplicateDecision:
    """The officer says `candidate` is not about the same matter: recorded, and not suggested again."""
    letter, candidate = _pair(actor, letter, candidate)
    return _record(actor, letter, candidate, Verdict.DIFFERENT, note, _("Không cùng vụ việc"))


@transaction.atomic
def confirm_same_matter(actor: User, letter: Letter, candidate: Letter, *, note: str = "",
                        on: dt.date | None = None) -> DuplicateDecision:
    """The officer confirms `letter` is about the matter of `candidate`: the letter joins that matter,
    and if the matter was already resolved the letter is filed as a duplicate (TT 05/2021/TT-TTCP)."""
    from danvan.letters import services as letter_services
    from danvan.letters.models import FiledReason
    from danvan.letters.workflow import LetterStatus, can_move
    from danvan.matters.models import MatterStatus

    letter, candidate = _pair(actor, letter, candidate)
    matter = candidate.matter
    decision = _record(actor, letter, candidate, Verdict.SAME_MATTER, note,
                       _("Cùng vụ việc với đơn %(code)s") % {"code": candidate.code})
    if letter.matter_id != matter.pk:
        letter = join_matter(actor, letter, matter)
    if matter.status in (MatterStatus.RESOLVED, MatterStatus.FINAL) and can_move(letter.status, LetterStatus.FILED):
        letter_services.file_letter(
            actor, letter, reason=FiledReason.DUPLICATE, filed_on=on or dt.date.today(),
            note=_("Trùng vụ việc đã giải quyết (đơn %(code)s)") % {"code": candidate.code},
        )
    return decision


def join_matter(actor: User, letter: Letter, matter: Matter) -> Letter:
    """Move a letter into another matter, through the letters app's service when it has one."""
    from danvan.letters import services as letter_services

    service = getattr(letter_services, "join_matter", None)
    if service is not None:
        return service(actor, letter, matter)
    # The letters app has no service for this yet: an audited update of the one field (core.services).
    return audited.update(letter, actor, matter=matter,
                          reason=_("Gộp vào vụ việc: %(title)s") % {"title": matter.title[:200]})
