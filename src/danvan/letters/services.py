"""Every change to a letter: intake, classification, handling decision, resolution, pauses.

Each function takes the acting user first, runs in one transaction, locks the letter
(`select_for_update`), validates with a Vietnamese message naming the field, writes an audited
history row (simple-history, with the user and a reason) and, for a change of status, appends one
`StatusChange` row (never edited). Allowed status changes are the table in `letters.workflow`.
Deadlines come from danvan.legal through `letters.deadlines`; they are stored on the letter and
recomputed when pauses or the holiday calendar change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import services as audited
from danvan.core.choices import ContentKind
from danvan.core.concurrency import check_version
from danvan.core.text import normalize
from danvan.legal.rules import DENUNCIATION_EXTENSION_MAX_DAYS, DENUNCIATION_MAX_EXTENSIONS
from danvan.legal.services import current_calendar, current_rulebook
from danvan.letters import deadlines as letter_deadlines
from danvan.letters.attachments import validate_attachment
from danvan.letters.models import (
    OUTCOMES_BY_KIND,
    Channel,
    Complexity,
    FiledReason,
    Handling,
    Letter,
    LetterAttachment,
    LetterExtension,
    LetterPause,
    LetterPetitioner,
    NotQualifyingReason,
    PauseKind,
    StatusChange,
)
from danvan.letters.workflow import AWAITING_DECISION, BEING_RESOLVED, REOPENABLE, LetterStatus, can_move
from danvan.matters.models import Matter, MatterStatus
from danvan.matters.services import open_matter, set_matter_status
from danvan.people import identity
from danvan.people.models import Citizen
from danvan.people.services import record_citizen

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from danvan.accounts.models import User
    from danvan.units.models import Area, Organisation

S = LetterStatus


def _stamp(obj, actor: User | None, reason: str) -> None:
    obj._history_user = actor
    obj._change_reason = reason


def _refresh_due(letter: Letter) -> None:
    """The deadline that applies in the current state, for the overdue and due-soon lists."""
    if letter.status in AWAITING_DECISION:
        letter.due_on = letter.acceptance_deadline
    elif letter.status in BEING_RESOLVED:
        letter.due_on = letter.resolution_deadline
    else:
        letter.due_on = None


def _apply_deadlines(letter: Letter, calendar=None, rulebook=None) -> None:
    computed = letter_deadlines.compute(letter, calendar, rulebook)
    letter.acceptance_deadline = computed.acceptance_date
    letter.resolution_deadline = computed.resolution_date
    letter.acceptance_rule = letter_deadlines.rule_text(computed.acceptance)
    letter.resolution_rule = letter_deadlines.rule_text(computed.resolution)
    _refresh_due(letter)


def _deadline_state(letter: Letter) -> tuple:
    return (letter.acceptance_deadline, letter.resolution_deadline, letter.due_on, letter.acceptance_rule,
            letter.resolution_rule)


def _save(letter: Letter, actor: User | None, reason: str) -> Letter:
    letter.full_clean()
    _stamp(letter, actor, reason)
    letter.save()
    return letter


def _lock(actor: User | None, letter: Letter) -> Letter:
    locked = Letter.objects.select_for_update().get(pk=letter.pk)
    audited.check_can_change(actor, locked)
    return locked


def _move(actor: User | None, letter: Letter, target: str, *, reason: str, note: str = "") -> Letter:
    """Change the status (checked against the table), append the status row, save with history."""
    if not can_move(letter.status, target):
        raise ValidationError({"status": _("Không thể chuyển đơn từ trạng thái «%(from)s» sang «%(to)s».")
                               % {"from": S(letter.status).label, "to": S(target).label}})
    previous = letter.status
    letter.status = target
    _apply_deadlines(letter)
    _save(letter, actor, reason)
    StatusChange.objects.create(letter=letter, from_status=previous, to_status=target, by=actor,
                                reason=note or reason)
    return letter


# ---------------------------------------------------------------------------------------------- intake

def receive_letter(
    actor: User | None,
    organisation: Organisation,
    *,
    received_on: dt.date,
    summary: str,
    content_kind: str,
    field: str,
    channel: str = Channel.DIRECT,
    content: str = "",
    subject_area: Area | None = None,
    anonymous: bool = False,
    petitioners: Sequence[Citizen] = (),
    new_petitioners: Sequence[dict[str, Any]] = (),
    matter: Matter | None = None,
    forwarded_by_body: str = "",
    forwarded_by_number: str = "",
    source_visit: Any = None,
    previous_letter: Letter | None = None,
    attachments: Iterable[UploadedFile] = (),
    decision_known_on: dt.date | None = None,
) -> Letter:
    """Register a received letter, with its petitioners, its matter and its attachments.

    - `petitioners` are citizens already recorded (picked from the matches); `new_petitioners` are
      dicts of `people.Citizen` fields recorded here (an identical CCCD reuses the existing citizen).
    - Without `matter`, a new matter is opened with the summary as its title.
    - A letter about a matter that is finally resolved is filed at once as a duplicate: it is not
      processed again (TT 05/2021/TT-TTCP).
    - A second-time complaint names its first letter (`previous_letter`) and joins its matter.
    - `decision_known_on`: the day the complainant received or learned of the decision or act complained
      of; the 90-day limitation runs from it (Luật Khiếu nại 2011 Điều 9) and the letter page warns when
      the letter came after it ran out.
    """
    attachments = list(attachments)
    errors: dict[str, str] = {}
    summary = normalize(summary)
    if not summary:
        errors["summary"] = _("Cần nhập tóm tắt nội dung đơn.")
    if content_kind not in ContentKind.values:
        errors["content_kind"] = _("Cần chọn loại đơn.")
    if not anonymous and not petitioners and not any(normalize(p.get("full_name", "")) for p in new_petitioners):
        errors["petitioners"] = _("Cần nhập họ tên người viết đơn, hoặc đánh dấu đơn nặc danh.")
    if channel == Channel.FORWARDED and not normalize(forwarded_by_body):
        errors["forwarded_by_body"] = _("Đơn do cơ quan khác chuyển đến: cần ghi tên cơ quan chuyển đơn.")
    if channel == Channel.VISIT and source_visit is None:
        errors["source_visit"] = _("Đơn nhận qua tiếp công dân cần gắn với lượt tiếp.")
    if previous_letter is not None and (previous_letter.content_kind != ContentKind.COMPLAINT
                                        or content_kind != ContentKind.COMPLAINT):
        errors["previous_letter"] = _("Chỉ đơn khiếu nại lần hai mới liên kết với đơn khiếu nại lần đầu.")
    if decision_known_on is not None and decision_known_on > received_on:
        errors["decision_known_on"] = _("Ngày biết được quyết định, hành vi bị khiếu nại không được sau ngày nhận đơn.")
    for upload in attachments:
        try:
            validate_attachment(upload)
        except ValidationError as exc:
            errors.update({k: v[0] for k, v in exc.message_dict.items()})
            break
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        if previous_letter is not None:
            previous_letter = Letter.objects.restrict(actor).get(pk=previous_letter.pk) if actor else previous_letter
            matter = matter or previous_letter.matter
        if matter is not None:
            # Fresh from the database (its status decides duplicate filing), and within the actor's scope.
            visible = Matter.objects.active() if actor is None else Matter.objects.restrict(actor).active()
            matter = visible.filter(pk=matter.pk).first()
            if matter is None:
                raise ValidationError({"matter": _("Không tìm thấy vụ việc này trong phạm vi của tài khoản.")})
        else:
            matter = open_matter(actor, organisation, title=summary[:300], content_kind=content_kind, field=field,
                                 first_received=received_on, subject_area=subject_area)
        signers = list(petitioners)
        for data in new_petitioners:
            data = {k: v for k, v in data.items() if v not in (None, "")}
            name = normalize(data.pop("full_name", ""))
            if name:
                signers.append(record_citizen(actor, organisation, full_name=name, **data))
        unique_signers = list(dict.fromkeys(signers))
        letter = Letter(
            organisation=organisation, channel=channel, forwarded_by_body=normalize(forwarded_by_body),
            forwarded_by_number=normalize(forwarded_by_number), source_visit=source_visit, received_on=received_on,
            anonymous=anonymous, summary=summary, content=content.strip(), content_kind=content_kind, field=field,
            subject_area=subject_area, matter=matter, signer_count=len(unique_signers),
            previous_letter=previous_letter, complaint_round=2 if previous_letter is not None else 1,
            decision_known_on=decision_known_on if content_kind == ContentKind.COMPLAINT else None,
        )
        letter.area_id = organisation.area_id
        audited.check_can_change(actor, letter)
        _apply_deadlines(letter)
        _save(letter, actor, _("Tiếp nhận đơn"))
        StatusChange.objects.create(letter=letter, from_status="", to_status=S.RECEIVED, by=actor,
                                    reason=_("Tiếp nhận đơn"))
        for position, citizen in enumerate(unique_signers, start=1):
            link = LetterPetitioner(letter=letter, citizen=citizen, position=position)
            _stamp(link, actor, _("Ghi người viết đơn"))
            link.save()
        if identity.is_protected_kind(content_kind):
            identity.mark_denouncers(actor, unique_signers)
        for upload in attachments:
            _store_attachment(actor, letter, upload)
        if matter.status == MatterStatus.FINAL:
            # TT 05/2021/TT-TTCP: a complaint with a final decision, or a denunciation already concluded,
            # is not processed again; the letter is filed as a duplicate of the matter.
            letter.handling = Handling.FILE
            letter.filed_reason = FiledReason.DUPLICATE
            letter.decided_on = received_on
            _move(actor, letter, S.FILED, reason=_("Lưu đơn: vụ việc đã có quyết định giải quyết cuối cùng "
                                                     "(TT 05/2021/TT-TTCP)"))
    return letter


def _store_attachment(actor: User | None, letter: Letter, upload: UploadedFile) -> LetterAttachment:
    attachment = LetterAttachment(letter=letter, original_name=upload.name[:255], size=upload.size,
                                  uploaded_by=actor)
    attachment.file.save(upload.name, upload, save=False)
    _stamp(attachment, actor, _("Đính kèm tệp"))
    attachment.save()
    return attachment


@transaction.atomic
def attach_files(actor: User | None, letter: Letter, uploads: Iterable[UploadedFile]) -> list[LetterAttachment]:
    uploads = list(uploads)
    for upload in uploads:
        validate_attachment(upload)
    letter = _lock(actor, letter)
    return [_store_attachment(actor, letter, upload) for upload in uploads]


# Intake details an officer may correct afterwards; status, deadlines and decisions change only through
# the workflow functions below.
AMENDABLE_FIELDS = frozenset({"summary", "content", "subject_area", "forwarded_by_body", "forwarded_by_number"})


@transaction.atomic
def amend_letter(actor: User | None, letter: Letter, *, reason: str, expected_version: int | None = None,
                 **changes: Any) -> Letter:
    """Correct intake details (a reason is required, kept in the audit history). `expected_version`: the
    version the officer's form was drawn from; a letter saved since is not overwritten (core.concurrency)."""
    unknown = set(changes) - AMENDABLE_FIELDS
    if unknown:
        raise ValueError(f"not amendable: {sorted(unknown)}")
    if not normalize(reason):
        raise ValidationError({"reason": _("Cần ghi lý do sửa đơn.")})
    letter = _lock(actor, letter)
    check_version(letter, expected_version, changes, actor)
    for name, value in changes.items():
        setattr(letter, name, value)
    if not normalize(letter.summary):
        raise ValidationError({"summary": _("Cần nhập tóm tắt nội dung đơn.")})
    _apply_deadlines(letter)
    return _save(letter, actor, reason)


