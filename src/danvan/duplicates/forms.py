"""The draft of a letter being entered, as the intake form sends it (same field names as
`letters.forms.LetterIntakeForm`, so the fragment can `hx-include` that form as it is)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import Field
from danvan.core.forms import DateField, Form, IntegerField
from danvan.units.models import Area, AreaLevel


class DraftForm(Form):
    summary = forms.CharField(label=_("Tóm tắt nội dung"), required=False, max_length=500)
    content = forms.CharField(label=_("Nội dung đơn"), required=False, widget=forms.Textarea, max_length=100_000)
    petitioner_name = forms.CharField(label=_("Họ và tên người viết đơn"), required=False, max_length=120)
    petitioner_id_number = forms.CharField(label=_("Số CCCD/CMND"), required=False, max_length=20)
    petitioner_birth_year = IntegerField(label=_("Năm sinh"), required=False, min_value=1900, max_value=2100)
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False, choices=[("", "—"), *Field.choices])
    subject_area = forms.ModelChoiceField(label=_("Địa bàn phát sinh (xã, phường)"), required=False,
                                          queryset=Area.objects.none())
    received_on = DateField(label=_("Ngày nhận đơn"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject_area"].queryset = Area.objects.restrict(user).filter(level=AreaLevel.COMMUNE)

    def text(self) -> str:
        return f"{self.cleaned_data.get('summary') or ''}\n{self.cleaned_data.get('content') or ''}"

    def petitioners(self) -> list[tuple[str, str, int | None]]:
        data = self.cleaned_data
        if not (data.get("petitioner_name") or data.get("petitioner_id_number")):
            return []
        return [(data.get("petitioner_name") or "", data.get("petitioner_id_number") or "",
                 data.get("petitioner_birth_year"))]


class DecisionForm(Form):
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=500)
