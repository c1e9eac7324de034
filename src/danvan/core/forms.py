"""Form pieces shared by the apps, and the guard every form of danvan goes through (ADR 0013).

Hostile or mistyped input must get a Vietnamese message naming the field and change nothing, never a 500:
- numbers are read from the ASCII digits 0-9 only (`ascii_int`): "²".isdigit() is True but int("²") fails, and
  int("٣") is 3;
- every integer field is bounded to what a database column holds, every date to 01/01/1900-31/12/2099 (legal
  deadlines and the lunar holiday tables end in 2099; year 1 or 9999 overflowed date arithmetic);
- every free text is capped at DANVAN_MAX_TEXT_CHARS characters.
Unicode normalisation (NFC) and NUL removal happen once for all input, in `danvan.core.middleware`.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.hashable import make_hashable
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from danvan.core.formatting import vn_date, vn_number

# The widest range an integer column holds on both databases (PostgreSQL integer); ids are bigint.
INT_MIN, INT_MAX = -2_147_483_648, 2_147_483_647
ID_MAX = 9_223_372_036_854_775_807
# The dates danvan accepts anywhere: the lunar holiday tables of the legal calendar cover 1901-2099, and a
# deadline computed from a later date would leave them.
MIN_DATE, MAX_DATE = dt.date(1900, 1, 1), dt.date(2099, 12, 31)
# Four-digit years only: "19/08/20" is a date still being typed, not 19/08/2020 (ISO for scripts; ADR 0006).
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
_ASCII_INTEGER = re.compile(r"[+-]?[0-9]{1,4000}")  # int() refuses more than 4.300 digits


def ascii_int(value: Any, minimum: int | None = None, maximum: int | None = None) -> int | None:
    """The whole number written in `value` with the digits 0-9 (an optional sign, surrounding spaces), within
    [minimum, maximum]; None for anything else. Use it wherever a view reads a number from the request:
    str.isdigit() accepts "²", which int() refuses, and int() accepts other scripts' digits and "1_000"."""
    text = str(value).strip() if value is not None else ""
    if not _ASCII_INTEGER.fullmatch(text):
        return None
    number = int(text)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        return None
    return number


def ascii_id(value: Any) -> int | None:
    """A primary key typed or sent in a URL: a positive whole number that fits a bigint, else None."""
    return ascii_int(value, 1, ID_MAX)


def _label(field: forms.Field) -> str:
    return str(field.label or "")


class IntegerField(forms.IntegerField):
    """A whole number written with the digits 0-9, bounded to a database integer unless told otherwise."""

    default_error_messages = {
        "invalid": _("Nhập một số nguyên cho «%(label)s», chỉ dùng các chữ số 0–9, ví dụ 12."),
        "min_value": _("«%(label)s» không được nhỏ hơn %(limit_value)s."),
        "max_value": _("«%(label)s» không được lớn hơn %(limit_value)s."),
    }

    def __init__(self, *, min_value: int = INT_MIN, max_value: int = INT_MAX, **kwargs: Any) -> None:
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return None
        number = ascii_int(value)
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"label": _label(self)})
        return number

    def run_validators(self, value: Any) -> None:
        try:
            super().run_validators(value)
        except ValidationError as exc:
            raise ValidationError([
                ValidationError(error.message, code=error.code, params={**(error.params or {}), "label": _label(self)})
                for error in exc.error_list
            ]) from exc


class DateField(forms.DateField):
    """A date typed dd/mm/yyyy (ISO accepted), between 01/01/1900 and 31/12/2099; with `not_future`,
    not after today (a letter cannot be received tomorrow)."""

    default_error_messages = {
        "invalid": _("Nhập ngày hợp lệ theo dạng dd/mm/yyyy cho «%(label)s», ví dụ 05/11/2026."),
        "out_of_range": _("«%(label)s» phải trong khoảng %(min)s – %(max)s."),
        "future": _("«%(label)s» không được sau ngày hôm nay (%(today)s)."),
    }

    def __init__(self, *, not_future: bool = False, input_formats: list[str] | None = None,
                 widget: forms.Widget | None = None, **kwargs: Any) -> None:
        self.not_future = not_future
        super().__init__(input_formats=input_formats or DATE_INPUT_FORMATS, widget=widget or DateInput(), **kwargs)

    def to_python(self, value: Any) -> Any:
        try:
            return super().to_python(value)
        except ValidationError as exc:
            raise ValidationError(self.error_messages["invalid"], code="invalid",
                                  params={"label": _label(self)}) from exc

    def validate(self, value: Any) -> None:
        super().validate(value)
        check_date(self, value)


def check_date(field: forms.Field, value: Any) -> None:
    """The range every date of danvan lies in, and "not in the future" for fields that say so."""
    if value in (None, ""):
        return
    day = value.date() if isinstance(value, dt.datetime) else value
    messages = {**DateField.default_error_messages, **field.error_messages}
    if not MIN_DATE <= day <= MAX_DATE:
        raise ValidationError(messages["out_of_range"], code="out_of_range",
                              params={"label": _label(field), "min": vn_date(MIN_DATE), "max": vn_date(MAX_DATE)})
    today = timezone.localdate()
    if getattr(field, "not_future", False) and day > today:
        raise ValidationError(messages["future"], code="future",
                              params={"label": _label(field), "today": vn_date(today)})