# ---------------------------------------------------------------------------------------- classification

@transaction.atomic
def classify_letter(
    actor: User | None,
    letter: Letter,
    *,
    content_kind: str,
    field: str,
    qualifying: bool,
    within_jurisdiction: bool,
    not_qualifying_reason: str = "",
    complexity: str = Complexity.NORMAL,
    several_places: bool = False,
    note: str = "",
) -> Letter:
    """Classify by content, by condition to process and by jurisdiction (TT 05/2021/TT-TTCP).

    Turning a denunciation (or several contents) into another kind is the head's decision, with a reason
    kept in the history; its signers stay protected whatever the kind becomes (Luật Tố cáo 2018 Điều 47;
    ADR 0011).
    """
    letter = _lock(actor, letter)
    errors = {}
    if content_kind not in ContentKind.values:
        errors["content_kind"] = _("Cần chọn loại đơn.")
    elif identity.is_protected_kind(letter.content_kind) and not identity.is_protected_kind(content_kind):
        if actor is not None and not actor.can_approve:
            errors["content_kind"] = _("Chỉ lãnh đạo mới chuyển đơn tố cáo sang loại đơn khác.")
        elif not normalize(note):
            errors["note"] = _("Chuyển đơn tố cáo sang loại đơn khác: cần ghi lý do.")
    if qualifying and letter.anonymous:
        errors["qualifying"] = _("Đơn nặc danh không đủ điều kiện xử lý (TT 05/2021/TT-TTCP).")
    if not qualifying and not not_qualifying_reason:
        errors["not_qualifying_reason"] = _("Đơn không đủ điều kiện xử lý: cần chọn lý do.")
    if not_qualifying_reason and not_qualifying_reason not in NotQualifyingReason.values:
        errors["not_qualifying_reason"] = _("Lý do không đủ điều kiện không hợp lệ.")
    if errors:
        raise ValidationError(errors)
    letter.content_kind = content_kind
    letter.field = field
    letter.qualifying = qualifying
    letter.not_qualifying_reason = "" if qualifying else not_qualifying_reason
    letter.within_jurisdiction = within_jurisdiction
    letter.complexity = complexity
    letter.several_places = several_places
    if identity.is_protected_kind(content_kind):
        identity.mark_denouncers(actor, letter.petitioners.all())
    # The history row shows the change of kind; the status row keeps the head's reason (`note`).
    return _move(actor, letter, S.CLASSIFIED, reason=_("Phân loại đơn"), note=note)


