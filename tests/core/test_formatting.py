import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan.core.formatting import vn_date, vn_long_date, vn_number, vn_percent
from danvan.core.text import fold, normalize


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1538, 0, "1.538"),
        (2238, 0, "2.238"),
        (61000, 0, "61.000"),
        (1234567, 0, "1.234.567"),
        (7, 0, "7"),
        (-20, 0, "-20"),
        (98.5, 1, "98,5"),
        (2.25, 1, "2,3"),
        (0, 0, "0"),
    ],
)
def test_vn_number(value, decimals, expected):
    assert vn_number(value, decimals) == expected


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [(22, 29, "75,9%"), (197, 200, "98,5%"), (3, 4, "75%"), (29, 29, "100%"), (0, 5, "0%"), (5, 0, "")],
)
def test_vn_percent_never_invents_a_rate(numerator, denominator, expected):
    assert vn_percent(numerator, denominator) == expected


def test_dates():
    assert vn_date(dt.date(2010, 2, 25)) == "25/02/2010"
    assert vn_long_date(dt.date(2010, 2, 25)) == "ngày 25 tháng 02 năm 2010"
    # NĐ 30/2020/NĐ-CP: only days below 10 and the months 1 and 2 are padded.
    assert vn_long_date(dt.date(2026, 3, 5)) == "ngày 05 tháng 3 năm 2026"
    assert vn_long_date(dt.date(2026, 1, 14)) == "ngày 14 tháng 01 năm 2026"
    assert vn_long_date(dt.date(2026, 11, 30)) == "ngày 30 tháng 11 năm 2026"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quỳnh Vinh", "quynh vinh"),
        ("ĐẶNG Văn Đức", "dang van duc"),
        ("  Hòa   An ", "hoa an"),
        ("Nguyễn Thị Ánh Tuyết", "nguyen thi anh tuyet"),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


def test_fold_equates_composed_and_decomposed_input():
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Quảng Lâm")
    assert decomposed != "Quảng Lâm"
    assert fold(decomposed) == fold("Quảng Lâm") and normalize(decomposed) == "Quảng Lâm"


@given(st.text())
def test_fold_is_idempotent_and_lower_case(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == folded.lower() or not folded.isalpha()


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_vn_number_round_trips(value):
    assert int(vn_number(value).replace(".", "")) == value


def test_escape_html_is_html_escape_in_one_pass():
    """The row writers' escaping (core.text.escape_html) is `html.escape`'s, character for character: each special
    character, all of them together, already escaped text (escaped again, as the template would), Vietnamese."""
    import html
    import string

    from danvan.core.text import escape_html

    samples = ["", "Nguyễn Văn A", "&", "<", ">", '"', "'", "&amp;", "<script>alert('x')</script>", "a&b<c>d\"e'f",
               "Lê & Trần <b>\"Hội trường\"</b> 'x'", string.printable, "đ" * 3 + "&&&" + "ồ\u0301"]
    for text in samples:
        assert escape_html(text) == html.escape(text), text
