"""The form renderer: Django's, with the plain inputs and text areas written in Python.

Django renders every widget through a template (an `<input>` is three templates: text.html includes input.html,
which includes attrs.html), about 70 µs each. A letter's page carries twenty fields in its action forms and every
list a filter form, so that was a tenth of the busiest pages' CPU. The markup below is the markup of Django's
templates `django/forms/widgets/input.html`, `attrs.html`, `textarea.html`, `select.html` and
`select_option.html`, character for character (`tests/core/test_renderers.py` compares the two for every input
widget, selects and awkward values). Every other widget (radios, file inputs, multi-widgets) and a select with
option groups still goes through its template.

Only Django's own templates are replaced: if a template directory ever overrides one of these names, the test
above fails, so the override is not silently bypassed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe


def _attrs(attrs: dict[str, Any]) -> str:
    # attrs.html: ` name="value"`, a bare ` name` for True, nothing for False.
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return "".join(parts)


def _input(widget: dict[str, Any]) -> SafeString:
    value = widget["value"]
    shown = "" if value is None else f' value="{conditional_escape(str(value))}"'
    return mark_safe(f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
                     f"{shown}{_attrs(widget['attrs'])}>")


def _textarea(widget: dict[str, Any]) -> SafeString:
    value = widget["value"]
    text = conditional_escape(value) if value else ""
    name = conditional_escape(widget["name"])
    return mark_safe(f'<textarea name="{name}"{_attrs(widget["attrs"])}>\n{text}</textarea>')


def _select(widget: dict[str, Any]) -> SafeString | None:
    # select.html with its select_option.html options; option groups and labels that are not text go through the
    # templates (None).
    options = []
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            return None
        for option in group_choices:
            label = option["label"]
            if option["template_name"] != OPTION_TEMPLATE or not isinstance(label, str | Promise):
                return None
            options.append(f'\n  <option value="{conditional_escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
                           f"{conditional_escape(str(label))}</option>\n")  # the option template's last line
    name = conditional_escape(widget["name"])
    return mark_safe(f'<select name="{name}"{_attrs(widget["attrs"])}>{"".join(options)}\n</select>')


OPTION_TEMPLATE = "django/forms/widgets/select_option.html"
INPUT_TEMPLATES = tuple(f"django/forms/widgets/{name}.html" for name in (
    "input", "text", "number", "email", "url", "password", "hidden", "date", "datetime", "time", "search", "tel",
    "color", "checkbox"))
PLAIN: dict[str, Callable[[dict[str, Any]], SafeString | None]] = {
    **{name: _input for name in INPUT_TEMPLATES}, "django/forms/widgets/textarea.html": _textarea,
    "django/forms/widgets/select.html": _select}


class PlainWidgetRenderer(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        plain = PLAIN.get(template_name)
        if plain is not None and request is None and "widget" in context:
            html = plain(context["widget"])
            if html is not None:
                return html
        return super().render(template_name, context, request)
