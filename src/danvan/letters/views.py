"""Thin views of letters: fetch through the scoped helpers, call the services, render."""

from __future__ import annotations

import datetime as dt
import mimetypes
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, Prefetch
from django.forms import Form, Media
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.html import conditional_escape
from django.utils.http import content_disposition_header
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.middleware import HtmxDetails

from danvan.core.choices import ContentKind, choice_labels
from danvan.core.choices import Field as FieldChoice
from danvan.core.concurrency import add_version_field, show_conflict, submitted_version
from danvan.core.exports import StreamedWorkbook
from danvan.core.formatting import vn_date
from danvan.core.forms import apply_errors as _apply_errors
from danvan.core.forms import ascii_int, shared_fields_html
from danvan.core.models import Action
from danvan.core.scope import scope_root as _scope_root
from danvan.core.submissions import create_once
from danvan.core.text import escape_html
from danvan.core.views import paginate, scoped_object_or_404, scoped_queryset, url_prefix
from danvan.legal.services import current_legal
from danvan.letters import counts, forms, queries, services
from danvan.letters import deadlines as letter_deadlines
from danvan.letters.models import Channel, Letter, LetterAttachment, LetterPause, LetterPetitioner
from danvan.letters.workflow import LetterStatus, offered_actions
from danvan.papers.queries import notice_rows, pending_notices

# The services name the letter's fields; some action forms call the same value otherwise.
ERROR_ALIASES = {
    "forward": {"decided_on": "forwarded_on"},
    "guide": {"decided_on": "guided_on"},
    "file": {"decided_on": "filed_on", "filed_reason": "reason"},
    "reply": {"forward_reply_on": "replied_on", "forward_reply_summary": "summary"},
}


# ------------------------------------------------------------------------------------------------ list

SEARCH_COUNT_CAP = 1000
# What a row of the list shows, and what the identity gate reads for its names (anonymous, signers, handler).
LIST_FIELDS = ("received_on", "summary", "content_kind", "field", "status", "due_on", "signer_count", "anonymous",
               "handler_id")


def _filtered_letters(request: HttpRequest):
    form = forms.LetterFilterForm(request.GET or None, user=request.user)
    letters = scoped_queryset(Letter, request.user).active()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        letters = queries.filter_letters(letters, status=data["status"], content_kind=data["content_kind"],
                                         field=data["field"], unit=data["unit"], deadline=data["deadline"],
                                         today=timezone.localdate(), stage=data["stage"],
                                         handler=request.user if data["mine"] else None)
        letters = queries.search_letters(request.user, letters, data["q"])
        if data["notice"] == "pending":
            # The notices owed and not sent (papers.queries, one definition with the work queue's tile).
            owed = {n.letter_id for n in pending_notices(letters, timezone.localdate())}
            letters = letters.filter(pk__in=sorted(owed))
    return form, letters


# The links with their citizens in one query joined (`letter_id IN (…)`). Prefetching
# "petitioner_links__citizen" instead costs a second query, which Django 5.2 writes on SQLite as
# `id = 1 OR id = 2 OR …`: from about a thousand letters SQLite refuses it ("Expression tree is too
# large", the export's 500 of issue 13).
PETITIONER_LINKS = Prefetch("petitioner_links", queryset=LetterPetitioner.objects.select_related("citizen"))


