"""The form renderer writes plain inputs and text areas in Python (danvan.core.renderers): the markup must be
Django's own, for every input widget and for values an attacker or a careless paste would send."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from danvan.core import renderers
from danvan.core.forms import DateInput

VALUES = ["", None, "Nguyễn Văn A", 'a"b<c>&d\'e', "<script>alert(1)</script>", mark_safe("<b>đã an toàn</b>"),
          "dòng 1\r\ndòng 2", "  khoảng trắng  ", 0, 1184, 96.5, True, dt.date(2026, 2, 5), gettext_lazy("Ghi chú")]
ATTRS = [{}, {"required": True, "disabled": False, "maxlength": 500, "class": 'x" onmouseover="y'},
         {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off",
          "aria-describedby": "id_x_helptext"},
         {"data-x": mark_safe("<i>"), "title": gettext_lazy("Tìm kiếm")}]
WIDGETS = [forms.TextInput, forms.NumberInput, forms.EmailInput, forms.URLInput, forms.HiddenInput, forms.DateInput,
           forms.DateTimeInput, forms.TimeInput, forms.Textarea, forms.CheckboxInput, DateInput,
           lambda attrs: forms.PasswordInput(attrs=attrs, render_value=True)]


@pytest.mark.parametrize("widget_class", WIDGETS)
def test_each_plain_widget_renders_exactly_as_djangos_templates(widget_class):
    ours, django = renderers.PlainWidgetRenderer(), DjangoTemplates()
    compared = 0
    for attrs in ATTRS:
        widget = widget_class(attrs=dict(attrs))
        for value in VALUES:
            for name in ("ghi_chu", 'x"y'):
                expected = widget.render(name, value, attrs={"id": f"id_{name}"}, renderer=django)
                assert widget.render(name, value, attrs={"id": f"id_{name}"}, renderer=ours) == expected
                compared += 1
    assert compared == len(ATTRS) * len(VALUES) * 2


CHOICES = [("", "— Tất cả —"), ("land", "Đất đai, nhà ở"), ('x"<y>', mark_safe("<b>đã an toàn</b>")),
           (3, gettext_lazy("Khiếu nại")), ("&", 'a"b<c>&d')]


@pytest.mark.parametrize("value", [None, "", "land", 'x"<y>', "3", ["land", "&"], "không có"])
def test_selects_render_exactly_as_djangos_templates(value):
    ours, django = renderers.PlainWidgetRenderer(), DjangoTemplates()
    grouped = [("Nhóm <1>", [("a", "A"), ("b", "B")]), ("c", "C")]
    numbered = [(1, 2025), (2, 2026)]  # labels that are not text: the template localises them
    widgets = [forms.Select(choices=CHOICES), forms.Select(attrs={"required": True, "class": "x"}, choices=CHOICES),
               forms.SelectMultiple(choices=CHOICES), forms.Select(choices=grouped), forms.Select(choices=numbered),
               forms.Select(choices=[])]
    if not isinstance(value, list):  # a yes/no select takes one value
        widgets.append(forms.NullBooleanSelect())
    for widget in widgets:
        for attrs in ATTRS:
            rendered = {renderer: widget.render("field", value, attrs={"id": "id_field", **attrs}, renderer=renderer)
                        for renderer in (ours, django)}
            assert rendered[ours] == rendered[django]


def test_a_bound_form_with_errors_renders_the_same():
    class Form(forms.Form):
        summary = forms.CharField(max_length=5)
        content = forms.CharField(widget=forms.Textarea)
        received_on = forms.DateField(widget=DateInput)
        agreed = forms.BooleanField()
        kind = forms.ChoiceField(choices=CHOICES)

    data = {"summary": "quá dài <b>", "content": "", "received_on": "31/02/2026", "agreed": "on", "kind": "khác"}
    assert (Form(data, renderer=renderers.PlainWidgetRenderer()).as_div()
            == Form(data, renderer=DjangoTemplates()).as_div())


class _Everything(forms.Form):
    """A field of each kind danvan's forms use, with labels, help texts and errors an attacker could write."""

    summary = forms.CharField(label='Tóm tắt <b>"đơn"</b>', max_length=5, help_text="Tối đa <em>5</em> ký tự")
    content = forms.CharField(label="Nội dung?", widget=forms.Textarea, required=False)
    received_on = forms.DateField(label=gettext_lazy("Ngày nhận"), widget=DateInput)
    agreed = forms.BooleanField(label="Đồng ý", required=False)
    kind = forms.ChoiceField(label="Loại", choices=CHOICES)
    kinds = forms.MultipleChoiceField(label="Các loại", choices=CHOICES, widget=forms.CheckboxSelectMultiple,
                                      required=False, help_text="Chọn nhiều")
    outcome = forms.ChoiceField(label="Kết quả", choices=[("a", "Đạt"), ("b", "<Không>")], widget=forms.RadioSelect)
    attachment = forms.FileField(label="Tệp", required=False)
    secret = forms.CharField(widget=forms.HiddenInput, required=False)
    unlabelled = forms.CharField(label="", required=False)
    described = forms.CharField(label="Mô tả", required=False, help_text="x",
                                widget=forms.TextInput(attrs={"aria-describedby": "elsewhere"}))
    birth_year = forms.IntegerField(label="Năm sinh", required=False, show_hidden_initial=True, initial=1970)

    def clean(self):
        raise forms.ValidationError(['Cả đơn <script>"sai"</script>', "Lỗi thứ hai & cuối"])


