"""Every state change of the mobilisation registry: typed, transactional, audited (adding-a-model.md §2).

Writes go through `danvan.core.services` (create/update/archive), which checks the actor's scope,
runs `full_clean` and stamps the history row with the actor and a reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import services as audited
from danvan.core.formatting import vn_date, vn_number
from danvan.core.models import Action
from danvan.mobilisation.choices import FollowUpStatus, OpinionHandling, PracticeStatus, RecognitionLevel, ReviewKind
from danvan.mobilisation.counts import overdue_on
from danvan.mobilisation.models import (
    Briefing,
    BriefingTask,
    Commendation,
    Dialogue,
    DialogueCommitment,
    DialogueOpinion,
    Directive,
    DirectiveReview,
    GoodPractice,
    GoodPracticeEvidence,
    GoodPracticeStatusChange,
    PropagandaSession,
    Supervision,
    SupervisionRecommendation,
    SupportContribution,
    TrainingCourse,
)
from danvan.units.models import Area, Organisation

if TYPE_CHECKING:
    from danvan.accounts.models import User

M = TypeVar("M", bound=models.Model)

# Records with no workflow of their own: recorded and amended through `record` / `amend`.
PLAIN_RECORDS: tuple[type[models.Model], ...] = (
    PropagandaSession,
    TrainingCourse,
    Briefing,
    Supervision,
    SupportContribution,
    Commendation,
    Directive,
)


def _today() -> dt.date:
    return timezone.localdate()


def _not_in_future(field: str, day: dt.date, label: str) -> None:
    if day > _today():
        raise ValidationError({field: _("%(label)s không được sau ngày hôm nay.") % {"label": label}})


# ---------------------------------------------------------------- plain records


def record(actor: User | None, model: type[M], *, organisation: Organisation, reason: str = "", **fields: Any) -> M:
    """Create a session, course, briefing, supervision, support, commendation or directive."""
    if model not in PLAIN_RECORDS:
        raise TypeError(f"{model.__name__} has its own service")
    return audited.create(model, actor, organisation=organisation, reason=reason, **fields)


def _not_archived(obj: models.Model) -> None:
    """An archived record (or one under an archived parent) is read-only until it is restored."""
    parent = getattr(obj, "scope_parent", None)
    if getattr(obj, "is_archived", False) or getattr(parent, "is_archived", False):
        raise ValidationError(_("Bản ghi đã được lưu trữ; cần khôi phục trước khi thay đổi."))


def amend(actor: User | None, obj: M, *, reason: str = "", expected_version: int | None = None, **changes: Any) -> M:
    """Correct a record's fields. A closed dialogue's record is frozen with its report. `expected_version`:
    the version the edit form was drawn from, for a versioned record (core.concurrency)."""
    _not_archived(obj)
    if isinstance(obj, Dialogue) and obj.is_closed:
        raise ValidationError({"closing_report": _("Cuộc đối thoại đã kết thúc, không sửa được nữa.")})
    if "organisation" in changes and changes["organisation"].pk != obj.organisation_id:
        changes["area"] = changes["organisation"].area
        probe = type(obj)(organisation=changes["organisation"], area=changes["area"])
        audited.check_can_change(actor, probe)
    with transaction.atomic():
        if isinstance(obj, GoodPractice) and changes.get("registered_on", obj.registered_on) != obj.registered_on:
            audited.check_can_change(actor, obj)
            _move_registration_step(actor, obj, changes["registered_on"])
        return audited.update(obj, actor, reason=reason or _("Cập nhật"), expected_version=expected_version,
                              **changes)


def _move_registration_step(actor: User | None, practice: GoodPractice, registered_on: dt.date) -> None:
    """The registration date is also the date of the model's first status step, which the counts read
    (counts.count_good_practices): both change together, and only before the model has moved on."""
    if practice.status != PracticeStatus.REGISTERED:
        raise ValidationError(
            {"registered_on": _("Mô hình đã chuyển sang bước sau; không sửa được ngày đăng ký nữa.")}
        )
    _not_in_future("registered_on", registered_on, _("Ngày đăng ký"))
    for step in practice.status_changes.filter(status=PracticeStatus.REGISTERED):
        step.changed_on = registered_on
        step._history_user = actor
        step._change_reason = _("Sửa ngày đăng ký")
        step.save()


# ---------------------------------------------------------------- archive and restore

# What may be archived (never deleted): every record and child row except a model's status steps,
# which are its append-only history.
ARCHIVABLE: dict[str, type[models.Model]] = {
    model._meta.model_name: model
    for model in (
        Dialogue,
        DialogueOpinion,
        DialogueCommitment,
        GoodPractice,
        GoodPracticeEvidence,
        PropagandaSession,
        TrainingCourse,
        Briefing,
        BriefingTask,
        Supervision,
        SupervisionRecommendation,
        SupportContribution,
        Directive,
        DirectiveReview,
        Commendation,
    )
}


def _fresh_archivable(obj: M) -> M:
    """The row locked and re-read (with its parent), checked for what archiving may not touch."""
    if type(obj) not in ARCHIVABLE.values():
        raise TypeError(f"{type(obj).__name__} cannot be archived")
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    parent = getattr(obj, "scope_parent", None)
    if isinstance(parent, Dialogue) and parent.is_closed:
        # The closing report was written from these opinions and commitments; they stay as they were.
        raise ValidationError(_("Cuộc đối thoại đã kết thúc; ý kiến, cam kết của cuộc đối thoại được giữ nguyên."))
    if getattr(parent, "is_archived", False):
        raise ValidationError(_("Bản ghi chứa mục này đã được lưu trữ."))
    return obj


@transaction.atomic
def archive_record(actor: User | None, obj: M, *, reason: str) -> M:
    """Archive a record or a child row with a reason; it leaves the lists and the counts, keeps its history."""
    obj = _fresh_archivable(obj)
    if obj.is_archived:
        raise ValidationError(_("Bản ghi đã được lưu trữ trước đó."))
    return audited.archive(obj, actor, reason=reason.strip())


@transaction.atomic
def restore_record(actor: User | None, obj: M, *, reason: str) -> M:
    """Bring an archived record back; refused if an active record now takes its place (one review per kind)."""
    obj = _fresh_archivable(obj)
    if not obj.is_archived:
        raise ValidationError(_("Bản ghi chưa bị lưu trữ."))
    archived_at = obj.archived_at
    obj.archived_at = None
    try:
        obj.validate_constraints()
    finally:
        obj.archived_at = archived_at
    return audited.restore(obj, actor, reason=reason.strip())


# ---------------------------------------------------------------- dialogues


def record_dialogue(
    actor: User | None,
    *,
    organisation: Organisation,
    held_on: dt.date,
    topic: str,
    chair_name: str,
    chair_role: str,
    participants: int,
    **extra: Any,
) -> Dialogue:
    return audited.create(
        Dialogue,
        actor,
        organisation=organisation,
        held_on=held_on,
        topic=topic,
        chair_name=chair_name,
        chair_role=chair_role,
        participants=participants,
        reason=_("Ghi nhận cuộc đối thoại"),
        **extra,
    )


def _open_dialogue(actor: User | None, dialogue: Dialogue) -> Dialogue:
    audited.check_can_change(actor, dialogue)
    locked = Dialogue.objects.select_for_update().get(pk=dialogue.pk)
    _not_archived(locked)
    if locked.is_closed:
        raise ValidationError({"dialogue": _("Cuộc đối thoại đã kết thúc, không ghi thêm được.")})
    return locked


@transaction.atomic
def add_opinion(
    actor: User | None,
    dialogue: Dialogue,
    *,
    content: str,
    field: str,
    handling: str,
    speaker: str = "",
    answer: str = "",
) -> DialogueOpinion:
    dialogue = _open_dialogue(actor, dialogue)
    return _create_child(
        actor,
        DialogueOpinion,
        _("Ghi ý kiến tại đối thoại"),
        dialogue=dialogue,
        content=content,
        field=field,
        handling=handling,
        speaker=speaker,
        answer=answer,
    )


def _create_child(actor: User | None, model: type[M], reason: str, **fields: Any) -> M:
    """A child row; its parent's scope was checked by the caller."""
    obj = model(**fields)
    obj.full_clean()
    obj._history_user = actor
    obj._change_reason = reason
    obj.save()
    return obj


