"""The one gate for a person's identity: who may see it, how it is shown, and the audit of each reveal.

The law (Luật Tố cáo 2018 Điều 8 khoản 3, Điều 47, Điều 56): disclosing a denouncer's name, address,
handwriting or other personal data is prohibited; the body handling the denunciation keeps it secret.
So, in danvan (ADR 0011):

- Protection belongs to the person and is sticky. A citizen who has been a denouncer on any letter or
  visit (content kind "tố cáo" or "nhiều nội dung") carries `Citizen.protected_since`, set by the
  services that record or classify the denunciation (`mark_denouncers`) and never cleared: reclassifying,
  reopening or archiving the record does not lift it.
- Who sees a protected identity: a head (`User.can_see_identities`, within the scope `restrict()` already
  gives), the handler assigned to the letter being shown, and the officer who recorded the person's
  identity (`Citizen.recorded_by`: they typed it, they already know it). A superuser who is none of these
  is an administrator and sees the mask, like everyone else.
- Everyone else sees `MASK` and the note "người tố cáo được bảo vệ"; every reveal of a protected identity
  writes one `IdentityReveal` row (who, when, where).

Pages, fragments, exports, history, matching and duplicate suggestions read identities only through
`show`, `public_label` and the helpers below; `tests/people/test_identity_gate.py` fails if a template
or view reads a citizen's identity fields directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from danvan.core.busy import defer_write
from danvan.core.choices import ContentKind
from danvan.core.text import escape_html
from danvan.people.models import Citizen, IdentityReveal

if TYPE_CHECKING:
    from danvan.accounts.models import User
    from danvan.letters.models import Letter

MASK = "•••"
PROTECTED_NOTE = _("Người tố cáo được bảo vệ")

# A record with one of these content kinds makes its citizens denouncers. "Several contents" may carry a
# denunciation, so it protects too (Luật Tố cáo 2018 Điều 47).
PROTECTED_KINDS = frozenset({ContentKind.DENUNCIATION, ContentKind.SEVERAL})

IDENTITY_FIELDS = Citizen.IDENTITY_FIELDS


def is_protected_kind(content_kind: str) -> bool:
    return content_kind in PROTECTED_KINDS


@dataclass(frozen=True)
class ShownIdentity:
    """A citizen's identity as one user may see it. Masked: every field is `MASK` (or None) and `note` says why."""

    citizen_id: int
    full_name: str
    id_number: str
    birth_year: int | None
    address: str
    phone: str
    email: str
    masked: bool
    protected: bool

    @property
    def note(self) -> str:
        return str(PROTECTED_NOTE) if self.protected else ""


# ------------------------------------------------------------------------------------------------ the rule

def is_protected(citizen: Citizen) -> bool:
    return _protected(citizen.protected_since)


def _protected(protected_since) -> bool:
    return protected_since is not None


def _letter_handler_ids(record) -> frozenset[int]:
    handler_id = getattr(record, "handler_id", None)
    return frozenset({handler_id}) if handler_id else frozenset()


def may_see(user: User | None, citizen: Citizen, *, record=None) -> bool:
    """Whether `user` may see `citizen`'s identity on `record` (a letter or a visit in the user's scope)."""
    return _may_see(user, is_protected(citizen), citizen.recorded_by_id, record)


def _may_see(user: User | None, protected: bool, recorded_by_id: int | None, record) -> bool:
    # The rule itself, on the values it reads: `may_see` for a citizen, the lists' path for rows of values.
    if not protected:
        return True
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.can_see_identities:
        return True
    if user.pk in _letter_handler_ids(record):
        return True
    return recorded_by_id is not None and recorded_by_id == user.pk


# ------------------------------------------------------------------------------------- presentation, audit

def _masked(citizen: Citizen) -> ShownIdentity:
    return ShownIdentity(citizen_id=citizen.pk, full_name=MASK, id_number=MASK, birth_year=None, address=MASK,
                         phone=MASK, email=MASK, masked=True, protected=True)