@pytest.mark.parametrize("data", [None, {}, {"summary": 'quá dài <b>"x"</b>', "received_on": "31/02/2026",
                                             "kind": "khác", "kinds": ["land", "không"], "outcome": "c",
                                             "birth_year": "năm"}])
@pytest.mark.parametrize("options", [{}, {"auto_id": False}, {"label_suffix": ":"}, {"auto_id": "f-%s"},
                                     {"prefix": 'p"<x>'}])
def test_a_fields_group_label_and_errors_render_exactly_as_djangos_templates(data, options):
    """`as_field_group`, `label_tag`, `legend_tag` and the error lists: Django's markup, character for character,
    for every kind of field, bound or not, with and without ids, label suffixes and errors."""

    class Required(_Everything):
        required_css_class, error_css_class = "required", "error"

    for form_class in (_Everything, Required):
        forms_ = {renderer: form_class(data, renderer=renderer, **options)
                  for renderer in (renderers.PlainWidgetRenderer(), DjangoTemplates())}
        ours, django = forms_.values()
        for name in form_class.base_fields:
            for part in ("as_field_group", "label_tag", "legend_tag"):
                assert getattr(ours[name], part)() == getattr(django[name], part)(), (name, part)
            assert str(ours[name].errors) == str(django[name].errors)
            assert ours[name].errors.as_ul() == django[name].errors.as_ul()
        assert str(ours.non_field_errors()) == str(django.non_field_errors())
        assert ours.as_div() == django.as_div() and ours.as_p() == django.as_p()
        if data:
            assert "<script>" not in ours.as_div() and "errorlist" in ours.as_div()


def test_the_project_is_configured_with_it_and_no_template_overrides_the_replaced_ones():
    from django.forms.renderers import get_default_renderer

    assert isinstance(get_default_renderer(), renderers.PlainWidgetRenderer)
    # An override of one of these templates in a template directory would be bypassed by the renderer.
    renderer = renderers.PlainWidgetRenderer()
    for name in [*renderers.PLAIN, renderers.OPTION_TEMPLATE]:
        origin = renderer.engine.get_template(name).origin.name
        assert "/django/forms/templates/django/forms/" in origin.replace("\\", "/"), origin
        with pytest.raises(TemplateDoesNotExist):  # nor in the project's own template directories
            get_template(name)


