"""A list's filter fields kept when every reader gets the same markup (core.forms.shared_fields_html): the markup
is the template's, it is kept per language, options and values, and nothing read within a reader's scope is kept."""

from __future__ import annotations

import pytest
from django import forms
from django.template import engines
from django.utils import translation

from danvan.core import forms as core_forms
from danvan.core.forms import Form, shared_fields_html
from danvan.letters.forms import LetterFilterForm
from danvan.letters.views import _filter_fields as letter_fields
from danvan.reception.forms import SessionFilterForm
from danvan.reception.views import _filter_fields as session_fields

# The loops the two lists' templates ran before the views wrote their filter fields.
LETTER_LOOP = ('{% for field in form %}<div><label for="{{ field.id_for_label }}">{{ field.label }}</label>'
               "{{ field }}</div>{% endfor %}")
SESSION_LOOP = "{% for field in form %}<div>{{ field.label_tag }}{{ field }}{{ field.errors }}</div>{% endfor %}"

LETTER_QUERIES = [None, {"page": "2"}, {"content_kind": "complaint", "field": "land", "deadline": "overdue"},
                  {"mine": "on", "stage": "awaiting_decision", "notice": "pending"}, {"q": '<b>đất</b> & "nhà"'},
                  {"status": "bogus", "field": "<script>"}, {"unit": "1000000"}, {"unit": "abc"}]
SESSION_QUERIES = [None, {"page": "3"}, {"kind": "ad_hoc", "content_kind": "denunciation"},
                   {"date_from": "05/02/2026", "date_to": "01/02/2026"}, {"date_from": "31/02/2026"},
                   {"q": "Nguyễn Văn A"}, {"kind": "bogus"}]


@pytest.fixture(autouse=True)
def _empty_table():
    core_forms._shared_fields.clear()
    yield
    core_forms._shared_fields.clear()


def _compare(form_class, loop, write, queries, user, language):
    for query in queries:
        with translation.override(language):
            expected = engines["django"].from_string(loop).render({"form": form_class(query, user=user)})
            first = str(shared_fields_html(form_class(query, user=user), write))
            again = str(shared_fields_html(form_class(query, user=user), write))
        assert first == expected == again, query


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_filter_fields_are_the_markup_the_lists_templates_wrote(tree, alice, language):
    """Unfiltered, filtered, searched, with invalid values and with a unit chosen (in scope or not), in both
    languages, written fresh and read again from the table."""
    _compare(LetterFilterForm, LETTER_LOOP, letter_fields, LETTER_QUERIES, alice, language)
    _compare(SessionFilterForm, SESSION_LOOP, session_fields, SESSION_QUERIES, alice, language)


def test_the_same_filters_are_kept_once_per_language_and_values(alice):
    with translation.override("vi"):
        vietnamese = shared_fields_html(LetterFilterForm({"page": "2"}, user=alice), letter_fields)
        assert shared_fields_html(LetterFilterForm(None, user=alice), letter_fields) is vietnamese
        filtered = shared_fields_html(LetterFilterForm({"field": "land"}, user=alice), letter_fields)
        assert filtered is not vietnamese and '<option value="land" selected>' in filtered
    with translation.override("en"):
        english = shared_fields_html(LetterFilterForm(None, user=alice), letter_fields)
    assert english is not vietnamese and "Status" in english and "Trạng thái" in vietnamese
    assert len(core_forms._shared_fields) == 3


def test_nothing_read_within_a_readers_scope_or_typed_is_kept(tree, alice, bob):
    """A unit chosen in a picker shows its name (read within the reader's scope), a search shows what was typed,
    an invalid filter shows errors: none of them is kept, nor a model select's options."""
    shared_fields_html(LetterFilterForm({"unit": str(tree.cao_bang.pk)}, user=alice), letter_fields)
    shared_fields_html(LetterFilterForm({"q": "đất"}, user=alice), letter_fields)
    shared_fields_html(SessionFilterForm({"date_from": "31/02/2026"}, user=alice), session_fields)

    class Units(Form):
        unit = forms.ModelChoiceField(queryset=type(tree.cao_bang).objects.all(), required=False)

    shared_fields_html(Units(), lambda form: str(form["unit"]))
    assert core_forms._shared_fields == {}
    # The unit outside bob's scope is not shown to him as chosen, whatever alice's page showed before.
    shown = shared_fields_html(LetterFilterForm({"unit": str(tree.cao_bang.pk)}, user=bob), letter_fields)
    assert f'<option value="{tree.cao_bang.pk}" selected>' not in shown


def test_options_set_per_reader_are_never_served_to_another(alice):
    class ByReader(Form):
        kind = forms.ChoiceField(required=False)

        def __init__(self, *args, options, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["kind"].choices = options

    first = shared_fields_html(ByReader(options=[("", "—"), ("a", "Của A")]), lambda form: str(form["kind"]))
    second = shared_fields_html(ByReader(options=[("", "—"), ("b", "Của B")]), lambda form: str(form["kind"]))
    assert "Của A" in first and "Của B" in second and "Của A" not in second


def test_the_table_keeps_only_the_last_used_entries(alice, monkeypatch):
    monkeypatch.setattr(core_forms, "SHARED_FIELDS_KEPT", 3)
    with translation.override("vi"):
        for field in ("land", "policy", "environment", "justice", "other"):
            shared_fields_html(LetterFilterForm({"field": field}, user=alice), letter_fields)
    assert len(core_forms._shared_fields) == 3
    kept = list(core_forms._shared_fields.values())
    for field, where in (("environment", 0), ("justice", 1), ("other", 2)):  # the last three used, oldest first
        assert f'<option value="{field}" selected>' in kept[where]
    assert not any('<option value="land" selected>' in html for html in kept)