# -------------------------------------------------------------------------------------- handling decision

def _require_classified(letter: Letter) -> None:
    if letter.qualifying is None:
        raise ValidationError({"status": _("Cần phân loại đơn trước khi quyết định hướng xử lý.")})


@transaction.atomic
def accept_letter(actor: User | None, letter: Letter, *, accepted_on: dt.date, handler: User | None = None,
                  note: str = "") -> Letter:
    """Thụ lý: only a qualifying letter within jurisdiction with one content (TT 05/2021/TT-TTCP)."""
    letter = _lock(actor, letter)
    _require_classified(letter)
    errors = {}
    if not letter.qualifying:
        errors["qualifying"] = _("Đơn không đủ điều kiện xử lý thì không thụ lý.")
    if not letter.within_jurisdiction:
        errors["within_jurisdiction"] = _("Đơn không thuộc thẩm quyền thì chuyển đơn hoặc hướng dẫn, không thụ lý.")
    if letter.content_kind == ContentKind.SEVERAL:
        errors["content_kind"] = _("Đơn có nhiều nội dung: hướng dẫn công dân tách đơn (TT 05/2021/TT-TTCP).")
    if letter.anonymous and letter.content_kind == ContentKind.DENUNCIATION:
        errors["anonymous"] = _("Tố cáo nặc danh không được thụ lý (Luật Tố cáo 2018 Điều 25).")
    if accepted_on is None:
        errors["accepted_on"] = _("Cần nhập ngày thụ lý.")
    elif accepted_on < letter.received_on:
        errors["accepted_on"] = _("Ngày thụ lý không được trước ngày nhận đơn.")
    if handler is not None:
        try:
            _check_may_assign(actor, letter, handler)
        except ValidationError as exc:
            errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    letter.handling = Handling.ACCEPT
    letter.decided_on = accepted_on
    letter.accepted_on = accepted_on
    if handler is not None:
        letter.handler = handler
    return _move(actor, letter, S.ACCEPTED, reason=_("Thụ lý giải quyết"), note=note)