class _TextCap:
    """At most `limit` characters, with a message that names the field and both lengths."""

    def __init__(self, limit: int, field: forms.Field) -> None:
        self.limit, self.field = limit, field

    def __call__(self, value: Any) -> None:
        if value is not None and len(value) > self.limit:
            raise ValidationError(
                _("«%(label)s» dài %(length)s ký tự, vượt quá giới hạn %(limit)s ký tự."), code="max_length",
                params={"label": _label(self.field), "length": vn_number(len(value)), "limit": vn_number(self.limit)})


class _Bound:
    """An integer bound added to a field that had none, so a huge number never reaches the database."""

    def __init__(self, limit: int, side: str, field: forms.Field) -> None:
        self.limit, self.side, self.field = limit, side, field

    def __call__(self, value: Any) -> None:
        if value is None:
            return
        if self.side == "max" and value > self.limit:
            message = _("«%(label)s» không được lớn hơn %(limit)s.")
        elif self.side == "min" and value < self.limit:
            message = _("«%(label)s» không được nhỏ hơn %(limit)s.")
        else:
            return
        raise ValidationError(message, code=f"{self.side}_value",
                              params={"label": _label(self.field), "limit": vn_number(self.limit)})


class _DateRange:
    def __init__(self, field: forms.Field) -> None:
        self.field = field

    def __call__(self, value: Any) -> None:
        check_date(self.field, value)


def max_text_chars() -> int:
    return int(settings.DANVAN_MAX_TEXT_CHARS)


def guard_field(field: forms.Field) -> None:
    """Give one field the limits every field of danvan has (once; a field's own stricter limits stay)."""
    if getattr(field, "_danvan_guarded", False):
        return
    field._danvan_guarded = True  # type: ignore[attr-defined]  # a field is guarded once
    if isinstance(field, forms.CharField) and not isinstance(field, forms.UUIDField | forms.EmailField):
        cap = max_text_chars()
        if field.max_length is None or field.max_length > cap:
            field.max_length = cap
            field.validators.append(_TextCap(cap, field))
            field.widget.attrs["maxlength"] = str(cap)
    elif isinstance(field, forms.IntegerField) and not isinstance(field, forms.FloatField | forms.DecimalField):
        if field.max_value is None:
            field.max_value = INT_MAX
            field.validators.append(_Bound(INT_MAX, "max", field))
        if field.min_value is None:
            field.min_value = INT_MIN
            field.validators.append(_Bound(INT_MIN, "min", field))
    elif isinstance(field, forms.DateField) and not isinstance(field, DateField | forms.DateTimeField):
        field.validators.append(_DateRange(field))


class GuardedInput:
    """Mixed into every form of danvan (through `Form` and `ModelForm` below; a test walks the forms): whatever
    a field's origin (declared, derived from a model field, or added by the form's own __init__), integers are
    bounded, dates lie in the accepted range and free texts are capped."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            guard_field(field)

    def full_clean(self) -> None:
        for field in self.fields.values():  # fields a subclass added after __init__
            guard_field(field)
        super().full_clean()  # type: ignore[misc]  # a mixin before forms.Form / forms.ModelForm

    def __getitem__(self, name: str) -> Any:
        # Every field is shown through here (templates, as_div, visible_fields): a plain drop-down list reads its
        # options through PlainSelect, whenever the field was added.
        field = self.fields.get(name)
        if field is not None and type(field.widget) is forms.Select:
            field.widget = _plain(field.widget)
        return super().__getitem__(name)  # type: ignore[misc]


class Form(GuardedInput, forms.Form):
    """The base of every plain form of danvan."""


class ModelForm(GuardedInput, forms.ModelForm):  # type: ignore[type-arg]
    """The base of every model form of danvan."""


# A search is a few words: a longer text is refused (SQLite refuses LIKE patterns over 50.000 bytes).
SEARCH_MAX_CHARS = 200


class SearchField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Tìm kiếm"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", SEARCH_MAX_CHARS)
        kwargs.setdefault("error_messages", {
            "max_length": _("Từ khóa tìm kiếm dài quá: tối đa %(limit_value)s ký tự (đang có %(show_value)s).")})
        super().__init__(**kwargs)


class SearchForm(Form):
    """The search box of a page that has no other filter."""

    q = SearchField()




class DateInput(forms.DateInput):
    """A date typed dd/mm/yyyy whatever the browser's locale (a native date picker would show the
    operating system's format, e.g. mm/dd/yyyy); ISO dates are accepted too (formats/vi). ADR 0006."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        attrs = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off", **(attrs or {})}
        super().__init__(attrs=attrs, format="%d/%m/%Y")