def show(user: User | None, citizen: Citizen, *, context: str, record=None) -> ShownIdentity:
    """`citizen`'s identity as `user` may see it; a reveal of a protected identity writes one audit row."""
    if not may_see(user, citizen, record=record):
        return _masked(citizen)
    protected = is_protected(citizen)
    if protected:
        # Written with the page's other reveals in one short transaction at the end of the request (core.busy);
        # a page whose reveals cannot be written is not sent.
        defer_write(IdentityReveal(user=user, citizen=citizen, context=str(context)[:200]))
    return ShownIdentity(citizen_id=citizen.pk, full_name=citizen.full_name, id_number=citizen.id_number,
                         birth_year=citizen.birth_year, address=citizen.address, phone=citizen.phone,
                         email=citizen.email, masked=False, protected=protected)


def public_label(citizen: Citizen) -> str:
    """A name for places that never reveal (duplicate suggestions): the name, or the mask if protected."""
    return MASK if is_protected(citizen) else citizen.full_name


def history_title(user: User | None, obj, *, context: str) -> tuple[str, frozenset[str]]:
    """For `core.views.history`: the heading of `obj` and the fields whose values must be masked.

    A citizen's heading and identity fields follow `show` (one audit row when a protected one is revealed).
    """
    if not isinstance(obj, Citizen):
        return str(obj), frozenset()
    shown = show(user, obj, context=context)
    if shown.masked:
        return f"{MASK} ({shown.note})", frozenset(IDENTITY_FIELDS) | {"search_name"}
    return shown.full_name, frozenset()


# ---------------------------------------------------------------------------------------- letters, visits

def _petitioners(letter: Letter) -> list[Citizen]:
    if letter.pk is None:
        return []
    links = letter.petitioner_links.all()
    if "petitioner_links" not in getattr(letter, "_prefetched_objects_cache", {}):
        links = links.select_related("citizen")  # not prefetched by the caller: one query, not one per signer
    return [link.citizen for link in links]


def record_is_protected(content_kind: str, citizens: Iterable[Citizen]) -> bool:
    """A record of a protected kind, or naming a protected person (sticky: a reclassified denunciation too)."""
    return is_protected_kind(content_kind) or any(is_protected(citizen) for citizen in citizens)


def letter_is_protected(letter: Letter) -> bool:
    if is_protected_kind(letter.content_kind):
        return True
    return record_is_protected(letter.content_kind, _petitioners(letter))


def may_see_letter_writing(user: User | None, letter: Letter) -> bool:
    """The content and attachments of a protected letter are the denouncer's own writing (Điều 8.3):
    heads, the letter's handler, and whoever recorded one of its signers."""
    if not letter_is_protected(letter):
        return True
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.can_see_identities or user.pk in _letter_handler_ids(letter):
        return True
    return any(c.recorded_by_id == user.pk for c in _petitioners(letter) if c.recorded_by_id)


def letter_petitioners(user: User | None, letter: Letter, *, context: str) -> list[ShownIdentity]:
    """The signers of `letter` as `user` may see them (one audit row per protected signer revealed)."""
    return [show(user, citizen, context=context, record=letter) for citizen in _petitioners(letter)]


