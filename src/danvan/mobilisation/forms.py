"""Forms of the mobilisation registry (Vietnamese labels come from the models' verbose names)."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import DateField, DateInput, Form, ModelForm, SearchField
from danvan.core.pickers import PickerField
from danvan.mobilisation.choices import PracticeStatus, RecognitionLevel
from danvan.mobilisation.models import (
    Briefing,
    Commendation,
    Dialogue,
    DialogueCommitment,
    DialogueOpinion,
    Directive,
    DirectiveReview,
    GoodPractice,
    GoodPracticeEvidence,
    PropagandaSession,
    Supervision,
    SupportContribution,
    TrainingCourse,
)
from danvan.units.models import Area, Organisation, OrganisationType
from danvan.units.pickers import ORGANISATIONS, PLACES


def use_pickers(form: forms.BaseForm, user) -> None:
    """Bodies and places chosen with searchable pickers (ADR 0020), not a flat list of thousands: a national
    user's scope holds 10.101 bodies. The pickers' choices are the user's scope (`restrict()`)."""
    for name, field in list(form.fields.items()):
        if isinstance(field, PickerField) or not isinstance(field, forms.ModelChoiceField):
            continue
        if field.queryset.model is Organisation:
            form.fields[name] = PickerField.replacing(field, ORGANISATIONS, user)
        elif field.queryset.model is Area:
            form.fields[name] = PickerField.replacing(field, PLACES, user)


class ScopedForm(ModelForm):
    """A record owned by an organisation chosen among those in the user's scope."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DateInput()
                field.widget.is_required = field.required
        use_pickers(self, user)
        if "organisation" in self.fields and not self.instance.pk and user.organisation_id:
            self.fields["organisation"].initial = user.organisation_id


class DialogueForm(ScopedForm):
    class Meta:
        model = Dialogue
        fields = [
            "organisation",
            "held_on",
            "topic",
            "place",
            "chair_name",
            "chair_role",
            "chair_position",
            "participants",
        ]


class OpinionForm(ModelForm):
    def __init__(self, *args, **kwargs):
        # Several forms share a dialogue's page: ids are prefixed so each label finds its own field.
        kwargs.setdefault("auto_id", "opinion-%s")
        super().__init__(*args, **kwargs)

    class Meta:
        model = DialogueOpinion
        fields = ["speaker", "content", "field", "handling", "answer"]
        widgets = {"content": forms.Textarea(attrs={"rows": 2}), "answer": forms.Textarea(attrs={"rows": 2})}


class CommitmentForm(ModelForm):
    """A commitment, optionally answering one of the dialogue's opinions."""

    class Meta:
        model = DialogueCommitment
        fields = ["opinion", "content", "owner", "due_on"]
        widgets = {"content": forms.Textarea(attrs={"rows": 2}), "due_on": DateInput()}

    def __init__(self, *args, dialogue: Dialogue, **kwargs):
        kwargs.setdefault("auto_id", "commitment-%s")
        super().__init__(*args, **kwargs)
        self.fields["opinion"].queryset = dialogue.opinions.active()
        self.fields["opinion"].label_from_instance = lambda opinion: opinion.content[:80]


class FollowUpForm(Form):
    content = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.CharField(label=_("Người, đơn vị thực hiện"), max_length=255)
    due_on = DateField(label=_("Hạn hoàn thành"), required=False, widget=DateInput())


class CompleteForm(Form):
    completed_on = DateField(label=_("Ngày hoàn thành"), widget=DateInput())
    result = forms.CharField(label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 2}))


