"""Read a report: upload or paste it, review each figure beside its sentence, confirm, correct or drop it, and
store the confirmed ones as the unit's entered values for the period. Thin: the reading is `grammar`, the
storing `services.store_figures` (through reports' `enter_values`)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from danvan.core.forms import ascii_id, ascii_int
from danvan.core.models import Action
from danvan.reading.forms import ReadForm
from danvan.reading.grammar import value_text
from danvan.reading.services import Confirmed, held_figures, storable, store_figures
from danvan.reading.vocabulary import reader
from danvan.reports.models import Indicator, disaggregation_choices
from danvan.reports.periods import PeriodError, parse_period
from danvan.units.models import Organisation

MAX_ROWS = 500


def _organisations(user):
    return (Organisation.objects.restrict(user, Action.VIEW).filter(active=True)
            .select_related("area").order_by("area__path", "name"))


def _row(index: int, code: str, key: str, value, sentence: str, start: int, end: int, note: str,
         indicators: dict[str, Indicator], keep: bool = True, raw: str | None = None) -> dict:
    indicator = indicators.get(code)
    label = indicator.name if indicator else code
    if key and indicator:
        label += " – " + dict(disaggregation_choices(indicator.disaggregation)).get(key, key)
    start, end = max(0, min(start, len(sentence))), max(0, min(end, len(sentence)))
    return {"i": index, "code": code, "key": key, "label": label, "value": raw if raw is not None else value,
            "sentence": sentence, "start": start, "end": end, "before": sentence[:start],
            "mark": sentence[start:end], "after": sentence[end:], "note": note, "keep": keep,
            "storable": storable(code, key, indicators), "unit": indicator.unit if indicator else ""}


def _review(request, organisation, period, rows, unread, errors=(), status=200):
    held = held_figures(organisation, period, {r["code"] for r in rows if r["storable"]})
    for row in rows:
        before = held.get((row["code"], row["key"]))
        row["held"] = value_text(before) if before is not None else ""
        number = ascii_int(str(row["value"]).replace(".", ""), 0)
        row["differs"] = before is not None and number is not None and number != before
    return render(request, "reading/review.html", {
        "organisation": organisation, "period": period, "rows": rows, "unread": unread, "errors": list(errors),
        "storable": [r for r in rows if r["storable"]], "shown": [r for r in rows if not r["storable"]],
    }, status=status)


@require_http_methods(["GET", "POST"])
def read(request: HttpRequest) -> HttpResponse:
    if not request.user.can_record:
        raise PermissionDenied
    organisations = _organisations(request.user)
    if request.method == "POST" and request.POST.get("buoc") == "luu":
        return _confirm(request, organisations)
    form = ReadForm(request.POST or None, request.FILES or None, user=request.user,
                    initial={"co_quan": request.user.organisation_id})
    if request.method == "GET" or not form.is_valid():
        return render(request, "reading/read.html", {"form": form}, status=400 if form.is_bound else 200)
    organisation, period = form.cleaned_data["co_quan"], form.cleaned_data["period"]
    reading = reader().read(form.cleaned_data["text"])
    indicators = {i.code: i for i in Indicator.objects.filter(archived_at__isnull=True)}
    rows = []
    for index, figure in enumerate(reading.figures[:MAX_ROWS]):
        if figure.comparison is not None:
            note = (_("bằng cùng kỳ") if figure.comparison == 0 else
                    _("%(verb)s %(n)s so với cùng kỳ") % {"verb": _("tăng") if figure.comparison > 0 else _("giảm"),
                                                         "n": value_text(figure.value)})
            code_for_store = ""  # a change is shown, not stored
        elif figure.previous:
            note, code_for_store = _("số liệu cùng kỳ"), ""
        else:
            note, code_for_store = figure.approx, figure.indicator
        row = _row(index, figure.indicator, figure.key, value_text(figure.value), figure.sentence,
                   figure.start, figure.end, note, indicators)
        if not code_for_store:
            row["storable"] = False
        if row["storable"] and isinstance(figure.value, float):
            row["storable"] = False
        rows.append(row)
    return _review(request, organisation, period, rows, reading.unread)


def _confirm(request: HttpRequest, organisations) -> HttpResponse:
    organisation_id = ascii_id(request.POST.get("co_quan", ""))
    organisation = organisations.filter(pk=organisation_id).first() if organisation_id else None
    if organisation is None:
        raise Http404
    try:
        period = parse_period(request.POST.get("ky", "")[:40])
    except PeriodError as exc:
        messages.error(request, str(exc))
        return redirect("reading:read")
    indicators = {i.code: i for i in Indicator.objects.filter(archived_at__isnull=True)}
    count = ascii_int(request.POST.get("so_dong", ""), 0, MAX_ROWS) or 0
    rows, confirmed, errors = [], [], []
    for index in range(count):
        get = lambda name, i=index: request.POST.get(f"{name}-{i}", "")[:2000]  # noqa: E731
        code, key, raw = get("chi_tieu")[:40], get("chi_tiet")[:20], get("gia_tri").strip()
        start, end = ascii_int(get("dau"), 0, 2000) or 0, ascii_int(get("cuoi"), 0, 2000) or 0
        keep = get("giu") == "1"
        row = _row(index, code, key, None, get("cau"), start, end, get("ghi_chu")[:80], indicators, keep=keep,
                   raw=raw[:40])
        if not row["storable"]:
            continue
        rows.append(row)
        if not keep:
            continue
        value = ascii_int(raw.replace(".", ""), 0)
        if value is None:
            errors.append(_("%(name)s: “%(value)s” không phải là số nguyên không âm.") % {
                "name": row["label"], "value": raw[:40]})
            row["invalid"] = True
            continue
        confirmed.append(Confirmed(code, key, value))
    if not errors:
        try:
            changed = store_figures(request.user, organisation, period, confirmed)
        except ValidationError as exc:
            errors = [m for ms in exc.message_dict.values() for m in ms]
        else:
            messages.success(request, _("Đã lưu %(n)s số liệu đọc từ báo cáo cho %(org)s, %(period)s.") % {
                "n": changed, "org": organisation, "period": period.label})
            query = urlencode({"don_vi": organisation.area_id, "ky": period.code})
            return redirect(f"{reverse('reports:dashboard')}?{query}")
    return _review(request, organisation, period, rows, [], errors, status=400)