@transaction.atomic
def add_commitment(
    actor: User | None,
    dialogue: Dialogue,
    *,
    content: str,
    owner: str,
    due_on: dt.date,
    opinion: DialogueOpinion | None = None,
) -> DialogueCommitment:
    dialogue = _open_dialogue(actor, dialogue)
    if opinion is not None and opinion.dialogue_id != dialogue.pk:
        raise ValidationError({"opinion": _("Ý kiến không thuộc cuộc đối thoại này.")})
    if due_on < dialogue.held_on:
        raise ValidationError({"due_on": _("Hạn hoàn thành phải từ ngày đối thoại trở đi.")})
    return _create_child(
        actor,
        DialogueCommitment,
        _("Ghi cam kết tại đối thoại"),
        dialogue=dialogue,
        content=content,
        owner=owner,
        due_on=due_on,
        opinion=opinion,
    )


def closing_report_draft(dialogue: Dialogue) -> str:
    """A first draft of the closing report from what was recorded; the officer edits it before closing."""
    opinions = dialogue.opinions.active()
    answered = opinions.filter(handling=OpinionHandling.ANSWERED).count()
    total = opinions.count()
    commitments = dialogue.commitments.active().count()
    return _(
        "Cuộc đối thoại ngày %(day)s về “%(topic)s” do %(chair)s chủ trì, có %(people)s lượt người tham gia "
        "với %(opinions)s lượt ý kiến; trả lời tại hội nghị %(answered)s ý kiến, tiếp thu, nghiên cứu giải quyết "
        "sau %(taken)s ý kiến; %(commitments)s việc được cam kết giải quyết."
    ) % {
        "day": vn_date(dialogue.held_on),
        "topic": dialogue.topic,
        "chair": dialogue.chair_name,
        "people": vn_number(dialogue.participants),
        "opinions": vn_number(total),
        "answered": vn_number(answered),
        "taken": vn_number(total - answered),
        "commitments": vn_number(commitments),
    }