@transaction.atomic
def forward_letter(actor: User | None, letter: Letter, *, forwarded_to: str, forwarded_on: dt.date,
                   document_number: str = "", note: str = "") -> Letter:
    """Chuyển đơn to the competent body; its written reply is recorded later (`record_forward_reply`)."""
    letter = _lock(actor, letter)
    _require_classified(letter)
    if not normalize(forwarded_to):
        raise ValidationError({"forwarded_to": _("Cần ghi tên cơ quan có thẩm quyền nhận đơn chuyển.")})
    if forwarded_on is None or forwarded_on < letter.received_on:
        raise ValidationError({"decided_on": _("Ngày chuyển đơn không được trước ngày nhận đơn.")})
    letter.handling = Handling.FORWARD
    letter.decided_on = forwarded_on
    letter.forwarded_to = normalize(forwarded_to)
    letter.forward_document_number = normalize(document_number)
    return _move(actor, letter, S.FORWARDED, reason=_("Chuyển đơn"), note=note)


@transaction.atomic
def record_forward_reply(actor: User | None, letter: Letter, *, replied_on: dt.date, summary: str) -> Letter:
    """The competent body's written reply on a forwarded letter (form 02/XLD counts these)."""
    letter = _lock(actor, letter)
    if letter.handling != Handling.FORWARD:
        raise ValidationError({"forward_reply_on": _("Chỉ ghi văn bản trả lời cho đơn đã chuyển.")})
    if replied_on is None or (letter.decided_on and replied_on < letter.decided_on):
        raise ValidationError({"forward_reply_on": _("Ngày nhận văn bản trả lời không được trước ngày chuyển đơn.")})
    if not normalize(summary):
        raise ValidationError({"forward_reply_summary": _("Cần tóm tắt nội dung văn bản trả lời.")})
    letter.forward_reply_on = replied_on
    letter.forward_reply_summary = summary.strip()
    return _save(letter, actor, _("Ghi văn bản trả lời của cơ quan nhận đơn chuyển"))


