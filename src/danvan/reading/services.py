"""Confirmed figures of a read report become entered values of the unit and period: through the one entry
service of reports (`enter_values`: scope check, validation rules, audit, all or nothing)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from danvan.core.formatting import vn_number
from danvan.reports.models import EnteredValue, Indicator, disaggregation_choices, value_maximum
from danvan.reports.periods import Period
from danvan.reports.services import EntryLine, enter_values

if TYPE_CHECKING:
    from danvan.accounts.models import User
    from danvan.units.models import Organisation


@dataclass(frozen=True)
class Confirmed:
    indicator: str
    key: str
    value: int


def storable(code: str, key: str, indicators: dict[str, Indicator]) -> bool:
    """A figure that can be stored as an entered value: a sum of the catalogue, with a key it breaks down by."""
    indicator = indicators.get(code)
    if indicator is None or indicator.is_ratio:
        return False
    return not key or key in {k for k, _label in disaggregation_choices(indicator.disaggregation)}


def store_figures(actor: User | None, organisation: Organisation, period: Period, figures: list[Confirmed]) -> int:
    """Store the confirmed figures as entered values of `organisation` for `period`; returns rows changed.

    The same indicator read twice with two different values is refused (the user drops or corrects one);
    nothing is stored unless everything is (`enter_values` is one transaction)."""
    indicators = {i.code: i for i in Indicator.objects.filter(archived_at__isnull=True)}
    errors: dict[str, list[str]] = {}
    chosen: dict[tuple[str, str], int] = {}
    for figure in figures:
        if not storable(figure.indicator, figure.key, indicators):
            errors.setdefault(figure.indicator, []).append(
                _("“%(code)s” không phải chỉ tiêu nhập được.") % {"code": figure.indicator[:40]})
            continue
        maximum = value_maximum(indicators[figure.indicator].unit)
        if not 0 <= figure.value <= maximum:
            errors.setdefault(figure.indicator, []).append(
                _("%(name)s: giá trị phải từ 0 đến %(max)s.") % {"name": indicators[figure.indicator].name,
                                                                 "max": vn_number(maximum)})
            continue
        before = chosen.setdefault((figure.indicator, figure.key), figure.value)
        if before != figure.value:
            errors.setdefault(figure.indicator, []).append(
                _("%(name)s: báo cáo nêu hai số khác nhau (%(a)s và %(b)s); giữ một số.") % {
                    "name": indicators[figure.indicator].name, "a": vn_number(before), "b": vn_number(figure.value)})
    if errors:
        raise ValidationError(errors)
    if not chosen:
        raise ValidationError({"figures": [_("Chưa chọn số liệu nào để lưu.")]})
    lines = [EntryLine(indicators[code], key, value) for (code, key), value in chosen.items()]
    return enter_values(actor, organisation, period, lines)


def held_figures(organisation: Organisation, period: Period, codes: set[str]) -> dict[tuple[str, str], int]:
    """What danvan already holds for the unit and period: the values entered for it and, for the indicators
    computed from records, the count of the unit's records (its report's figure)."""
    held = {
        (row.indicator.code, row.disaggregation_key): row.value
        for row in EnteredValue.objects.filter(
            organisation=organisation, period_start=period.start, period_end=period.end, archived_at__isnull=True,
            indicator__code__in=codes).select_related("indicator")
    }
    if codes:
        from danvan.reports.rollup import build_report, catalogue

        indicators = [i for i in catalogue() if i.code in codes and not i.is_ratio]
        if indicators:
            report = build_report(organisation.area, period, with_children=False, indicators=indicators)
            for code, figure in report.total.current.items():
                if figure.value:
                    held.setdefault((code, ""), figure.value)
    return held
