"""Dialogues (đối thoại): recorded, their opinions and commitments added, closed with a report."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import services as audited
from danvan.mobilisation.models import (
    Dialogue,
    DialogueCommitment,
    DialogueOpinion,
)
from danvan.mobilisation.services.base import (
    _create_child,
    _not_archived,
)
from danvan.units.models import Organisation

if TYPE_CHECKING:
    from danvan.accounts.models import User


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
