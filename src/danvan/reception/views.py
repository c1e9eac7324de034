"""Thin views of the reception register: fetch through the scoped helpers, call the services, render."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Sum
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from danvan.core.choices import ContentKind, Field, choice_labels
from danvan.core.concurrency import add_version_field, show_conflict, submitted_version
from danvan.core.formatting import vn_date, vn_number
from danvan.core.forms import apply_errors as _apply_errors
from danvan.core.forms import ascii_int, shared_fields_html
from danvan.core.models import Action
from danvan.core.submissions import create_once
from danvan.core.text import escape_html
from danvan.core.views import paginate, scoped_object_or_404, scoped_queryset, url_prefix
from danvan.letters.models import Letter
from danvan.people.identity import identity_html
from danvan.people.models import Citizen
from danvan.reception import services
from danvan.reception.forms import (
    ArchiveForm,
    RegisterPeriodForm,
    ScanForm,
    SessionFilterForm,
    SessionForm,
    VisitForm,
)
from danvan.reception.models import Handling, Occurrence, ReceptionSession, SessionKind, Visit, VisitAttachment

# The printed register covers at most a year: a longer period is a report, not a register.
REGISTER_MAX_DAYS = 366
REGISTER_COLUMNS = (
    "persons", "representatives", "summary", "content_kind", "field", "occurrence", "handling", "notes",
    "organisation_id", "session__date", "session__kind", "session__online", "session__organisation__name",
    "subject_area__name", *(f"citizen__{name}" for name in Citizen.IDENTITY_FIELDS),
    # What the identity gate reads to decide how to show each citizen: deferred, they cost two queries a row
    # (a province's month: 580 queries and 200 ms of CPU per view under load).
    "citizen__protected_since", "citizen__recorded_by_id",
)


def _rows(user, visits, context: str, *, with_session: bool = False) -> list[dict]:
    """Each visit with its citizen's identity as `user` may see it (masked for a denouncer below head level),
    and its choices' labels translated once per page rather than by `get_FOO_display` on every row."""
    labels = {name: choice_labels(choices) for name, choices in (
        ("content_kind", ContentKind), ("field", Field), ("occurrence", Occurrence), ("handling", Handling),
        ("session_kind", SessionKind))}
    rows = []
    for visit in visits:
        row = {name: labels[name].get(getattr(visit, name), getattr(visit, name))
               for name in ("content_kind", "field", "occurrence", "handling")}
        row["visit"] = visit
        row["identity"] = services.visit_identity(user, visit, context=f"{context} #{visit.pk}")
        if with_session:  # the register: each visit's session, and the cells' text made once here (a month of a
            # province is a thousand rows: filters and lookups in the template were most of its rendering)
            session = visit.session
            row["session_kind"] = labels["session_kind"].get(session.kind, session.kind)
            row.update(date=vn_date(session.date), persons=vn_number(visit.persons), online=session.online,
                       large_group=visit.is_large_group, place=visit.subject_area.name if visit.subject_area_id else "",
                       body=session.organisation.name)
        rows.append(row)
    return rows


