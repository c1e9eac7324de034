"""Vietnamese numbers as reports write them (pure, no database).

"1.184" → 1184; "96,5%" → 96.5; "45 nghìn" → 45000; "1,5 triệu" → 1500000; "04" → 4; "hai" → 2;
"mười hai" → 12; "hai mươi lăm" → 25. The dot groups thousands and the comma is the decimal mark
(domain.md §Reports, the convention of `danvan.core.formatting`).
"""

from __future__ import annotations

import re
from decimal import Decimal

APPROX_WORDS = ("gần", "trên", "hơn", "khoảng")  # "khoảng 2.000 lượt": about
SCALES = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}
DIGITS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7,
          "tám": 8, "chín": 9}

_DIGIT_WORD = "một|hai|ba|bốn|năm|sáu|bảy|tám|chín"
_UNIT_WORD = "mốt|một|hai|ba|bốn|tư|lăm|năm|sáu|bảy|tám|chín"
# Words for 1–99: "hai", "mười", "mười hai", "hai mươi", "hai mươi lăm".
WORD_NUMBER = (rf"(?:(?:{_DIGIT_WORD})\s+mươi(?:\s+(?:{_UNIT_WORD}))?|mười(?:\s+(?:{_UNIT_WORD}))?|(?:{_DIGIT_WORD}))")
# 1.184 · 1.184,5 · 96,5 · 04 · 2105 (a plain run of digits, zero-padded or not).
DIGIT_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
SCALE = "|".join(SCALES)


class NumberError(ValueError):
    """Text that is not a number; the message is Vietnamese."""


def parse_words(text: str) -> int:
    words = text.lower().split()
    if words[0] == "mười":
        return 10 + (DIGITS[words[1]] if len(words) > 1 else 0)
    if len(words) >= 2 and words[1] == "mươi":
        return DIGITS[words[0]] * 10 + (DIGITS[words[2]] if len(words) > 2 else 0)
    if len(words) == 1 and words[0] in DIGITS:
        return DIGITS[words[0]]
    raise NumberError(f"Không đọc được số “{text}”.")


def parse_number(text: str) -> Decimal:
    """One number written the Vietnamese way, with an optional scale word: "1.184", "1,5 triệu", "hai"."""
    text = " ".join(text.strip().lower().split())
    scale = 1
    for word, factor in SCALES.items():
        if text.endswith(" " + word):
            text, scale = text[: -len(word) - 1].strip(), factor
            break
    if re.fullmatch(DIGIT_NUMBER, text):
        whole, _, fraction = text.replace(".", "").partition(",")
        number = Decimal(f"{whole}.{fraction}" if fraction else whole)
    elif re.fullmatch(WORD_NUMBER, text):
        number = Decimal(parse_words(text))
    else:
        raise NumberError(f"Không đọc được số “{text}”.")
    return number * scale


def plain(number: Decimal) -> int | float:
    """A Decimal as the JSON number a user expects: 45000, 96.5."""
    return int(number) if number == number.to_integral_value() else float(number)
