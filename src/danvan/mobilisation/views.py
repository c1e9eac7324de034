"""Thin views of the mobilisation registry: fetch through the scope, call a service, render.

Every record is fetched with `scoped_queryset` / `scoped_object_or_404` (outsiders get 404, viewers
get 403 on changes); every change is a POST that calls a function of `services`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from danvan.core.choices import Field
from danvan.core.concurrency import VERSION_FIELD, add_version_field, show_conflict, submitted_version
from danvan.core.forms import apply_errors as _form_errors
from danvan.core.forms import ascii_int
from danvan.core.models import Action
from danvan.core.scope import scope_root as _scope_root
from danvan.core.submissions import create_once
from danvan.core.views import paginate, scoped_object_or_404, scoped_queryset
from danvan.mobilisation import counts, forms, imports, services
from danvan.mobilisation.choices import CommendationKind, PracticeField, PracticeStatus
from danvan.mobilisation.models import (
    Briefing,
    BriefingTask,
    Dialogue,
    DialogueCommitment,
    Directive,
    DirectiveReview,
    GoodPractice,
    GoodPracticeEvidence,
    PropagandaSession,
    Supervision,
    SupervisionRecommendation,
)
from danvan.mobilisation.sections import SECTIONS, Section, display_value


def _require_recorder(user) -> None:
    if not user.can_record:
        raise PermissionDenied


# ---------------------------------------------------------------- overview


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The registry's sections with the key counts for the user's scope and a period (default: this year)."""
    today = timezone.localdate()
    period = forms.PeriodForm(request.GET or None)
    start, end = dt.date(today.year, 1, 1), today
    if period.is_valid():
        start = period.cleaned_data["start"] or start
        end = period.cleaned_data["end"] or end
    root = _scope_root(request.user)
    figures = counts.count_all(root, start, end) if root else None
    context = {
        "period": period if period.is_bound else forms.PeriodForm(initial={"start": start, "end": end}),
        "start": start,
        "end": end,
        "root": root,
        "counts": figures,
        "practice_fields": [
            (figures.practices.by_field.get(value, 0) if figures else 0, label)
            for value, label in PracticeField.choices
        ],
        "opinion_fields": [
            (label, figures.dialogues.opinions_by_field[value])
            for value, label in Field.choices
            if figures and figures.dialogues.opinions_by_field.get(value)
        ],
        "medals": figures.commendations.by_kind.get(CommendationKind.MEDAL, 0) if figures else 0,
        "sections": SECTIONS,
    }
    return render(request, "mobilisation/index.html", context)


# ---------------------------------------------------------------- generic section pages


@require_GET
def section_list(request: HttpRequest, section: str) -> HttpResponse:
    spec = SECTIONS[section]
    related = {"organisation"} | {name for name in spec.columns if spec.model._meta.get_field(name).is_relation}
    queryset = scoped_queryset(spec.model, request.user).select_related(*sorted(related))
    filters = forms.ListFilterForm(request.GET, section=spec, user=request.user)
    page = paginate(request, filters.apply(queryset))
    rows = [(obj, [display_value(obj, name) for name in spec.columns]) for obj in page]
    return render(
        request,
        "mobilisation/list.html",
        {
            "section": spec,
            "filters": filters,
            "page": page,
            "rows": rows,
            "headers": [spec.label(name) for name in spec.columns],
            "numeric": [name in NUMERIC_COLUMNS for name in spec.columns],
        },
    )


NUMERIC_COLUMNS = {"participants", "attendees", "attendances", "workdays", "money_vnd"}


