"""Every change to the reception register, typed, transactional and audited (docs/adding-a-model.md).

Also the two reads that carry a legal rule: the identity of a visit's citizen as a user may see it,
and petitioner matching at intake, both asking the identity gate (`people.identity`, ADR 0011).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import services as audited
from danvan.core.text import normalize
from danvan.matters.models import Matter
from danvan.people import identity
from danvan.people.models import Citizen
from danvan.people.services import find_matching_citizens, record_citizen
from danvan.reception.models import Occurrence, ReceptionSession, Visit, VisitAttachment
from danvan.units.models import Area, Organisation

if TYPE_CHECKING:
    from danvan.accounts.models import User

# The fields of a visit an officer may correct after recording it.
VISIT_EDITABLE_FIELDS = frozenset(
    {"persons", "representatives", "occurrence", "content_kind", "field", "subject_area", "summary", "handling",
     "matter", "notes"}
)
SESSION_EDITABLE_FIELDS = frozenset(
    {"kind", "date", "place", "online", "presiding_name", "presiding_position", "notes"}
)


@dataclass(frozen=True)
class CitizenDetails:
    """A citizen not yet in the register, as typed at intake."""

    full_name: str
    id_number: str = ""
    birth_year: int | None = None
    address: str = ""
    phone: str = ""


def _check_session_date(date: dt.date | None) -> None:
    if date is not None and date > timezone.localdate():
        raise ValidationError({"date": _("Ngày tiếp không được sau ngày hôm nay.")})


@transaction.atomic
def open_session(
    actor: User | None,
    *,
    organisation: Organisation,
    kind: str,
    date: dt.date,
    place: str,
    online: bool = False,
    presiding_name: str = "",
    presiding_position: str = "",
    notes: str = "",
) -> ReceptionSession:
    """Open a reception session of `organisation` (Luật Tiếp công dân 2013; Luật 136/2025/QH15 for online)."""
    _check_session_date(date)
    return audited.create(
        ReceptionSession,
        actor,
        reason=_("Mở buổi tiếp công dân"),
        organisation=organisation,
        kind=kind,
        date=date,
        place=normalize(place),
        online=online,
        presiding_name=normalize(presiding_name),
        presiding_position=normalize(presiding_position),
        notes=notes.strip(),
    )


@transaction.atomic
def update_session(
    actor: User | None, session: ReceptionSession, *, reason: str = "", **changes: Any
) -> ReceptionSession:
    unknown = set(changes) - SESSION_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if "date" in changes:
        _check_session_date(changes["date"])
    with transaction.atomic():
        session = audited.update(session, actor, reason=reason or _("Sửa buổi tiếp"), **changes)
        # Visits carry their session's date (Visit.date); the session's history records the change.
        Visit.objects.filter(session=session).exclude(date=session.date).update(date=session.date)
    return session


@transaction.atomic
def archive_session(actor: User | None, session: ReceptionSession, *, reason: str) -> ReceptionSession:
    """Archive a session and, with the same reason, its visits: nothing is deleted (ADR 0003)."""
    audited.archive(session, actor, reason=reason)
    for visit in session.visits.filter(archived_at__isnull=True):
        audited.archive(visit, actor, reason=reason)
    return session


def _citizen_errors(details: CitizenDetails) -> dict[str, str]:
    errors = {}
    if not normalize(details.full_name):
        errors["full_name"] = _("Cần ghi họ và tên công dân (hoặc người đại diện của đoàn).")
    if details.birth_year is not None and not (1900 <= details.birth_year <= timezone.localdate().year):
        errors["birth_year"] = _("Năm sinh phải trong khoảng từ 1900 đến năm nay.")
    digits = "".join(ch for ch in details.id_number if ch.isdigit())
    if details.id_number.strip() and len(digits) not in (9, 12):
        errors["id_number"] = _("Số CCCD có 12 chữ số (CMND cũ: 9 chữ số).")
    return errors


def _check_references(actor: User | None, *, subject_area: Area | None, matter: Matter | None) -> dict[str, str]:
    errors = {}
    if actor is not None and subject_area is not None and not Area.objects.restrict(actor).filter(
        pk=subject_area.pk
    ).exists():
        errors["subject_area"] = _("Địa bàn phát sinh nằm ngoài phạm vi của tài khoản.")
    if matter is not None:
        visible = Matter.objects.active() if actor is None else Matter.objects.restrict(actor).active()
        if not visible.filter(pk=matter.pk).exists():
            errors["matter"] = _("Không tìm thấy vụ việc này trong phạm vi của tài khoản.")
    return errors


@transaction.atomic
def record_visit(
    actor: User | None,
    session: ReceptionSession,
    *,
    citizen: Citizen | CitizenDetails,
    content_kind: str,
    field: str,
    summary: str,
    handling: str,
    persons: int = 1,
    representatives: int = 0,
    occurrence: str = "first",
    subject_area: Area | None = None,
    matter: Matter | None = None,
    create_matter: bool = False,
    notes: str = "",
) -> Visit:
    """Record a visit in `session`, with its citizen (found again by CCCD or created) and, optionally, its matter.

    A repeated visit about a known matter links to it; a new case may open a new matter, so that the
    matters of form 01/TCD count each case once however many visits it takes.
    Everything is validated before anything is written; a bad field changes nothing.
    """
    errors: dict[str, str] = {}
    if session.is_archived:
        errors["session"] = _("Buổi tiếp đã được lưu trữ; không thể ghi thêm lượt tiếp.")
    if isinstance(citizen, CitizenDetails):
        errors |= _citizen_errors(citizen)
    elif actor is not None and not Citizen.objects.restrict(actor).active().filter(pk=citizen.pk).exists():
        errors["citizen"] = _("Không tìm thấy công dân này trong phạm vi của tài khoản.")
    errors |= _check_references(actor, subject_area=subject_area, matter=matter)
    if create_matter and matter is not None:
        errors["matter"] = _("Chọn vụ việc đã có hoặc tạo vụ việc mới, không chọn cả hai.")
    visit = Visit(
        organisation=session.organisation,
        area_id=session.area_id,
        session=session,
        persons=persons,
        representatives=representatives,
        occurrence=occurrence,
        content_kind=content_kind,
        field=field,
        subject_area=subject_area,
        summary=(summary or "").strip(),
        handling=handling,
        matter=matter,
        notes=(notes or "").strip(),
    )
    try:
        visit.full_clean(exclude=["citizen"])
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            errors.setdefault(name, messages[0])
    if errors:
        raise ValidationError(errors)

    audited.check_can_change(actor, visit)
    if isinstance(citizen, CitizenDetails):
        extra = {k: v for k, v in vars(citizen).items() if k != "full_name" and v not in ("", None)}
        citizen = record_citizen(actor, session.organisation, full_name=citizen.full_name, **extra)
    if create_matter:
        matter = audited.create(
            Matter,
            actor,
            reason=_("Tạo vụ việc từ lượt tiếp công dân"),
            organisation=session.organisation,
            title=normalize(visit.summary)[:300],
            content_kind=content_kind,
            field=field,
            subject_area=subject_area,
            first_received=session.date,
        )
    fields = {name: getattr(visit, name) for name in VISIT_EDITABLE_FIELDS} | {"matter": matter}
    fields["occurrence"] = infer_occurrence(citizen, matter, session.date, fields["occurrence"])
    visit = audited.create(
        Visit, actor, reason=_("Ghi lượt tiếp công dân"), organisation=session.organisation, session=session,
        citizen=citizen, **fields,
    )
    if identity.is_protected_kind(visit.content_kind):
        identity.mark_denouncers(actor, [citizen])
    return visit


def infer_occurrence(citizen: Citizen, matter: Matter | None, on, typed: str) -> str:
    """"Nhiều lần" when the citizen has already been received about the same matter (an earlier or same-day
    visit, not archived): the register and form 01/TCD count such a visit as repeated whatever was left in
    the form's default "Lần đầu"."""
    if typed != Occurrence.FIRST or matter is None or citizen.pk is None:
        return typed
    earlier = Visit.objects.active().filter(citizen=citizen, matter=matter, session__date__lte=on)
    return Occurrence.REPEATED if earlier.exists() else typed
    return typed


