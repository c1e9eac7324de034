"""The dashboard's words in the user's language (issue 16).

Official documents stay Vietnamese (`narrative.py`, the Word and Excel files); the dashboard page and its
charts translate the catalogue's names, the period labels and the comparison phrases. The catalogue is data
shipped by migrations 0002 and 0003; its names are listed here so that `make messages` finds them.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext, pgettext_lazy

from danvan.core.formatting import vn_number
from danvan.reports.periods import Period

UNIT_CONTEXT = "đơn vị đo"

CATALOGUE_NAMES = (
    # Short names (columns, KPI labels, chart ticks).
    gettext_noop("Lượt tiếp"), gettext_noop("Người được tiếp"), gettext_noop("Vụ việc"),
    gettext_noop("Đoàn đông người"), gettext_noop("Đơn tiếp nhận"), gettext_noop("Đủ điều kiện"),
    gettext_noop("Thuộc thẩm quyền"), gettext_noop("Đã thụ lý"), gettext_noop("Đã giải quyết"),
    gettext_noop("Đúng hạn"), gettext_noop("Đơn chuyển"), gettext_noop("Đơn trùng"), gettext_noop("Cuộc đối thoại"),
    gettext_noop("Người tham dự"), gettext_noop("Ý kiến"), gettext_noop("Cam kết"), gettext_noop("Mô hình đăng ký"),
    gettext_noop("Được công nhận"), gettext_noop("Buổi tuyên truyền"), gettext_noop("Lượt người dự"),
    gettext_noop("Lượt tập huấn"), gettext_noop("Giao ban"), gettext_noop("Giám sát"), gettext_noop("Khen thưởng"),
    gettext_noop("Tỷ lệ giải quyết"), gettext_noop("Tỷ lệ đúng hạn"), gettext_noop("Kỳ trước chuyển sang"),
    gettext_noop("Phát sinh trong kỳ"), gettext_noop("Phải giải quyết"),
    # Full names (chart titles).
    gettext_noop("Số lượt tiếp công dân"),
)
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