@transaction.atomic
def guide_citizen(actor: User | None, letter: Letter, *, guided_on: dt.date, note: str) -> Letter:
    """Hướng dẫn: tell the citizen where to send the letter, or to split a letter with several contents."""
    letter = _lock(actor, letter)
    _require_classified(letter)
    if not normalize(note):
        raise ValidationError({"note": _("Cần ghi nội dung hướng dẫn công dân.")})
    if guided_on is None or guided_on < letter.received_on:
        raise ValidationError({"decided_on": _("Ngày hướng dẫn không được trước ngày nhận đơn.")})
    letter.handling = Handling.GUIDE
    letter.decided_on = guided_on
    return _move(actor, letter, S.GUIDED, reason=_("Hướng dẫn công dân"), note=note)


@transaction.atomic
def file_letter(actor: User | None, letter: Letter, *, reason: str, filed_on: dt.date, note: str = "") -> Letter:
    """Lưu đơn with its reason (TT 05/2021/TT-TTCP; anonymous denunciations: Luật Tố cáo 2018 Điều 25)."""
    letter = _lock(actor, letter)
    if reason not in FiledReason.values:
        raise ValidationError({"filed_reason": _("Cần chọn lý do lưu đơn.")})
    if reason == FiledReason.ANONYMOUS_DENUNCIATION and not letter.anonymous:
        raise ValidationError({"filed_reason": _("Đơn này không phải đơn nặc danh.")})
    if filed_on is None or filed_on < letter.received_on:
        raise ValidationError({"decided_on": _("Ngày lưu đơn không được trước ngày nhận đơn.")})
    letter.handling = Handling.FILE
    letter.filed_reason = reason
    letter.decided_on = filed_on
    return _move(actor, letter, S.FILED, reason=_("Lưu đơn: %(reason)s") % {"reason": FiledReason(reason).label},
                 note=note)


# --------------------------------------------------------------------------------------------- resolution

@transaction.atomic
def start_resolution(actor: User | None, letter: Letter, *, note: str = "") -> Letter:
    letter = _lock(actor, letter)
    return _move(actor, letter, S.IN_PROGRESS, reason=_("Bắt đầu giải quyết"), note=note)


@transaction.atomic
def grant_extension(actor: User | None, letter: Letter, *, decision: str, decided_on: dt.date | None = None,
                    days: int | None = None) -> Letter:
    """Extend a denunciation's resolution, once if complex, twice if especially complex, each by a written
    decision for at most 30 days (Luật Tố cáo 2018 Điều 30). The decision's number, date and days are
    recorded (`LetterExtension`); the deadline adds exactly the days granted. Without `days`, the maximum."""
    letter = _lock(actor, letter)
    allowed = DENUNCIATION_MAX_EXTENSIONS[letter.complexity]
    if letter.content_kind != ContentKind.DENUNCIATION or letter.status not in BEING_RESOLVED:
        raise ValidationError({"extensions": _("Chỉ gia hạn giải quyết đơn tố cáo đang giải quyết.")})
    if letter.extensions >= allowed:
        raise ValidationError({"extensions": _("Đã gia hạn tối đa %(n)d lần theo mức độ phức tạp "
                                               "(Luật Tố cáo 2018 Điều 30).") % {"n": allowed}})
    errors = {}
    if not normalize(decision):
        errors["decision"] = _("Cần ghi số quyết định gia hạn.")
    days = DENUNCIATION_EXTENSION_MAX_DAYS if days is None else days
    if not 1 <= days <= DENUNCIATION_EXTENSION_MAX_DAYS:
        errors["days"] = _("Số ngày gia hạn từ 1 đến %(n)d ngày (Luật Tố cáo 2018 Điều 30).") % {
            "n": DENUNCIATION_EXTENSION_MAX_DAYS}
    decided_on = decided_on or timezone.localdate()
    if letter.accepted_on and decided_on < letter.accepted_on:
        errors["decided_on"] = _("Ngày quyết định gia hạn không được trước ngày thụ lý.")
    if errors:
        raise ValidationError(errors)
    extension = LetterExtension(letter=letter, decision=normalize(decision), decided_on=decided_on, days=days)
    _stamp(extension, actor, _("Quyết định gia hạn giải quyết tố cáo"))
    extension.save()
    letter.extensions += 1
    _apply_deadlines(letter)
    return _save(letter, actor, _("Gia hạn giải quyết tố cáo: %(d)s, %(n)d ngày") % {
        "d": normalize(decision), "n": days})