@transaction.atomic
def update_visit(actor: User | None, visit: Visit, *, reason: str = "", expected_version: int | None = None,
                 **changes: Any) -> Visit:
    unknown = set(changes) - VISIT_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    errors = _check_references(actor, subject_area=changes.get("subject_area"), matter=changes.get("matter"))
    new_kind = changes.get("content_kind", visit.content_kind)
    if (identity.is_protected_kind(visit.content_kind) and not identity.is_protected_kind(new_kind)
            and actor is not None and not actor.can_approve):
        # Turning a denunciation into another kind is the head's decision (ADR 0011); the citizen stays
        # protected whatever the kind becomes.
        errors["content_kind"] = _("Chỉ lãnh đạo mới chuyển lượt tiếp có nội dung tố cáo sang loại khác.")
    if errors:
        raise ValidationError(errors)
    visit = audited.update(visit, actor, reason=reason or _("Sửa lượt tiếp"),
                           expected_version=expected_version, **changes)
    if identity.is_protected_kind(visit.content_kind):
        identity.mark_denouncers(actor, [visit.citizen])
    return visit


@transaction.atomic
def attach_scans(actor: User | None, visit: Visit, uploads) -> list[VisitAttachment]:
    """Scans of a visit (the citizen's papers, the minutes), checked like a letter's attachments (size, type by
    extension and first bytes: `letters.attachments`); audited; nothing is stored if one file is refused."""
    from danvan.letters.attachments import validate_attachment

    uploads = list(uploads)
    if not uploads:
        raise ValidationError({"attachments": _("Chọn ít nhất một tệp để đính kèm.")})
    for upload in uploads:
        validate_attachment(upload)
    audited.check_can_change(actor, visit)
    stored = []
    for upload in uploads:
        attachment = VisitAttachment(visit=visit, original_name=upload.name[:255], size=upload.size,
                                     uploaded_by=actor)
        attachment.file.save(upload.name, upload, save=False)
        attachment._history_user = actor
        attachment._change_reason = _("Đính kèm bản chụp lượt tiếp")
        attachment.save()
        stored.append(attachment)
    return stored


