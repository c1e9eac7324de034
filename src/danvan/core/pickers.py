"""Searchable pickers: a choice among thousands (bodies, communes, matters) searched on the server (ADR 0020).

A drop-down of 10.101 bodies for a national user made the intake form weigh 900 KB. A picker renders only
the chosen option; the officer types a few letters (with or without diacritics) and the server answers with
the matching records of the user's scope. The widget is the autocomplete-light web component shipped in the
django-autocomplete-light wheel (`dal_alight`), loaded through the form's Media: no CDN, no jQuery.

One `PickerSource` per kind of record says what the user may pick (always through `restrict()`), how a typed
text is searched, what is offered before anything is typed (the user's own body and its sub-units) and how a
record is labelled. The same source gives the form field its queryset, so a posted id outside the user's
scope is a field error ("không có trong phạm vi"), never a 500 and never a record of another unit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from danvan.core.forms import SEARCH_MAX_CHARS, PlainSelect, ascii_id
from danvan.core.text import fold

# Results in one answer: enough to see the right one after a word or two, small enough to be instant.
PICKER_RESULTS = 20


@dataclass(frozen=True)
class PickerSource:
    """What one picker offers. `choices(user)` is everything the user may pick (scoped by `restrict()`);
    `search(qs, words, raw, user)` narrows and orders it by the folded words typed; `default(qs, user)` is what is
    offered, ordered, before anything is typed; `label(obj)` is shown in the list and as the chosen value."""

    url_name: str
    choices: Callable[..., QuerySet]
    search: Callable[[QuerySet, list[str], str, object], QuerySet]
    label: Callable[[Model], str]
    default: Callable[[QuerySet, object], QuerySet] = lambda qs, user: qs.order_by("pk")
    related: tuple[str, ...] = field(default=())
    # Reads done once for a page of results before labelling them (e.g. the matters' petitioners).
    prepare: Callable[[list], None] = lambda rows: None


def words_of(text: str) -> list[str]:
    """The folded words of a typed search ("Quỳnh  vinh" → ["quynh", "vinh"]), at most SEARCH_MAX_CHARS long."""
    return fold((text or "")[:SEARCH_MAX_CHARS]).split()


def contains_all(qs: QuerySet, column: str, words: list[str]) -> QuerySet:
    """Rows whose folded `column` contains every word, in any order."""
    for word in words:
        qs = qs.filter(**{f"{column}__contains": word})
    return qs


class Picker(PlainSelect):
    """A <select> holding only the chosen option, inside the autocomplete-light web component that searches
    `url`. The label of the field points at the search box (keyboard: type, ↓/↑, Enter; Backspace on an empty
    box clears the choice, pickers.js). Without JavaScript the select still posts the chosen value. The chosen
    option is read in one plain query (PlainSelect), not through a server-side cursor."""

    def __init__(self, url: str = "", attrs=None):
        super().__init__(attrs=attrs)
        self.url = url

    @property
    def media(self):
        return forms.Media(css={"all": ["dal_alight/autocomplete-light.css", "danvan/pickers.css"]},
                           js=["dal_alight/autocomplete-light.js", "danvan/pickers.js"])

    def id_for_label(self, id_):
        return f"{id_}_search" if id_ else id_

    def optgroups(self, name, value, attrs=None):
        # Only the chosen option (and the empty one) is rendered: the choices are a scoped queryset of thousands.
        chosen = [str(v) for v in value if v not in (None, "")]
        choices = self.choices
        queryset = getattr(choices, "queryset", None)
        if queryset is not None:
            pks = [pk for pk in (ascii_id(v) for v in chosen) if pk is not None]
            if not pks:
                # Nothing chosen (every list's filter at first): the empty option alone, without building the
                # scoped query only to find it empty.
                empty = choices.field.empty_label
                self.choices = [("", empty)] if empty is not None else []
                try:
                    return super().optgroups(name, value, attrs)
                finally:
                    self.choices = choices
            choices.queryset = queryset.filter(pk__in=pks)
            try:
                return super().optgroups(name, value, attrs)
            finally:
                choices.queryset = queryset
        return super().optgroups(name, value, attrs)

    def render(self, name, value, attrs=None, renderer=None):
        # The select carries the value for the form; people use the search box, which the label names.
        attrs = {**(attrs or {}), "slot": "select", "aria-hidden": "true", "tabindex": "-1"}
        select = super().render(name, value, attrs, renderer)
        search_id = self.id_for_label(attrs.get("id"))
        return format_html(
            '<autocomplete-select class="picker">{}<span slot="deck"></span>'
            '<autocomplete-select-input slot="input" url="{}" no-results-text="{}" clear-text="×">'
            # role="combobox": the component sets aria-expanded/-autocomplete, which a plain searchbox may not carry.
            '<input type="search" slot="input" role="combobox" id="{}" placeholder="{}" autocomplete="off" '
            'spellcheck="false">'
            "</autocomplete-select-input></autocomplete-select>",
            select, self.url, _gettext("Không tìm thấy trong phạm vi của tài khoản"), search_id,
            _gettext("Gõ để tìm, có dấu hoặc không dấu…"),
        )


class PickerField(forms.ModelChoiceField):
    """A choice among the records `source` lets `user` pick; an id outside them is a Vietnamese field error."""

    # Nothing chosen, a picker is drawn alike for every reader: its options come only with a choice
    # (core.forms.shared_fields_html reads this, as core.forms cannot import this module).
    empty_drawn_alike = True
    default_error_messages = {
        "invalid_choice": _("«%(label)s»: lựa chọn không có hoặc nằm ngoài phạm vi của tài khoản; tìm và chọn lại."),
    }

    def __init__(self, source: PickerSource, **kwargs):
        self.source = source
        kwargs.setdefault("queryset", None)  # the user's choices come with `bind`
        kwargs["widget"] = Picker()
        super().__init__(**kwargs)

    def bind(self, user, **choices_kwargs) -> PickerField:
        """Give the field the records `user` may pick (the form's __init__ calls it)."""
        from django.urls import reverse

        self.queryset = self.source.choices(user, **choices_kwargs).select_related(*self.source.related)
        self.widget.url = reverse(self.source.url_name)
        return self

    @classmethod
    def replacing(cls, field: forms.ModelChoiceField, source: PickerSource, user, **choices_kwargs) -> PickerField:
        """A picker in place of a flat `field` (a ModelForm's foreign key, a list filter's choice), keeping its
        label, help text, initial value, required flag and empty label, bound to `user`."""
        picker = cls(source, label=field.label, required=field.required, help_text=field.help_text,
                     initial=field.initial, disabled=field.disabled, empty_label=field.empty_label)
        picker.error_messages = {**field.error_messages, "invalid_choice": cls.default_error_messages["invalid_choice"]}
        return picker.bind(user, **choices_kwargs)

    def label_from_instance(self, obj) -> str:
        return self.source.label(obj)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = getattr(value, "pk", value)  # a disabled field is cleaned from its initial record
        if ascii_id(value) is None:  # "abc", "²", a 30-digit number: not an id, and never sent to the database
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                        params={"label": str(self.label or ""), "value": value})
        try:
            return super().to_python(value)
        except forms.ValidationError as exc:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                        params={"label": str(self.label or ""), "value": value}) from exc


def picker_view(source: PickerSource, **choices_kwargs):
    """The search answer of a picker: an HTML fragment of `<div data-value>` rows (the web component's format),
    scoped to the requesting user like the form field. Signed-in users only (LoginRequiredMiddleware)."""

    @require_GET
    def view(request: HttpRequest) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            raise PermissionDenied
        raw = (request.GET.get("q") or "")[:SEARCH_MAX_CHARS]
        words = words_of(raw)
        qs = source.choices(user, **choices_kwargs)
        qs = source.search(qs, words, raw.strip(), user) if words else source.default(qs, user)
        rows = list(qs.select_related(*source.related)[:PICKER_RESULTS + 1])
        more = len(rows) > PICKER_RESULTS
        rows = rows[:PICKER_RESULTS]
        source.prepare(rows)
        html = format_html_join("", '<div data-value="{}">{}</div>',
                                ((obj.pk, source.label(obj)) for obj in rows))
        if more:
            html += format_html('<div class="picker-more">{}</div>',
                                _gettext("Còn nữa — gõ thêm để thu hẹp kết quả."))
        return HttpResponse(html, content_type="text/html; charset=utf-8")

    return view
