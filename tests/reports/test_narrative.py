"""Narrative phrases in the register of the seed reports."""

import pytest

from danvan.reports.narrative import compare_pair, compare_phrase, rate_phrase
from danvan.reports.rollup import Figure


@pytest.mark.parametrize(
    "current, previous, unit, phrase",
    [
        (51, 46, "lượt", "tăng 5 lượt"),
        (46, 66, "lượt", "giảm 20 lượt"),
        (46, 46, "lượt", "bằng cùng kỳ"),
        (2538, 1000, "người", "tăng 1.538 người"),
        (0, 3, "", "giảm 3"),
    ],
)
def test_compare_phrase(current, previous, unit, phrase):
    assert compare_phrase(current, previous, unit) == phrase


@pytest.mark.parametrize(
    "current, previous, text",
    [
        ((46, 29), (66, 44), "giảm 20 lượt (15 vụ việc) so với cùng kỳ"),
        ((50, 30), (40, 25), "tăng 10 lượt (5 vụ việc) so với cùng kỳ"),
        ((50, 20), (40, 25), "tăng 10 lượt (giảm 5 vụ việc) so với cùng kỳ"),
        ((40, 20), (40, 25), "số lượt bằng cùng kỳ (giảm 5 vụ việc) so với cùng kỳ"),
        ((40, 25), (40, 25), "bằng cùng kỳ"),
    ],
)
def test_compare_pair(current, previous, text):
    assert compare_pair(current, previous, ("lượt", "vụ việc")) == text


def test_rate_phrase_is_exact_and_never_approximate():
    assert rate_phrase(Figure(22, 29), "vụ việc") == "22/29 vụ việc, đạt 75,9%"
    assert rate_phrase(Figure(3, 4), "đơn") == "3/4 đơn, đạt 75%"
    assert rate_phrase(Figure(0, 0), "đơn") == "0 đơn"
    for text in (rate_phrase(Figure(998, 1000), "đơn"), compare_phrase(1999, 1000, "lượt")):
        assert "trên" not in text and "gần" not in text


def _report(current: dict[str, int], previous: dict[str, int], ratios=()):
    """A report of Hòa An for 2025 from bare figures (no database): the shipped catalogue's codes."""
    import datetime as dt

    from danvan.reports.models import Indicator
    from danvan.reports.narrative import SECTIONS
    from danvan.reports.periods import parse_period, same_period_last_year
    from danvan.reports.rollup import Report, UnitRow
    from danvan.units.models import Area

    codes = sorted(set().union(*(known for _g, _h, _s, known in SECTIONS)))
    indicators = [Indicator(code=code, name=code, short_name=code, unit="", group=group, aggregation="sum")
                  for group, _h, _s, known in SECTIONS for code in sorted(known)]
    ratio_codes = {"DT_TYLE_GQ": ("DT_GIAIQUYET", "DT_PHAIGQ"), "DT_TYLE_DUNGHAN": ("DT_DUNGHAN", "DT_GIAIQUYET")}

    def figures(values):
        result = {code: Figure(values.get(code, 0)) for code in codes}
        for code, (numerator, denominator) in ratio_codes.items():
            result[code] = Figure(values.get(numerator, 0), values.get(denominator, 0))
        return result

    period = parse_period("2025")
    area = Area(name="Xã Hòa An", code="01576", valid_from=dt.date(2025, 7, 1))
    total = UnitRow(area, area.name, figures(current), figures(previous))
    return Report(root=area, period=period, previous_period=same_period_last_year(period), indicators=indicators,
                  total=total, rows=[], breakdown={}, violations=[], incomplete=[], entered_only=[])


