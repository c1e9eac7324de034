"""Thin views of the papers app: the papers of a letter or a visit, each paper printable and as a Word file,
recording a paper as sent, and the two registers of a period (page, Excel, Word)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Media
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from danvan.core.exports import StreamedWorkbook
from danvan.core.forms import apply_errors as _apply_errors
from danvan.core.models import Action
from danvan.core.views import scoped_object_or_404, scoped_queryset
from danvan.letters.models import Letter
from danvan.papers import documents, queries, registers, services
from danvan.papers.content import compose
from danvan.papers.forms import ArchiveForm, IssueForm, RegisterForm, SentForm
from danvan.papers.kinds import SPECS, letter_kinds, visit_kinds
from danvan.papers.models import Paper, PaperKind
from danvan.people import identity
from danvan.reception.models import Visit
from danvan.reports.documents import short_number

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
REFUSAL = _("Giấy tờ này ghi danh tính người tố cáo được bảo vệ: chỉ lãnh đạo, người được giao xử lý hoặc người "
            "đã tiếp nhận mới được lập và in (Luật Tố cáo 2018 Điều 8, Điều 47).")


def _refused(request: HttpRequest, record) -> HttpResponse:
    return render(request, "papers/refused.html", {"message": REFUSAL, "record": record}, status=403)


def _record(request: HttpRequest, source: str, pk: int, action: str = Action.VIEW):
    if source == "don":
        return scoped_object_or_404(Letter.objects.select_related("organisation", "organisation__area"),
                                    request.user, action, pk=pk)
    if source == "luot-tiep":
        return scoped_object_or_404(Visit.objects.select_related("organisation", "organisation__area", "session",
                                                                 "citizen"), request.user, action, pk=pk)
    raise Http404


def _kinds(record) -> list[tuple[str, str]]:
    """(kind, "" or why not) for the record's paper kinds, in the order of the forms."""
    if isinstance(record, Letter):
        return list(letter_kinds(record).items())
    return [(kind, "") for kind in visit_kinds()]


def _initial(record, kind: str) -> dict:
    if not isinstance(record, Letter) or not SPECS[kind].needs_recipient or not record.forwarded_to:
        return {}
    from danvan.units.models import Organisation

    match = Organisation.objects.filter(name=record.forwarded_to, active=True).first()
    return {"recipient_organisation": match.pk} if match else {"recipient_text": record.forwarded_to}


def _page(request: HttpRequest, source: str, record, *, bound: tuple[str, object] | None = None, status=200):
    papers = queries.letter_papers(record) if isinstance(record, Letter) else queries.visit_papers(record)
    may_print = identity.may_print(request.user, record)
    can_change = scoped_queryset(type(record), request.user, Action.CHANGE).filter(pk=record.pk).exists()
    issue_forms = []
    if may_print and can_change:
        for kind, refusal in _kinds(record):
            form = bound[1] if bound and bound[0] == kind else IssueForm(kind=kind, user=request.user,
                                                                         initial=_initial(record, kind))
            issue_forms.append({"kind": kind, "label": PaperKind(kind).label, "refusal": refusal,
                                "form": form, "basis": SPECS[kind].form_reference})
    rows = [{"paper": paper, "sent_form": (bound[1] if bound and bound[0] == f"sent-{paper.pk}"
                                           else SentForm(prefix=f"sent-{paper.pk}"))} for paper in papers]
    notices = queries.notice_rows(record) if isinstance(record, Letter) else []
    return render(request, "papers/record_papers.html", {
        "record": record, "source": source, "is_letter": isinstance(record, Letter), "rows": rows,
        "issue_forms": issue_forms, "may_print": may_print, "can_change": can_change, "refusal": REFUSAL,
        "notices": notices, "error_kind": bound[0] if bound else "",
        # The pickers' script and style once, whichever forms carry one (Media adds without repeating).
        "media": sum((form.media for item in issue_forms if isinstance(form := item["form"], forms.BaseForm)),
                     Media()),
    }, status=status)


@require_GET
def record_papers(request: HttpRequest, source: str, pk: int) -> HttpResponse:
    return _page(request, source, _record(request, source, pk))