@transaction.atomic
def close_dialogue(actor: User | None, dialogue: Dialogue, *, report: str) -> Dialogue:
    """Close a dialogue with its closing report (as a meeting's closing report in Decidim).

    The report is required: it is what the unit sends up and what citizens are told."""
    dialogue = _open_dialogue(actor, dialogue)
    if not report.strip():
        raise ValidationError({"closing_report": _("Cần ghi báo cáo kết quả đối thoại.")})
    dialogue.closed_at = timezone.now()
    dialogue.closed_by = actor
    dialogue.closing_report = report.strip()
    dialogue.full_clean()
    dialogue._history_user = actor
    dialogue._change_reason = _("Kết thúc đối thoại")
    dialogue.save()
    return dialogue


# ------------------------------------------------ follow-ups (commitments, tasks, recommendations)

FollowUpItem = DialogueCommitment | BriefingTask | SupervisionRecommendation


@transaction.atomic
def complete_follow_up(actor: User | None, item: FollowUpItem, *, completed_on: dt.date, result: str) -> FollowUpItem:
    """Mark a commitment, a briefing task or a recommendation done, with what was done."""
    audited.check_can_change(actor, item)
    item = type(item).objects.select_for_update().get(pk=item.pk)
    _not_archived(item)
    if item.status == FollowUpStatus.DONE:
        raise ValidationError({"status": _("Việc này đã hoàn thành.")})
    if not result.strip():
        raise ValidationError({"result": _("Cần ghi kết quả thực hiện.")})
    _not_in_future("completed_on", completed_on, _("Ngày hoàn thành"))
    started = getattr(item.scope_parent, "held_on", None)
    if started and completed_on < started:
        raise ValidationError({"completed_on": _("Ngày hoàn thành phải từ ngày phát sinh trở đi.")})
    item.status = FollowUpStatus.DONE
    item.completed_on = completed_on
    item.result = result.strip()
    item._history_user = actor
    item._change_reason = _("Hoàn thành")
    item.save()
    return item


