"""Luật Tiếp công dân 2013 Điều 29 (representatives of a group) and the large-group threshold, table-driven."""

import pytest

from danvan.reception import rules


@pytest.mark.parametrize(
    ("persons", "representatives", "lawful"),
    [
        (1, 0, True),
        (4, 0, True),
        (4, 1, False),  # below 5 people the citizens speak for themselves
        (5, 0, False),  # a group must send representatives
        (5, 1, True),
        (6, 2, True),
        (10, 2, True),
        (10, 3, False),  # 5–10 people: one or two representatives
        (11, 3, True),
        (11, 5, True),
        (40, 5, True),
        (40, 6, False),  # more than 10: up to five
        (11, 0, False),
    ],
)
def test_representatives_follow_article_29(persons, representatives, lawful):
    assert (rules.representatives_error(persons, representatives) is None) is lawful


def test_the_error_names_the_rule():
    assert "1 hoặc 2" in rules.representatives_error(6, 3)
    assert "Điều 29" in rules.representatives_error(6, 3)
    assert "tối đa" not in rules.representatives_error(6, 3)
    assert "5" in rules.representatives_error(12, 6)


def test_large_group_threshold_defaults_to_five_and_is_configurable(settings):
    assert not rules.is_large_group(4)
    assert rules.is_large_group(5)
    settings.DANVAN_LARGE_GROUP_MIN_PERSONS = 10
    assert not rules.is_large_group(9)
    assert rules.is_large_group(10)