class ArchiveForm(Form):
    reason = forms.CharField(
        label=_("Lý do"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Cần ghi lý do.")},
    )


class CloseDialogueForm(Form):
    report = forms.CharField(label=_("Báo cáo kết quả đối thoại"), widget=forms.Textarea(attrs={"rows": 5}))


class GoodPracticeForm(ScopedForm):
    class Meta:
        model = GoodPractice
        fields = [
            "organisation",
            "name",
            "holder",
            "holder_name",
            "place",
            "field",
            "year",
            "registered_on",
            "situation",
            "goals",
            "method",
            "beneficiaries",
            "forces",
            "resources",
            "timeline",
            "outputs",
            "sustainability",
        ]


class TransitionForm(Form):
    """One step of a model's life; only recognition asks for the level and the decision."""

    on = DateField(label=_("Ngày"), widget=DateInput())
    level = forms.ChoiceField(label=_("Cấp công nhận"), choices=RecognitionLevel.choices)
    decision = forms.CharField(label=_("Quyết định công nhận"), max_length=120, required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, step: str, **kwargs):
        kwargs.setdefault("auto_id", f"{step}-%s")  # one form per step on the same page
        super().__init__(*args, **kwargs)
        self.step = step
        if step != PracticeStatus.RECOGNISED:
            del self.fields["level"], self.fields["decision"]


class EvidenceForm(ModelForm):
    class Meta:
        model = GoodPracticeEvidence
        fields = ["title", "file"]


class PropagandaSessionForm(ScopedForm):
    class Meta:
        model = PropagandaSession
        fields = ["organisation", "held_on", "kind", "topic", "place", "attendees"]


class SessionRowForm(ModelForm):
    """One row of the bulk-entry grid; a row left blank is skipped."""

    class Meta:
        model = PropagandaSession
        fields = ["held_on", "kind", "topic", "place", "attendees"]
        widgets = {"held_on": DateInput()}


BULK_MAX_ROWS = 200


def session_row_formset(rows: int = 10):
    """A grid of `rows` blank rows (a commune's quarter is a few dozen sessions)."""
    return forms.modelformset_factory(
        PropagandaSession,
        form=SessionRowForm,
        extra=max(1, min(rows, BULK_MAX_ROWS)),
        max_num=BULK_MAX_ROWS,
        validate_max=True,
    )


SessionRowFormSet = session_row_formset()


class BulkOrganisationForm(Form):
    organisation = PickerField(ORGANISATIONS, label=_("Cơ quan, tổ chức"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].bind(user)
        if user.organisation_id:
            self.fields["organisation"].initial = user.organisation_id


class SessionImportForm(BulkOrganisationForm):
    workbook = forms.FileField(label=_("Tệp Excel (.xlsx) theo mẫu"))


class TrainingCourseForm(ScopedForm):
    class Meta:
        model = TrainingCourse
        fields = ["organisation", "title", "starts_on", "ends_on", "attendances", "content"]


class BriefingForm(ScopedForm):
    class Meta:
        model = Briefing
        fields = ["organisation", "held_on", "period", "chair_name", "participants", "conclusions"]


class SupervisionForm(ScopedForm):
    class Meta:
        model = Supervision
        fields = ["organisation", "held_on", "supervised", "supervised_name", "subject", "findings"]


class SupportContributionForm(ScopedForm):
    class Meta:
        model = SupportContribution
        fields = ["organisation", "given_on", "provider", "provider_name", "description", "workdays", "money_vnd"]


class DirectiveForm(ScopedForm):
    reviewer_types = forms.MultipleChoiceField(
        label=_("Loại cơ quan phải sơ kết, tổng kết"),
        choices=OrganisationType.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Directive
        fields = [
            "organisation",
            "code",
            "title",
            "issued_on",
            "interim_after_years",
            "final_after_years",
            "reviewer_types",
        ]


class ReviewForm(ModelForm):
    def __init__(self, *args, user, directive, **kwargs):
        super().__init__(*args, **kwargs)
        use_pickers(self, user)
        # The picker searches the whole scope; a body outside the directive's area is refused as out of range.
        field = self.fields["organisation"]
        field.queryset = field.queryset.filter(area__path__startswith=directive.area.path)
        self.fields["filed_on"].widget = DateInput()
        if user.organisation_id:
            self.fields["organisation"].initial = user.organisation_id

    class Meta:
        model = DirectiveReview
        fields = ["organisation", "kind", "filed_on", "document_number", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}


class CommendationForm(ScopedForm):
    class Meta:
        model = Commendation
        fields = [
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
        ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["practice"].queryset = GoodPractice.objects.restrict(user).active()


class PeriodForm(Form):
    start = DateField(label=_("Từ ngày"), required=False, widget=DateInput())
    end = DateField(label=_("Đến ngày"), required=False, widget=DateInput())


class ListFilterForm(Form):
    """Filters of a section's list: period, organisation, the section's choice fields, and a text search."""

    start = DateField(label=_("Từ ngày"), required=False, widget=DateInput())
    end = DateField(label=_("Đến ngày"), required=False, widget=DateInput())
    organisation = PickerField(ORGANISATIONS, label=_("Cơ quan, tổ chức"), required=False, empty_label=_("Tất cả"))
    q = SearchField(label=_("Tìm"))
    archived = forms.BooleanField(label=_("Bản ghi đã lưu trữ"), required=False)

    def __init__(self, data, *, section, user):
        super().__init__(data)
        self.section = section
        self.fields["organisation"].bind(user)
        for name in section.filters:
            field = section.model._meta.get_field(name)
            self.fields[name] = forms.ChoiceField(
                label=field.verbose_name, required=False, choices=[("", _("Tất cả"))] + list(field.choices)
            )

    def apply(self, queryset):
        """The current records by default; with "archived" ticked, only the archived ones."""
        if not self.is_valid():
            return queryset.active()
        data = self.cleaned_data
        queryset = queryset.filter(archived_at__isnull=False) if data["archived"] else queryset.active()
        date_field = self.section.date_field
        if data["start"]:
            queryset = queryset.filter(**{f"{date_field}__gte": data["start"]})
        if data["end"]:
            queryset = queryset.filter(**{f"{date_field}__lte": data["end"]})
        if data["organisation"]:
            queryset = queryset.filter(organisation=data["organisation"])
        for name in self.section.filters:
            if data.get(name):
                queryset = queryset.filter(**{name: data[name]})
        text = data["q"].strip()
        if text and self.section.search:
            # SQLite folds case for ASCII only, so "đất" would miss "Đất"; the usual casings are tried too.
            variants = {text, text.lower(), text.upper(), text.capitalize(), text.title()}
            condition = models.Q()
            for name in self.section.search:
                for variant in variants:
                    condition |= models.Q(**{f"{name}__icontains": variant})
            queryset = queryset.filter(condition)
        return queryset