@require_GET
def session_list(request: HttpRequest) -> HttpResponse:
    form = SessionFilterForm(request.GET or None, user=request.user)
    sessions = scoped_queryset(ReceptionSession, request.user).active().select_related("organisation")
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["q"]:  # a citizen's name or CCCD, through the identity gate
            sessions = sessions.filter(pk__in=services.visits_of_citizens_named(request.user, data["q"])
                                       .values("session_id"))
        if data["kind"]:
            sessions = sessions.filter(kind=data["kind"])
        if data["date_from"]:
            sessions = sessions.filter(date__gte=data["date_from"])
        if data["date_to"]:
            sessions = sessions.filter(date__lte=data["date_to"])
        if data["area"]:
            sessions = sessions.filter(area__path__startswith=data["area"].path)
        visit_filter = {k: data[k] for k in ("content_kind", "field") if data[k]}
        if visit_filter:
            matching = Visit.objects.active().filter(**visit_filter).values("session_id")
            sessions = sessions.filter(pk__in=matching)
    # The count is read once per version of the sessions and visits, the unit tree (the scope's areas) and, for a
    # search by a citizen's name, the citizens (ADR 0030): counting a province's sessions was 5 ms of PostgreSQL's
    # CPU on every view of the page.
    searched_citizens = form.is_bound and form.is_valid() and bool(form.cleaned_data["q"])
    page = paginate(request, sessions.order_by("-date", "-pk"),
                    count_labels=("reception", "units", "people") if searched_citizens else ("reception", "units"))
    # Visits and persons are summed for the sessions of this page only, in one grouped query: annotating the
    # whole list would aggregate every visit of the scope before the page is cut (and again to count it).
    totals = {
        row["session_id"]: row
        for row in Visit.objects.filter(session__in=[s.pk for s in page], archived_at__isnull=True)
        .values("session_id").annotate(visit_count=Count("pk"), person_count=Sum("persons")).order_by()
    }
    kinds = choice_labels(SessionKind)
    detail = url_prefix("reception:session_detail")
    rows = [
        {"url": f"{detail}{session.pk}/", "date": vn_date(session.date),
         "kind": kinds.get(session.kind, session.kind), "online": session.online,
         "organisation": str(session.organisation), "place": session.place,
         "presiding_name": session.presiding_name, "presiding_position": session.presiding_position,
         "visits": vn_number(totals.get(session.pk, {}).get("visit_count", 0)),
         "persons": vn_number(totals.get(session.pk, {}).get("person_count") or 0)}
        for session in page
    ]
    return render(request, "reception/session_list.html",
                  {"form": form, "sessions": page, "rows": rows, "rows_html": _session_rows_html(rows),
                   "filter_fields": shared_fields_html(form, _filter_fields)})


def _filter_fields(form) -> str:
    """The filter form's fields, as the list's template wrote them (kept when every reader gets the same:
    `core.forms.shared_fields_html`)."""
    return "".join(f"<div>{field.label_tag()}{field}{field.errors}</div>" for field in form)


_SESSION_ROW = ('<tr><td><a href="{url}">{date}</a></td><td>{kind}{online}</td><td>{organisation}</td>'
                '<td>{place}</td><td>{presiding}</td><td class="num">{visits}</td><td class="num">{persons}</td></tr>')


def _session_rows_html(rows: list[dict]) -> SafeString:
    """The session list's rows, written here rather than by the template (ADR 0032): fifty rows with a `{% url %}`
    and five filters each were a fifth of the page's CPU. Every text is escaped as the template escaped it."""
    esc = escape_html
    online = f' <span class="badge">{esc(_("trực tuyến"))}</span>'
    return mark_safe("".join(
        _SESSION_ROW.format(
            url=esc(row["url"]), date=esc(row["date"]), kind=esc(row["kind"]), online=online if row["online"] else "",
            organisation=esc(row["organisation"]), place=esc(row["place"]),
            presiding=esc(row["presiding_name"]) + (f'<br><span class="muted">{esc(row["presiding_position"])}</span>'
                                                    if row["presiding_position"] else ""),
            visits=esc(row["visits"]), persons=esc(row["persons"]))
        for row in rows
    ))


