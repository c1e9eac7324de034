"""Form pieces shared by the apps."""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class DateInput(forms.DateInput):
    """A date typed dd/mm/yyyy whatever the browser's locale (a native date picker would show the
    operating system's format, e.g. mm/dd/yyyy); ISO dates are accepted too (formats/vi). ADR 0006."""

    def __init__(self, attrs=None):
        attrs = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off", **(attrs or {})}
        super().__init__(attrs=attrs, format="%d/%m/%Y")


class PlainSelect(forms.Select):
    """A flat <select> rendered in Python rather than through one template per option (Django's default costs
    a fraction of a millisecond an option, paid on every request of a list page with its filters)."""

    def render(self, name, value, attrs=None, renderer=None):
        choices = list(iter(self.choices))  # iter(): list() would ask a ModelChoiceIterator its len(), a COUNT
        if self.allow_multiple_selected or any(isinstance(label, list | tuple) for _v, label in choices):
            return super().render(name, value, attrs, renderer)  # option groups: Django's own rendering
        final_attrs = self.build_attrs(self.attrs, attrs) | {"name": name}
        selected = set(self.format_value(value))
        options = format_html_join("", "<option value=\"{}\"{}>{}</option>", (
            (key, " selected" if key in selected else "", label)
            for key, label in ((("" if v is None else str(v)), label) for v, label in choices)
        ))
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


def plain_selects(form):
    """The form with its drop-down lists rendered by `PlainSelect` (same markup, without a template per option):
    for forms of other apps shown on busy pages, e.g. the reception intake form with hundreds of places and
    matters. Returns the form (None stays None)."""
    if form is None:
        return None
    for field in form.fields.values():
        if type(field.widget) is forms.Select:
            plain = PlainSelect(attrs=field.widget.attrs)
            plain.choices = field.widget.choices
            plain.is_required = field.widget.is_required
            field.widget = plain
    return form