def letters_petitioner_names(user: User | None, letters: Iterable[Letter], *, context: str) -> dict[int, list[str]]:
    """Names for lists and exports, the mask for a protected signer `user` may not see, for many letters at once (a
    list's page, an export's chunk of thousands): one query for the signers, the same rule as `show` for each, and
    one write for all the reveals."""
    from danvan.letters.models import LetterPetitioner

    by_id = {letter.pk: letter for letter in letters}
    names: dict[int, list[str]] = {pk: [] for pk in by_id}
    signed = [pk for pk, letter in by_id.items() if not (letter.anonymous and not letter.signer_count)]
    if not signed:
        return names
    # The five values the rule and the list read, not the signers and citizens as records: building those
    # (deferred fields) was half the cost of a list page's names, 1,3 ms for fifty letters.
    rows = (LetterPetitioner.objects.filter(letter_id__in=signed).order_by("letter_id", "position", "pk")
            .values_list("letter_id", "citizen_id", "citizen__full_name", "citizen__protected_since",
                         "citizen__recorded_by_id"))
    reveals = []
    for letter_id, citizen_id, full_name, protected_since, recorded_by_id in rows:
        protected = _protected(protected_since)
        if not _may_see(user, protected, recorded_by_id, by_id[letter_id]):
            names[letter_id].append(MASK)
            continue
        if protected:
            reveals.append(IdentityReveal(user=user, citizen_id=citizen_id, context=str(context)[:200]))
        names[letter_id].append(full_name)
    for reveal in reveals:
        defer_write(reveal)
    return names


def visit_citizen(user: User | None, visit, *, context: str) -> ShownIdentity:
    return show(user, visit.citizen, context=context, record=visit)


# ---------------------------------------------------------------------------------------------- on a page

def identity_html(shown: ShownIdentity, *, brief: bool = False, contacts: bool = False) -> SafeString:
    """The one rendering of a shown identity on a page (template tag `{% person %}`): the name in bold, then
    (unless `brief`) the year of birth, CCCD and address, and with `contacts` the phone; masked, the mask and
    the note only. Written here, not in a template: the register of a province's month prints it on each of
    hundreds of rows, and an included template was half of that page's rendering. Each value is escaped as
    `format_html` would (`_escaped`) but in one pass: four `format_html` calls a row were a quarter of the
    register's CPU."""
    if shown.masked:
        return mark_safe(f'<span class="masked">{_escaped(shown.full_name)}</span> '
                         f'<span class="badge warn">{_escaped(shown.note)}</span>')
    parts = [f"<strong>{_escaped(shown.full_name)}</strong>"]
    if not brief:
        if shown.birth_year:
            parts.append(f", {_escaped(gettext('sinh năm'))} {int(shown.birth_year)}")
        if shown.id_number:
            parts.append(f'<br><span class="muted">{_escaped(gettext("CCCD"))}: {_escaped(shown.id_number)}</span>')
        if shown.address:
            parts.append(f'<br><span class="muted">{_escaped(shown.address)}</span>')
        if contacts and shown.phone:
            parts.append(f'<br><span class="muted">{_escaped(gettext("Điện thoại"))}: {_escaped(shown.phone)}</span>')
    return mark_safe("".join(parts))  # every value escaped by _escaped