def test_a_model_select_reads_its_options_in_one_plain_query_and_renders_as_django_does(tree, monkeypatch):
    """Every form of danvan shows its drop-down lists through PlainSelect, which reads a model field's options
    as a list (Django's ModelChoiceIterator reads them through `.iterator()`, a server-side cursor on PostgreSQL);
    the markup is the renderer's, the same as Django's. A field added by a form after its __init__ too."""
    from django.db import connection
    from django.db.models import QuerySet
    from django.test.utils import CaptureQueriesContext

    from danvan.core.forms import Form as DanvanForm
    from danvan.core.forms import PlainSelect
    from danvan.units.models import Area

    class Form(forms.Form):
        area = forms.ModelChoiceField(queryset=Area.objects.order_by("code"), required=False)
        required_area = forms.ModelChoiceField(queryset=Area.objects.order_by("code"))
        no_empty_label = forms.ModelChoiceField(queryset=Area.objects.order_by("code"), empty_label=None)

    class Ours(DanvanForm):
        area = forms.ModelChoiceField(queryset=Area.objects.order_by("code"), required=False)
        required_area = forms.ModelChoiceField(queryset=Area.objects.order_by("code"))

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)  # a field the form adds itself, after danvan's guard
            self.fields["no_empty_label"] = forms.ModelChoiceField(queryset=Area.objects.order_by("code"),
                                                                   empty_label=None)

    def expected(value):
        form = Form({name: value for name in Form.base_fields}, renderer=DjangoTemplates())
        return [form[name].as_widget() for name in Form.base_fields]

    wanted = {value: expected(value) for value in ("", str(tree.cao_bang.pk), "không có")}
    assert " required" in wanted[""][1] and " required" not in wanted[""][2]
    assert all(f'<option value="{tree.cao_bang.pk}" selected>' in markup for markup in wanted[str(tree.cao_bang.pk)])

    def no_iterator(self, *args, **kwargs):
        raise AssertionError("options read through QuerySet.iterator() (a server-side cursor on PostgreSQL)")

    monkeypatch.setattr(QuerySet, "iterator", no_iterator)
    for value, markup in wanted.items():
        form = Ours({name: value for name in Form.base_fields})
        assert form.errors is not None  # validated first: checking a chosen area is a query of its own
        shown = [form[name] for name in Form.base_fields]
        assert all(type(field.widget) is PlainSelect for field in form.fields.values())
        with CaptureQueriesContext(connection) as queries:
            assert [field.as_widget() for field in shown] == markup
        assert len(queries) == 3  # one a select


# The template the letters' forms included for each field before `field_block` wrote it (letters/_field.html).
_FIELD_TEMPLATE = """<div class="field{% if field.errors %} has-error{% endif %}">
  {% if field.is_hidden %}{{ field }}{% else %}<label for="{{ field.id_for_label }}">{{ field.label }}</label>\
{{ field }}{% if field.help_text %}<small class="muted helptext" id="{{ field.auto_id }}_helptext">\
{{ field.help_text }}</small>{% endif %}{% if field.errors %}{{ field.errors }}{% endif %}{% endif %}
</div>
"""


class _SafeHelp(forms.Form):
    noted = forms.CharField(label=mark_safe("<b>Đã an toàn</b>"), help_text=mark_safe("<a href='#x'>xem</a>"))


@pytest.mark.parametrize("data", [None, {}, {"summary": 'quá dài <b>"x"</b>', "received_on": "31/02/2026",
                                             "kind": "khác", "outcome": "c", "birth_year": "năm"}])
@pytest.mark.parametrize("options", [{}, {"auto_id": False}, {"prefix": 'p"<x>'}])
def test_a_field_block_is_the_markup_of_the_template_it_replaced(data, options):
    from django.template import engines

    from danvan.core.templatetags.danvan import field_block

    template = engines["django"].from_string(_FIELD_TEMPLATE)
    compared = 0
    for form in (_Everything(data, **options), _SafeHelp(data, **options)):
        for field in form:
            assert str(field_block(field)) == template.render({"field": field}), field.name
            compared += 1
    assert compared == 13


def test_a_name_the_form_does_not_have_fails_loudly_in_a_field_block():
    """The template drew a misspelt field as an empty label, and nobody noticed; the filter stops the page."""
    from django.template import engines

    template = engines["django"].from_string("{% load danvan %}{{ form.no_such_field|field_block }}")
    with pytest.raises(TypeError, match="not a form's field"):
        template.render({"form": _SafeHelp()})
    right = engines["django"].from_string("{% load danvan %}{{ form.noted|field_block }}")
    assert 'for="id_noted"' in right.render({"form": _SafeHelp()})