@require_http_methods(["GET", "POST"])
@create_once
def session_create(request: HttpRequest) -> HttpResponse:
    if not request.user.can_record:
        raise PermissionDenied
    form = SessionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.open_session(request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Đã mở buổi tiếp công dân."))
            return redirect("reception:session_detail", pk=session.pk)
    status = 400 if form.is_bound else 200
    return render(request, "reception/session_form.html", {"form": form, "session": None},
                  status=status)


@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = scoped_object_or_404(ReceptionSession, request.user, action=Action.CHANGE, pk=pk)
    initial = {name: getattr(session, name) for name in services.SESSION_EDITABLE_FIELDS}
    initial["organisation"] = session.organisation
    form = SessionForm(request.POST or None, user=request.user, initial=initial)
    form.fields["organisation"].disabled = True
    if request.method == "POST" and form.is_valid():
        changes = {k: v for k, v in form.cleaned_data.items() if k in services.SESSION_EDITABLE_FIELDS}
        try:
            services.update_session(request.user, session, **changes)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu buổi tiếp."))
            return redirect("reception:session_detail", pk=session.pk)
    status = 400 if form.is_bound else 200
    return render(request, "reception/session_form.html", {"form": form, "session": session}, status=status)


def _matches_context(user, form) -> dict:
    """On a re-rendered intake form, the petitioner matches again, with the officer's choice kept."""
    if not form.is_bound:
        return {}
    full_name, id_number = form.data.get("full_name", ""), form.data.get("id_number", "")
    try:
        selected = int(form.data.get("citizen") or 0)
    except ValueError:
        selected = 0
    matches = services.intake_matches(user, full_name=full_name, id_number=id_number)
    return {"matches": matches, "searched": bool(full_name.strip() or id_number.strip()),
            "selected": selected or services.exact_match(matches)}


def _session_page(request, session, visit_form, status=200) -> HttpResponse:
    visits = (
        session.visits.filter(archived_at__isnull=True)
        .select_related("citizen", "subject_area", "matter")
        .order_by("pk")
    )
    context = {
        "session": session,
        "rows": _rows(request.user, visits, _("Buổi tiếp công dân")),
        "visit_form": visit_form,
        "archive_form": ArchiveForm(),
    }
    if visit_form is not None:
        context |= _matches_context(request.user, visit_form)
    return render(request, "reception/session_detail.html", context, status=status)


@require_GET
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = scoped_object_or_404(
        ReceptionSession.objects.select_related("organisation"), request.user, pk=pk
    )
    form = VisitForm(user=request.user) if request.user.can_record and not session.is_archived else None
    return _session_page(request, session, form)


@require_POST
def session_archive(request: HttpRequest, pk: int) -> HttpResponse:
    session = scoped_object_or_404(ReceptionSession, request.user, action=Action.CHANGE, pk=pk)
    form = ArchiveForm(request.POST)
    if form.is_valid():
        services.archive_session(request.user, session, reason=form.cleaned_data["reason"])
        messages.success(request, _("Đã lưu trữ buổi tiếp."))
        return redirect("reception:session_list")
    messages.error(request, _("Lý do lưu trữ: cần ghi lý do lưu trữ."))
    return redirect("reception:session_detail", pk=session.pk)


@require_http_methods(["GET", "POST"])
@create_once
def visit_create(request: HttpRequest, pk: int) -> HttpResponse:
    session = scoped_object_or_404(ReceptionSession, request.user, action=Action.CHANGE, pk=pk)
    if request.method == "GET":
        return redirect("reception:session_detail", pk=session.pk)
    form = VisitForm(request.POST, user=request.user)
    if form.is_valid():
        data = form.cleaned_data
        citizen: Citizen | services.CitizenDetails
        if data["citizen"]:
            citizen = scoped_queryset(Citizen, request.user).active().filter(pk=data["citizen"]).first()
        else:
            citizen = services.CitizenDetails(
                full_name=data["full_name"], id_number=data["id_number"], birth_year=data["birth_year"],
                address=data["address"], phone=data["phone"],
            )
        if citizen is None:
            form.add_error("full_name", _("Không tìm thấy công dân đã chọn; nhập lại họ và tên."))
        else:
            fields = {k: data[k] for k in services.VISIT_EDITABLE_FIELDS} | {"create_matter": data["create_matter"]}
            try:
                visit = services.record_visit(request.user, session, citizen=citizen, **fields)
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Đã ghi lượt tiếp số %(pk)s.") % {"pk": visit.pk})
                return redirect("reception:session_detail", pk=session.pk)
    return _session_page(request, session, form, status=400)


@require_GET
def citizen_matches(request: HttpRequest) -> HttpResponse:
    """Petitioner matching at intake (htmx): earlier citizens and visits, denouncers left out below head level."""
    if not request.user.can_record:
        raise PermissionDenied
    birth_year = ascii_int(request.GET.get("birth_year"), 1900, 2100)
    full_name = request.GET.get("full_name", "")[:120]
    id_number = request.GET.get("id_number", "")[:20]
    matches = services.intake_matches(request.user, full_name=full_name, id_number=id_number, birth_year=birth_year)
    searched = bool(full_name.strip() or id_number.strip())
    return render(request, "reception/_matches.html", {"matches": matches, "searched": searched,
                                                       "selected": services.exact_match(matches)})


@require_GET
def visit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visit = scoped_object_or_404(
        Visit.objects.select_related("session", "session__organisation", "citizen", "subject_area", "matter"),
        request.user,
        pk=pk,
    )
    return _visit_page(request, visit)


def _visit_page(request: HttpRequest, visit: Visit, scan_form=None, status: int = 200) -> HttpResponse:
    identity = services.visit_identity(request.user, visit, context=f"{_('Lượt tiếp công dân')} #{visit.pk}")
    letters = scoped_queryset(Letter, request.user).active().filter(source_visit=visit).order_by("pk")
    # A denouncer's scans are his own papers: shown to those who may see him (people.identity, Điều 8.3).
    scans = visit.attachments.active() if not identity.masked else VisitAttachment.objects.none()
    may_attach = request.user.can_record and not visit.is_archived and not identity.masked
    return render(request, "reception/visit_detail.html",
                  {"visit": visit, "identity": identity, "archive_form": ArchiveForm(), "letters": letters,
                   "scans": scans, "scan_form": (scan_form or ScanForm()) if may_attach else None}, status=status)


@require_POST
def visit_attach(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach scans to a visit (issue 16), like a letter's attachments."""
    visit = scoped_object_or_404(Visit.objects.select_related("session", "citizen"), request.user,
                                 action=Action.CHANGE, pk=pk)
    form = ScanForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            stored = services.attach_scans(request.user, visit, form.cleaned_data["attachments"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Đã đính kèm %(n)s tệp.") % {"n": len(stored)})
            return redirect("reception:visit_detail", pk=visit.pk)
    return _visit_page(request, visit, form, status=400)


@require_GET
def visit_attachment_download(request: HttpRequest, pk: int) -> HttpResponse:
    """A visit's scan: scoped through its visit (an outsider gets 404), and a denouncer's only to those who may
    see him."""
    from danvan.people import identity as identity_gate

    scan = scoped_object_or_404(VisitAttachment.objects.active().select_related("visit__citizen"), request.user,
                                pk=pk)
    if not identity_gate.may_see(request.user, scan.visit.citizen, record=scan.visit):
        raise PermissionDenied
    return FileResponse(scan.file.open("rb"), as_attachment=True, filename=scan.original_name)


@require_http_methods(["GET", "POST"])
def visit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    visit = scoped_object_or_404(Visit.objects.select_related("session"), request.user, action=Action.CHANGE, pk=pk)
    initial = {name: getattr(visit, name) for name in services.VISIT_EDITABLE_FIELDS}
    form = add_version_field(VisitForm(request.POST or None, user=request.user, with_citizen=False, initial=initial),
                             visit)
    if request.method == "POST" and form.is_valid():
        changes = {k: form.cleaned_data[k] for k in services.VISIT_EDITABLE_FIELDS}
        try:
            services.update_visit(request.user, visit, expected_version=submitted_version(form), **changes)
        except ValidationError as exc:
            _apply_errors(form, exc)
            show_conflict(form, exc)
        else:
            messages.success(request, _("Đã lưu lượt tiếp."))
            return redirect("reception:visit_detail", pk=visit.pk)
    status = 400 if form.is_bound else 200
    return render(request, "reception/visit_form.html", {"form": form, "visit": visit}, status=status)


@require_POST
def visit_archive(request: HttpRequest, pk: int) -> HttpResponse:
    visit = scoped_object_or_404(Visit, request.user, action=Action.CHANGE, pk=pk)
    form = ArchiveForm(request.POST)
    if form.is_valid():
        services.archive_visit(request.user, visit, reason=form.cleaned_data["reason"])
        messages.success(request, _("Đã lưu trữ lượt tiếp."))
        return redirect("reception:session_detail", pk=visit.session_id)
    messages.error(request, _("Lý do lưu trữ: cần ghi lý do lưu trữ."))
    return redirect("reception:visit_detail", pk=visit.pk)


@require_GET
def register(request: HttpRequest) -> HttpResponse:
    """The printable register (sổ tiếp công dân) of a period, after the register of TT 04/2021/TT-TTCP."""
    today = timezone.localdate()
    if "from" in request.GET or "to" in request.GET:
        form = RegisterPeriodForm(request.GET, user=request.user)
    else:
        form = RegisterPeriodForm({"from": today.replace(day=1).strftime("%d/%m/%Y"),
                                   "to": today.strftime("%d/%m/%Y")}, user=request.user)
    rows, period = [], None
    if form.is_valid():
        start, end = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
        if end - start > dt.timedelta(days=REGISTER_MAX_DAYS):
            form.add_error("date_to", _("Sổ tiếp công dân in tối đa một năm; chọn khoảng ngắn hơn."))
        else:
            period = (start, end)
            visits = (
                scoped_queryset(Visit, request.user).active()
                .filter(session__archived_at__isnull=True, session__date__gte=start, session__date__lte=end)
                .select_related("session", "session__organisation", "citizen", "subject_area")
                # A month of a province is a thousand rows of five records each: read only the columns the
                # register prints (the audit timestamps alone were most of the cost of loading them).
                .only(*REGISTER_COLUMNS)
                .order_by("session__date", "session_id", "pk")
            )
            if form.cleaned_data["organisation"]:
                visits = visits.filter(organisation=form.cleaned_data["organisation"])
            rows = _rows(request.user, visits, _("Sổ tiếp công dân"), with_session=True)
    status = 200 if form.is_valid() else 400
    return render(request, "reception/register.html",
                  {"form": form, "rows": rows, "rows_html": _register_rows_html(rows), "period": period,
                   "list_url": reverse("reception:session_list")}, status=status)


_REGISTER_ROW = ('<tr><td class="num">{number}</td><td>{date}</td><td>{identity}</td><td class="num">{persons}</td>'
                 '<td>{summary}</td><td>{content_kind}<br><span class="muted">{field}</span></td><td>{occurrence}</td>'
                 '<td>{session_kind}<br><span class="muted">{body}</span></td><td>{handling}</td><td>{notes}</td></tr>')


def _register_rows_html(rows: list[dict]) -> SafeString:
    """The register's rows, written here rather than by the template: a province's month is hundreds of rows of
    ten cells, and the template's loop was half of the page's CPU (19 ms of 40 for 261 rows). The same markup;
    every text escaped, as the template escaped it (`core.text.escape_html`: what Django's `escape` does), and the
    citizen's cell written by the identity gate's one rendering (`people.identity.identity_html`)."""
    esc = escape_html
    large, online = esc(_("đoàn đông người")), esc(_("trực tuyến"))
    written = []
    for number, row in enumerate(rows, start=1):
        visit = row["visit"]
        persons = esc(row["persons"])
        if visit.representatives:
            persons += '<br><span class="muted">{}</span>'.format(esc(
                ngettext("%(n)s đại diện", "%(n)s đại diện", visit.representatives)
                % {"n": vn_number(visit.representatives)}))
        if row["large_group"]:
            persons += f"<br>{large}"
        summary = esc(visit.summary)
        if row["place"]:
            summary += f'<br><span class="muted">{esc(row["place"])}</span>'
        session_kind = esc(row["session_kind"]) + (f" ({online})" if row["online"] else "")
        written.append(_REGISTER_ROW.format(
            number=number, date=esc(row["date"]), identity=identity_html(row["identity"]), persons=persons,
            summary=summary, content_kind=esc(row["content_kind"]), field=esc(row["field"]),
            occurrence=esc(row["occurrence"]), session_kind=session_kind, body=esc(row["body"]),
            handling=esc(row["handling"]), notes=esc(visit.notes)))
    return mark_safe("".join(written))
