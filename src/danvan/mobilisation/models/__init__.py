"""Mobilisation work registry (issue 5; domain.md §Mobilisation, QĐ 23-QĐ/TW 2021)."""

from danvan.mobilisation.models.activities import (
    Briefing,
    BriefingTask,
    PropagandaSession,
    Supervision,
    SupervisionRecommendation,
    SupportContribution,
    TrainingCourse,
)
from danvan.mobilisation.models.commendations import Commendation
from danvan.mobilisation.models.dialogues import Dialogue, DialogueCommitment, DialogueOpinion
from danvan.mobilisation.models.directives import Directive, DirectiveReview
from danvan.mobilisation.models.practices import GoodPractice, GoodPracticeEvidence, GoodPracticeStatusChange

__all__ = [
    "Briefing",
    "BriefingTask",
    "Commendation",
    "Dialogue",
    "DialogueCommitment",
    "DialogueOpinion",
    "Directive",
    "DirectiveReview",
    "GoodPractice",
    "GoodPracticeEvidence",
    "GoodPracticeStatusChange",
    "PropagandaSession",
    "Supervision",
    "SupervisionRecommendation",
    "SupportContribution",
    "TrainingCourse",
]