complete_commitment = complete_follow_up


@transaction.atomic
def add_briefing_task(
    actor: User | None, briefing: Briefing, *, content: str, owner: str, due_on: dt.date | None = None
) -> BriefingTask:
    audited.check_can_change(actor, briefing)
    _not_archived(briefing)
    return _create_child(
        actor,
        BriefingTask,
        _("Giao nhiệm vụ sau giao ban"),
        briefing=briefing,
        content=content,
        owner=owner,
        due_on=due_on,
    )


@transaction.atomic
def add_recommendation(
    actor: User | None, supervision: Supervision, *, content: str, owner: str, due_on: dt.date | None = None
) -> SupervisionRecommendation:
    audited.check_can_change(actor, supervision)
    _not_archived(supervision)
    return _create_child(
        actor,
        SupervisionRecommendation,
        _("Ghi kiến nghị sau giám sát"),
        supervision=supervision,
        content=content,
        owner=owner,
        due_on=due_on,
    )


def overdue_follow_ups(user: User, model: type[FollowUpItem], on: dt.date | None = None):
    """Open commitments, briefing tasks or supervision recommendations past their due date, in the
    user's scope, oldest first; those of an archived parent are not followed any more."""
    on = on or _today()
    parent = model.parent_field
    return (
        model.objects.restrict(user)
        .active()
        .filter(overdue_on(on), **{f"{parent}__archived_at__isnull": True})
        .select_related(parent, f"{parent}__organisation")
        .order_by("due_on", "pk")
    )


def overdue_commitments(user: User, on: dt.date | None = None):
    """Open dialogue commitments past their due date, in the user's scope, oldest first."""
    return overdue_follow_ups(user, DialogueCommitment, on)


# ---------------------------------------------------------------- "Dân vận khéo" models

# Allowed transitions (style.md, Amsterdam/signals): one step forward at a time.
PRACTICE_TRANSITIONS: dict[str, frozenset[str]] = {
    PracticeStatus.REGISTERED: frozenset({PracticeStatus.BUILDING}),
    PracticeStatus.BUILDING: frozenset({PracticeStatus.RECOGNISED}),
    PracticeStatus.RECOGNISED: frozenset({PracticeStatus.REPLICATED}),
    PracticeStatus.REPLICATED: frozenset(),
}


@transaction.atomic
def register_good_practice(
    actor: User | None, *, organisation: Organisation, registered_on: dt.date, **fields: Any
) -> GoodPractice:
    _not_in_future("registered_on", registered_on, _("Ngày đăng ký"))
    practice = audited.create(
        GoodPractice,
        actor,
        organisation=organisation,
        registered_on=registered_on,
        reason=_("Đăng ký mô hình"),
        **fields,
    )
    _create_child(
        actor,
        GoodPracticeStatusChange,
        _("Đăng ký mô hình"),
        practice=practice,
        status=PracticeStatus.REGISTERED,
        changed_on=registered_on,
    )
    return practice