@require_GET
def letter_list(request: HttpRequest) -> HttpResponse:
    form, letters = _filtered_letters(request)
    searched = form.is_bound and form.is_valid() and bool(form.cleaned_data["q"].strip())
    # Only the columns the page shows (and the identity gate reads): the list is the page officers open most,
    # and loading the letters' forty columns was a tenth of its CPU. A search's count stops past 1.000 letters
    # ("Hơn 1.000 đơn"): counted exactly, a common name cost most of a second a page.
    # Unsearched, the count is read once per version of the letters and the unit tree (the scope's areas).
    page = paginate(request, letters.only(*LIST_FIELDS).order_by("-received_on", "-pk"),
                    cap=SEARCH_COUNT_CAP if searched else None, count_labels=("letters", "units"))
    kinds, fields, statuses = (choice_labels(ContentKind), choice_labels(FieldChoice),
                               choice_labels(LetterStatus))
    # One reverse() for the page, not one per row.
    detail = url_prefix("letters:letter_detail")
    # The signers' names of the whole page in one query of the columns the gate reads (as the export does): the
    # signers with their citizens' every column cost a quarter of the page's CPU.
    letters = list(page)
    names = queries.petitioner_names_by_letter(request.user, letters, context=_("Danh sách đơn"))
    # Each cell's text made here, once: the template then only places it (the page's fifty rows were half of its
    # rendering, most of it in filters and lookups).
    today = timezone.localdate()
    rows = [
        {"code": letter.code, "url": f"{detail}{letter.pk}/", "received": vn_date(letter.received_on),
         "names": ", ".join(names[letter.pk]), "group": letter.is_group_letter, "summary": letter.summary,
         "content_kind": kinds.get(letter.content_kind, letter.content_kind),
         "field": fields.get(letter.field, letter.field), "status": statuses.get(letter.status, letter.status),
         "due": vn_date(letter.due_on), "overdue": letter.due_on is not None and letter.due_on < today}
        for letter in letters
    ]
    labels = _list_labels()
    return render(request, "letters/letter_list.html",
                  {"form": form, "page": page, "rows": rows, "labels": labels.values(),
                   "rows_html": _list_rows_html(rows, labels),
                   "filter_fields": shared_fields_html(form, _filter_fields)})


def _filter_fields(form: Form) -> str:
    """The filter form's fields, as the list's template wrote them (kept when every reader gets the same:
    `core.forms.shared_fields_html`)."""
    return "".join(f'<div><label for="{conditional_escape(field.id_for_label)}">{conditional_escape(field.label)}'
                   f"</label>{field}</div>" for field in form)


# The list's columns, in order. Each cell carries its column's name (data-label): the caption of a row's card
# on a phone (issue 16).
LIST_COLUMNS = ("code", "received", "who", "summary", "content_kind", "field", "status", "due")


def _list_labels() -> dict[str, str]:
    return dict(zip(LIST_COLUMNS, (_("Số hiệu"), _("Ngày nhận"), _("Người viết đơn"), _("Tóm tắt"), _("Loại đơn"),
                                   _("Lĩnh vực"), _("Trạng thái"), _("Hạn")), strict=True))


_LIST_ROW = ('<tr><td data-label="{code}"><a href="{url}">{code_text}</a></td>'
             '<td data-label="{received}">{received_text}</td><td data-label="{who}">{who_text}</td>'
             '<td data-label="{summary}">{summary_text}</td><td data-label="{content_kind}">{content_kind_text}</td>'
             '<td data-label="{field}">{field_text}</td><td data-label="{status}">{status_text}</td>'
             '<td data-label="{due}">{due_text}</td></tr>')


def _list_rows_html(rows: list[dict], labels: dict[str, str]) -> SafeString:
    """The list's rows, written here rather than by the template: fifty rows of eight cells were 1,7 ms of the
    page's 3,9 ms of rendering, and this makes the same markup in 0,3 ms. Every text is escaped, as the
    template escaped it (`core.text.escape_html`: what Django's `escape` does)."""
    esc = escape_html
    heads = {name: esc(label) for name, label in labels.items()}
    anonymous = f'<span class="muted">{esc(_("Nặc danh"))}</span>'
    group = f' <span class="badge warn">{esc(_("Đơn đông người"))}</span>'
    overdue = f' <span class="badge bad">{esc(_("Quá hạn"))}</span>'
    return mark_safe("".join(
        _LIST_ROW.format(
            **heads, url=esc(row["url"]), code_text=esc(row["code"]), received_text=esc(row["received"]),
            who_text=(esc(row["names"]) if row["names"] else anonymous) + (group if row["group"] else ""),
            summary_text=esc(row["summary"]), content_kind_text=esc(row["content_kind"]),
            field_text=esc(row["field"]), status_text=esc(row["status"]),
            due_text=esc(row["due"]) + (overdue if row["overdue"] else ""),
        )
        for row in rows
    ))


