"""Vocabulary as data: a new phrasing is an edit of a phrase row, checked when saved, not a release."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from danvan.core import services as audited
from danvan.reading.models import IndicatorPhrase
from danvan.reading.vocabulary import reader
from danvan.reports.models import Indicator

pytestmark = pytest.mark.django_db

SENTENCE = "Các cấp đã tiếp nhận tổng cộng 412 đơn trong năm."


def test_a_phrase_added_by_an_administrator_is_read_at_once_and_kept_in_history(root):
    assert [u.text for u in reader().read(SENTENCE).unread] == ["412"]  # not guessed
    phrase = audited.create(IndicatorPhrase, root, reason="Cách viết của huyện",
                            indicator=Indicator.objects.get(code="DT_NHAN"), phrase="tiếp nhận tổng cộng {n} đơn")
    figures = reader().read(SENTENCE).figures
    assert [(f.indicator, f.value, f.rule) for f in figures] == [
        ("DT_NHAN", 412, "cụm từ: tiếp nhận tổng cộng {n} đơn")]
    assert phrase.history.first().history_user == root
    audited.archive(phrase, root, reason="Không dùng nữa")
    assert not reader().read(SENTENCE).figures


@pytest.mark.parametrize("code, text, key, field", [
    ("DT_NHAN", "tiếp nhận đơn", "", "phrase"),  # no place for the number
    ("DT_NHAN", "{n} đơn, {n} vụ", "", "phrase"),
    ("DT_NHAN", "giải quyết {r} đơn", "", "phrase"),  # a fraction for a sum
    ("DT_TYLE_GQ", "{n} đơn", "", "phrase"),  # a count for a ratio
    ("MH_DANGKY", "kinh tế tập thể", "no_such_field", "disaggregation_key"),
    ("MH_DANGKY", "kinh tế {n}", "economy", "phrase"),
])
def test_a_phrase_that_cannot_work_is_refused_with_a_vietnamese_message(code, text, key, field):
    phrase = IndicatorPhrase(indicator=Indicator.objects.get(code=code), phrase=text, disaggregation_key=key)
    with pytest.raises(ValidationError) as error:
        phrase.full_clean()
    assert field in error.value.message_dict


def test_the_seeded_phrases_are_all_valid():
    phrases = list(IndicatorPhrase.objects.select_related("indicator"))
    assert len(phrases) >= 50
    for phrase in phrases:
        phrase.full_clean()
