"""Reads of the mobilisation registry (no state change): overdue follow-ups, missing directive reviews, the
draft of a dialogue's closing report. The writes are in `services`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.formatting import vn_date, vn_number
from danvan.mobilisation.choices import OpinionHandling, ReviewKind
from danvan.mobilisation.counts import overdue_on
from danvan.mobilisation.models import (
    Dialogue,
    DialogueCommitment,
    Directive,
    DirectiveReview,
)
from danvan.units.models import Area, Organisation

if TYPE_CHECKING:
    from danvan.accounts.models import User
    from danvan.mobilisation.services.base import FollowUpItem


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


def overdue_follow_ups(user: User, model: type[FollowUpItem], on: dt.date | None = None):
    """Open commitments, briefing tasks or supervision recommendations past their due date, in the
    user's scope, oldest first; those of an archived parent are not followed any more."""
    on = on or timezone.localdate()
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
