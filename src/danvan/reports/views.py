"""Reports pages: the dashboard, its charts, the Word and Excel documents, and the entry of aggregates.

A user reports only on units of their own subtree: the unit is looked up through
`Area.objects.restrict(user)`, so an outsider gets 404 like everywhere else.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from danvan.core.formatting import vn_number
from danvan.core.forms import INT_MAX, ascii_id, ascii_int
from danvan.core.models import Action
from danvan.core.views import scoped_queryset
from danvan.reports import charts
from danvan.reports.documents import GeneratedFile, excel_report, word_report
from danvan.reports.forms import EntryPeriodForm, ReportChoiceForm
from danvan.reports.models import EnteredValue, Indicator
from danvan.reports.narrative import compare_phrase
from danvan.reports.rollup import Report, build_report, catalogue
from danvan.reports.services import EntryLine, enter_values, entry_lines
from danvan.units.models import Area, Organisation


def _root(user) -> Area:
    if user.organisation_id:
        return user.organisation.area
    if user.is_superuser:
        root = Area.objects.filter(parent__isnull=True).order_by("pk").first()
        if root is not None:
            return root
    raise Http404


def _choice(request: HttpRequest) -> ReportChoiceForm:
    """The unit and period asked for; a unit outside the user's subtree is a 404, not a silent default."""
    root = _root(request.user)
    today = timezone.localdate()
    visible = scoped_queryset(Area, request.user)
    asked = request.GET if request.method == "GET" else request.POST
    unit_id = asked.get("don_vi")
    if unit_id:
        unit_id = ascii_id(unit_id)
        if unit_id is None or not visible.filter(pk=unit_id).exists():
            raise Http404
    units = visible.filter(pk__in=[root.pk, *([unit_id] if unit_id else [])]) | visible.filter(parent=root).current(
        today)
    return ReportChoiceForm(asked or None, root=root, today=today, units=units.order_by("path"))


def _report(form: ReportChoiceForm) -> Report:
    return build_report(form.unit, form.period)


def _sorted_rows(report: Report, key: str) -> list:
    rows = [row for row in report.rows if row.area is not None]
    descending = key.startswith("-")
    code = key.lstrip("-")
    if code == "ten" or not code:
        return sorted(rows, key=lambda r: r.label, reverse=descending)
    if code not in report.total.current:
        return rows

    def number(row):
        value = row.current[code].number
        return (value is not None, value or 0)

    return sorted(rows, key=number, reverse=descending)


def _open_letters(user, today):
    """Overdue letters of the user's subtree, if the letters app provides them."""
    try:
        from danvan.letters.models import Letter
        from danvan.letters.workflow import LetterStatus
    except ImportError:
        return None
    done = [LetterStatus.RESOLVED, LetterStatus.CLOSED, LetterStatus.FILED, LetterStatus.FORWARDED,
            LetterStatus.GUIDED]
    return (scoped_queryset(Letter, user).filter(archived_at__isnull=True, due_on__lt=today)
            .exclude(status__in=done).select_related("organisation").order_by("due_on", "pk")[:20])


def _open_commitments(user, today):
    try:
        from danvan.mobilisation.choices import FollowUpStatus
        from danvan.mobilisation.models import DialogueCommitment
    except ImportError:
        return None
    return (scoped_queryset(DialogueCommitment, user).filter(archived_at__isnull=True, status=FollowUpStatus.OPEN,
                                                             dialogue__archived_at__isnull=True)
            .select_related("dialogue", "dialogue__organisation").order_by("due_on", "pk")[:20])


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    form = _choice(request)
    report = _report(form)
    today = timezone.localdate()
    key_indicators = [i for i in report.indicators if i.key_figure]
    figures = []
    for indicator in key_indicators:
        now, before = report.total.current[indicator.code], report.total.previous[indicator.code]
        trend = "" if indicator.is_ratio else compare_phrase(now.value, before.value, indicator.unit)
        figures.append({"indicator": indicator, "now": now, "before": before, "trend": trend,
                        "direction": (now.number or 0) - (before.number or 0)})
    sort = request.GET.get("sap_xep", "ten")
    query = {"don_vi": form.unit.pk, "ky": request.GET.get("ky", ""), "chot": request.GET.get("chot", ""),
             "tu_ngay": request.GET.get("tu_ngay", ""), "den_ngay": request.GET.get("den_ngay", "")}
    query = {k: v for k, v in query.items() if v}
    columns = [{"indicator": i, "sort": i.code, "active": sort.lstrip("-") == i.code,
                "next": f"-{i.code}" if sort != f"-{i.code}" else i.code} for i in key_indicators]
    return render(request, "reports/dashboard.html", {
        "form": form,
        "report": report,
        "figures": figures,
        "columns": columns,
        "rows": _sorted_rows(report, sort),
        "sort": sort,
        "query": urlencode(query),
        "charts": [
            (_("Biểu đồ chỉ tiêu chủ yếu so với cùng kỳ"), charts.data_uri(charts.comparison_chart(report, "svg"))),
            *([(_("Biểu đồ lượt tiếp công dân theo đơn vị"),
                charts.data_uri(charts.units_chart(report, charts.UNITS_CODE, "svg")))]
              if report.rows and charts.UNITS_CODE in report.total.current else []),
        ],
        "overdue_letters": _open_letters(request.user, today),
        "open_commitments": _open_commitments(request.user, today),
        "today": today,
        "can_enter": request.user.can_record,
    })


