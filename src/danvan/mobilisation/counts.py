"""Counts for reports over a unit subtree (the root Area and everything below it) and an inclusive
date range (adding-a-model.md §5). Archived records are never counted.

The seed reports these figures serve: "19 cuộc [đối thoại] có 1.538 lượt người tham gia với 204 lượt
ý kiến"; "55 mô hình ... (kinh tế 16; văn hóa - xã hội 21; quốc phòng - an ninh 11; xây dựng Đảng 7)";
"tuyên truyền pháp luật 2.041 buổi cho trên 61 nghìn người"; "bồi dưỡng ... cho trên 1.500 lượt cán
bộ"; "22 người được ... tặng Kỷ niệm chương" (issue 5).

The figures reports read are declared once (`Figures`: counted records, date, named aggregates); the
count functions take their subtree's total and `…_by_unit` groups the same declaration by unit for the
reports (`danvan.core.grouping`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum

from danvan.core.grouping import Counted, Figures, Range, additive, merge
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


def _scoped(qs: QuerySet[Any], root: Area, prefix: str = "") -> QuerySet[Any]:
    """Active records of `root`'s subtree; `prefix` reaches a child row's parent ("dialogue__")."""
    return qs.filter(
        **{
            f"{prefix}area__path__startswith": root.path,
            f"{prefix}archived_at__isnull": True,
            "archived_at__isnull": True,
        }
    )


def _by(qs: QuerySet[Any], key: str, value: str = "pk", how: Any = Count) -> dict[str, int]:
    return {row[key]: row["n"] or 0 for row in qs.order_by().values(key).annotate(n=how(value))}


def _still_open_on(end: dt.date) -> Q:
    """Open at the end of the period: not done, or done only after `end`."""
    return Q(status=FollowUpStatus.OPEN) | Q(completed_on__gt=end)


# The figures of each record type, one definition for a subtree's count and for the reports' grouping.
DIALOGUES = Figures(lambda root: _scoped(Dialogue.objects.all(), root), "held_on",
                    lambda when: {"dialogues": Count("pk", filter=when),
                                  "participants": Sum("participants", filter=when)})
OPINIONS = Figures(lambda root: _scoped(DialogueOpinion.objects.all(), root, "dialogue__"), "dialogue__held_on",
                   lambda when: {"opinions": Count("pk", filter=when)}, path="dialogue__area__path")
COMMITMENTS = Figures(lambda root: _scoped(DialogueCommitment.objects.all(), root, "dialogue__"), "dialogue__held_on",
                      lambda when: {"commitments": Count("pk", filter=when)}, path="dialogue__area__path")
PRACTICES = Figures(lambda root: _scoped(GoodPractice.objects.all(), root), "registered_on",
                    lambda when: {"registered": Count("pk", filter=when)})
# A model recognised twice in the period (at two levels) is one recognised model.
RECOGNITIONS = Figures(
    lambda root: _scoped(GoodPracticeStatusChange.objects.all(), root, "practice__").filter(status="recognised"),
    "changed_on", lambda when: {"recognised": Count("practice", distinct=True, filter=when)},
    path="practice__area__path")
SESSIONS = Figures(lambda root: _scoped(PropagandaSession.objects.all(), root), "held_on",
                   lambda when: {"sessions": Count("pk", filter=when), "attendees": Sum("attendees", filter=when)})
TRAINING = Figures(lambda root: _scoped(TrainingCourse.objects.all(), root), "starts_on",
                   lambda when: {"courses": Count("pk", filter=when), "attendances": Sum("attendances", filter=when)})
BRIEFINGS = Figures(lambda root: _scoped(Briefing.objects.all(), root), "held_on",
                    lambda when: {"briefings": Count("pk", filter=when),
                                  "participants": Sum("participants", filter=when)})
SUPERVISIONS = Figures(lambda root: _scoped(Supervision.objects.all(), root), "held_on",
                       lambda when: {"supervisions": Count("pk", filter=when)})
COMMENDATIONS = Figures(lambda root: _scoped(Commendation.objects.all(), root), "decided_on",
                        lambda when: {"commendations": Count("pk", filter=when)})
# Working days and money in đồng of the support records (reports' HT_NGAYCONG, HT_TIEN; issue 20).
SUPPORT = Figures(lambda root: _scoped(SupportContribution.objects.all(), root), "given_on",
                  lambda when: {"contributions": Count("pk", filter=when), "workdays": Sum("workdays", filter=when),
                                "money_vnd": Sum("money_vnd", filter=when)})


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
    opinions = OPINIONS.in_period(root, start, end)
    commitments = COMMITMENTS.in_period(root, start, end)
    return DialogueCounts(
        **DIALOGUES.total(root, start, end),
        **OPINIONS.total(root, start, end),
        opinions_by_field=_by(opinions, "field"),
        opinions_taken_away=opinions.filter(handling="taken_away").count(),
        **COMMITMENTS.total(root, start, end),
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
    registered = PRACTICES.in_period(root, start, end)
    steps = _scoped(GoodPracticeStatusChange.objects.all(), root, "practice__").filter(changed_on__range=(start, end))
    return PracticeCounts(
        **PRACTICES.total(root, start, end),
        by_field=_by(registered, "field"),
        by_status=_by(registered.annotate(status_on_end=Subquery(last_status)), "status_on_end"),
        **RECOGNITIONS.total(root, start, end),
        recognised_by_level=_by(RECOGNITIONS.in_period(root, start, end), "level"),
        replicated=steps.filter(status="replicated").values("practice").distinct().count(),
    )


@dataclass(frozen=True)
class SessionCounts:
    sessions: int
    attendees: int
    sessions_by_kind: dict[str, int] = field(default_factory=dict)
    attendees_by_kind: dict[str, int] = field(default_factory=dict)


def count_propaganda_sessions(root: Area, start: dt.date, end: dt.date) -> SessionCounts:
    sessions = SESSIONS.in_period(root, start, end)
    return SessionCounts(
        **SESSIONS.total(root, start, end),
        sessions_by_kind=_by(sessions, "kind"),
        attendees_by_kind=_by(sessions, "kind", "attendees", Sum),
    )


@dataclass(frozen=True)
class TrainingCounts:
    courses: int
    attendances: int


def count_training(root: Area, start: dt.date, end: dt.date) -> TrainingCounts:
    """Courses that started in the period and their cadre attendances (lượt cán bộ)."""
    return TrainingCounts(**TRAINING.total(root, start, end))


@dataclass(frozen=True)
class BriefingCounts:
    briefings: int
    participants: int
    tasks: int
    open_tasks: int


def count_briefings(root: Area, start: dt.date, end: dt.date) -> BriefingCounts:
    tasks = _scoped(BriefingTask.objects.all(), root, "briefing__").filter(briefing__held_on__range=(start, end))
    return BriefingCounts(
        **BRIEFINGS.total(root, start, end),
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
    recommendations = _scoped(SupervisionRecommendation.objects.all(), root, "supervision__").filter(
        supervision__held_on__range=(start, end)
    )
    return SupervisionCounts(
        **SUPERVISIONS.total(root, start, end),
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
    commendations = COMMENDATIONS.in_period(root, start, end)
    return CommendationCounts(
        **COMMENDATIONS.total(root, start, end),
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


# Grouped by unit for the reports (ADR 0008): the figures above, one `GROUP BY` per record type for every
# period of a report at once. Each unit's row, and the total, carry the attributes the registry reads.

def dialogues_by_unit(root: Area, periods: Sequence[Range], depth: int) -> list[Counted]:
    """`count_dialogues`' dialogues, participants, opinions and commitments, per unit."""
    grouped = merge(*(figures.by_unit(root, periods, depth) for figures in (DIALOGUES, OPINIONS, COMMITMENTS)))
    return additive(grouped, [*DIALOGUES.names, *OPINIONS.names, *COMMITMENTS.names])


