"""A choice's label, read the one way pages, registers and hot spots read it (core.choices.choice_labels)."""

import pytest
from django.utils import translation

from danvan.core.choices import ContentKind, choice_labels
from danvan.letters.models import Letter
from danvan.letters.workflow import LetterStatus


def test_the_labels_are_those_of_the_readers_language_each_time():
    """The table is kept per process and language: a reader in English after one in Vietnamese gets English, and
    the next reader in Vietnamese gets Vietnamese again, not the table made last."""
    with translation.override("vi"):
        assert choice_labels(ContentKind)["denunciation"] == "Tố cáo"
    with translation.override("en"):
        assert choice_labels(ContentKind)["denunciation"] == "Denunciation"
    with translation.override("vi"):
        assert choice_labels(ContentKind)[ContentKind.DENUNCIATION] == "Tố cáo"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_model_fields_labels_are_what_get_foo_display_shows(language):
    """For a model field and for its choices class alike, every value reads as Django's own display of it."""
    field = Letter._meta.get_field("status")
    with translation.override(language):
        for value, _label in LetterStatus.choices:
            shown = Letter(status=value).get_status_display()
            assert choice_labels(field)[value] == shown
            assert choice_labels(LetterStatus)[value] == shown
        assert all(type(label) is str for label in choice_labels(field).values())


def test_an_unknown_value_is_shown_as_it_is_and_the_table_cannot_be_changed_by_a_caller():
    labels = choice_labels(ContentKind)
    assert labels.get("no-such-kind", "no-such-kind") == "no-such-kind"
    with pytest.raises(TypeError):
        labels["complaint"] = "changed"  # type: ignore[index]
    assert choice_labels(ContentKind)["complaint"] != "changed"


def _danvan_models():
    from django.apps import apps

    return [m for m in apps.get_models()
            if m.__module__.startswith("danvan.") and not m.__name__.startswith("Historical")]


def test_every_danvan_model_reads_its_labels_through_the_one_table():
    """A model added later on `models.Model` would translate every choice again on each `get_FOO_display`."""
    from danvan.core.models import LabelledModel

    others = [m.__name__ for m in _danvan_models() if not issubclass(m, LabelledModel)]
    assert others == []


@pytest.mark.parametrize("language", ["vi", "en"])
def test_get_foo_display_shows_what_djangos_own_shows_for_every_field_with_choices(language):
    """Every field with choices of every danvan model: each value, a value outside the choices and no value read
    as Django reads them (the label; the value itself; None)."""
    from django.db import models

    checked = 0
    with translation.override(language):
        for model in _danvan_models():
            for field in model._meta.concrete_fields:
                if not field.choices:
                    continue
                for value in [v for v, _label in field.flatchoices] + ["no-such-value", None]:
                    record = model()
                    setattr(record, field.attname, value)
                    mine = getattr(record, f"get_{field.name}_display")()
                    assert mine == models.Model._get_FIELD_display(record, field), (model, field.name, value)
                    assert type(mine) is type(models.Model._get_FIELD_display(record, field))
                    checked += 1
    assert checked > 100