@require_GET
def chart(request: HttpRequest) -> HttpResponse:
    form = _choice(request)
    report = _report(form)
    kind = request.GET.get("bieu_do", "chi-tieu")
    if kind == "don-vi" and charts.UNITS_CODE in report.total.current:
        content = charts.units_chart(report, charts.UNITS_CODE, "svg")
    elif kind == "chi-tieu":
        content = charts.comparison_chart(report, "svg")
    else:
        raise Http404
    response = HttpResponse(content, content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=60"
    return response


def _download(generated: GeneratedFile) -> HttpResponse:
    response = HttpResponse(generated.content, content_type=generated.content_type)
    response["Content-Disposition"] = f'attachment; filename="{generated.filename}"'
    return response


@require_POST
def document(request: HttpRequest) -> HttpResponse:
    """The Word or Excel report of the chosen unit and period. A Word report takes the next number of
    the user's organisation (a viewer gets an unnumbered draft)."""
    form = _choice(request)
    if not form.is_valid():
        messages.error(request, _("Kỳ báo cáo không hợp lệ: %(errors)s") % {
            "errors": "; ".join(str(e) for errors in form.errors.values() for e in errors)})
        return redirect("reports:dashboard")
    report = _report(form)
    kind = request.POST.get("dinh_dang")
    if kind == "xlsx":
        return _download(excel_report(report))
    if kind == "docx":
        if request.user.organisation_id is None:
            messages.error(request, _("Tài khoản chưa gắn với cơ quan, tổ chức nào nên không thể ban hành báo cáo."))
            return redirect("reports:dashboard")
        return _download(word_report(request.user, request.user.organisation, report, timezone.localdate()))
    messages.error(request, _("Định dạng văn bản không hợp lệ."))
    return redirect("reports:dashboard")


@require_http_methods(["GET", "POST"])
def entry(request: HttpRequest) -> HttpResponse:
    """Bulk entry of aggregates by (or for) a unit that keeps no detailed records."""
    if not request.user.can_record:
        raise PermissionDenied
    organisations = (Organisation.objects.restrict(request.user, Action.VIEW).filter(active=True)
                     .select_related("area").order_by("area__path", "name"))
    chooser = EntryPeriodForm(request.GET if request.GET.get("ky") else None, organisations=organisations,
                              initial={"co_quan": request.user.organisation_id})
    if request.method == "POST":
        chooser = EntryPeriodForm(request.POST, organisations=organisations)
    lines_spec = entry_lines([i for i in catalogue() if not i.is_ratio])
    context = {"chooser": chooser, "lines": None, "errors": []}
    if not chooser.is_bound or not chooser.is_valid():
        if chooser.is_bound and "co_quan" in chooser.errors and request.POST.get("co_quan", request.GET.get("co_quan")):
            raise Http404
        return render(request, "reports/entry.html", context)
    organisation, period = chooser.cleaned_data["co_quan"], chooser.cleaned_data["period"]
    existing = {
        (row.indicator_id, row.disaggregation_key): row.value
        for row in scoped_queryset(EnteredValue, request.user).filter(
            organisation=organisation, period_start=period.start, period_end=period.end, archived_at__isnull=True)
    }
    rows = []
    errors: list[str] = []
    parsed: list[EntryLine] = []
    for indicator, key in lines_spec:
        name = f"v-{indicator.code}-{key}" if key else f"v-{indicator.code}"
        raw = request.POST.get(name, "") if request.method == "POST" else existing.get((indicator.pk, key), "")
        raw = str(raw).strip().replace(".", "")
        value = None
        line = EntryLine(indicator, key, None)
        if raw != "":
            value = ascii_int(raw, 0)  # the digits 0-9 only: "²".isdigit() is True, int("²") fails
            if value is None:
                errors.append(_("%(row)s: “%(value)s” không phải là số nguyên không âm.") % {
                    "row": line.label, "value": raw[:40]})
            elif value > INT_MAX:
                errors.append(_("%(row)s: “%(value)s” lớn hơn mức tối đa %(max)s.") % {
                    "row": line.label, "value": raw[:40], "max": vn_number(INT_MAX)})
                value = None
        parsed.append(EntryLine(indicator, key, value))
        rows.append({"name": name, "label": line.label, "unit": indicator.unit, "value": raw,
                     "group": indicator.get_group_display()})
    context.update({"lines": rows, "organisation": organisation, "period": period})
    if request.method == "POST":
        if not errors:
            try:
                changed = enter_values(request.user, organisation, period, parsed)
            except ValidationError as exc:
                errors = [m for messages_ in exc.message_dict.values() for m in messages_]
            else:
                messages.success(request, _("Đã lưu số liệu %(period)s của %(org)s (%(n)s dòng thay đổi).") % {
                    "period": period.label, "org": organisation, "n": changed})
                back = {"co_quan": organisation.pk, "ky": chooser.cleaned_data["ky"],
                        "chot": chooser.cleaned_data.get("chot") or ""}
                return redirect(f"{reverse('reports:entry')}?{urlencode(back)}")
        context["errors"] = errors
        return render(request, "reports/entry.html", context, status=400)
    return render(request, "reports/entry.html", context)


def indicators(request: HttpRequest) -> HttpResponse:
    """The catalogue, for officials to read what each figure counts."""
    return render(request, "reports/indicators.html", {
        "indicators": Indicator.objects.filter(archived_at__isnull=True).select_related("numerator", "denominator")
        .order_by("group", "position")})