def practices_by_unit(root: Area, periods: Sequence[Range], depth: int) -> list[Counted]:
    """`count_good_practices`' registered models (with `by_field`) and recognised models, per unit."""
    registered = PRACTICES.by_unit(root, periods, depth, by=("field",))
    recognised = RECOGNITIONS.by_unit(root, periods, depth)

    def result(fields: dict[str, int], recognised: int) -> SimpleNamespace:
        return SimpleNamespace(registered=sum(fields.values()), by_field=fields, recognised=recognised)

    counted = []
    for n in range(len(periods)):
        by_unit: dict[str, dict[str, int]] = {}
        all_fields: dict[str, int] = {}
        for (prefix, practice_field), row in registered[n].items():
            by_unit.setdefault(prefix, {})[practice_field] = row["registered"]
            all_fields[practice_field] = all_fields.get(practice_field, 0) + row["registered"]
        units = {p: result(by_unit.get(p, {}), recognised[n].get(p, {}).get("recognised", 0))
                 for p in set(by_unit) | set(recognised[n])}
        # A model belongs to one unit: its recognitions add up over units.
        total = sum(row["recognised"] for row in recognised[n].values())
        counted.append(Counted(units, result({}, 0), result(all_fields, total)))
    return counted


def _additive_by_unit(figures: Figures) -> Any:
    def by_unit(root: Area, periods: Sequence[Range], depth: int) -> list[Counted]:
        return additive(figures.by_unit(root, periods, depth), figures.names)

    return by_unit


propaganda_sessions_by_unit = _additive_by_unit(SESSIONS)
training_by_unit = _additive_by_unit(TRAINING)
briefings_by_unit = _additive_by_unit(BRIEFINGS)
supervisions_by_unit = _additive_by_unit(SUPERVISIONS)
commendations_by_unit = _additive_by_unit(COMMENDATIONS)
support_by_unit = _additive_by_unit(SUPPORT)
