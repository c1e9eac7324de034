"""Numbers and dates written the Vietnamese way (domain.md §Reports: "1.538", "98,5%", "25/02/2010")."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal


def vn_number(value: int | float | Decimal | None, decimals: int = 0) -> str:
    """1538 -> "1.538"; 2.5 with decimals=1 -> "2,5". None -> "" (a missing figure is not a zero)."""
    if value is None:
        return ""
    if type(value) is int and not decimals:
        # A count, the common case (a province's annex writes thousands): Python's grouping, dots for commas.
        return f"{value:,}".replace(",", ".")
    quantum = Decimal(1).scaleb(-decimals)
    number = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups)
    return sign + text + ("," + fraction if fraction else "")


def vn_percent(numerator: int | float | Decimal, denominator: int | float | Decimal, decimals: int = 1) -> str:
    """22/29 -> "75,9%". A zero denominator has no rate and gives "" rather than a made-up 0% or 100%."""
    if not denominator:
        return ""
    ratio = Decimal(str(numerator)) * 100 / Decimal(str(denominator))
    text = vn_number(ratio, decimals)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text + "%"


def vn_date(value: dt.date | None) -> str:
    """dd/mm/yyyy, the form officials write in registers."""
    return value.strftime("%d/%m/%Y") if value else ""


def vn_long_date(value: dt.date) -> str:
    """ "ngày 25 tháng 02 năm 2010", "ngày 05 tháng 3 năm 2026": the place-and-date line of a document.

    NĐ 30/2020/NĐ-CP, Phụ lục I, khoản 6: a day below 10 and the months 1 and 2 take a leading 0
    ("tháng 01", "tháng 02", so that they cannot be altered into 11 or 12); the other months do not.
    """
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"