@require_GET
def export(request: HttpRequest) -> HttpResponse:
    """The filtered letter list as an Excel file, protected petitioners masked as on the page.

    Any number of letters (issue 13): they are read in chunks of EXPORT_CHUNK, with the petitioners of a
    chunk in one query, so the queries do not grow with the letters (1, plus 1 per chunk, plus one write
    of a chunk's identity reveals); rows go to a workbook on disk, streamed back (core.exports).
    """
    _form, letters = _filtered_letters(request)
    letters = (letters.only(*EXPORT_FIELDS).annotate(organisation_name=F("organisation__name"))
               .order_by("-received_on", "-pk").iterator(chunk_size=EXPORT_CHUNK))
    kinds, fields, statuses = (choice_labels(ContentKind), choice_labels(FieldChoice),
                               choice_labels(LetterStatus))
    book = StreamedWorkbook("Don thu", [_("Số hiệu"), _("Ngày nhận"), _("Người viết đơn"), _("Tóm tắt"),
                                        _("Loại đơn"), _("Lĩnh vực"), _("Trạng thái"), _("Hạn"), _("Cơ quan")],
                            widths=(10, 11, 28, 60, 16, 22, 18, 11, 40))
    context, anonymous = _("Xuất Excel danh sách đơn"), _("Nặc danh")
    for chunk in _chunks(letters, EXPORT_CHUNK):
        names = queries.petitioner_names_by_letter(request.user, chunk, context=context)
        for letter in chunk:
            book.append([letter.code, vn_date(letter.received_on), ", ".join(names[letter.pk]) or anonymous,
                         letter.summary, kinds.get(letter.content_kind, letter.content_kind),
                         fields.get(letter.field, letter.field), statuses.get(letter.status, letter.status),
                         vn_date(letter.due_on), letter.organisation_name])
    return book.response(f"don-thu-{timezone.localdate():%Y%m%d}.xlsx")


# Letters per chunk: 2.000 ids in one `IN (…)` is well within SQLite's 32.766 parameters.
EXPORT_CHUNK = 2000
EXPORT_FIELDS = ("received_on", "summary", "content_kind", "field", "status", "due_on", "anonymous", "signer_count",
                 "handler")


def _chunks(items, size: int):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# ---------------------------------------------------------------------------------------------- intake

