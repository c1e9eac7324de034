"""Round trip: every report danvan's narrative writer produces reads back to the figures it was written from.

Reports are built from random figures (including zeros, thousands, equal and opposite comparisons, breakdowns
and the indicators an administrator added, written by the writer's generic sentence) over every kind of period.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from danvan.reading.vocabulary import reader
from danvan.reports.narrative import sections
from danvan.reports.periods import parse_period, same_period_last_year, up_to
from danvan.reports.rollup import Figure, Report, UnitRow, catalogue
from danvan.units.models import Area

pytestmark = pytest.mark.django_db

RATIOS = {"DT_TYLE_GQ": ("DT_GIAIQUYET", "DT_PHAIGQ"), "DT_TYLE_DUNGHAN": ("DT_DUNGHAN", "DT_GIAIQUYET"),
          # added for reading (reading 0004), written by the writer's generic sentence
          "HS_TYLE_DUNGHAN": ("HS_DUNGHAN", "HS_GIAIQUYET"), "DTH_TYLE_DONVI": ("DTH_DONVI", "DTH_DONVI_TONG")}
# Indicators added to the catalogue after the writer's sentences: one generic sentence each, with its change.
ADDED = {"KNC_SO", "VDBX_SO", "LLVT_LUOT", "HS_TIEPNHAN", "HS_GIAIQUYET", "HS_DUNGHAN", "VBDT_SO", "DTH_DONVI",
         "DTH_DONVI_TONG", "HT_NGAYCONG", "HT_TIEN", "DN_PHATSINH", "DN_CHIDAO", "DN_GIAIQUYET"}
COMPARED = {"TCD_LUOT", "TCD_VUVIEC", "DT_NHAN", "DTH_CUOC", "MH_DANGKY"} | ADDED


def random_report(rng: random.Random, indicators) -> Report:
    def value():
        return rng.choice([0, 0, 1, 2, 7, 12, 45, 318, 999, 1000, 1538, 12045, rng.randint(0, 3000),
                           1_200_000_000, 12_500_000_000])

    sums = [i.code for i in indicators if not i.is_ratio]
    current = {code: value() for code in sums}
    previous = {code: rng.choice([current[code], value()]) for code in sums}

    def figures(values):
        result = {code: Figure(values[code]) for code in sums}
        for code, (numerator, denominator) in RATIOS.items():
            result[code] = Figure(values[numerator], values[denominator])
        return result

    period = parse_period(rng.choice(["2019", "2024-Q1", "2024-Q3", "2025-H1", "2025-9M", "2023-05", "2026"]))
    period = up_to(period, dt.date(2026, 11, 30))
    area = Area(name="Xã Hòa An", code="01576", valid_from=dt.date(2025, 7, 1))
    breakdown = {}
    keys = [("economy", "Kinh tế"), ("culture", "Văn hóa - xã hội"), ("defence", "Quốc phòng - an ninh"),
            ("political", "Xây dựng Đảng, hệ thống chính trị"), ("rural", "Xây dựng nông thôn mới"), ("other", "Khác")]
    breakdown["MH_DANGKY"] = [(key, label, Figure(value()), Figure(value())) for key, label in keys]
    total = UnitRow(area, area.name, figures(current), figures(previous))
    return Report(root=area, period=period, previous_period=same_period_last_year(period), indicators=indicators,
                  total=total, rows=[], breakdown=breakdown, violations=[], incomplete=[], entered_only=[])


def expected_rate(figure: Figure) -> float:
    return float(figure.rate)


def check(report: Report, text: str, read) -> None:
    reading = read.read(text)
    assert not reading.unread, [(u.text, u.sentence) for u in reading.unread]
    now, before = report.total.current, report.total.previous
    by_key = {key: (n.value, b.value) for key, _label, n, b in report.breakdown["MH_DANGKY"]}
    seen_values, seen_changes = set(), set()
    for figure in reading.figures:
        code = figure.indicator
        if figure.previous:
            assert figure.value == expected_rate(before[code]), (code, text)
        elif figure.comparison is not None:
            assert figure.comparison == now[code].value - before[code].value, (code, text)
            assert figure.value == abs(figure.comparison)
            seen_changes.add(code)
        elif figure.key:
            assert figure.value == by_key[figure.key][0], (code, figure.key, text)
        elif code in RATIOS:
            assert figure.value == expected_rate(now[code]), (code, text)
        else:
            assert figure.value == now[code].value, (code, text)
            seen_values.add(code)
    resolution = now["DT_TYLE_GQ"].denominator
    hidden = set()
    if not resolution:
        hidden |= {"DT_GIAIQUYET", "DT_PHAIGQ", "DT_KYTRUOC", "DT_PHATSINH"}
    if not now["DT_GIAIQUYET"].value:
        hidden.add("DT_DUNGHAN")
    if not now["TT_BUOI"].value:
        hidden.add("TT_NGUOI")
    if not now["DTH_CUOC"].value:  # "chưa tổ chức cuộc đối thoại nào": its participants and opinions unwritten
        hidden |= {"DTH_NGUOI", "DTH_YKIEN", "DTH_CAMKET"}
    for code, figure in now.items():
        if code not in RATIOS and figure.value and code not in hidden:
            assert code in seen_values, (code, text)
    for code in COMPARED:
        if code in ADDED and not (now[code].value or before[code].value):
            continue  # an added indicator at 0 in both periods is not written
        if code in hidden or (code == "DTH_CUOC" and not now[code].value):
            continue  # "chưa tổ chức cuộc đối thoại nào (cùng kỳ N cuộc)": last year's count, not a change
        if code != "TCD_VUVIEC" or now["TCD_LUOT"].value != before["TCD_LUOT"].value or now[code] != before[code]:
            assert code in seen_changes, (code, text)
    for key, (value, _before) in by_key.items():
        if value:
            assert any(f.key == key and f.value == value for f in reading.figures), (key, text)


def test_every_report_danvan_writes_reads_back_to_its_figures():
    read = reader()
    indicators = catalogue()
    assert ADDED | set(RATIOS) <= {i.code for i in indicators}
    rng = random.Random(20)
    for _ in range(300):
        report = random_report(rng, indicators)
        text = "\n".join(paragraph for _heading, paragraphs in sections(report) for paragraph in paragraphs)
        check(report, text, read)


def test_the_indicators_added_for_reading_do_not_write_zero_sentences_into_every_report():
    """KNC_SO, VDBX_SO, LLVT_LUOT joined the catalogue: a unit that has none of them in either period gets no
    "…: 0 người, bằng cùng kỳ." line (the shipped sentences do not write zeros either); one that has them does."""
    indicators = catalogue()
    report = random_report(random.Random(1), indicators)
    for code in ("KNC_SO", "VDBX_SO", "LLVT_LUOT"):
        report.total.current[code] = report.total.previous[code] = Figure(0)
    report.total.current["KNC_SO"] = Figure(5)
    text = "\n".join(p for _heading, paragraphs in sections(report) for p in paragraphs)
    assert "Số Kỷ niệm chương “Vì sự nghiệp Dân vận” được tặng: 5 người, tăng 5 người so với cùng kỳ." in text
    names = {i.code: i.name for i in indicators}
    assert names["VDBX_SO"] not in text and names["LLVT_LUOT"] not in text
