"""Vietnamese numbers as reports write them (table-driven, no database)."""

from decimal import Decimal

import pytest

from danvan.reading.numbers import NumberError, parse_number, plain


@pytest.mark.parametrize("text, value", [
    ("1.184", 1184), ("96,5", 96.5), ("45 nghìn", 45000), ("45 ngàn", 45000), ("1,5 triệu", 1500000),
    ("150 triệu", 150000000), ("04", 4), ("hai", 2), ("mười", 10), ("mười hai", 12), ("hai mươi lăm", 25),
    ("ba mươi", 30), ("1.184,5", 1184.5), ("2 tỷ", 2000000000), ("0", 0),
])
def test_numbers_read_the_vietnamese_way(text, value):
    assert plain(parse_number(text)) == value


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "hai ba", "1.18"])
def test_what_is_not_a_number_is_refused_not_guessed(text):
    with pytest.raises(NumberError):
        parse_number(text)


def test_a_rate_keeps_its_decimal_and_a_count_is_an_integer():
    assert plain(Decimal("96.5")) == 96.5 and isinstance(plain(Decimal("45000")), int)