def _intake(request: HttpRequest, *, visit=None) -> HttpResponse:
    if not request.user.can_record:
        raise PermissionDenied
    if request.method == "POST":
        form = forms.LetterIntakeForm(request.POST, request.FILES, user=request.user, visit=visit)
        if form.is_valid():
            data = form.cleaned_data
            try:
                letter = services.receive_letter(
                    request.user, data["organisation"], received_on=data["received_on"], summary=data["summary"],
                    content=data["content"], content_kind=data["content_kind"], field=data["field"],
                    channel=Channel.VISIT if visit is not None else data["channel"],
                    subject_area=data["subject_area"], anonymous=data.get("anonymous", False),
                    petitioners=form.existing(), new_petitioners=form.new_petitioners(), matter=data["matter"],
                    forwarded_by_body=data.get("forwarded_by_body", ""),
                    forwarded_by_number=data.get("forwarded_by_number", ""),
                    source_visit=visit, previous_letter=data["previous_letter"], attachments=data["attachments"],
                    decision_known_on=data.get("decision_known_on"),
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Đã tiếp nhận đơn %(code)s.") % {"code": letter.code})
                return redirect("letters:letter_detail", pk=letter.pk)
        status = 400
    else:
        initial = {}
        if visit is not None:
            initial = {
                "organisation": visit.organisation_id, "channel": Channel.VISIT, "received_on": visit.session.date,
                "summary": visit.summary[:500], "content_kind": visit.content_kind, "field": visit.field,
                "subject_area": visit.subject_area_id, "matter": visit.matter_id,
            }
        form = forms.LetterIntakeForm(initial=initial, user=request.user, visit=visit)
        status = 200
    visit_identity = None
    if visit is not None:
        from danvan.reception.services import visit_identity as reception_identity

        visit_identity = reception_identity(request.user, visit, context=_("Tạo đơn từ lượt tiếp #%(pk)s")
                                            % {"pk": visit.pk})
    # A visit usually hands in one letter: say so if one was already made from it.
    visit_letters = (scoped_queryset(Letter, request.user).active().filter(source_visit=visit).order_by("pk")
                     if visit is not None else [])
    return render(request, "letters/letter_form.html",
                  {"form": form, "visit": visit, "visit_identity": visit_identity, "visit_letters": visit_letters},
                  status=status)


@require_http_methods(["GET", "POST"])
@create_once
def letter_create(request: HttpRequest) -> HttpResponse:
    return _intake(request)


@require_http_methods(["GET", "POST"])
@create_once
def letter_from_visit(request: HttpRequest, visit_pk: int) -> HttpResponse:
    """A letter handed in at a reception visit: the visit's content prefills the form, the citizen signs it."""
    from danvan.reception.models import Visit

    visit = scoped_object_or_404(Visit.objects.select_related("session", "citizen"), request.user,
                                 Action.CHANGE, pk=visit_pk)
    return _intake(request, visit=visit)


@require_GET
def petitioner_matches(request: HttpRequest) -> HttpResponse:
    """htmx: citizens already recorded who match what the officer types, with their earlier letters.

    A protected denouncer the officer may not see is left out (`people.identity.hidden_from`): even a
    masked hit would confirm that the person typed has denounced (Luật Tố cáo 2018 Điều 8.3).
    """
    from danvan.people import identity
    from danvan.people.services import find_matching_citizens

    if not request.user.can_record:
        raise PermissionDenied  # an intake tool, like the reception desk's matching

    birth_year = request.GET.get("petitioner_birth_year", "")
    matches = find_matching_citizens(
        request.user, full_name=request.GET.get("petitioner_name", ""),
        id_number=request.GET.get("petitioner_id_number", ""),
        birth_year=ascii_int(birth_year, 1900, 2100),
    )
    hidden = identity.hidden_from(request.user, (m.citizen.pk for m in matches))
    rows = []
    for match in matches:
        if match.citizen.pk in hidden:
            continue
        shown = identity.show(request.user, match.citizen, context=_("Đối chiếu người viết đơn"))
        rows.append({"citizen_id": match.citizen.pk, "identity": shown, "reason": match.reason,
                     "letters": queries.earlier_letters_for(request.user, match.citizen.pk)})
    return render(request, "letters/_petitioner_matches.html", {"rows": rows})


# ---------------------------------------------------------------------------------------------- detail

ACTION_FORMS: dict[str, type[Form]] = {
    "amend": forms.AmendForm,
    "attach": forms.AttachForm,
    "classify": forms.ClassifyForm,
    "accept": forms.AcceptForm,
    "assign": forms.AssignForm,
    "forward": forms.ForwardForm,
    "reply": forms.ReplyForm,
    "guide": forms.GuideForm,
    "file": forms.FileForm,
    "start": forms.StartForm,
    "resolve": forms.ResolveForm,
    "close": forms.CloseForm,
    "reopen": forms.ReopenForm,
    "pause": forms.PauseForm,
    "end_pause": forms.EndPauseForm,
    "cancel_pause": forms.CancelPauseForm,
    "extend": forms.ExtensionForm,
    "deliver": forms.DeliveryForm,
    "known_on": forms.KnownOnForm,
    "obstacle": forms.ObstacleForm,
}
NEEDS_LETTER = {"accept", "assign", "resolve", "amend"}

ACTION_LABELS = {
    "classify": _("Phân loại đơn"), "accept": _("Thụ lý"), "assign": _("Giao người xử lý"),
    "forward": _("Chuyển đơn"), "reply": _("Ghi văn bản trả lời"), "guide": _("Hướng dẫn công dân"),
    "file": _("Lưu đơn"), "start": _("Bắt đầu giải quyết"), "resolve": _("Ghi kết quả giải quyết"),
    "close": _("Kết thúc đơn"), "reopen": _("Mở lại đơn"), "pause": _("Tạm dừng thời hạn"),
    "end_pause": _("Tiếp tục giải quyết"), "cancel_pause": _("Hủy lần tạm dừng"),
    "extend": _("Gia hạn giải quyết"),
    "deliver": _("Ghi ngày người khiếu nại nhận quyết định"),
    "known_on": _("Ghi ngày biết được quyết định, hành vi bị khiếu nại"),
    "obstacle": _("Ghi lý do khách quan làm gián đoạn thời hiệu"),
    "amend": _("Sửa thông tin tiếp nhận"), "attach": _("Thêm tệp đính kèm"),
}


def _make_form(name: str, letter: Letter, user, data=None, files=None):
    cls = ACTION_FORMS[name]
    kwargs = {"letter": letter} if name in NEEDS_LETTER else {}
    if name == "amend":
        kwargs["user"] = user  # its commune is a picker searched in the user's province (ADR 0020)
    if data is None and name == "classify":
        kwargs["initial"] = {"content_kind": letter.content_kind, "field": letter.field,
                             "complexity": letter.complexity, "several_places": letter.several_places,
                             "qualifying": "no" if letter.anonymous else "yes"}
    form = cls(data, files, prefix=name, **kwargs)
    if name == "amend":  # an edit of the letter's own fields: another officer's save in between is not overwritten
        add_version_field(form, letter)
    return form


def _available_actions(user, letter: Letter) -> list[str]:
    if not user.can_record or letter.is_archived:
        return []
    names = list(offered_actions(letter.status, qualifying=letter.qualifying,
                                 within_jurisdiction=letter.within_jurisdiction))
    if letter.status in ("accepted", "in_progress") and letter.content_kind == "denunciation" \
            and letter.complexity != "normal":
        names.append("extend")
    if "pause" in names:
        names += ["end_pause", "cancel_pause"]  # on the pauses listed under the deadlines
    protected = letter.protects_identity
    if letter.content_kind == "complaint":
        # The complaint's own dates (Luật Khiếu nại 2011 Điều 9 and 33), whatever the handling state.
        if letter.complaint_round == 1:
            names.append("obstacle" if letter.decision_known_on else "known_on")
        if letter.resolved_on and not letter.decision_delivered_on:
            names.append("deliver")
    if not protected or user.can_approve or user.is_superuser:
        names.append("assign")
    if not protected or letter.may_see_identity(user):
        # The form shows the letter's content: a denunciation's only to its handler and heads (Điều 47).
        names += ["amend", "attach"]
    return names


# Actions whose forms are drawn per pause, not in the list of actions.
PAUSE_ACTIONS = {"end_pause", "cancel_pause"}


def _call_service(name: str, user, letter: Letter, data: dict, form=None):
    if name == "amend":
        return services.amend_letter(user, letter, reason=data["reason"], expected_version=submitted_version(form),
                                     **form.changes(letter))
    if name == "attach":
        return services.attach_files(user, letter, data["attachments"])
    if name == "classify":
        return services.classify_letter(user, letter, **data)
    if name == "accept":
        return services.accept_letter(user, letter, **data)
    if name == "assign":
        return services.assign_handler(user, letter, data["handler"])
    if name == "forward":
        return services.forward_letter(user, letter, **data)
    if name == "reply":
        return services.record_forward_reply(user, letter, **data)
    if name == "guide":
        return services.guide_citizen(user, letter, **data)
    if name == "file":
        return services.file_letter(user, letter, **data)
    if name == "start":
        return services.start_resolution(user, letter, **data)
    if name == "resolve":
        return services.resolve_letter(user, letter, **data)
    if name == "close":
        return services.close_letter(user, letter, **data)
    if name == "reopen":
        return services.reopen_letter(user, letter, **data)
    if name == "pause":
        return services.add_pause(user, letter, **data)
    if name in PAUSE_ACTIONS:
        pause = LetterPause.objects.filter(letter=letter, pk=data["pause"], archived_at__isnull=True).first()
        if pause is None:
            raise ValidationError({"pause": _("Không tìm thấy lần tạm dừng này.")})
        if name == "cancel_pause":
            return services.cancel_pause(user, pause, reason=data["reason"])
        return services.end_pause(user, pause, end=data["end"])
    if name == "extend":
        return services.grant_extension(user, letter, **data)
    if name == "deliver":
        return services.record_decision_delivery(user, letter, **data)
    if name == "known_on":
        return services.record_decision_known_on(user, letter, **data)
    if name == "obstacle":
        return services.add_limitation_obstacle(user, letter, **data)
    raise Http404


def _detail(request: HttpRequest, letter: Letter, *, bound: dict | None = None, opening: str = "",
            status: int = 200) -> HttpResponse:
    user = request.user
    context_label = _("Chi tiết đơn %(code)s") % {"code": letter.code}
    action_names = _available_actions(user, letter)
    offered = [name for name in action_names if name not in PAUSE_ACTIONS]
    # The first action's form open, with the one asked for or sent back with errors. The others are made when
    # the officer opens them (`_action_form`, ADR 0031): making and writing every form was a third of the
    # page's CPU.
    opened = set(offered[:1]) | ({bound["name"]} if bound else set()) | ({opening} if opening in offered else set())
    action_forms = [
        {"name": name, "label": ACTION_LABELS[name], "open": name in opened,
         "form": (bound["form"] if bound and bound["name"] == name
                  else _make_form(name, letter, user) if name in opened else None)}
        for name in offered
    ]
    today = timezone.localdate()
    calendar, rulebook = current_legal()  # once for the page, one query when unchanged (danvan.legal)
    # Each deadline with the law and article it follows (stored with it; ADR 0017), then each notice owed to the
    # citizen, done once it is sent.
    deadline_rows = [
        (label, date, letter_deadlines.remaining(date, today, calendar) if date and letter.due_on == date else None,
         rule, None)
        for label, date, rule in ((_("Hạn xử lý ban đầu, thụ lý"), letter.acceptance_deadline, letter.acceptance_rule),
                                  (_("Hạn giải quyết"), letter.resolution_deadline, letter.resolution_rule))
    ] + [(n.label, n.due_on, None, n.rule, n) for n in notice_rows(letter, calendar, rulebook)]
    pauses = list(letter.pauses.filter(archived_at__isnull=True))
    protected = letter.protects_identity
    return render(request, "letters/letter_detail.html", {
        "letter": letter,
        "protected": protected,
        "petitioners": queries.petitioner_identities(user, letter, context=context_label),
        "may_see_identity": not protected or letter.may_see_identity(user),
        # Who made each change by name only (`User.__str__`): the accounts' fourteen columns compiled into SQL
        # were a fortieth of the page's CPU.
        "timeline": letter.status_changes.select_related("by").only(
            "letter", "to_status", "at", "reason", "by__first_name", "by__last_name", "by__username"),
        "pauses": pauses,
        "open_pauses": [p for p in pauses if p.end is None] if "pause" in action_names else [],
        "pause_actions": "pause" in action_names,
        "end_pause_form": bound["form"] if bound and bound["name"] == "end_pause" else None,
        "cancel_pause_form": bound["form"] if bound and bound["name"] == "cancel_pause" else None,
        # The related lists below read only the columns the page shows (and the link back to the letter, which
        # Django sets on each row): their every column compiled into SQL was a tenth of the page's CPU.
        "attachments": letter.attachments.filter(archived_at__isnull=True).only("letter", "original_name", "size"),
        "deadline_rows": deadline_rows,
        "action_forms": action_forms,
        # The pickers' script and style once (the amend form's commune), whichever forms carry one, opened or not:
        # read from the forms' declared fields.
        "media": sum((field.widget.media for name in offered for field in ACTION_FORMS[name].base_fields.values()),
                     Media()),
        "later_letters": letter.later_letters.only("previous_letter"),  # shown by code (the id)
        "second_window": letter_deadlines.second_complaint_window(letter, calendar, rulebook),
        "limitation": letter_deadlines.limitation(letter, calendar, rulebook),
        "out_of_time": letter_deadlines.out_of_time(letter, calendar, rulebook),
        "extension_decisions": letter.extension_decisions.filter(archived_at__isnull=True).only(
            "letter", "decision", "decided_on", "days"),
        "matter_letters": letter.matter.letters.restrict(user).active().exclude(pk=letter.pk).order_by("received_on")
        .only("matter"),  # shown by code (the id)
        "today": today,
    }, status=status)


def _letter_qs():
    # Four joins; the other relations are read by id when the letter has them. With all eight tables joined,
    # PostgreSQL spent 7 ms planning the page's first query for 0,2 ms running it: half the letter page's cost
    # at the database (0,5 ms planned with four).
    return (Letter.objects.select_related("organisation", "area", "matter", "handler")
            .prefetch_related("subject_area", "previous_letter", "source_visit"))


@require_GET
def letter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # The signers read once: the identity gate asks for them three times on this page (the actions offered,
    # whether the letter is protected, the names shown).
    return _detail(request, scoped_object_or_404(_letter_qs().prefetch_related(PETITIONER_LINKS), request.user,
                                                 pk=pk))


@require_http_methods(["GET", "POST"])
@create_once
def letter_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One POST view for every workflow action; the service decides whether it is allowed. GET: its form."""
    if request.method == "GET":
        return _action_form(request, pk, action)
    letter = scoped_object_or_404(_letter_qs(), request.user, Action.CHANGE, pk=pk)
    if action not in ACTION_FORMS:
        raise Http404
    form = _make_form(action, letter, request.user, request.POST, request.FILES)
    if action not in _available_actions(request.user, letter):
        # A page left open while someone else moved the letter on; the services would refuse it too.
        messages.error(request, _not_offered(letter, action))
        return _detail(request, letter, status=400)
    if form.is_valid():
        try:
            _call_service(action, request.user, letter, form.cleaned_data, form)
        except ValidationError as exc:
            _apply_errors(form, exc, ERROR_ALIASES.get(action))
            show_conflict(form, exc)
        else:
            messages.success(request, _("Đã cập nhật: %(action)s.") % {"action": ACTION_LABELS[action]})
            return redirect("letters:letter_detail", pk=letter.pk)
    letter.refresh_from_db()
    return _detail(request, letter, bound={"name": action, "form": form}, status=400)


def _not_offered(letter: Letter, action: str) -> str:
    return _("Thao tác «%(action)s» không áp dụng cho đơn ở trạng thái «%(status)s».") % {
        "action": ACTION_LABELS[action], "status": letter.get_status_display()}


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails  # set by django_htmx's middleware


def _action_form(request: HtmxHttpRequest, pk: int, action: str) -> HttpResponse:
    """A closed action's form, made when the officer opens it: with htmx, the form alone in its place on the
    page; without JavaScript, the letter page with that form open. Offered on the same terms as on the page, to
    those who may send it (403 otherwise, as the POST)."""
    letter = scoped_object_or_404(_letter_qs().prefetch_related(PETITIONER_LINKS), request.user, Action.CHANGE,
                                  pk=pk)
    if action not in ACTION_FORMS:
        raise Http404
    if action in PAUSE_ACTIONS or action not in _available_actions(request.user, letter):
        # A page left open while someone else moved the letter on.
        gone = _not_offered(letter, action)
        if request.htmx:
            response = render(request, "letters/_action_gone.html", {"letter": letter, "message": gone})
        else:
            messages.error(request, gone)
            response = redirect("letters:letter_detail", pk=letter.pk)
    elif request.htmx:
        response = render(request, "letters/_action_form.html", {"letter": letter, "action": {
            "name": action, "label": ACTION_LABELS[action], "form": _make_form(action, letter, request.user)}})
    else:
        response = _detail(request, letter, opening=action)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def attachment_download(request: HttpRequest, pk: int) -> HttpResponse:
    """An attachment of a protected letter is the denouncer's own writing: head and handler only."""
    # Attachments are scoped through their letter (`ScopedChild`): an outsider gets 404 without a lookup.
    candidate = scoped_object_or_404(LetterAttachment.objects.active().select_related("letter"), request.user, pk=pk)
    letter = candidate.letter
    if not letter.may_see_identity(request.user):
        raise PermissionDenied
    prefix = settings.DANVAN_ACCEL_REDIRECT_PREFIX
    if prefix:
        # The check above passed: nginx sends the file itself from its `internal` location (ADR 0016).
        response = HttpResponse(content_type=mimetypes.guess_type(candidate.original_name)[0]
                                or "application/octet-stream")
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(candidate.file.name)
        response["Content-Disposition"] = content_disposition_header(True, candidate.original_name)
        return response
    return FileResponse(candidate.file.open("rb"), as_attachment=True, filename=candidate.original_name)


# ------------------------------------------------------------------------------------------ statistics

@require_GET
def statistics(request: HttpRequest) -> HttpResponse:
    """The letter counts of the user's scope for a date range (the reports app builds the real dashboard)."""
    today = timezone.localdate()
    initial = {"start": dt.date(today.year, 1, 1), "end": today}
    form = forms.StatisticsForm(request.GET or initial, user=request.user)
    figures = by_kind = by_field = None
    root = None
    if form.is_valid():
        data = form.cleaned_data
        root = data["unit"] or _scope_root(request.user)
        if root is not None:
            figures = counts.letter_counts(root, data["start"], data["end"])
            by_kind = counts.received_by_content_kind(root, data["start"], data["end"])
            by_field = counts.received_by_field(root, data["start"], data["end"])
    status = 200 if form.is_valid() else 400
    from danvan.core.choices import ContentKind, Field

    return render(request, "letters/statistics.html", {
        "form": form, "figures": figures, "root": root,
        "by_kind": [(ContentKind(k).label, v) for k, v in (by_kind or {}).items()],
        "by_field": [(Field(k).label, v) for k, v in (by_field or {}).items()],
    }, status=status)


__all__ = ["letter_list", "export", "letter_create", "letter_from_visit", "petitioner_matches", "letter_detail",
           "letter_action", "attachment_download", "statistics"]