def _escaped(value) -> str:
    """Django's `conditional_escape` (what `format_html` does to each argument) in one `str.translate`: text
    already marked safe is kept, anything else is escaped as `html.escape` does."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return escape_html(str(value))


# ------------------------------------------------------------------------------------ papers and registers

@dataclass(frozen=True)
class PrintedPerson:
    """A citizen as printed on a paper sent to him or in a register: plain text the gate produced."""

    name: str
    residence: str
    id_text: str
    masked: bool


def printed(shown: ShownIdentity) -> PrintedPerson:
    """The printable text of a shown identity: the mask and the note when masked, never the stored values."""
    if shown.masked:
        return PrintedPerson(name=f"{MASK} ({shown.note})", residence=MASK, id_text="", masked=True)
    return PrintedPerson(name=shown.full_name, residence=shown.address, id_text=shown.id_number, masked=False)


def _record_people(record) -> list[Citizen]:
    from danvan.letters.models import Letter

    return _petitioners(record) if isinstance(record, Letter) else [record.citizen]


def may_print(user: User | None, record) -> bool:
    """Whether `user` may produce a paper naming the people of `record` (a letter or a visit): every one of them
    must be someone `user` may see. Asks only: no reveal is written (nothing is shown)."""
    return all(may_see(user, citizen, record=record) for citizen in _record_people(record))


def addressees(user: User | None, record, *, context: str) -> list[PrintedPerson] | None:
    """The people a paper (receipt, notice, slip) about `record` (a letter or a visit) is addressed to, or None
    when `user` may not see one of them: a protected denouncer's paper is produced only by someone who may see
    him (Điều 8 khoản 3), and a paper with a mask on it would be useless to send anyway."""
    if not may_print(user, record):
        return None  # asked before `show`, so a refused paper writes no reveal
    return [printed(show(user, citizen, context=context, record=record)) for citizen in _record_people(record)]


def hidden_from(user: User | None, citizen_ids: Iterable[int]) -> set[int]:
    """Of `citizen_ids`, the protected ones `user` may not see anywhere: matching leaves them out, since even a
    masked hit on a typed name or CCCD would confirm that this person has denounced (Điều 8.3)."""
    from danvan.letters.models import LetterPetitioner

    ids = list(citizen_ids)
    if not ids or (user is not None and user.is_authenticated and user.can_see_identities):
        return set()
    user_pk = user.pk if user is not None and user.is_authenticated else None
    rows = Citizen.objects.filter(pk__in=ids, protected_since__isnull=False).values_list("pk", "recorded_by_id")
    hidden = {pk for pk, recorded_by in rows if user_pk is None or recorded_by != user_pk}
    if hidden and user_pk is not None:
        hidden -= set(LetterPetitioner.objects.filter(citizen_id__in=hidden, letter__handler_id=user_pk)
                      .values_list("citizen_id", flat=True))
    return hidden


def visible_citizens_q(user: User | None, prefix: str = "") -> Q:
    """A filter on citizens (through `prefix`, e.g. "citizen__") whose identity `user` may see in lists and
    searches: found by name or CCCD only then. The handler's own letters are added by the caller."""
    if user is not None and user.is_authenticated and user.can_see_identities:
        return Q()
    condition = Q(**{f"{prefix}protected_since__isnull": True})
    if user is not None and user.is_authenticated:
        condition |= Q(**{f"{prefix}recorded_by": user.pk})
    return condition


# -------------------------------------------------------------------------------------------- protection

def mark_denouncers(actor: User | None, citizens: Iterable[Citizen], *, reason: str = "") -> None:
    """Protect `citizens` from now on (a no-op for those already protected). Called by the services that record
    a letter or visit of a protected kind, or classify one as such. Never undone (ADR 0011)."""
    now = timezone.now()
    for citizen in citizens:
        if citizen.protected_since is not None:
            continue
        citizen.protected_since = now
        citizen._history_user = actor
        citizen._change_reason = reason or str(_("Bảo vệ danh tính người tố cáo (Luật Tố cáo 2018 Điều 47)"))
        citizen.save(update_fields=["protected_since", "updated_at"])


def protect_existing_denouncers() -> int:
    """Mark every citizen who has denounced in a letter or a visit (for rows written beside the services)."""
    from danvan.letters.models import LetterPetitioner
    from danvan.reception.models import Visit

    by_letter = LetterPetitioner.objects.filter(letter__content_kind__in=PROTECTED_KINDS).values("citizen_id")
    by_visit = Visit.objects.filter(content_kind__in=PROTECTED_KINDS).values("citizen_id")
    # Two statements, not one `IN (…) OR IN (…)`: PostgreSQL turns each IN alone into a semi-join, but an OR of
    # two into subplans that, once the ids outgrow work_mem, are rescanned for every citizen (national data:
    # 2 million citizens, the single statement ran for over 20 minutes).
    now = timezone.now()
    marked = 0
    for denounced in (by_letter, by_visit):
        marked += Citizen.objects.filter(protected_since__isnull=True, pk__in=denounced).update(protected_since=now)
    return marked
