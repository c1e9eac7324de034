"""Forms of the reports pages: the choice of unit and period, and the bulk entry of aggregates."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import DateField, Form, ModelForm
from danvan.core.pickers import PickerField
from danvan.reports.periods import (
    CUTOFF_LABELS,
    Cutoff,
    Period,
    PeriodError,
    PeriodKind,
    date_range,
    make_period,
    parse_period,
    year_to_date,
)
from danvan.units.models import Area
from danvan.units.pickers import ORGANISATIONS, UNITS


def period_choices(today: dt.date) -> list[tuple[str, str]]:
    """Year, quarters, 6 and 9 months, months of this year and the last (Kết luận 215, 2025); any other
    range through the two date fields."""
    choices = [("", _("Từ đầu năm đến nay"))]
    for year in (today.year, today.year - 1):
        periods = [make_period(PeriodKind.YEAR, year)]
        periods += [make_period(PeriodKind.QUARTER, year, q) for q in range(1, 5)]
        periods += [make_period(PeriodKind.HALF, year, 1), make_period(PeriodKind.NINE_MONTHS, year),
                    make_period(PeriodKind.HALF, year, 2)]
        periods += [make_period(PeriodKind.MONTH, year, m) for m in range(1, 13)]
        choices += [(period.code, period.display) for period in periods]
    return choices


class ReportChoiceForm(Form):
    """Unit, period and cut-off of a report; all optional, with the user's unit and year-to-date as defaults."""

    # A searchable picker (ADR 0020): a province has up to 170 communes, the country 3.321.
    don_vi = PickerField(UNITS, label=_("Đơn vị"), required=False, empty_label=None)
    ky = forms.CharField(label=_("Kỳ báo cáo"), required=False, max_length=40)
    # Typed as dd/mm/yyyy, not the browser's date picker, which showed mm/dd/yyyy (ADR 0006).
    tu_ngay = DateField(label=_("Từ ngày"), required=False)
    den_ngay = DateField(label=_("Đến ngày"), required=False)
    chot = forms.ChoiceField(label=_("Chốt số liệu"), choices=list(CUTOFF_LABELS.items()), required=False)

    def __init__(self, data, *, root: Area, today: dt.date, units, user, **kwargs):
        super().__init__(data, **kwargs)
        self.root, self.today = root, today
        field = self.fields["don_vi"].bind(user)
        field.queryset = units.select_related("parent")  # the units the view let through (404 for any other)
        field.initial = root.pk
        self.fields["ky"].widget = forms.Select(choices=period_choices(today))

    def clean(self):
        data = super().clean()
        start, end = data.get("tu_ngay"), data.get("den_ngay")
        if (start is None) != (end is None):
            raise forms.ValidationError({"den_ngay": _("Cần chọn cả ngày bắt đầu và ngày kết thúc.")})
        if start and end and end < start:
            raise forms.ValidationError({"den_ngay": _("Ngày kết thúc phải sau ngày bắt đầu.")})
        if data.get("ky") and not (start and end):
            try:
                parse_period(data["ky"])
            except PeriodError as exc:
                raise forms.ValidationError({"ky": str(exc)}) from exc
        return data

    @property
    def unit(self) -> Area:
        return (self.cleaned_data.get("don_vi") if self.is_valid() else None) or self.root

    @property
    def cutoff(self) -> Cutoff:
        return Cutoff(self.cleaned_data.get("chot") or Cutoff.CALENDAR) if self.is_valid() else Cutoff.CALENDAR

    @property
    def period(self) -> Period:
        if not self.is_valid():
            return year_to_date(self.today)
        data = self.cleaned_data
        if data.get("tu_ngay") and data.get("den_ngay"):
            return date_range(data["tu_ngay"], data["den_ngay"])
        if data.get("ky"):
            return parse_period(data["ky"], self.cutoff)
        return year_to_date(self.today)


class EntryPeriodForm(Form):
    """Which organisation enters figures, and for which period."""

    # A searchable picker (ADR 0020): a national user may enter for any of 10.101 bodies.
    co_quan = PickerField(ORGANISATIONS, label=_("Cơ quan, đơn vị nhập số liệu"), empty_label=None)
    ky = forms.CharField(label=_("Kỳ báo cáo"), max_length=40,
                         help_text=_("2025, 2025-Q1, 2025-H1, 2025-9M, 2025-03 hoặc 01/01/2025-30/06/2025"))
    chot = forms.ChoiceField(label=_("Chốt số liệu"), choices=list(CUTOFF_LABELS.items()), required=False)

    def __init__(self, data, *, user, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["co_quan"].bind(user)

    def clean(self):
        data = super().clean()
        if data.get("ky"):
            try:
                data["period"] = parse_period(data["ky"], data.get("chot") or Cutoff.CALENDAR)
            except PeriodError as exc:
                raise forms.ValidationError({"ky": str(exc)}) from exc
        return data


class ReportTextForm(ModelForm):
    """What the secretary writes in a draft: sections II–IV, the signature and the recipients."""

    class Meta:
        from danvan.reports.models import ReportDocument

        model = ReportDocument
        fields = ["strengths", "limitations", "directions", "recommendations", "authority", "authority_of",
                  "signer_title", "signer_name", "recipients"]
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in
                   ("strengths", "limitations", "directions", "recommendations")} | {
            "signer_title": forms.Textarea(attrs={"rows": 2}), "recipients": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, disabled: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if disabled:
            for field in self.fields.values():
                field.disabled = True


class ReportSettingsForm(ModelForm):
    """The issuing body's signer and recipients (`services.save_report_settings` checks them)."""

    class Meta:
        from danvan.reports.models import ReportSettings

        model = ReportSettings
        fields = ["authority", "authority_of", "signer_title", "signer_name", "recipients"]
        widgets = {"signer_title": forms.Textarea(attrs={"rows": 2}), "recipients": forms.Textarea(attrs={"rows": 6})}
        error_messages = {"authority": {"invalid_choice": _("Hình thức ký: lựa chọn không hợp lệ.")}}

    def __init__(self, *args, disabled: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.disabled = disabled