@transaction.atomic
def resolve_letter(actor: User | None, letter: Letter, *, resolved_on: dt.date, outcome: str,
                   summary: str = "") -> Letter:
    """Record the decision or conclusion: complaints right/wrong/partly right, denunciations true/false/partly."""
    letter = _lock(actor, letter)
    errors = {}
    allowed = OUTCOMES_BY_KIND.get(letter.content_kind, set())
    if outcome not in allowed:
        errors["outcome"] = _("Kết quả giải quyết không phù hợp với loại đơn «%(kind)s».") % {
            "kind": ContentKind(letter.content_kind).label}
    if resolved_on is None:
        errors["resolved_on"] = _("Cần nhập ngày giải quyết.")
    elif letter.accepted_on and resolved_on < letter.accepted_on:
        errors["resolved_on"] = _("Ngày giải quyết không được trước ngày thụ lý.")
    if errors:
        raise ValidationError(errors)
    letter.resolved_on = resolved_on
    letter.outcome = outcome
    letter.resolution_summary = summary.strip()
    letter = _move(actor, letter, S.RESOLVED, reason=_("Giải quyết xong"), note=summary)
    if letter.matter.status == MatterStatus.OPEN:
        set_matter_status(actor, letter.matter, MatterStatus.RESOLVED, on=resolved_on,
                          reason=_("Đơn %(code)s đã được giải quyết") % {"code": letter.code})
    return letter


@transaction.atomic
def record_decision_delivery(actor: User | None, letter: Letter, *, delivered_on: dt.date) -> Letter:
    """The day the complainant received the decision: the second-complaint window runs from it (Luật Khiếu nại
    2011 Điều 33), not from the decision's date."""
    letter = _lock(actor, letter)
    if letter.content_kind != ContentKind.COMPLAINT or not letter.resolved_on:
        raise ValidationError({"decision_delivered_on": _("Chỉ ghi ngày nhận quyết định cho đơn khiếu nại đã có "
                                                          "quyết định giải quyết.")})
    if delivered_on is None or delivered_on < letter.resolved_on:
        raise ValidationError({"decision_delivered_on": _("Ngày người khiếu nại nhận quyết định không được trước "
                                                          "ngày ra quyết định.")})
    letter.decision_delivered_on = delivered_on
    return _save(letter, actor, _("Ghi ngày người khiếu nại nhận quyết định"))


@transaction.atomic
def record_decision_known_on(actor: User | None, letter: Letter, *, decision_known_on: dt.date, reason: str) -> Letter:
    """The day the complainant received or learned of the decision or act complained of, recorded after intake
    (with its basis, kept in the history): the 90-day limitation runs from it (Luật Khiếu nại 2011 Điều 9)."""
    letter = _lock(actor, letter)
    errors = {}
    if letter.content_kind != ContentKind.COMPLAINT or letter.complaint_round != 1:
        errors["decision_known_on"] = _("Chỉ ghi ngày này cho đơn khiếu nại lần đầu.")
    elif decision_known_on is None:
        errors["decision_known_on"] = _("Cần nhập ngày biết được quyết định, hành vi bị khiếu nại.")
    elif decision_known_on > letter.received_on:
        errors["decision_known_on"] = _("Ngày biết được quyết định, hành vi bị khiếu nại không được sau ngày nhận đơn.")
    if not normalize(reason):
        errors["reason"] = _("Cần ghi căn cứ xác định ngày này.")
    if errors:
        raise ValidationError(errors)
    letter.decision_known_on = decision_known_on
    return _save(letter, actor, normalize(reason))


@transaction.atomic
def add_limitation_obstacle(actor: User | None, letter: Letter, *, start: dt.date, end: dt.date | None,
                            note: str) -> LetterPause:
    """A lawful reason that stopped the 90-day limitation (Luật Khiếu nại 2011 Điều 9: illness, disaster,
    war, work or study far away, or another objective obstacle), with its dates; kept as a record."""
    letter = _lock(actor, letter)
    errors = {}
    if letter.content_kind != ContentKind.COMPLAINT or not letter.decision_known_on:
        errors["decision_known_on"] = _("Cần ghi ngày biết được quyết định, hành vi bị khiếu nại trước.")
    if not normalize(note):
        errors["note"] = _("Cần ghi lý do khách quan (ốm đau, thiên tai, địch họa, đi công tác, học tập xa...).")
    if start is None:
        errors["start"] = _("Cần nhập ngày bắt đầu trở ngại.")
    elif letter.decision_known_on and start < letter.decision_known_on:
        errors["start"] = _("Trở ngại không được bắt đầu trước ngày biết được quyết định, hành vi bị khiếu nại.")
    if start and end and end < start:
        errors["end"] = _("Ngày hết trở ngại không được trước ngày bắt đầu.")
    if errors:
        raise ValidationError(errors)
    obstacle = LetterPause(letter=letter, kind=PauseKind.OBSTACLE, start=start, end=end, note=normalize(note))
    obstacle.full_clean()
    _stamp(obstacle, actor, _("Ghi lý do khách quan làm gián đoạn thời hiệu khiếu nại"))
    obstacle.save()
    return obstacle


