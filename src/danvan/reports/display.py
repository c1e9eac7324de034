"""The dashboard's words in the user's language (issue 16).

Official documents stay Vietnamese (`narrative.py`, the Word and Excel files); the dashboard page and its
charts translate the catalogue's names, the period labels and the comparison phrases. The catalogue is data
shipped by migrations 0002 and 0003; its short names are listed in `catalogue_names` for `make messages`.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext, pgettext_lazy

from danvan.core.formatting import vn_number
from danvan.reports.periods import Period

UNIT_CONTEXT = "đơn vị đo"

# The shipped short names are marked for translation in `catalogue_names`; the full name a chart title uses:
CHART_TITLES = (gettext_noop("Số lượt tiếp công dân"),)
# The units of measure (the context keeps "đơn" the unit apart from "Đơn" the letter); a literal context,
# so that makemessages finds them.
UNITS = (
    pgettext_lazy("đơn vị đo", "lượt"),
    pgettext_lazy("đơn vị đo", "người"),
    pgettext_lazy("đơn vị đo", "vụ việc"),
    pgettext_lazy("đơn vị đo", "đoàn"),
    pgettext_lazy("đơn vị đo", "đơn"),
    pgettext_lazy("đơn vị đo", "cuộc"),
    pgettext_lazy("đơn vị đo", "ý kiến"),
    pgettext_lazy("đơn vị đo", "việc"),
    pgettext_lazy("đơn vị đo", "mô hình"),
    pgettext_lazy("đơn vị đo", "buổi"),
    pgettext_lazy("đơn vị đo", "lượt người"),
    pgettext_lazy("đơn vị đo", "trường hợp"),
    pgettext_lazy("đơn vị đo", "hồ sơ"),
    pgettext_lazy("đơn vị đo", "văn bản"),
    pgettext_lazy("đơn vị đo", "đơn vị"),
    pgettext_lazy("đơn vị đo", "ngày công"),
    pgettext_lazy("đơn vị đo", "đồng"),
)


def indicator_label(indicator) -> str:
    return _(indicator.short_name)


def indicator_name(indicator) -> str:
    return _(indicator.name)


def unit_word(unit: str) -> str:
    return pgettext(UNIT_CONTEXT, unit) if unit else ""


def period_label(period: Period) -> str:
    """`Period.label` in the user's language: one home, `Period.display`."""
    return period.display


def trend_phrase(current: int, previous: int, unit: str = "") -> str:
    """`narrative.compare_phrase` in the user's language: "tăng 5 lượt" / "up 5 visits", "bằng cùng kỳ"."""
    difference = current - previous
    if difference == 0:
        return _("bằng cùng kỳ")
    values = {"n": vn_number(abs(difference)), "unit": unit_word(unit)}
    if difference > 0:
        return (_("tăng %(n)s %(unit)s") if unit else _("tăng %(n)s")) % values
    return (_("giảm %(n)s %(unit)s") if unit else _("giảm %(n)s")) % values