class PlainSelect(forms.Select):
    """A <select> whose options are read in one plain query (`_choice_list`). Every form of danvan shows its
    drop-down lists through it (`GuardedInput.__getitem__`); its markup is the form renderer's, like every
    select's (`danvan.core.renderers`)."""

    def optgroups(self, name: str, value: Any, attrs: dict[str, Any] | None = None) -> list[Any]:
        read = copy.copy(self)  # the same widget with its options read once, as a list
        read.choices = _choice_list(self.choices)
        return super(PlainSelect, read).optgroups(name, value, attrs)

    def use_required_attribute(self, initial: Any) -> bool:
        # Django looks at the first option, which for a model field starts its cursor for one row. The first
        # option has an empty value exactly when the field has an empty label.
        if isinstance(self.choices, ModelChoiceIterator) and not self.allow_multiple_selected:
            return forms.Widget.use_required_attribute(self, initial) and self.choices.field.empty_label is not None
        return super().use_required_attribute(initial)


def _choice_list(choices: Any) -> list[tuple[Any, Any]]:
    """The options of a select. A model field's are read from its queryset in one plain query: Django's
    ModelChoiceIterator reads them through `.iterator()`, which on PostgreSQL is a server-side cursor (DECLARE,
    FETCH and CLOSE, three round trips, for a list of a few dozen rows)."""
    if isinstance(choices, ModelChoiceIterator):
        field = choices.field
        empty = [("", field.empty_label)] if field.empty_label is not None else []
        return empty + [choices.choice(obj) for obj in choices.queryset]
    return list(iter(choices))  # iter(): list() would ask an iterator its len()


def _plain(widget: forms.Select) -> PlainSelect:
    plain = PlainSelect(attrs=widget.attrs)
    plain.choices = widget.choices
    plain.is_required = widget.is_required
    return plain


# ------------------------------------------------------------------------------------------- shared filter fields

SHARED_FIELDS_KEPT = 256
_shared_fields: OrderedDict[tuple[Any, ...], SafeString] = OrderedDict()
_shared_fields_lock = threading.Lock()


def _shared_key(form: forms.BaseForm) -> tuple[Any, ...] | None:
    """What a list's filter fields look like, when that is the same for every reader: the form, the language, the
    options and the chosen values. None when it may not be: errors to show, a record chosen in a picker or a model
    select (its options and labels are read from the database, within the reader's scope), or text typed in a
    search box (free text would fill the table with one-off entries)."""
    if form.is_bound and not form.is_valid():
        return None
    values: list[Any] = []
    for name, field in form.fields.items():
        value = form[name].value()
        empty = value in (None, "", [], False)
        if getattr(field, "empty_drawn_alike", False):  # a picker: nothing chosen, the empty option alone
            if not empty:
                return None
        elif isinstance(field, forms.ModelChoiceField):  # its options are the reader's records
            return None
        elif isinstance(field, forms.ChoiceField):  # the options themselves too, should a form set them per reader
            options: Any = field.choices  # a list once the field is made (Django normalises them)
            values.append(tuple(make_hashable(option) for option, _label in options))
        elif not isinstance(field, forms.BooleanField) and not empty:
            return None
        # An empty value is drawn alike whatever it is (None unbound, "" or False bound): one key for them.
        values.append((name, None if empty else make_hashable(value)))
    return (type(form).__module__, type(form).__qualname__, form.prefix, form.auto_id, get_language(),
            get_script_prefix(), tuple(values))


def shared_fields_html(form: forms.BaseForm, write: Callable[[forms.BaseForm], str]) -> SafeString:
    """A list's filter fields as `write` draws them, kept per process when every reader would get the same markup
    (`_shared_key`): the letter list's filter form, unfiltered or filtered by kind, field and deadline, was a tenth
    of the page's CPU. The `SHARED_FIELDS_KEPT` last used are kept. Nothing read from the database is kept."""
    key = _shared_key(form)
    if key is None:
        return mark_safe(write(form))
    with _shared_fields_lock:
        html = _shared_fields.get(key)
        if html is not None:
            _shared_fields.move_to_end(key)
            return html
    html = mark_safe(write(form))
    with _shared_fields_lock:
        _shared_fields[key] = html
        while len(_shared_fields) > SHARED_FIELDS_KEPT:
            _shared_fields.popitem(last=False)
    return html


def apply_errors(form: forms.BaseForm, exc: ValidationError, aliases: dict[str, str] | None = None) -> None:
    """Put a service's `ValidationError` on the form: each message next to the field it names (`aliases`:
    the service's field name → the form's, where they differ), the rest above the form. One helper for
    every view, so a service error is shown the same way everywhere and the form's data is kept."""
    if not hasattr(exc, "error_dict"):
        for message in exc.messages:
            form.add_error(None, message)
        return
    for name, errors in exc.message_dict.items():
        name = (aliases or {}).get(name, name)
        for message in errors:
            form.add_error(name if name in form.fields else None, message)