@transaction.atomic
def archive_visit(actor: User | None, visit: Visit, *, reason: str) -> Visit:
    return audited.archive(visit, actor, reason=reason)


# --- Reads under denouncer protection -------------------------------------------------------------

def visit_identity(user: User, visit: Visit, *, context: str) -> identity.ShownIdentity:
    """The visit's citizen as `user` may see them (the identity gate decides and logs each reveal)."""
    return identity.visit_citizen(user, visit, context=context)


@dataclass(frozen=True)
class IntakeMatch:
    citizen_id: int
    identity: identity.ShownIdentity
    reason: str  # "id_number" or "name"
    earlier_visits: list[Visit] = dataclass_field(default_factory=list)


def visits_of_citizens_named(user: User, query: str):
    """The visits (in `user`'s scope) of citizens whose name contains the words typed, with or without
    diacritics, or whose CCCD is the number typed. A protected denouncer is found only by those who may see
    him (`identity.visible_citizens_q`): a hit would confirm that the person searched for has denounced
    (Luật Tố cáo 2018 Điều 8 khoản 3)."""
    from django.db.models import Q

    from danvan.core.text import fold

    words = fold(query or "").split()
    digits = "".join(ch for ch in (query or "") if ch in "0123456789")
    if not words:
        return Visit.objects.none()
    by_name = Q()
    for word in words:
        by_name &= Q(citizen__search_name__contains=word)
    condition = by_name | Q(citizen__id_number=digits) if len(digits) >= 9 else by_name
    return (Visit.objects.restrict(user).active().filter(condition)
            .filter(identity.visible_citizens_q(user, "citizen__")))


def exact_match(matches: list[IntakeMatch]) -> int:
    """The citizen found by the very CCCD typed, to be selected at the desk rather than "Công dân mới" (the
    same CCCD would find that record again when the visit is saved, `people.services.record_citizen`)."""
    by_id = [m.citizen_id for m in matches if m.reason == "id_number"]
    return by_id[0] if len(by_id) == 1 else 0


def intake_matches(user: User, *, full_name: str = "", id_number: str = "", birth_year: int | None = None,
                   limit: int = 10) -> list[IntakeMatch]:
    """Citizens already in the register who may be the one at the desk, with their earlier visits.

    Below head level a denouncer is left out altogether: even a masked hit would confirm that the
    name or CCCD typed belongs to someone who denounced (Luật Tố cáo 2018 Điều 8.3; issue 4: never in
    search results below head level).
    """
    matches = find_matching_citizens(user, full_name=full_name, id_number=id_number, birth_year=birth_year,
                                     limit=limit)
    hidden = identity.hidden_from(user, (m.citizen.pk for m in matches))
    result = []
    for match in matches:
        if match.citizen.pk in hidden:
            continue
        visits = list(
            Visit.objects.restrict(user).active().filter(citizen=match.citizen)
            .select_related("session", "session__organisation").order_by("-session__date", "-pk")[:5]
        )
        shown = identity.show(user, match.citizen, context=_("Đối chiếu công dân khi tiếp nhận"))
        result.append(IntakeMatch(match.citizen.pk, shown, match.reason, visits))
    return result