def _transition(
    actor: User | None, practice: GoodPractice, target: str, on: dt.date, reason: str, **row: Any
) -> GoodPractice:
    audited.check_can_change(actor, practice)
    practice = GoodPractice.objects.select_for_update().get(pk=practice.pk)
    _not_archived(practice)
    if target not in PRACTICE_TRANSITIONS[practice.status]:
        raise ValidationError(
            {
                "status": _("Không thể chuyển mô hình từ “%(old)s” sang “%(new)s”.")
                % {"old": practice.get_status_display(), "new": PracticeStatus(target).label}
            }
        )
    _not_in_future("changed_on", on, _("Ngày"))
    last = practice.status_changes.order_by("-changed_on", "-pk").first()
    if last and on < last.changed_on:
        raise ValidationError(
            {"changed_on": _("Ngày phải từ ngày %(day)s (bước trước) trở đi.") % {"day": f"{last.changed_on:%d/%m/%Y}"}}
        )
    _create_child(actor, GoodPracticeStatusChange, reason, practice=practice, status=target, changed_on=on, **row)
    practice.status = target
    if target == PracticeStatus.RECOGNISED:
        practice.recognised_on = on
        practice.recognition_level = row["level"]
    if target == PracticeStatus.REPLICATED:
        practice.replicated_on = on
    practice._history_user = actor
    practice._change_reason = reason
    practice.save()
    return practice


@transaction.atomic
def start_building(actor: User | None, practice: GoodPractice, *, on: dt.date, note: str = "") -> GoodPractice:
    return _transition(actor, practice, PracticeStatus.BUILDING, on, _("Bắt đầu xây dựng mô hình"), note=note)


@transaction.atomic
def recognise(
    actor: User | None, practice: GoodPractice, *, on: dt.date, level: str, decision: str = "", note: str = ""
) -> GoodPractice:
    if level not in RecognitionLevel.values:
        raise ValidationError({"level": _("Chọn cấp công nhận.")})
    return _transition(
        actor,
        practice,
        PracticeStatus.RECOGNISED,
        on,
        _("Công nhận mô hình"),
        level=level,
        decision=decision,
        note=note,
    )


@transaction.atomic
def replicate(actor: User | None, practice: GoodPractice, *, on: dt.date, note: str = "") -> GoodPractice:
    return _transition(actor, practice, PracticeStatus.REPLICATED, on, _("Nhân rộng mô hình"), note=note)


@transaction.atomic
def add_evidence(actor: User | None, practice: GoodPractice, *, title: str, file) -> GoodPracticeEvidence:
    """Attach a document or photo; size and type are checked (validators.validate_evidence_file)."""
    audited.check_can_change(actor, practice)
    _not_archived(practice)
    return _create_child(
        actor, GoodPracticeEvidence, _("Thêm tài liệu minh chứng"), practice=practice, title=title, file=file
    )


# ---------------------------------------------------------------- directives and reviews


@transaction.atomic
def file_review(
    actor: User | None,
    directive: Directive,
    *,
    organisation: Organisation,
    kind: str,
    filed_on: dt.date,
    summary: str,
    document_number: str = "",
) -> DirectiveReview:
    """Record a unit's interim or final review report on a directive it is bound by."""
    if actor is not None and not Directive.objects.restrict(actor, Action.VIEW).filter(pk=directive.pk).exists():
        raise PermissionDenied(_("Văn bản chỉ đạo nằm ngoài phạm vi của tài khoản."))
    _not_archived(directive)
    if not organisation.area.path.startswith(directive.area.path):
        raise ValidationError({"organisation": _("Đơn vị không thuộc phạm vi của văn bản chỉ đạo.")})
    if filed_on < directive.issued_on:
        raise ValidationError({"filed_on": _("Ngày báo cáo phải sau ngày ban hành văn bản.")})
    _not_in_future("filed_on", filed_on, _("Ngày báo cáo"))
    return audited.create(
        DirectiveReview,
        actor,
        directive=directive,
        organisation=organisation,
        kind=kind,
        filed_on=filed_on,
        summary=summary,
        document_number=document_number,
        reason=_("Ghi báo cáo sơ kết, tổng kết"),
    )