@transaction.atomic
def close_letter(actor: User | None, letter: Letter, *, closed_on: dt.date, reason: str, final: bool = False) -> Letter:
    """End the work on a letter (a reason is required). `final`: the decision is final or the
    denunciation concluded, so later letters about the matter are filed as duplicates (TT 05/2021/TT-TTCP)."""
    letter = _lock(actor, letter)
    if not normalize(reason):
        raise ValidationError({"reason": _("Cần ghi lý do kết thúc đơn.")})
    if closed_on is None or closed_on < letter.received_on:
        raise ValidationError({"closed_on": _("Ngày kết thúc không được trước ngày nhận đơn.")})
    letter.closed_on = closed_on
    letter = _move(actor, letter, S.CLOSED, reason=_("Kết thúc đơn"), note=reason)
    if final:
        set_matter_status(actor, letter.matter, MatterStatus.FINAL, on=letter.resolved_on or closed_on,
                          reason=_("Đơn %(code)s: quyết định cuối cùng, kết luận") % {"code": letter.code})
    return letter


@transaction.atomic
def reopen_letter(actor: User | None, letter: Letter, *, reason: str) -> Letter:
    """Reopen with a reason: back to resolution if it had been accepted, otherwise back to classification."""
    letter = _lock(actor, letter)
    if letter.status not in REOPENABLE:
        raise ValidationError({"status": _("Đơn đang được xử lý, không cần mở lại.")})
    if not normalize(reason):
        raise ValidationError({"reason": _("Cần ghi lý do mở lại đơn.")})
    target = S.IN_PROGRESS if letter.accepted_on else S.CLASSIFIED
    letter.closed_on = None
    if target == S.CLASSIFIED:
        letter.handling = ""
        letter.filed_reason = ""
        letter.decided_on = None
    else:
        letter.resolved_on = None
        letter.outcome = ""
    letter = _move(actor, letter, target, reason=_("Mở lại đơn"), note=reason)
    if letter.matter.status != MatterStatus.OPEN:
        set_matter_status(actor, letter.matter, MatterStatus.OPEN,
                          reason=_("Đơn %(code)s được mở lại") % {"code": letter.code})
    return letter


# ----------------------------------------------------------------------------------- pauses and deadlines

@transaction.atomic
def add_pause(actor: User | None, letter: Letter, *, kind: str, start: dt.date, end: dt.date | None = None,
              note: str = "") -> LetterPause:
    """A suspension or a request for documents stops the resolution clock (kept as a record)."""
    letter = _lock(actor, letter)
    errors = {}
    if kind not in PauseKind.values or kind == PauseKind.OBSTACLE:
        errors["kind"] = _("Cần chọn loại tạm dừng.")
    if start is None:
        errors["start"] = _("Cần nhập ngày bắt đầu tạm dừng.")
    elif letter.accepted_on and start < letter.accepted_on:
        errors["start"] = _("Ngày tạm dừng không được trước ngày thụ lý.")
    if start and end and end < start:
        errors["end"] = _("Ngày tiếp tục không được trước ngày tạm dừng.")
    if letter.status not in BEING_RESOLVED:
        errors["kind"] = _("Chỉ tạm dừng thời hạn của đơn đang giải quyết.")
    if errors:
        raise ValidationError(errors)
    pause = LetterPause(letter=letter, kind=kind, start=start, end=end, note=normalize(note))
    pause.full_clean()
    _stamp(pause, actor, _("Tạm dừng thời hạn"))
    pause.save()
    _apply_deadlines(letter)
    _save(letter, actor, _("Tính lại thời hạn do tạm dừng"))
    return pause