@require_POST
def issue(request: HttpRequest, source: str, pk: int, kind: str) -> HttpResponse:
    record = _record(request, source, pk, Action.CHANGE)
    if kind not in SPECS:
        raise Http404
    if not identity.may_print(request.user, record):
        return _refused(request, record)
    form = IssueForm(request.POST, kind=kind, user=request.user)
    if form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if value is not None}
        try:
            paper = services.issue_paper(request.user, record, kind, **data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        except PermissionDenied:
            return _refused(request, record)
        else:
            messages.success(request, _("Đã lập %(kind)s số %(number)s.") % {
                "kind": paper.get_kind_display(), "number": short_number(paper.number_text)})
            return redirect("papers:paper_detail", pk=paper.pk)
    return _page(request, source, record, bound=(kind, form), status=400)


def _paper(request: HttpRequest, pk: int, action: str = Action.VIEW) -> Paper:
    return scoped_object_or_404(Paper.objects.select_related(
        "organisation", "organisation__area", "organisation__superior", "letter", "visit", "visit__citizen",
        "recipient_organisation"), request.user, action, pk=pk)


def _text(request: HttpRequest, paper: Paper):
    people = identity.addressees(request.user, paper.record, context=_("In %(paper)s") % {"paper": str(paper)})
    return None if people is None else compose(paper, people)


@require_GET
def paper_detail(request: HttpRequest, pk: int) -> HttpResponse:
    paper = _paper(request, pk)
    text = _text(request, paper)
    if text is None:
        return _refused(request, paper.record)
    source = "don" if paper.letter_id else "luot-tiep"
    return render(request, "papers/paper_detail.html", {
        "paper": paper, "text": text, "source": source, "sent_form": SentForm(prefix=f"sent-{paper.pk}"),
        "back": reverse("papers:record_papers", args=[source, paper.record.pk])})


@require_GET
def paper_docx(request: HttpRequest, pk: int) -> HttpResponse:
    paper = _paper(request, pk)
    text = _text(request, paper)
    if text is None:
        return _refused(request, paper.record)
    content = documents.paper_docx(paper.organisation, text, paper.issued_on)
    name = f"{paper.kind}-{paper.number}-{paper.issued_on:%Y}.docx"
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def paper_sent(request: HttpRequest, pk: int) -> HttpResponse:
    paper = _paper(request, pk, Action.CHANGE)
    form = SentForm(request.POST, prefix=f"sent-{paper.pk}")
    source = "don" if paper.letter_id else "luot-tiep"
    if form.is_valid():
        try:
            services.record_sent(request.user, paper, sent_on=form.cleaned_data["sent_on"],
                                 channel=form.cleaned_data["channel"], note=form.cleaned_data["note"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận gửi %(paper)s.") % {"paper": str(paper)})
            return redirect("papers:record_papers", source=source, pk=paper.record.pk)
    return _page(request, source, paper.record, bound=(f"sent-{paper.pk}", form), status=400)


@require_POST
def paper_archive(request: HttpRequest, pk: int) -> HttpResponse:
    paper = _paper(request, pk, Action.CHANGE)
    form = ArchiveForm(request.POST)
    source = "don" if paper.letter_id else "luot-tiep"
    if form.is_valid():
        services.archive_paper(request.user, paper, reason=form.cleaned_data["reason"])
        messages.success(request, _("Đã lưu trữ %(paper)s.") % {"paper": str(paper)})
    else:
        messages.error(request, _("Lý do lưu trữ: cần ghi lý do lưu trữ."))
    return redirect("papers:record_papers", source=source, pk=paper.record.pk)


# ------------------------------------------------------------------------------------------------ registers

@require_GET
def reception_register(request: HttpRequest) -> HttpResponse:
    """Sổ tiếp công dân of a period (TT 04/2021/TT-TTCP)."""
    return _register(request, registers.RECEPTION)


@require_GET
def letter_register(request: HttpRequest) -> HttpResponse:
    """Sổ theo dõi, xử lý đơn of a period (TT 05/2021/TT-TTCP)."""
    return _register(request, registers.LETTERS)


def _register(request: HttpRequest, spec: registers.Register) -> HttpResponse:
    which = spec.key
    today = timezone.localdate()
    data = request.GET if ("from" in request.GET or "to" in request.GET) else {
        "from": today.replace(day=1).strftime("%d/%m/%Y"), "to": today.strftime("%d/%m/%Y")}
    form = RegisterForm(data, user=request.user)
    if not form.is_valid():
        return render(request, "papers/register.html", {"form": form, "spec": spec, "rows": [],
                                                        "which": which}, status=400)
    start, end = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    organisation = form.cleaned_data["organisation"]
    if spec is registers.RECEPTION:
        records = registers.reception_visits(scoped_queryset(Visit, request.user), start, end)
    else:
        records = registers.register_letters(scoped_queryset(Letter, request.user), start, end)
    if organisation is not None:
        records = records.filter(organisation=organisation)
    rows = (registers.reception_rows if spec is registers.RECEPTION else registers.letter_rows)(request.user, records)
    keeper = organisation or request.user.organisation
    filename = f"{spec.key}-{start:%Y%m%d}-{end:%Y%m%d}"
    output = request.GET.get("dinh_dang", "")
    if output == "xlsx":
        book = StreamedWorkbook(spec.title, spec.header, spec.widths)
        for row in rows:
            book.append(row)
        return book.response(f"so-{filename}.xlsx")
    if output == "docx":
        content = documents.register_docx(keeper, spec.title, start, end, spec.header, rows, spec.basis,
                                           spec.widths)
        response = HttpResponse(content, content_type=DOCX)
        response["Content-Disposition"] = f'attachment; filename="so-{filename}.docx"'
        return response
    query = request.GET.copy()
    query.pop("dinh_dang", None)
    if "from" not in query:
        query.update({"from": start.strftime("%d/%m/%Y"), "to": end.strftime("%d/%m/%Y")})
    return render(request, "papers/register.html", {
        "form": form, "spec": spec, "rows": rows, "which": which, "keeper": keeper,
        "period": (start, end), "query": query.urlencode(), "printed_on": today})


__all__ = ["record_papers", "issue", "paper_detail", "paper_docx", "paper_sent", "paper_archive",
           "reception_register", "letter_register"]
