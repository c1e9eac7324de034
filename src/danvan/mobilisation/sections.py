"""The registry's sections: which model, form, columns and filters each list and detail page shows.

Presentation only; every write still goes through `services`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import choice_labels
from danvan.core.formatting import vn_date, vn_number
from danvan.mobilisation import forms, services
from danvan.mobilisation.models import (
    Briefing,
    Commendation,
    Dialogue,
    Directive,
    GoodPractice,
    PropagandaSession,
    Supervision,
    SupportContribution,
    TrainingCourse,
)
from danvan.units.models import OrganisationType

NOT_A_QUANTITY = {"year", "interim_after_years", "final_after_years"}


def _record(model):
    return lambda actor, data: services.record(actor, model, **data)


@dataclass(frozen=True)
class Section:
    key: str
    model: type[models.Model]
    form: type
    title: Any
    date_field: str
    columns: tuple[str, ...]
    detail_fields: tuple[str, ...]
    filters: tuple[str, ...] = ()
    search: tuple[str, ...] = ()
    create: Callable | None = None

    @property
    def verbose_name(self):
        return self.model._meta.verbose_name

    @property
    def model_name(self) -> str:
        return self.model._meta.model_name

    def label(self, name: str) -> str:
        return str(self.model._meta.get_field(name).verbose_name)

    def create_record(self, actor, data: dict):
        return (self.create or _record(self.model))(actor, data)


def display_value(obj: models.Model, name: str) -> str:
    """A field as a person reads it: choices by label, dates dd/mm/yyyy, counts "1.538"."""
    value = getattr(obj, name)
    field = obj._meta.get_field(name)
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(field, models.Field) and field.choices:
        return choice_labels(field).get(make_hashable(value), str(value))
    if name == "reviewer_types":
        labels = choice_labels(OrganisationType)
        return ", ".join(labels.get(v, v) for v in value)
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return vn_date(value)
    if isinstance(value, bool):
        return str(_("Có") if value else _("Không"))
    if isinstance(value, int) and name not in NOT_A_QUANTITY:
        return vn_number(value)
    return str(value)


SECTIONS: dict[str, Section] = {
    section.key: section
    for section in (
        Section(
            "dialogue",
            Dialogue,
            forms.DialogueForm,
            _("Đối thoại với Nhân dân"),
            "held_on",
            columns=("held_on", "topic", "organisation", "chair_name", "participants"),
            detail_fields=(
                "organisation",
                "held_on",
                "topic",
                "place",
                "chair_name",
                "chair_role",
                "chair_position",
                "participants",
            ),
            filters=("chair_role",),
            search=("topic", "chair_name"),
            create=lambda actor, data: services.record_dialogue(actor, **data),
        ),
        Section(
            "practice",
            GoodPractice,
            forms.GoodPracticeForm,
            _("Mô hình “Dân vận khéo”"),
            "registered_on",
            columns=("registered_on", "name", "holder_name", "field", "status", "recognition_level"),
            detail_fields=(
                "organisation",
                "name",
                "holder",
                "holder_name",
                "place",
                "field",
                "year",
                "registered_on",
                "status",
                "recognition_level",
                "recognised_on",
                "replicated_on",
                "situation",
                "goals",
                "method",
                "beneficiaries",
                "forces",
                "resources",
                "timeline",
                "outputs",
                "sustainability",
            ),
            filters=("field", "status", "holder", "recognition_level"),
            search=("name", "holder_name"),
            create=lambda actor, data: services.register_good_practice(actor, **data),
        ),
        Section(
            "session",
            PropagandaSession,
            forms.PropagandaSessionForm,
            _("Tuyên truyền, phổ biến pháp luật"),
            "held_on",
            columns=("held_on", "kind", "topic", "place", "organisation", "attendees"),
            detail_fields=("organisation", "held_on", "kind", "topic", "place", "attendees"),
            filters=("kind",),
            search=("topic", "place"),
        ),
        Section(
            "course",
            TrainingCourse,
            forms.TrainingCourseForm,
            _("Bồi dưỡng, tập huấn"),
            "starts_on",
            columns=("starts_on", "title", "organisation", "attendances"),
            detail_fields=("organisation", "title", "starts_on", "ends_on", "attendances", "content"),
            search=("title",),
        ),
        Section(
            "briefing",
            Briefing,
            forms.BriefingForm,
            _("Giao ban"),
            "held_on",
            columns=("held_on", "period", "organisation", "participants"),
            detail_fields=("organisation", "held_on", "period", "chair_name", "participants", "conclusions"),
            search=("period", "conclusions"),
        ),
        Section(
            "supervision",
            Supervision,
            forms.SupervisionForm,
            _("Giám sát"),
            "held_on",
            columns=("held_on", "subject", "supervised", "supervised_name", "organisation"),
            detail_fields=("organisation", "held_on", "supervised", "supervised_name", "subject", "findings"),
            search=("subject", "supervised_name"),
        ),
        Section(
            "support",
            SupportContribution,
            forms.SupportContributionForm,
            _("Hỗ trợ của lực lượng vũ trang và tổ chức khác"),
            "given_on",
            columns=("given_on", "provider", "provider_name", "description", "workdays", "money_vnd"),
            detail_fields=(
                "organisation",
                "given_on",
                "provider",
                "provider_name",
                "description",
                "workdays",
                "money_vnd",
            ),
            filters=("provider",),
            search=("provider_name", "description"),
        ),
        Section(
            "directive",
            Directive,
            forms.DirectiveForm,
            _("Văn bản chỉ đạo, sơ kết, tổng kết"),
            "issued_on",
            columns=("issued_on", "code", "title", "organisation"),
            detail_fields=(
                "organisation",
                "code",
                "title",
                "issued_on",
                "interim_after_years",
                "final_after_years",
                "reviewer_types",
            ),
            search=("code", "title"),
        ),
        Section(
            "commendation",
            Commendation,
            forms.CommendationForm,
            _("Khen thưởng"),
            "decided_on",
            columns=("decided_on", "kind", "recipient_kind", "recipient_name", "decision_number"),
            detail_fields=(
                "organisation",
                "kind",
                "recipient_kind",
                "recipient_name",
                "recipient_position",
                "decision_number",
                "decided_on",
                "issued_by",
                "reason",
                "practice",
            ),
            filters=("kind", "recipient_kind"),
            search=("recipient_name", "decision_number"),
        ),
    )
}