def test_the_sections_read_like_the_seed_reports():
    from danvan.reports.narrative import sections

    report = _report({"TCD_LUOT": 46, "TCD_VUVIEC": 29, "TCD_NGUOI": 51, "DT_NHAN": 1538, "DT_DUDK": 1200,
                      "DT_THAMQUYEN": 29, "DT_THULY": 29, "DT_KYTRUOC": 6, "DT_PHATSINH": 29, "DT_PHAIGQ": 35,
                      "DT_GIAIQUYET": 22, "DT_DUNGHAN": 20, "GS_CUOC": 3, "TH_NGUOI": 1500},
                     {"TCD_LUOT": 66, "TCD_VUVIEC": 44, "DT_NHAN": 1000, "DT_THAMQUYEN": 10, "DT_PHAIGQ": 10,
                      "DT_GIAIQUYET": 9})
    text = dict(sections(report))
    assert text["Công tác tiếp công dân"] == [
        "Năm 2025, đã tiếp 46 lượt/51 người (29 vụ việc), giảm 20 lượt (15 vụ việc) so với cùng kỳ."]
    # Only the first paragraph opens with the period; no bracket inside a bracket; form 02/XLD's rate.
    assert text["Công tác tiếp nhận, xử lý đơn thư"] == [
        "Đã tiếp nhận 1.538 đơn, tăng 538 đơn so với cùng kỳ; có 1.200 đơn đủ điều kiện xử lý, trong đó "
        "29 đơn thuộc thẩm quyền; đã thụ lý 29 đơn. Đã giải quyết 22/35 đơn thuộc thẩm quyền (gồm 6 đơn kỳ "
        "trước chuyển sang, 29 đơn phát sinh trong kỳ), đạt 62,9%; cùng kỳ đạt 90%; giải quyết đúng hạn 20/22 đơn, "
        "đạt 90,9%."]
    # Zero figures are not written out ("tổ chức 0 cuộc giao ban").
    assert text["Tuyên truyền, giao ban, giám sát và khen thưởng"] == [
        "Trong kỳ, đã tổ chức 3 cuộc giám sát; bồi dưỡng, tập huấn cho 1.500 lượt người."]
    assert text["Công tác đối thoại với Nhân dân"] == ["Trong kỳ chưa tổ chức cuộc đối thoại nào."]
    empty = dict(sections(_report({}, {})))
    assert empty["Tuyên truyền, giao ban, giám sát và khen thưởng"] == [
        "Chưa có số liệu về tuyên truyền, tập huấn, giao ban, giám sát và khen thưởng."]
    assert empty["Công tác tiếp nhận, xử lý đơn thư"][0].endswith(
        "Không có đơn thuộc thẩm quyền phải giải quyết.")
    paragraphs = [t for texts in text.values() for t in texts]
    assert sum(t.startswith("Năm 2025,") for t in paragraphs) == 1
    for paragraph in paragraphs:
        depth = 0
        for char in paragraph:
            depth += {"(": 1, ")": -1}.get(char, 0)
            assert depth <= 1, paragraph  # no nested brackets


def test_models_are_written_field_by_field_with_the_party_capitalised():
    from danvan.reports.narrative import models_sentence

    report = _report({"MH_DANGKY": 17, "MH_CONGNHAN": 3}, {"MH_DANGKY": 10})
    report.breakdown["MH_DANGKY"] = [("political", "Xây dựng Đảng, hệ thống chính trị", Figure(12), Figure(0)),
                                     ("economy", "Kinh tế", Figure(5), Figure(0))]
    assert models_sentence(report) == (
        "Có 17 mô hình “Dân vận khéo” được đăng ký, tăng 7 mô hình so với cùng kỳ (xây dựng Đảng, hệ thống chính "
        "trị: 12 mô hình; kinh tế: 5 mô hình); 3 mô hình được công nhận.")


def test_a_label_opening_with_the_party_keeps_its_capital_inside_a_sentence():
    from danvan.reports.narrative import sentence_case

    assert sentence_case("Đảng, đoàn thể") == "Đảng, đoàn thể"
    assert sentence_case("Xây dựng Đảng, hệ thống chính trị") == "xây dựng Đảng, hệ thống chính trị"
    assert sentence_case("Đất đai, nhà ở") == "đất đai, nhà ở"
