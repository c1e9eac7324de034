"""Input forms of the papers app. They parse; the rules live in `papers.services`."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import DateField, Form
from danvan.core.pickers import PickerField
from danvan.papers.kinds import SPECS
from danvan.papers.models import SendChannel
from danvan.units.models import AreaLevel, Organisation
from danvan.units.pickers import ORGANISATIONS


def registry_bodies(user):
    """The bodies a letter is usually forwarded to, from the registry: the central and provincial bodies, and
    every body of the user's own province (a commune forwards to its province or to a neighbouring commune).
    A body outside this list, or outside danvan, is typed in "Cơ quan nhận (ngoài danh mục)"."""
    bodies = Q(area__level__in=[AreaLevel.NATION, AreaLevel.PROVINCE])
    segments = [part for part in (user.scope_path or "").split("/") if part]
    if len(segments) >= 2:
        bodies |= Q(area__path__startswith="/".join(segments[:2]) + "/")
    return Organisation.objects.filter(active=True).filter(bodies).select_related("area").order_by("area__path",
                                                                                                   "name")


class IssueForm(Form):
    issued_on = DateField(label=_("Ngày lập"), not_future=True)
    # Searchable (ADR 0020): a province's registry holds some 300 bodies.
    recipient_organisation = forms.ModelChoiceField(
        label=_("Cơ quan nhận (trong danh mục)"), required=False, queryset=Organisation.objects.none(),
        empty_label=_("— Chọn cơ quan trong danh mục —"))
    recipient_text = forms.CharField(label=_("Cơ quan nhận (ngoài danh mục)"), required=False, max_length=255,
                                     help_text=_("Chỉ ghi khi cơ quan không có trong danh mục, ví dụ Tòa án nhân dân."))
    refusal_reason = forms.CharField(label=_("Lý do không thụ lý"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}))
    documents = forms.CharField(label=_("Thông tin, tài liệu, bằng chứng đã nhận (mỗi dòng một mục)"), required=False,
                                max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    appointment_on = DateField(label=_("Ngày hẹn"), required=False)
    appointment_place = forms.CharField(label=_("Địa điểm hẹn"), required=False, max_length=255)
    note = forms.CharField(label=_("Nội dung thêm"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))
    signer_title = forms.CharField(label=_("Chức vụ người ký"), required=False, max_length=120)
    signer_name = forms.CharField(label=_("Họ tên người ký"), required=False, max_length=120)

    def __init__(self, data=None, *, kind: str, user, **kwargs):
        kwargs.setdefault("prefix", kind)
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("issued_on", timezone.localdate())
        super().__init__(data, **kwargs)
        spec = SPECS[kind]
        if spec.needs_recipient:
            from danvan.papers.pickers import REGISTRY_BODIES

            flat = self.fields["recipient_organisation"]
            assert isinstance(flat, forms.ModelChoiceField)
            field = self.fields["recipient_organisation"] = PickerField.replacing(flat, REGISTRY_BODIES, user)
            field.error_messages["invalid_choice"] = _("Cơ quan đã chọn không có trong danh mục.")
        else:
            del self.fields["recipient_organisation"], self.fields["recipient_text"]
        if not spec.needs_reason:
            del self.fields["refusal_reason"]
        if not spec.needs_appointment:
            del self.fields["appointment_on"], self.fields["appointment_place"]
        if kind != "receipt":
            del self.fields["documents"]


class SentForm(Form):
    sent_on = DateField(label=_("Ngày gửi"), not_future=True)
    channel = forms.ChoiceField(label=_("Hình thức gửi"), choices=[("", _("— Chọn —")), *SendChannel.choices],
                                error_messages={"required": _("Chọn hình thức gửi."),
                                                "invalid_choice": _("Hình thức gửi không hợp lệ.")})
    note = forms.CharField(label=_("Ghi chú (số vận đơn, địa chỉ thư điện tử …)"), required=False, max_length=255)

    def __init__(self, data=None, **kwargs):
        kwargs.setdefault("initial", {"sent_on": timezone.localdate()})
        super().__init__(data, **kwargs)


class ArchiveForm(Form):
    reason = forms.CharField(label=_("Lý do lưu trữ"), max_length=1000,
                             error_messages={"required": _("Cần ghi lý do lưu trữ.")})


class RegisterForm(Form):
    """The period of a register (?from=dd/mm/yyyy&to=dd/mm/yyyy) and, optionally, one body of the user's scope."""

    date_from = DateField(label=_("Từ ngày"))
    date_to = DateField(label=_("Đến ngày"))
    organisation = PickerField(ORGANISATIONS, label=_("Cơ quan"), required=False,
                               empty_label=_("— Tất cả cơ quan trong phạm vi —"),
                               error_messages={"invalid_choice": _("Cơ quan không thuộc phạm vi.")})

    def __init__(self, data=None, *, user, **kwargs):
        if data is not None:
            data = {"date_from": data.get("from", ""), "date_to": data.get("to", ""),
                    "organisation": data.get("organisation", "")}
        super().__init__(data, **kwargs)
        self.fields["organisation"].bind(user)

    def clean(self):
        from danvan.papers.registers import MAX_DAYS

        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("«Đến ngày» phải sau hoặc bằng «Từ ngày»."))
        elif start and end and (end - start).days > MAX_DAYS:
            self.add_error("date_to", _("Sổ in tối đa một năm; chọn khoảng ngắn hơn."))
        return data
