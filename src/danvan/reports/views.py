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
from danvan.core.forms import ascii_id, ascii_int
from danvan.core.scope import scope_root_or_404 as _root
from danvan.core.views import scoped_queryset
from danvan.reports import charts, display, narrative
from danvan.reports import services as report_services
from danvan.reports.cache import LIFETIME, cached_drawing, cached_report
from danvan.reports.documents import GeneratedFile, excel_report, word_document
from danvan.reports.forms import EntryPeriodForm, ReportChoiceForm, ReportSettingsForm, ReportTextForm
from danvan.reports.models import EnteredValue, Indicator, IndicatorGroup, ReportDocument, value_maximum
from danvan.reports.periods import up_to
from danvan.reports.rollup import Report, Violation, build_report, catalogue
from danvan.reports.services import EntryLine, enter_values, entry_lines
from danvan.units.models import Area


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
    return ReportChoiceForm(asked or None, root=root, today=today, units=units.order_by("path"), user=request.user)


def _report(form: ReportChoiceForm) -> Report:
    # A period not over yet is reported up to today and compared with the same days last year.
    # Computed once per unit, period, day and data version (reports.cache), not on every view.
    today = timezone.localdate()
    return cached_report(form.unit, up_to(form.period, today), today)


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
        from danvan.letters import queries as letter_queries
        from danvan.letters.models import Letter
    except ImportError:
        return None
    # One definition of "overdue", the work queue's (letters.queries): a finished letter has no deadline.
    return (letter_queries.overdue(scoped_queryset(Letter, user).filter(archived_at__isnull=True), today)
            .select_related("organisation").order_by("due_on", "pk")[:20])


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
        trend = "" if indicator.is_ratio else display.trend_phrase(now.value, before.value, indicator.unit)
        figures.append({"indicator": indicator, "label": display.indicator_label(indicator), "now": now,
                        "before": before, "trend": trend,
                        "direction": (now.number or 0) - (before.number or 0)})
    sort = request.GET.get("sap_xep", "ten")
    query = {"don_vi": form.unit.pk, "ky": request.GET.get("ky", ""), "chot": request.GET.get("chot", ""),
             "tu_ngay": request.GET.get("tu_ngay", ""), "den_ngay": request.GET.get("den_ngay", "")}
    query = {k: v for k, v in query.items() if v}
    columns = [{"indicator": i, "label": display.indicator_label(i), "sort": i.code,
                "active": sort.lstrip("-") == i.code,
                "next": f"-{i.code}" if sort != f"-{i.code}" else i.code} for i in key_indicators]
    return render(request, "reports/dashboard.html", {
        "form": form,
        "report": report,
        "period_label": display.period_label(report.period),
        "previous_label": display.period_label(report.previous_period),
        "figures": figures,
        "columns": columns,
        "rows": _sorted_rows(report, sort),
        "sort": sort,
        "query": urlencode(query),
        # A unit's link: the same period and order for that unit (once: "don_vi" twice took the last one).
        "unit_query": urlencode({k: v for k, v in query.items() if k != "don_vi"}),
        "cache_lifetime": LIFETIME,
        "charts": [
            (_("Biểu đồ chỉ tiêu chủ yếu so với cùng kỳ"), cached_drawing(
                report, "comparison", lambda: charts.data_uri(charts.comparison_chart(report, "svg")))),
            *([(_("Biểu đồ lượt tiếp công dân theo đơn vị"), cached_drawing(
                report, "units", lambda: charts.data_uri(charts.units_chart(report, charts.UNITS_CODE, "svg"))))]
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
        content = cached_drawing(report, "units.svg", lambda: charts.units_chart(report, charts.UNITS_CODE, "svg"))
    elif kind == "chi-tieu":
        content = cached_drawing(report, "comparison.svg", lambda: charts.comparison_chart(report, "svg"))
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
    """The Excel workbook, or the Word report of the chosen unit and period: an officer gets a new draft to
    edit in the browser, a viewer an unnumbered draft file. No number is taken: only issuing does that."""
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
            messages.error(request, _("Tài khoản chưa gắn với cơ quan, tổ chức nào nên không thể lập báo cáo."))
            return redirect("reports:dashboard")
        if not request.user.can_record:
            return _download(word_document(request.user.organisation, report, timezone.localdate()))
        draft = report_services.create_draft(request.user, request.user.organisation, report_area=report.root,
                                             period=report.period)
        messages.success(request, _("Đã lập dự thảo báo cáo; viết phần đánh giá, phương hướng, kiến nghị rồi trình "
                                    "lãnh đạo ban hành."))
        return redirect("reports:report_detail", pk=draft.pk)
    messages.error(request, _("Định dạng văn bản không hợp lệ."))
    return redirect("reports:dashboard")


@require_http_methods(["GET", "POST"])
def entry(request: HttpRequest) -> HttpResponse:
    """Bulk entry of aggregates by (or for) a unit that keeps no detailed records."""
    if not request.user.can_record:
        raise PermissionDenied
    chooser = EntryPeriodForm(request.GET if request.GET.get("ky") else None, user=request.user,
                              initial={"co_quan": request.user.organisation_id})
    if request.method == "POST":
        chooser = EntryPeriodForm(request.POST, user=request.user)
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
            elif value > value_maximum(indicator.unit):
                errors.append(_("%(row)s: “%(value)s” lớn hơn mức tối đa %(max)s.") % {
                    "row": line.label, "value": raw[:40], "max": vn_number(value_maximum(indicator.unit))})
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


# --- Drafts and issued reports -------------------------------------------------------------------------------

# Where the records behind a finding are listed, per work area (the letters list filters by unit).
FINDING_LINKS = {
    IndicatorGroup.RECEPTION: ("reception:session_list", "area"),
    IndicatorGroup.LETTERS: ("letters:letter_list", "unit"),
    IndicatorGroup.DIALOGUES: ("mobilisation:index", ""),
    IndicatorGroup.MODELS: ("mobilisation:index", ""),
    IndicatorGroup.ACTIVITIES: ("mobilisation:index", ""),
}


def finding_links(violation: Violation) -> list[tuple[str, str]]:
    """(label, URL) of the records behind a finding: the list of its work area for the unit, and the
    aggregates entered for the period."""
    links = []
    name, parameter = FINDING_LINKS.get(violation.rule.left.group, ("", ""))
    if name:
        url = reverse(name)
        if parameter and violation.area is not None:
            url += "?" + urlencode({parameter: violation.area.pk})
        links.append((_("Hồ sơ %(group)s") % {"group": violation.rule.left.get_group_display().lower()}, url))
    links.append((_("Số liệu đơn vị nhập"), reverse("reports:entry")))
    return links


def _report_document(request: HttpRequest, pk: int) -> ReportDocument:
    found = scoped_queryset(ReportDocument, request.user).filter(pk=pk, archived_at__isnull=True).select_related(
        "organisation", "report_area", "issued", "replaces__issued").first()
    if found is None:
        raise Http404
    return found


@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    documents = (scoped_queryset(ReportDocument, request.user).filter(archived_at__isnull=True)
                 .select_related("organisation", "report_area", "issued").defer("issued_file")[:200])
    return render(request, "reports/report_list.html", {"documents": documents})


@require_http_methods(["GET", "POST"])
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A report: the figure sections as danvan writes them (refreshed from the data while it is a draft), the
    validation findings with links to their records, and the texts, signature and recipients to edit."""
    document = _report_document(request, pk)
    form = ReportTextForm(request.POST if request.method == "POST" else None, instance=document,
                          disabled=not document.is_draft or not request.user.can_record)
    if request.method == "POST":
        if not request.user.can_record or not document.is_draft:
            messages.error(request, _("Báo cáo đã ban hành hoặc tài khoản chỉ có quyền xem: không sửa được."))
            return redirect("reports:report_detail", pk=document.pk)
        if form.is_valid():
            report_services.save_draft(request.user, document, **form.cleaned_data)
            messages.success(request, _("Đã lưu dự thảo."))
            return redirect("reports:report_detail", pk=document.pk)
    context = {"document": document, "form": form}
    if document.is_draft:
        report = build_report(document.report_area, report_services.document_period(document),
                              as_of=timezone.localdate())
        context.update({
            "report": report,
            "sections": narrative.sections(report),
            "findings": [(violation, finding_links(violation)) for violation in report.violations],
        })
    return render(request, "reports/report_detail.html", context, status=400 if form.errors else 200)


@require_GET
def report_download(request: HttpRequest, pk: int) -> HttpResponse:
    """A draft is built from today's data; an issued report is the file as issued, byte for byte."""
    document = _report_document(request, pk)
    return _download(report_services.draft_file(document, timezone.localdate()))


@require_POST
def report_issue(request: HttpRequest, pk: int) -> HttpResponse:
    document = _report_document(request, pk)
    try:
        report_services.issue_report(request.user, document, on=timezone.localdate())
    except PermissionDenied as exc:
        messages.error(request, str(exc) or _("Không có quyền ban hành."))
    except ValidationError as exc:
        messages.error(request, "; ".join(m for ms in exc.message_dict.values() for m in ms))
    else:
        messages.success(request, _("Đã ban hành báo cáo."))
    return redirect("reports:report_detail", pk=document.pk)


@require_POST
def report_replace(request: HttpRequest, pk: int) -> HttpResponse:
    """A corrected re-issue: a new draft that says which issued report it replaces."""
    document = _report_document(request, pk)
    if document.is_draft or not request.user.can_record:
        messages.error(request, _("Chỉ lập báo cáo thay thế cho báo cáo đã ban hành."))
        return redirect("reports:report_detail", pk=document.pk)
    period = report_services.document_period(document)
    draft = report_services.create_draft(request.user, document.organisation, report_area=document.report_area,
                                         period=period, replaces=document)
    return redirect("reports:report_detail", pk=draft.pk)


@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    """Who signs the reports of the user's own body, in what capacity, and who receives them: the defaults of
    its next drafts (each draft may still change them). Seen by its members, changed by a head or an
    administrator only."""
    organisation = request.user.organisation
    if organisation is None:
        raise Http404
    settings = report_services.report_settings(organisation)
    editable = report_services.may_edit_report_settings(request.user, organisation)
    if request.method == "POST" and not editable:
        raise PermissionDenied
    form = ReportSettingsForm(request.POST if request.method == "POST" else None, instance=settings,
                              disabled=not editable)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in report_services.SIGNATURE}
        try:
            report_services.save_report_settings(request.user, organisation, **values)
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(name if name in form.fields else None, error)
        else:
            messages.success(request, _("Đã lưu người ký và nơi nhận; các dự thảo lập sau sẽ dùng thiết lập này."))
            return redirect("reports:settings")
    return render(request, "reports/settings.html", {
        "form": form, "organisation": organisation, "editable": editable,
    }, status=400 if form.errors else 200)
