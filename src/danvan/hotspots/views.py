"""Pages of hot spots, alerts, the map and situation reports. Thin: records through `scoped_queryset`,
changes through `services`."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from danvan.core.forms import apply_errors as _form_errors
from danvan.core.models import Action
from danvan.core.submissions import create_once
from danvan.core.views import paginate, scoped_object_or_404, scoped_queryset
from danvan.hotspots import forms, queries, services
from danvan.hotspots.models import (
    Alert,
    AlertStatus,
    HotSpot,
    HotSpotLink,
    SituationReport,
    SituationTopic,
    SteeringMeasure,
)


def _require_recorder(user) -> None:
    if not user.can_record:
        raise PermissionDenied


# ---------------------------------------------------------------- hot spots


@require_GET
def hotspot_list(request: HttpRequest) -> HttpResponse:
    filters = forms.HotSpotFilter(request.GET or None)
    qs = scoped_queryset(HotSpot, request.user).active().select_related("subject_area").annotate(
        open_measures=Count("measures", filter=Q(measures__done_on__isnull=True, measures__archived_at__isnull=True))
    ).order_by("-identified_on", "-pk")
    if filters.is_valid():
        for name in ("status", "field", "risk_level"):
            if filters.cleaned_data.get(name):
                qs = qs.filter(**{name: filters.cleaned_data[name]})
    open_alerts = scoped_queryset(Alert, request.user).filter(status=AlertStatus.OPEN).count()
    return render(request, "hotspots/list.html", {
        "page": paginate(request, qs), "filters": filters, "open_alerts": open_alerts,
    })


@require_http_methods(["GET", "POST"])
@create_once
def hotspot_create(request: HttpRequest) -> HttpResponse:
    _require_recorder(request.user)
    form = forms.HotSpotForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            spot = services.create_hotspot(request.user, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã lập hồ sơ điểm nóng."))
            return redirect("hotspots:detail", pk=spot.pk)
    return render(request, "hotspots/form.html", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def hotspot_edit(request: HttpRequest, pk: int) -> HttpResponse:
    spot = scoped_object_or_404(HotSpot, request.user, action=Action.CHANGE, pk=pk)
    form = forms.HotSpotEditForm(request.POST or None, instance=spot, user=request.user)
    if request.method == "POST" and form.is_valid():
        fresh = HotSpot.objects.get(pk=spot.pk)
        try:
            services.update_hotspot(request.user, fresh, **{n: form.cleaned_data[n] for n in form.changed_data})
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã cập nhật."))
            return redirect("hotspots:detail", pk=spot.pk)
    return render(request, "hotspots/form.html", {"form": form, "object": spot}, status=400 if form.errors else 200)


def _detail(request: HttpRequest, spot: HotSpot, status: int = 200, **bound) -> HttpResponse:
    may_change = scoped_queryset(HotSpot, request.user, Action.CHANGE).filter(pk=spot.pk).exists()
    return render(request, "hotspots/detail.html", {
        "spot": spot,
        "measures": spot.measures.filter(archived_at__isnull=True),
        "linked": queries.linked_records(request.user, spot),
        "alerts": scoped_queryset(Alert, request.user).filter(hotspot=spot),
        "may_change": may_change,
        "today": timezone.localdate(),
        "measure_form": bound.get("measure_form") or forms.MeasureForm(),
        "complete_form": bound.get("complete_form") or forms.CompleteMeasureForm(),
        "complete_pk": bound.get("complete_pk"),
        "resolve_form": bound.get("resolve_form") or forms.ResolveForm(initial={"resolved_on": timezone.localdate()}),
        "status_form": bound.get("status_form") or forms.StatusForm(),
        "link_form": bound.get("link_form") or forms.LinkForm(),
    }, status=status)


@require_GET
def hotspot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, scoped_object_or_404(HotSpot, request.user, pk=pk))


def _post(request, pk, form_class, key, action):
    spot = scoped_object_or_404(HotSpot, request.user, action=Action.CHANGE, pk=pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            action(spot, form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect("hotspots:detail", pk=spot.pk)
    return _detail(request, spot, status=400, **{key: form})


@require_POST
@create_once
def measure_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(request, pk, forms.MeasureForm, "measure_form",
                 lambda spot, data: services.add_measure(request.user, spot, **data))


@require_POST
def measure_complete(request: HttpRequest, pk: int) -> HttpResponse:
    measure = scoped_object_or_404(SteeringMeasure, request.user, action=Action.CHANGE, pk=pk)
    form = forms.CompleteMeasureForm(request.POST)
    if form.is_valid():
        try:
            services.complete_measure(request.user, measure, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận hoàn thành biện pháp."))
            return redirect("hotspots:detail", pk=measure.hotspot_id)
    return _detail(request, measure.hotspot, status=400, complete_form=form, complete_pk=measure.pk)


@require_POST
def hotspot_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(request, pk, forms.ResolveForm, "resolve_form", lambda spot, data: services.resolve_hotspot(
        request.user, spot, on=data["resolved_on"], note=data.get("resolution_note") or ""))


@require_POST
def hotspot_status(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(request, pk, forms.StatusForm, "status_form", lambda spot, data: services.change_status(
        request.user, spot, data["status"], reason=data.get("reason") or ""))


@require_POST
def hotspot_link(request: HttpRequest, pk: int) -> HttpResponse:
    def add(spot, data):
        record = queries.linkable(request.user, data["kind"], data["number"])
        if record is None:
            raise ValidationError({"number": _("Không tìm thấy hồ sơ số này trong phạm vi của tài khoản.")})
        services.link(request.user, spot, record)

    return _post(request, pk, forms.LinkForm, "link_form", add)


@require_POST
def link_remove(request: HttpRequest, pk: int) -> HttpResponse:
    row = scoped_object_or_404(HotSpotLink, request.user, action=Action.CHANGE, pk=pk)
    services.unlink(request.user, row, reason=_("Bỏ liên kết hồ sơ"))
    messages.success(request, _("Đã bỏ liên kết."))
    return redirect("hotspots:detail", pk=row.hotspot_id)


# ---------------------------------------------------------------- alerts


@require_GET
def alert_list(request: HttpRequest) -> HttpResponse:
    filters = forms.AlertFilter(request.GET or None)
    qs = scoped_queryset(Alert, request.user).select_related("rule", "subject_area", "hotspot")
    status = (filters.cleaned_data.get("status") if filters.is_valid() else "") or AlertStatus.OPEN
    if status != "all":
        qs = qs.filter(status=status)
    return render(request, "hotspots/alert_list.html", {"page": paginate(request, qs), "filters": filters})


def _alert_detail(request, alert, status=200, **bound):
    return render(request, "hotspots/alert_detail.html", {
        "alert": alert,
        "records": queries.alert_records(request.user, alert),
        "may_review": alert.status == AlertStatus.OPEN and request.user.can_record,
        "dismiss_form": bound.get("dismiss_form") or forms.DismissForm(),
        "open_form": bound.get("open_form") or forms.OpenAsHotSpotForm(
            user=request.user, initial={"title": alert.explanation[:120], "lead_body": ""}),
    }, status=status)


@require_GET
def alert_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _alert_detail(request, scoped_object_or_404(Alert, request.user, pk=pk))


@require_POST
def alert_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    alert = scoped_object_or_404(Alert, request.user, action=Action.CHANGE, pk=pk)
    form = forms.DismissForm(request.POST)
    if form.is_valid():
        try:
            services.dismiss_alert(request.user, alert, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã bỏ qua cảnh báo."))
            return redirect("hotspots:alert_list")
    return _alert_detail(request, alert, status=400, dismiss_form=form)


@require_POST
@create_once
def alert_open(request: HttpRequest, pk: int) -> HttpResponse:
    alert = scoped_object_or_404(Alert, request.user, action=Action.CHANGE, pk=pk)
    form = forms.OpenAsHotSpotForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            spot = services.open_alert_as_hotspot(request.user, alert, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã lập hồ sơ điểm nóng từ cảnh báo."))
            return redirect("hotspots:detail", pk=spot.pk)
    return _alert_detail(request, alert, status=400, open_form=form)


# ---------------------------------------------------------------- map


@require_GET
def hotspot_map(request: HttpRequest) -> HttpResponse:
    points = queries.map_points(request.user)
    return render(request, "hotspots/map.html", {"map": queries.draw_map(points), "points": points})


# ---------------------------------------------------------------- situation reports


@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    qs = scoped_queryset(SituationReport, request.user).active().select_related("organisation").annotate(
        n_topics=Count("topics", filter=Q(topics__archived_at__isnull=True))).order_by("-period_end", "-pk")
    return render(request, "hotspots/report_list.html", {
        "page": paginate(request, qs), "combined": queries.combined_topics(request.user)})


@require_http_methods(["GET", "POST"])
@create_once
def report_create(request: HttpRequest) -> HttpResponse:
    _require_recorder(request.user)
    form = forms.SituationReportForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.file_report(request.user, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu báo cáo; thêm các vấn đề bên dưới."))
            return redirect("hotspots:report_detail", pk=report.pk)
    return render(request, "hotspots/report_form.html", {"form": form}, status=400 if form.errors else 200)


def _report_detail(request, report, status=200, **bound):
    may_change = scoped_queryset(SituationReport, request.user, Action.CHANGE).filter(pk=report.pk).exists()
    return render(request, "hotspots/report_detail.html", {
        "report": report,
        "topics": report.topics.filter(archived_at__isnull=True).select_related("subject_area", "hotspot"),
        "may_change": may_change,
        "topic_form": bound.get("topic_form") or forms.TopicForm(user=request.user),
        "raise_form": forms.OpenAsHotSpotForm(user=request.user),
    }, status=status)


@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _report_detail(request, scoped_object_or_404(SituationReport, request.user, pk=pk))


@require_POST
@create_once
def report_add_topic(request: HttpRequest, pk: int) -> HttpResponse:
    report = scoped_object_or_404(SituationReport, request.user, action=Action.CHANGE, pk=pk)
    form = forms.TopicForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.add_topic(request.user, report, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã thêm vấn đề."))
            return redirect("hotspots:report_detail", pk=report.pk)
    return _report_detail(request, report, status=400, topic_form=form)


@require_POST
@create_once
def topic_raise(request: HttpRequest, pk: int) -> HttpResponse:
    topic = scoped_object_or_404(SituationTopic, request.user, pk=pk)
    _require_recorder(request.user)
    form = forms.OpenAsHotSpotForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            spot = services.raise_topic(request.user, topic, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã nâng vấn đề thành điểm nóng."))
            return redirect("hotspots:detail", pk=spot.pk)
    messages.error(request, "; ".join(f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}"
                                      for f, e in form.errors.items()))
    return redirect("hotspots:report_detail", pk=topic.report_id)
