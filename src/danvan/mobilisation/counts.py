"""Counts for reports over a unit subtree (the root Area and everything below it) and an inclusive
date range (adding-a-model.md §5). Archived records are never counted.

The seed reports these figures serve: "19 cuộc [đối thoại] có 1.538 lượt người tham gia với 204 lượt
ý kiến"; "55 mô hình ... (kinh tế 16; văn hóa - xã hội 21; quốc phòng - an ninh 11; xây dựng Đảng 7)";
"tuyên truyền pháp luật 2.041 buổi cho trên 61 nghìn người"; "bồi dưỡng ... cho trên 1.500 lượt cán
bộ"; "22 người được ... tặng Kỷ niệm chương" (issue 5).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum

from danvan.mobilisation.choices import FollowUpStatus
from danvan.mobilisation.models import (
    Briefing,
    BriefingTask,
    Commendation,
    Dialogue,
    DialogueCommitment,
    DialogueOpinion,
    GoodPractice,
    GoodPracticeStatusChange,
    PropagandaSession,
    Supervision,
    SupervisionRecommendation,
    SupportContribution,
    TrainingCourse,
)
from danvan.units.models import Area


def _scoped(qs: QuerySet, root: Area, prefix: str = "") -> QuerySet:
    """Active records of `root`'s subtree; `prefix` reaches a child row's parent ("dialogue__")."""
    return qs.filter(
        **{
            f"{prefix}area__path__startswith": root.path,
            f"{prefix}archived_at__isnull": True,
            "archived_at__isnull": True,
        }
    )


def _by(qs: QuerySet, key: str, value: str = "pk", how=Count) -> dict[str, int]:
    return {row[key]: row["n"] or 0 for row in qs.order_by().values(key).annotate(n=how(value))}


def _still_open_on(end: dt.date) -> Q:
    """Open at the end of the period: not done, or done only after `end`."""
    return Q(status=FollowUpStatus.OPEN) | Q(completed_on__gt=end)


def overdue_on(on: dt.date) -> Q:
    """A follow-up (commitment, briefing task, supervision recommendation) overdue on `on`: still open on that
    day and due before it. The one definition of "quá hạn" for the index, the overdue list and the work queue."""
    return _still_open_on(on) & Q(due_on__lt=on)


@dataclass(frozen=True)
class DialogueCounts:
    dialogues: int
    participants: int
    opinions: int
    opinions_by_field: dict[str, int] = field(default_factory=dict)
    opinions_taken_away: int = 0
    commitments: int = 0
    open_commitments: int = 0
    overdue_commitments: int = 0


def count_dialogues(root: Area, start: dt.date, end: dt.date) -> DialogueCounts:
    """Dialogues held in the period, their participants (lượt người), the opinions raised (by field),
    and the commitments made at them, of which those still open on `end`, and of those the ones overdue on
    `end` (one population: the commitments of the period's dialogues)."""
    dialogues = _scoped(Dialogue.objects.all(), root).filter(held_on__range=(start, end))
    totals = dialogues.aggregate(n=Count("pk"), people=Sum("participants"))
    in_period = {"dialogue__held_on__range": (start, end)}
    opinions = _scoped(DialogueOpinion.objects.all(), root, "dialogue__").filter(**in_period)
    commitments = _scoped(DialogueCommitment.objects.all(), root, "dialogue__").filter(**in_period)
    return DialogueCounts(
        dialogues=totals["n"],
        participants=totals["people"] or 0,
        opinions=opinions.count(),
        opinions_by_field=_by(opinions, "field"),
        opinions_taken_away=opinions.filter(handling="taken_away").count(),
        commitments=commitments.count(),
        open_commitments=commitments.filter(_still_open_on(end)).count(),
        overdue_commitments=commitments.filter(overdue_on(end)).count(),
    )


@dataclass(frozen=True)
class PracticeCounts:
    registered: int
    by_field: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    recognised: int = 0
    recognised_by_level: dict[str, int] = field(default_factory=dict)
    replicated: int = 0


def count_good_practices(root: Area, start: dt.date, end: dt.date) -> PracticeCounts:
    """ "Dân vận khéo" models registered in the period, by field and by their status on `end` (read from
    the append-only status steps, so a later recognition does not change a past report); and the models
    recognised (by level) and replicated during the period, whenever they were registered."""
    last_status = (
        GoodPracticeStatusChange.objects.filter(practice=OuterRef("pk"), changed_on__lte=end, archived_at__isnull=True)
        .order_by("-changed_on", "-pk")
        .values("status")[:1]
    )
    registered = _scoped(GoodPractice.objects.all(), root).filter(registered_on__range=(start, end))
    steps = _scoped(GoodPracticeStatusChange.objects.all(), root, "practice__").filter(changed_on__range=(start, end))
    recognitions = steps.filter(status="recognised")
    return PracticeCounts(
        registered=registered.count(),
        by_field=_by(registered, "field"),
        by_status=_by(registered.annotate(status_on_end=Subquery(last_status)), "status_on_end"),
        recognised=recognitions.values("practice").distinct().count(),
        recognised_by_level=_by(recognitions, "level"),
        replicated=steps.filter(status="replicated").values("practice").distinct().count(),
    )


@dataclass(frozen=True)
class SessionCounts:
    sessions: int
    attendees: int
    sessions_by_kind: dict[str, int] = field(default_factory=dict)
    attendees_by_kind: dict[str, int] = field(default_factory=dict)


def count_propaganda_sessions(root: Area, start: dt.date, end: dt.date) -> SessionCounts:
    sessions = _scoped(PropagandaSession.objects.all(), root).filter(held_on__range=(start, end))
    totals = sessions.aggregate(n=Count("pk"), people=Sum("attendees"))
    return SessionCounts(
        sessions=totals["n"],
        attendees=totals["people"] or 0,
        sessions_by_kind=_by(sessions, "kind"),
        attendees_by_kind=_by(sessions, "kind", "attendees", Sum),
    )


@dataclass(frozen=True)
class TrainingCounts:
    courses: int
    attendances: int


def count_training(root: Area, start: dt.date, end: dt.date) -> TrainingCounts:
    """Courses that started in the period and their cadre attendances (lượt cán bộ)."""
    totals = (
        _scoped(TrainingCourse.objects.all(), root)
        .filter(starts_on__range=(start, end))
        .aggregate(n=Count("pk"), people=Sum("attendances"))
    )
    return TrainingCounts(courses=totals["n"], attendances=totals["people"] or 0)


@dataclass(frozen=True)
class BriefingCounts:
    briefings: int
    participants: int
    tasks: int
    open_tasks: int


def count_briefings(root: Area, start: dt.date, end: dt.date) -> BriefingCounts:
    briefings = _scoped(Briefing.objects.all(), root).filter(held_on__range=(start, end))
    totals = briefings.aggregate(n=Count("pk"), people=Sum("participants"))
    tasks = _scoped(BriefingTask.objects.all(), root, "briefing__").filter(briefing__held_on__range=(start, end))
    return BriefingCounts(
        briefings=totals["n"],
        participants=totals["people"] or 0,
        tasks=tasks.count(),
        open_tasks=tasks.filter(_still_open_on(end)).count(),
    )


@dataclass(frozen=True)
class SupervisionCounts:
    supervisions: int
    recommendations: int
    recommendations_done: int


def count_supervisions(root: Area, start: dt.date, end: dt.date) -> SupervisionCounts:
    """Supervision visits in the period; their recommendations, of which done by `end`."""
    supervisions = _scoped(Supervision.objects.all(), root).filter(held_on__range=(start, end))
    recommendations = _scoped(SupervisionRecommendation.objects.all(), root, "supervision__").filter(
        supervision__held_on__range=(start, end)
    )
    return SupervisionCounts(
        supervisions=supervisions.count(),
        recommendations=recommendations.count(),
        recommendations_done=recommendations.exclude(_still_open_on(end)).count(),
    )


@dataclass(frozen=True)
class SupportCounts:
    contributions: int
    workdays: int
    money_vnd: int
    workdays_by_provider: dict[str, int] = field(default_factory=dict)
    money_by_provider: dict[str, int] = field(default_factory=dict)


def count_support(root: Area, start: dt.date, end: dt.date) -> SupportCounts:
    support = _scoped(SupportContribution.objects.all(), root).filter(given_on__range=(start, end))
    totals = support.aggregate(n=Count("pk"), days=Sum("workdays"), money=Sum("money_vnd"))
    return SupportCounts(
        contributions=totals["n"],
        workdays=totals["days"] or 0,
        money_vnd=totals["money"] or 0,
        workdays_by_provider=_by(support, "provider", "workdays", Sum),
        money_by_provider=_by(support, "provider", "money_vnd", Sum),
    )


@dataclass(frozen=True)
class CommendationCounts:
    commendations: int
    by_kind: dict[str, int] = field(default_factory=dict)
    individuals_by_kind: dict[str, int] = field(default_factory=dict)


def count_commendations(root: Area, start: dt.date, end: dt.date) -> CommendationCounts:
    """Commendations decided in the period, by kind; and how many went to individuals ("22 người")."""
    commendations = _scoped(Commendation.objects.all(), root).filter(decided_on__range=(start, end))
    return CommendationCounts(
        commendations=commendations.count(),
        by_kind=_by(commendations, "kind"),
        individuals_by_kind=_by(commendations.filter(recipient_kind="individual"), "kind"),
    )


@dataclass(frozen=True)
class MobilisationCounts:
    dialogues: DialogueCounts
    practices: PracticeCounts
    sessions: SessionCounts
    training: TrainingCounts
    briefings: BriefingCounts
    supervisions: SupervisionCounts
    support: SupportCounts
    commendations: CommendationCounts


def count_all(root: Area, start: dt.date, end: dt.date) -> MobilisationCounts:
    """Every mobilisation count for one subtree and period, for the overview page and the reports."""
    return MobilisationCounts(
        dialogues=count_dialogues(root, start, end),
        practices=count_good_practices(root, start, end),
        sessions=count_propaganda_sessions(root, start, end),
        training=count_training(root, start, end),
        briefings=count_briefings(root, start, end),
        supervisions=count_supervisions(root, start, end),
        support=count_support(root, start, end),
        commendations=count_commendations(root, start, end),
    )
