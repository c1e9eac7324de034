"""Vocabulary shared by reception, letters and reports (domain.md §Reception, §Letters), and the one way a page
reads a choice's label."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from django.db import models
from django.utils.hashable import make_hashable
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def choice_labels(choices: type[models.Choices] | models.Field[Any, Any]) -> Mapping[Any, str]:
    """The labels of a set of choices (a `Choices` class or a model field with choices) in the active language,
    by value; read them with `.get(value, value)`. Lists and registers show a label on every row: Django's
    `get_FOO_display` translates every choice of the field on each call (the "Dân vận khéo" list asked it 150 times
    a page, a third of its CPU). The table is made once per process and language: the catalogues do not change
    while the process runs, and choices must be fixed in code (every danvan model's are; a field whose choices
    were set at run time would keep its first ones here). A list value (a multiple choice field) is looked up
    as `make_hashable(value)`."""
    return _labels_in(choices, get_language())


@functools.cache
def _labels_in(choices: type[models.Choices] | models.Field[Any, Any], language: str | None) -> Mapping[Any, str]:
    pairs = choices.flatchoices if isinstance(choices, models.Field) else choices.choices
    return MappingProxyType({make_hashable(value): str(label) for value, label in pairs})


class ContentKind(models.TextChoices):
    """By content (TT 05/2021/TT-TTCP): complaint, denunciation, recommendation/feedback, or several."""

    COMPLAINT = "complaint", _("Khiếu nại")
    DENUNCIATION = "denunciation", _("Tố cáo")
    RECOMMENDATION = "recommendation", _("Kiến nghị, phản ánh")
    SEVERAL = "several", _("Nhiều nội dung")


class Field(models.TextChoices):
    """Subject field. Form 02/XLD (TT 01/2024/TT-TTCP) groups the first three as administrative."""

    LAND_HOUSING = "land", _("Đất đai, nhà ở")
    POLICY = "policy", _("Chế độ, chính sách")
    ADMINISTRATIVE_OTHER = "admin_other", _("Hành chính khác")
    ENVIRONMENT = "environment", _("Môi trường")
    URBAN_ORDER = "urban", _("Trật tự đô thị")
    JUSTICE = "justice", _("Tư pháp")
    PARTY_MASS = "party", _("Đảng, đoàn thể")
    OTHER = "other", _("Khác")


# Fields counted under "hành chính" in form 02/XLD.
ADMINISTRATIVE_FIELDS = (
    Field.LAND_HOUSING,
    Field.POLICY,
    Field.ADMINISTRATIVE_OTHER,
    Field.ENVIRONMENT,
    Field.URBAN_ORDER,
)
