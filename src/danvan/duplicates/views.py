"""Thin views: suggestions as an htmx fragment (intake form, letter page) and the two decisions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from danvan.core.models import Action
from danvan.core.views import scoped_object_or_404, url_prefix
from danvan.duplicates import services
from danvan.duplicates.forms import DecisionForm, DraftForm
from danvan.letters.models import Letter


def _template(request: HttpRequest, fragment: str) -> str:
    """The bare fragment for htmx, a whole page when opened directly."""
    return fragment if request.htmx else "duplicates/suggestions_page.html"


@require_http_methods(["GET", "POST"])
def suggestions_for_text(request: HttpRequest) -> HttpResponse:
    """Suggestions for the letter being entered (the intake form's fields)."""
    form = DraftForm(request.POST if request.method == "POST" else request.GET, user=request.user)
    form.is_valid()  # a field still being typed (a half date) is left out; the others still count
    data = form.cleaned_data
    suggestions = services.suggestions_for_draft(
        request.user, text=form.text(), petitioners=form.petitioners(), subject_area=data.get("subject_area"),
        field=data.get("field") or "", received_on=data.get("received_on"),
    )
    return render(request, _template(request, "duplicates/_suggestions.html"),
                  {"suggestions": suggestions, "draft": True, "form": form,
                   "threshold": services.SAME_MATTER_THRESHOLD, "links": _links(None)})


# What the panel reads of the letter itself (services.LETTER_FIELDS): its forty columns compiled
# into SQL were a twentieth of the panel's CPU, and the panel comes with every letter page.
def suggestions_for_letter(request: HttpRequest, letter_pk: int) -> HttpResponse:
    letter = scoped_object_or_404(Letter.objects.only(*services.LETTER_FIELDS), request.user, pk=letter_pk)
    suggestions = services.suggestions_for_letter(request.user, letter)
    may_decide = Letter.objects.restrict(request.user, Action.CHANGE).filter(pk=letter.pk).exists()
    return render(request, _template(request, "duplicates/_suggestions.html"),
                  {"suggestions": suggestions, "letter": letter, "may_decide": may_decide, "draft": False,
                   "links": _links(letter)})


def _links(letter: Letter | None) -> dict[str, str]:
    """The panel's links without their last id: each reversed once for the panel, and the template adds the
    suggested letter's id (`{{ links.detail }}{{ s.letter.pk }}/`). Five `{% url %}` a suggestion were a
    twentieth of the panel's CPU."""
    links = {"detail": url_prefix("letters:letter_detail")}
    if letter is not None:
        for name in ("confirm", "reject"):
            links[name] = url_prefix(f"duplicates:{name}", letter.pk)
    return links


def _decide(request: HttpRequest, letter_pk: int, candidate_pk: int, decide, done: str) -> HttpResponse:
    letter = scoped_object_or_404(Letter, request.user, Action.CHANGE, pk=letter_pk)
    candidate = scoped_object_or_404(Letter, request.user, pk=candidate_pk)
    form = DecisionForm(request.POST)
    note = form.cleaned_data.get("note", "") if form.is_valid() else ""
    try:
        decide(request.user, letter, candidate, note=note)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    if request.htmx:
        return suggestions_for_letter(request, letter_pk)
    return redirect("letters:letter_detail", pk=letter.pk)


@require_POST
def confirm(request: HttpRequest, letter_pk: int, candidate_pk: int) -> HttpResponse:
    return _decide(request, letter_pk, candidate_pk, services.confirm_same_matter,
                   _("Đã ghi nhận: đơn cùng vụ việc với đơn được gợi ý."))


@require_POST
def reject(request: HttpRequest, letter_pk: int, candidate_pk: int) -> HttpResponse:
    return _decide(request, letter_pk, candidate_pk, services.reject_suggestion,
                   _("Đã ghi nhận: không cùng vụ việc; gợi ý này sẽ không hiện lại."))