@dataclass(frozen=True)
class MissingReview:
    organisation: Organisation
    kind: str
    due_on: dt.date

    @property
    def kind_label(self) -> str:
        return ReviewKind(self.kind).label


def missing_reviews(directive: Directive, root: Area, on: dt.date) -> list[MissingReview]:
    """Organisations in `root`'s subtree, bound by the directive and of a type it names, that have not
    filed a review due by `on` (interim after `interim_after_years`, final after `final_after_years`)."""
    # The binding subtree is the narrower of the directive's and the root's.
    path = max(directive.area.path, root.path, key=len)
    if not (path.startswith(directive.area.path) and path.startswith(root.path)):
        return []
    expected = list(
        Organisation.objects.filter(area__path__startswith=path, active=True, type__in=directive.reviewer_types)
        .select_related("area")
        .order_by("area__path", "name")
    )
    filed = set(
        DirectiveReview.objects.active()
        .filter(directive=directive, organisation__in=expected)
        .values_list("organisation_id", "kind")
    )
    missing = []
    for kind in (ReviewKind.INTERIM, ReviewKind.FINAL):
        due = directive.due_on(kind)
        if due > on:
            continue
        missing += [MissingReview(org, kind.value, due) for org in expected if (org.pk, kind.value) not in filed]
    return missing


def missing_reviews_in_scope(user: User, root: Area, on: dt.date) -> list[tuple[Directive, list[MissingReview]]]:
    """Every directive the user is bound by, with the reviews due by `on` not yet filed in `root`'s subtree."""
    directives = Directive.objects.restrict(user).active().select_related("area").order_by("issued_on", "code")
    result = []
    for directive in directives:
        missing = missing_reviews(directive, root, on)
        if missing:
            result.append((directive, missing))
    return result


# ---------------------------------------------------------------- bulk entry of propaganda sessions

SESSION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("held_on", _("Ngày")),
    ("kind", _("Hình thức")),
    ("topic", _("Nội dung")),
    ("place", _("Địa điểm")),
    ("attendees", _("Số người dự")),
)


SESSION_FIELDS: tuple[str, ...] = tuple(name for name, _label in SESSION_COLUMNS)


def session_column_label(field: str) -> str:
    return str(dict(SESSION_COLUMNS).get(field, field))


@dataclass(frozen=True)
class SessionRow:
    """One row of a bulk entry; `line` is the row number the user sees (Excel row, or form row)."""

    line: int
    held_on: dt.date | None
    kind: str
    topic: str
    place: str
    attendees: int | None


def row_error(line: int, field: str, message: str) -> str:
    return _("Dòng %(line)s, cột %(column)s: %(message)s") % {
        "line": line,
        "column": session_column_label(field),
        "message": message,
    }


@transaction.atomic
def record_propaganda_sessions(
    actor: User | None, organisation: Organisation, rows: Sequence[SessionRow]
) -> list[PropagandaSession]:
    """Record many sessions at once, all or nothing: any bad row rejects the whole batch, and the error
    names the row and the column ("Dòng 7, cột Ngày: ...")."""
    if not rows:
        raise ValidationError(_("Không có dòng dữ liệu nào."))
    audited.check_can_change(actor, PropagandaSession(organisation=organisation, area=organisation.area))
    errors: list[str] = []
    sessions = []
    for row in rows:
        session = PropagandaSession(
            organisation=organisation,
            area=organisation.area,
            held_on=row.held_on,
            kind=row.kind,
            topic=row.topic,
            place=row.place,
            attendees=row.attendees,
        )
        try:
            session.full_clean()
            if row.held_on and row.held_on > _today():
                raise ValidationError({"held_on": _("Ngày tổ chức không được sau ngày hôm nay.")})
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors += [row_error(row.line, field, message) for message in messages]
        sessions.append(session)
    if errors:
        raise ValidationError(errors)
    for session in sessions:
        session._history_user = actor
        session._change_reason = _("Nhập hàng loạt buổi tuyên truyền")
        session.save()
    return sessions
