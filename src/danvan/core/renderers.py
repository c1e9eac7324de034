"""The form renderer: Django's, with the plain inputs and text areas written in Python.

Django renders every widget through a template (an `<input>` is three templates: text.html includes input.html,
which includes attrs.html), about 70 µs each. A letter's page carries twenty fields in its action forms and every
list a filter form, so that was a tenth of the busiest pages' CPU. The markup below is the markup of Django's
templates `django/forms/widgets/input.html`, `attrs.html`, `textarea.html`, `select.html` and
`select_option.html`, character for character (`tests/core/test_renderers.py` compares the two for every input
widget, selects and awkward values). Every other widget (radios, file inputs, multi-widgets) and a select with
option groups still goes through its template.

A field's group (`as_field_group`: `django/forms/field.html`, its `label.html` and its error list
`errors/list/default.html`) is written here too: a form of sixteen fields, such as the visit form on a reception
session's page, was 5 ms of rendering in those three templates, half of that page's.

Only Django's own templates are replaced: if a template directory ever overrides one of these names, the test
above fails, so the override is not silently bypassed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.forms import BoundField
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


def _label(context: dict[str, Any]) -> SafeString:
    # label.html: the label in its tag (<label> or <legend>) when the field has an id, else the label alone.
    label = conditional_escape(context["label"])
    if not context["use_tag"]:
        return label
    tag = conditional_escape(context["tag"])
    return mark_safe(f"<{tag}{_attrs(context['attrs'] or {})}>{label}</{tag}>")


def _errors(context: dict[str, Any]) -> SafeString:
    # errors/list/default.html, which includes ul.html: nothing when there is no error.
    errors = context["errors"]
    if not errors:
        return mark_safe("")
    field_id = getattr(errors, "field_id", None)
    shown_id = f' id="{conditional_escape(field_id)}_error"' if field_id else ""
    items = "".join(f"<li>{conditional_escape(error)}</li>" for error in errors)
    return mark_safe(f'<ul class="{conditional_escape(context["error_class"])}"{shown_id}>{items}</ul>')


def _field_group(context: dict[str, Any]) -> SafeString:
    # field.html, line by line: the label (a legend in a fieldset for radios and checkboxes), the help text (not
    # escaped: Django marks it safe), the errors, the widget.
    field = context["field"]
    if field.use_fieldset:
        described = field.aria_describedby
        described = f' aria-describedby="{conditional_escape(described)}"' if described else ""
        head = f"\n  <fieldset{described}>\n  {field.legend_tag() if field.label else ''}\n"
    else:
        head = f"\n  {field.label_tag() if field.label else ''}\n"
    help_text = ""
    if field.help_text:
        shown_id = f' id="{conditional_escape(field.auto_id)}_helptext"' if field.auto_id else ""
        help_text = f'<div class="helptext"{shown_id}>{field.help_text}</div>'
    end = "</fieldset>" if field.use_fieldset else ""
    # Stripped, as Django's renderer strips every template's output.
    return mark_safe(f"{head}\n{help_text}\n{field.errors}\n{field}{end}".strip())


def field_block(field: Any) -> SafeString:
    """A field in its `<div class="field">`: label, widget, help text and errors, the markup of the template the
    letters' forms included once per field (`letters/_field.html`, kept in `tests/core/test_renderers.py`). The
    action form a letter's page opens and the intake form's twenty-two fields went through it. Anything but a form's
    field fails: a name the form does not have reaches here as the template engine's empty string, and the template
    drew it as an empty label, silently."""
    if not isinstance(field, BoundField):
        raise TypeError(f"field_block: {field!r} is not a form's field (a name the form does not have?)")
    errors = field.errors
    if field.is_hidden:
        body = str(field)
    else:
        body = f'<label for="{conditional_escape(field.id_for_label)}">{conditional_escape(field.label)}</label>{field}'
        if field.help_text:
            body += (f'<small class="muted helptext" id="{conditional_escape(field.auto_id)}_helptext">'
                     f"{conditional_escape(field.help_text)}</small>")
        if errors:
            body += str(errors)
    return mark_safe(f'<div class="field{" has-error" if errors else ""}">\n  {body}\n</div>\n')


def _widget(write: Callable[[dict[str, Any]], SafeString | None]) -> Callable[[dict[str, Any]], SafeString | None]:
    return lambda context: write(context["widget"]) if "widget" in context else None


OPTION_TEMPLATE = "django/forms/widgets/select_option.html"
INPUT_TEMPLATES = tuple(f"django/forms/widgets/{name}.html" for name in (
    "input", "text", "number", "email", "url", "password", "hidden", "date", "datetime", "time", "search", "tel",
    "color", "checkbox"))
PLAIN: dict[str, Callable[[dict[str, Any]], SafeString | None]] = {
    **{name: _widget(_input) for name in INPUT_TEMPLATES}, "django/forms/widgets/textarea.html": _widget(_textarea),
    "django/forms/widgets/select.html": _widget(_select), "django/forms/label.html": _label,
    "django/forms/errors/list/default.html": _errors, "django/forms/errors/list/ul.html": _errors,
    "django/forms/field.html": _field_group}


class PlainWidgetRenderer(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        plain = PLAIN.get(template_name)
        if plain is not None and request is None:
            html = plain(context)
            if html is not None:
                return html
        return super().render(template_name, context, request)