@transaction.atomic
def end_pause(actor: User | None, pause: LetterPause, *, end: dt.date) -> LetterPause:
    letter = _lock(actor, pause.letter)
    pause = LetterPause.objects.select_for_update().get(pk=pause.pk)
    if end is None or end < pause.start:
        raise ValidationError({"end": _("Ngày tiếp tục không được trước ngày tạm dừng.")})
    pause.end = end
    _stamp(pause, actor, _("Tiếp tục giải quyết"))
    pause.save()
    _apply_deadlines(letter)
    _save(letter, actor, _("Tính lại thời hạn do tiếp tục giải quyết"))
    return pause


@transaction.atomic
def cancel_pause(actor: User | None, pause: LetterPause, *, reason: str) -> LetterPause:
    """A pause recorded by mistake is archived with a reason (never deleted); the deadlines are recomputed."""
    if not normalize(reason):
        raise ValidationError({"reason": _("Cần ghi lý do hủy lần tạm dừng.")})
    letter = _lock(actor, pause.letter)
    audited.archive(pause, actor, reason=reason)
    _apply_deadlines(letter)
    _save(letter, actor, _("Tính lại thời hạn do hủy lần tạm dừng"))
    return pause


def recompute_deadlines(actor: User | None, letter: Letter, *, reason: str = "") -> Letter:
    """Recompute one letter's stored deadlines; saves (with history) only if they changed."""
    with transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=letter.pk)
        before = _deadline_state(letter)
        _apply_deadlines(letter)
        if _deadline_state(letter) != before:
            _stamp(letter, actor, reason or _("Tính lại thời hạn"))
            letter.save()
    return letter


def recompute_open_deadlines(actor: User | None = None, *, years: Iterable[int] | None = None,
                             batch_size: int = 500, reason: str = "") -> int:
    """Recompute the deadlines of every letter still awaiting a decision or being resolved, e.g. after
    the holiday calendar changed (connected to `danvan.legal`'s `holidays_changed` signal). Returns
    how many letters' deadlines changed; only those are locked, saved and given a history row.

    With `years` (the solar years whose days off changed), only letters whose counting window
    [received_on, current deadline] touches those years are looked at: a day off outside the window
    cannot move the deadline (BLDS 2015 Điều 148 only looks at the window's last day). A letter with
    no current deadline (an open pause) is always looked at.
    """
    from django.db.models import Prefetch, Q

    open_states = AWAITING_DECISION | BEING_RESOLVED
    letters = Letter.objects.filter(status__in=open_states, archived_at__isnull=True)
    years = sorted(set(years or ()))
    if years:
        letters = letters.filter(received_on__lte=dt.date(years[-1], 12, 31)).filter(
            Q(due_on__isnull=True) | Q(due_on__gte=dt.date(years[0], 1, 1)))
    pks = list(letters.order_by("pk").values_list("pk", flat=True))
    calendar = current_calendar()
    rulebook = current_rulebook()
    active_pauses = LetterPause.objects.filter(archived_at__isnull=True).order_by("start", "pk")
    changed = 0
    for index in range(0, len(pks), batch_size):
        batch = (Letter.objects.filter(pk__in=pks[index:index + batch_size])
                 .select_related("subject_area__parent")
                 .prefetch_related(Prefetch("pauses", queryset=active_pauses), "extension_decisions"))
        for letter in batch:
            before = _deadline_state(letter)
            _apply_deadlines(letter, calendar, rulebook)
            if _deadline_state(letter) == before:
                continue
            recompute_deadlines(actor, letter, reason=reason or _("Tính lại thời hạn do thay đổi lịch nghỉ"))
            changed += 1
    return changed


def _check_may_assign(actor: User | None, letter: Letter, handler: User) -> None:
    """The handler of a protected letter sees the denouncer's identity (Luật Tố cáo 2018 Điều 47), so only a
    head assigns one; and the handler must work in a unit whose scope holds the letter."""
    if letter.protects_identity and actor is not None and not actor.is_superuser and not actor.can_approve:
        raise ValidationError({"handler": _("Đơn có nội dung tố cáo: chỉ lãnh đạo mới giao người xử lý.")})
    if not handler.is_active or not handler.can_record or not (
        handler.is_superuser or letter.area.path.startswith(handler.scope_path or "\0")
    ):
        raise ValidationError({"handler": _("Người được giao xử lý phải là cán bộ của cơ quan có phạm vi chứa đơn.")})


def assign_handler(actor: User | None, letter: Letter, handler: User) -> Letter:
    """Assign or change the handler of a letter (a head, for a protected letter)."""
    with transaction.atomic():
        letter = _lock(actor, letter)
        _check_may_assign(actor, letter, handler)
        letter.handler = handler
        return _save(letter, actor, _("Giao người xử lý: %(name)s") % {"name": handler})
