"""The benchmark: the reader against the hand-labelled gold set, precision and recall per figure type.

Targets (issue 20): precision ≥ 0,95 and recall ≥ 0,85 for every type; run with `-s` to see the table.
"""

from __future__ import annotations

from collections import Counter

import pytest

from danvan.reading.vocabulary import reader
from tests.reading.gold import GOLD, G

pytestmark = pytest.mark.django_db

TYPES = ("số đếm", "gần đúng", "so sánh", "chi tiết", "tỷ lệ")


def figure_type(label: G, ratios: set[str]) -> str:
    if label.comparison is not None:
        return "so sánh"
    if label.approx:
        return "gần đúng"
    if label.key:
        return "chi tiết"
    if label.indicator in ratios:
        return "tỷ lệ"
    return "số đếm"


def as_label(found) -> G:
    return G(found.indicator, found.value, found.approx, found.comparison, found.key, found.previous)


def benchmark():
    read = reader()
    ratios = {code for code, term in read.vocabulary.terms.items() if term.is_ratio}
    hits, predicted, expected = Counter(), Counter(), Counter()
    misses = []
    for text, labels in GOLD:
        got = Counter(as_label(f) for f in read.read(text).figures)
        want = Counter(labels)
        for label, count in got.items():
            predicted[figure_type(label, ratios)] += count
        for label, count in want.items():
            expected[figure_type(label, ratios)] += count
        for label, count in (got & want).items():
            hits[figure_type(label, ratios)] += count
        if got != want:
            misses.append((text, sorted(got - want), sorted(want - got)))
    return hits, predicted, expected, misses


def test_precision_and_recall_per_figure_type_meet_the_targets():
    hits, predicted, expected, misses = benchmark()
    print("\nloại        chính xác   đầy đủ   (đúng/đọc/nhãn)")
    for kind in (*TYPES, "tất cả"):
        h = sum(hits.values()) if kind == "tất cả" else hits[kind]
        p = sum(predicted.values()) if kind == "tất cả" else predicted[kind]
        e = sum(expected.values()) if kind == "tất cả" else expected[kind]
        print(f"{kind:10}  {h / p if p else 1:9.3f}  {h / e if e else 1:7.3f}   ({h}/{p}/{e})")
    for text, wrong, missed in misses:
        print("---", text[:90], "\n  sai:", wrong, "\n  sót:", missed)
    assert sum(expected.values()) >= 90 and len(GOLD) >= 40
    for kind in TYPES:
        assert expected[kind], f"the gold set has no figure of type {kind}"
        assert hits[kind] / max(predicted[kind], 1) >= 0.95, kind
        assert hits[kind] / expected[kind] >= 0.85, kind


def test_held_out_paragraphs_are_read_without_wrong_figures():
    """Written after the reader: recall may fall where the wording is new, but what is read must be right
    (precision first); the numbers are printed with `-s`."""
    from tests.reading.held_out import HELD_OUT

    read = reader()
    right = wrong = expected = 0
    for text, labels in HELD_OUT:
        got = Counter(as_label(f) for f in read.read(text).figures)
        want = Counter(labels)
        right += sum((got & want).values())
        wrong += sum((got - want).values())
        expected += sum(want.values())
        if got != want:
            print("--- held out:", text[:80], "\n  sai:", sorted(got - want), "\n  sót:", sorted(want - got))
    print(f"held out: precision {right / max(right + wrong, 1):.3f}, recall {right / expected:.3f} "
          f"({right} right, {wrong} wrong, {expected} labelled)")
    assert right / max(right + wrong, 1) >= 0.95