@require_http_methods(["GET", "POST"])
@create_once
def section_create(request: HttpRequest, section: str) -> HttpResponse:
    spec = SECTIONS[section]
    _require_recorder(request.user)
    form = spec.form(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            obj = spec.create_record(request.user, form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu: %(obj)s.") % {"obj": obj})
            return redirect(f"mobilisation:{spec.key}_detail", pk=obj.pk)
    return render(
        request, "mobilisation/form.html", {"section": spec, "form": form}, status=400 if form.errors else 200
    )


@require_http_methods(["GET", "POST"])
def section_edit(request: HttpRequest, section: str, pk: int) -> HttpResponse:
    spec = SECTIONS[section]
    obj = scoped_object_or_404(spec.model, request.user, action=Action.CHANGE, pk=pk)
    form = add_version_field(spec.form(request.POST or None, instance=obj, user=request.user), obj)
    if request.method == "POST" and form.is_valid():
        fresh = spec.model.objects.get(pk=obj.pk)  # the form has already written into `obj`
        changes = {name: form.cleaned_data[name] for name in form.changed_data if name != VERSION_FIELD}
        try:
            services.amend(request.user, fresh, expected_version=submitted_version(form), **changes)
        except ValidationError as exc:
            _form_errors(form, exc)
            show_conflict(form, exc)
        else:
            messages.success(request, _("Đã cập nhật."))
            return redirect(f"mobilisation:{spec.key}_detail", pk=obj.pk)
    return render(
        request,
        "mobilisation/form.html",
        {"section": spec, "form": form, "object": obj},
        status=400 if form.errors else 200,
    )


@require_GET
def section_detail(request: HttpRequest, section: str, pk: int) -> HttpResponse:
    spec = SECTIONS[section]
    obj = scoped_object_or_404(spec.model, request.user, pk=pk)
    return _render_detail(request, spec, obj)


def _render_detail(request: HttpRequest, spec: Section, obj, status: int = 200, **bound) -> HttpResponse:
    extra = DETAIL_EXTRAS.get(spec.key)
    may_change = scoped_queryset(spec.model, request.user, Action.CHANGE).filter(pk=obj.pk).exists()
    context = {
        "section": spec,
        "object": obj,
        "fields": [(spec.label(name), display_value(obj, name)) for name in spec.detail_fields],
        "can_change": may_change and not obj.is_archived,
        "can_restore": may_change and obj.is_archived,
        "archive_form": forms.ArchiveForm(),
        "today": timezone.localdate(),
    }
    if extra:
        context.update(extra(request, obj))
    context.update(bound)
    template = f"mobilisation/{spec.key}_detail.html" if extra else "mobilisation/detail.html"
    return render(request, template, context, status=status)


def _archived(*querysets, restorable) -> list[tuple[str, Any, bool]]:
    """Archived child rows, shown apart with a restore button: archiving never loses anything.
    `restorable` is a flag, or a callable deciding per row."""
    return [
        (qs.model._meta.model_name, obj, restorable(obj) if callable(restorable) else restorable)
        for qs in querysets
        for obj in qs.filter(archived_at__isnull=False)
    ]


def _may_change(user, obj) -> bool:
    return (
        not obj.is_archived and scoped_queryset(type(obj), user, Action.CHANGE).filter(pk=obj.pk).exists()
    )


def _dialogue_extra(request, dialogue: Dialogue) -> dict:
    return {
        "opinions": dialogue.opinions.active(),
        "commitments": dialogue.commitments.active().select_related("opinion"),
        "archived_children": _archived(
            dialogue.opinions.all(),
            dialogue.commitments.all(),
            restorable=not dialogue.is_closed and _may_change(request.user, dialogue),
        ),
        "opinion_form": forms.OpinionForm(),
        "commitment_form": forms.CommitmentForm(dialogue=dialogue),
        "close_form": forms.CloseDialogueForm(initial={"report": services.closing_report_draft(dialogue)}),
        "complete_form": forms.CompleteForm(initial={"completed_on": timezone.localdate()}),
    }


def _practice_extra(request, practice: GoodPractice) -> dict:
    today = timezone.localdate()
    return {
        "steps": practice.status_changes.active(),
        "next_steps": [
            (status, PracticeStatus(status).label, forms.TransitionForm(step=status, initial={"on": today}))
            for status in PracticeStatus.values
            if status in services.PRACTICE_TRANSITIONS[practice.status]
        ],
        "allowed_steps": [str(step) for step in services.PRACTICE_TRANSITIONS[practice.status]],
        "evidence": practice.evidence.active(),
        "archived_children": _archived(practice.evidence.all(), restorable=_may_change(request.user, practice)),
        "evidence_form": forms.EvidenceForm(),
        "commendations": practice.commendations.active(),
    }


def _follow_up_extra(related: str, complete_url: str):
    def extra(request, obj) -> dict:
        return {
            "items": getattr(obj, related).active(),
            "archived_children": _archived(getattr(obj, related).all(), restorable=_may_change(request.user, obj)),
            "item_form": forms.FollowUpForm(),
            "complete_form": forms.CompleteForm(initial={"completed_on": timezone.localdate()}),
            "complete_url": complete_url,
            "item_model": getattr(obj, related).model._meta.model_name,
        }

    return extra


def _directive_extra(request, directive: Directive) -> dict:
    root = _scope_root(request.user)
    today = timezone.localdate()
    reviews = scoped_queryset(directive.reviews.all(), request.user)
    changeable = set(scoped_queryset(directive.reviews.all(), request.user, Action.CHANGE).values_list("pk", flat=True))
    return {
        "reviews": reviews.active().select_related("organisation"),
        "changeable_reviews": changeable,
        "archived_children": _archived(
            reviews, restorable=lambda review: not directive.is_archived and review.pk in changeable
        ),
        "missing": services.missing_reviews(directive, root, today) if root else [],
        "due_interim": directive.due_on("interim"),
        "due_final": directive.due_on("final"),
        "review_form": forms.ReviewForm(user=request.user, directive=directive),
    }


DETAIL_EXTRAS = {
    "dialogue": _dialogue_extra,
    "practice": _practice_extra,
    "briefing": _follow_up_extra("tasks", "mobilisation:task_complete"),
    "supervision": _follow_up_extra("recommendations", "mobilisation:recommendation_complete"),
    "directive": _directive_extra,
}


# ---------------------------------------------------------------- dialogue actions


@require_POST
@create_once
def dialogue_add_opinion(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = scoped_object_or_404(Dialogue, request.user, action=Action.CHANGE, pk=pk)
    form = forms.OpinionForm(request.POST)
    if form.is_valid():
        try:
            services.add_opinion(request.user, dialogue, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi ý kiến."))
            return redirect("mobilisation:dialogue_detail", pk=pk)
    return _render_detail(request, SECTIONS["dialogue"], dialogue, status=400, opinion_form=form)


@require_POST
@create_once
def dialogue_add_commitment(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = scoped_object_or_404(Dialogue, request.user, action=Action.CHANGE, pk=pk)
    form = forms.CommitmentForm(request.POST, dialogue=dialogue)
    if form.is_valid():
        try:
            services.add_commitment(request.user, dialogue, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi cam kết."))
            return redirect("mobilisation:dialogue_detail", pk=pk)
    return _render_detail(request, SECTIONS["dialogue"], dialogue, status=400, commitment_form=form)


@require_POST
def dialogue_close(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = scoped_object_or_404(Dialogue, request.user, action=Action.CHANGE, pk=pk)
    form = forms.CloseDialogueForm(request.POST)
    if form.is_valid():
        try:
            services.close_dialogue(request.user, dialogue, report=form.cleaned_data["report"])
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã kết thúc cuộc đối thoại."))
            return redirect("mobilisation:dialogue_detail", pk=pk)
    return _render_detail(request, SECTIONS["dialogue"], dialogue, status=400, close_form=form)


OVERDUE_SHOWN = 100  # per kind, oldest first; the count says how many there are in all


@require_GET
def overdue_commitments(request: HttpRequest) -> HttpResponse:
    """Commitments past due (paginated), then briefing tasks and supervision recommendations past due."""
    today = timezone.localdate()
    page = paginate(request, services.overdue_commitments(request.user, today))
    others = []
    for title, section, model in (
        (_("Nhiệm vụ sau giao ban quá hạn"), "briefing", BriefingTask),
        (_("Kiến nghị sau giám sát quá hạn"), "supervision", SupervisionRecommendation),
    ):
        overdue = services.overdue_follow_ups(request.user, model, today)
        others.append((title, section, overdue[:OVERDUE_SHOWN], overdue.count()))
    return render(request, "mobilisation/overdue.html", {"page": page, "today": today, "others": others})


# ---------------------------------------------------------------- follow-ups (commitments, tasks, recommendations)

FOLLOW_UP_PARENTS = {
    DialogueCommitment: ("dialogue", "dialogue"),
    BriefingTask: ("briefing", "briefing"),
    SupervisionRecommendation: ("supervision", "supervision"),
}


def _complete(request: HttpRequest, model, pk: int) -> HttpResponse:
    item = scoped_object_or_404(model, request.user, action=Action.CHANGE, pk=pk)
    parent_attr, section = FOLLOW_UP_PARENTS[model]
    parent = getattr(item, parent_attr)
    form = forms.CompleteForm(request.POST)
    if form.is_valid():
        try:
            services.complete_follow_up(request.user, item, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận hoàn thành."))
            return redirect(f"mobilisation:{section}_detail", pk=parent.pk)
    return _render_detail(request, SECTIONS[section], parent, status=400, complete_form=form, completing=item.pk)


@require_POST
def commitment_complete(request: HttpRequest, pk: int) -> HttpResponse:
    return _complete(request, DialogueCommitment, pk)


@require_POST
def task_complete(request: HttpRequest, pk: int) -> HttpResponse:
    return _complete(request, BriefingTask, pk)


@require_POST
def recommendation_complete(request: HttpRequest, pk: int) -> HttpResponse:
    return _complete(request, SupervisionRecommendation, pk)


def _add_follow_up(request: HttpRequest, model, section: str, add, pk: int) -> HttpResponse:
    parent = scoped_object_or_404(model, request.user, action=Action.CHANGE, pk=pk)
    form = forms.FollowUpForm(request.POST)
    if form.is_valid():
        try:
            add(request.user, parent, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect(f"mobilisation:{section}_detail", pk=pk)
    return _render_detail(request, SECTIONS[section], parent, status=400, item_form=form)


@require_POST
@create_once
def briefing_add_task(request: HttpRequest, pk: int) -> HttpResponse:
    return _add_follow_up(request, Briefing, "briefing", services.add_briefing_task, pk)


@require_POST
@create_once
def supervision_add_recommendation(request: HttpRequest, pk: int) -> HttpResponse:
    return _add_follow_up(request, Supervision, "supervision", services.add_recommendation, pk)


# ---------------------------------------------------------------- "Dân vận khéo" models

TRANSITION_SERVICES = {
    PracticeStatus.BUILDING: lambda actor, practice, data: services.start_building(
        actor, practice, on=data["on"], note=data["note"]
    ),
    PracticeStatus.RECOGNISED: lambda actor, practice, data: services.recognise(
        actor, practice, on=data["on"], level=data["level"], decision=data["decision"], note=data["note"]
    ),
    PracticeStatus.REPLICATED: lambda actor, practice, data: services.replicate(
        actor, practice, on=data["on"], note=data["note"]
    ),
}


@require_POST
def practice_transition(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    practice = scoped_object_or_404(GoodPractice, request.user, action=Action.CHANGE, pk=pk)
    if step not in TRANSITION_SERVICES:
        raise Http404
    form = forms.TransitionForm(request.POST, step=step)
    if form.is_valid():
        try:
            TRANSITION_SERVICES[step](request.user, practice, form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Mô hình chuyển sang: %(status)s.") % {"status": PracticeStatus(step).label})
            return redirect("mobilisation:practice_detail", pk=pk)
    return _render_detail(request, SECTIONS["practice"], practice, status=400, failed_step=form)


@require_POST
@create_once
def practice_add_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    practice = scoped_object_or_404(GoodPractice, request.user, action=Action.CHANGE, pk=pk)
    form = forms.EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_evidence(request.user, practice, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã thêm tài liệu minh chứng."))
            return redirect("mobilisation:practice_detail", pk=pk)
    return _render_detail(request, SECTIONS["practice"], practice, status=400, evidence_form=form)


@require_GET
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = scoped_object_or_404(GoodPracticeEvidence, request.user, pk=pk)
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.file.name.rsplit("/", 1)[-1])


# ---------------------------------------------------------------- archive and restore


def _section_and_record(obj) -> tuple[str, Any]:
    """The section page that shows `obj`: its own, or its parent's for a child row."""
    for key, spec in SECTIONS.items():
        if isinstance(obj, spec.model):
            return key, obj
    if isinstance(obj, DirectiveReview):
        return "directive", obj.directive
    return _section_and_record(obj.scope_parent)


def _archive_or_restore(request: HttpRequest, kind: str, pk: int, change, done: str) -> HttpResponse:
    model = services.ARCHIVABLE.get(kind)
    if model is None:
        raise Http404
    obj = scoped_object_or_404(model, request.user, action=Action.CHANGE, pk=pk)
    section, record = _section_and_record(obj)
    form = forms.ArchiveForm(request.POST)
    if form.is_valid():
        try:
            change(request.user, obj, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, done % {"obj": obj})
            return redirect(f"mobilisation:{section}_detail", pk=record.pk)
    return _render_detail(request, SECTIONS[section], record, status=400, archive_form=form)


@require_POST
def archive_record(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Archive with a reason (nothing is deleted); the record leaves the lists and the counts."""
    return _archive_or_restore(request, kind, pk, services.archive_record, _("Đã lưu trữ: %(obj)s."))


@require_POST
def restore_record(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    return _archive_or_restore(request, kind, pk, services.restore_record, _("Đã khôi phục: %(obj)s."))


# ---------------------------------------------------------------- directives


@require_POST
@create_once
def directive_file_review(request: HttpRequest, pk: int) -> HttpResponse:
    directive = scoped_object_or_404(Directive, request.user, pk=pk)
    _require_recorder(request.user)
    form = forms.ReviewForm(request.POST, user=request.user, directive=directive)
    if form.is_valid():
        try:
            services.file_review(request.user, directive, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi báo cáo."))
            return redirect("mobilisation:directive_detail", pk=pk)
    return _render_detail(request, SECTIONS["directive"], directive, status=400, review_form=form)


@require_GET
def missing_reviews(request: HttpRequest) -> HttpResponse:
    """Interim and final reviews due by today and not filed, over every directive in the user's scope."""
    root = _scope_root(request.user)
    today = timezone.localdate()
    groups = services.missing_reviews_in_scope(request.user, root, today) if root else []
    return render(
        request,
        "mobilisation/missing_reviews.html",
        {"groups": groups, "today": today, "root": root, "total": sum(len(missing) for _d, missing in groups)},
    )


# ---------------------------------------------------------------- bulk entry of propaganda sessions


@require_http_methods(["GET", "POST"])
@create_once
def session_bulk(request: HttpRequest) -> HttpResponse:
    """Many sessions from one grid; all rows are saved or none."""
    _require_recorder(request.user)
    data = request.POST or None
    target = forms.BulkOrganisationForm(data, user=request.user)
    rows_wanted = ascii_int(request.GET.get("dong"), 1, forms.BULK_MAX_ROWS) or 10
    formset = forms.session_row_formset(rows_wanted)(data, queryset=PropagandaSession.objects.none())
    errors: list[str] = []
    if request.method == "POST" and target.is_valid():
        if formset.is_valid():
            rows = [
                services.SessionRow(line=index, **{k: form.cleaned_data.get(k) for k in services.SESSION_FIELDS})
                for index, form in enumerate(formset.forms, start=1)
                if form.has_changed()
            ]
            try:
                saved = services.record_propaganda_sessions(request.user, target.cleaned_data["organisation"], rows)
            except ValidationError as exc:
                errors = exc.messages
            else:
                messages.success(request, _("Đã lưu %(n)s buổi tuyên truyền.") % {"n": len(saved)})
                return redirect("mobilisation:session_list")
        else:
            for index, form in enumerate(formset.forms, start=1):
                for field, messages_ in form.errors.items():
                    errors += [services.row_error(index, field, message) for message in messages_]
            errors += formset.non_form_errors()
    status = 400 if errors or target.errors else 200
    return render(
        request,
        "mobilisation/session_bulk.html",
        {
            "target": target,
            "formset": formset,
            "errors": errors,
            "section": SECTIONS["session"],
            "more_rows": min(formset.total_form_count() + 20, forms.BULK_MAX_ROWS),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@create_once
def session_import(request: HttpRequest) -> HttpResponse:
    """Upload the Excel template; a bad row rejects the whole file with its row number and column."""
    _require_recorder(request.user)
    form = forms.SessionImportForm(request.POST or None, request.FILES or None, user=request.user)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            rows = imports.read_sessions_workbook(form.cleaned_data["workbook"])
            saved = services.record_propaganda_sessions(request.user, form.cleaned_data["organisation"], rows)
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, _("Đã nhập %(n)s buổi tuyên truyền từ tệp Excel.") % {"n": len(saved)})
            return redirect("mobilisation:session_list")
    status = 400 if errors or form.errors else 200
    return render(
        request,
        "mobilisation/session_import.html",
        {"form": form, "errors": errors, "section": SECTIONS["session"]},
        status=status,
    )


@require_GET
def session_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        imports.build_template(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-buoi-tuyen-truyen.xlsx"'
    return response
