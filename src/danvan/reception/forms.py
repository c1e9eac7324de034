"""Input forms of the reception register. They parse; the rules live in `reception.services`."""

from __future__ import annotations

from django import forms
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import ContentKind, Field
from danvan.core.forms import DateField, Form, IntegerField, SearchField
from danvan.core.pickers import PickerField
from danvan.letters.forms import MultipleFileField
from danvan.matters.pickers import MATTERS
from danvan.reception.models import Handling, Occurrence, SessionKind
from danvan.units.models import Area
from danvan.units.pickers import ORGANISATIONS, PLACES, UNITS, address_hint


def _date_field(label, required=True):
    return DateField(label=label, required=required)


ALL = _("— Tất cả —")


def _with_blank(choices, label=ALL):
    return [("", label), *choices]


class SessionForm(Form):
    organisation = PickerField(ORGANISATIONS, label=_("Cơ quan tiếp"))
    kind = forms.ChoiceField(label=_("Hình thức tiếp"), choices=SessionKind.choices)
    date = _date_field(_("Ngày tiếp"))
    place = forms.CharField(label=_("Địa điểm"), max_length=255)
    online = forms.BooleanField(label=_("Tiếp trực tuyến"), required=False)
    presiding_name = forms.CharField(label=_("Người chủ trì"), max_length=120, required=False,
                                     help_text=_("Bắt buộc với buổi tiếp định kỳ của người đứng đầu."))
    presiding_position = forms.CharField(label=_("Chức vụ người chủ trì"), max_length=160, required=False)
    notes = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].bind(user)  # searchable picker (ADR 0020)
        if not self.is_bound and user.organisation_id and "organisation" not in self.initial:
            self.initial["organisation"] = user.organisation_id
        self.initial.setdefault("date", timezone.localdate())


class VisitForm(Form):
    # The citizen, or the representative who speaks for a group.
    citizen = IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    full_name = forms.CharField(label=_("Họ và tên công dân (người đại diện)"), max_length=120, required=False)
    id_number = forms.CharField(label=_("Số CCCD"), max_length=20, required=False)
    birth_year = IntegerField(label=_("Năm sinh"), required=False,
                                    error_messages={"invalid": _("Năm sinh phải là một số, ví dụ 1968.")})
    address = forms.CharField(label=_("Địa chỉ"), max_length=255, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    persons = IntegerField(label=_("Số người"), initial=1, min_value=1,
                                 error_messages={"min_value": _("Số người phải từ 1 trở lên."),
                                                 "invalid": _("Số người phải là một số nguyên."),
                                                 "required": _("Cần ghi số người.")})
    representatives = IntegerField(label=_("Số người đại diện"), initial=0, min_value=0,
                                         help_text=_("Đoàn 5–10 người cử 1–2 người; trên 10 người cử tối đa 5 người."),
                                         error_messages={"invalid": _("Số người đại diện phải là một số nguyên."),
                                                         "min_value": _("Số người đại diện không được âm."),
                                                         "required": _("Cần ghi số người đại diện (0 nếu không có).")})
    occurrence = forms.ChoiceField(label=_("Lần tiếp"), choices=Occurrence.choices, initial=Occurrence.FIRST)
    content_kind = forms.ChoiceField(label=_("Loại nội dung"), choices=_with_blank(ContentKind.choices, "—"))
    field = forms.ChoiceField(label=_("Lĩnh vực"), choices=_with_blank(Field.choices, "—"))
    subject_area = PickerField(PLACES, label=_("Địa bàn phát sinh vụ việc"), required=False,
                               empty_label=_("— Không ghi —"))
    summary = forms.CharField(label=_("Tóm tắt nội dung"), widget=forms.Textarea(attrs={"rows": 3}))
    handling = forms.ChoiceField(label=_("Kết quả xử lý"), choices=_with_blank(Handling.choices, "—"))
    matter = PickerField(MATTERS, label=_("Vụ việc đã có"), required=False, empty_label=_("— Không gắn vụ việc —"),
                         help_text=_("Tìm theo mã vụ việc, nội dung hoặc tên công dân."))
    create_matter = forms.BooleanField(label=_("Tạo vụ việc mới từ lượt tiếp này"), required=False)
    notes = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    error_messages_required = {
        "content_kind": _("Chọn loại nội dung."),
        "field": _("Chọn lĩnh vực."),
        "handling": _("Chọn kết quả xử lý."),
        "summary": _("Cần tóm tắt nội dung công dân trình bày."),
    }

    def __init__(self, *args, user, with_citizen=True, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in self.error_messages_required.items():
            self.fields[name].error_messages["required"] = message
        # Searchable pickers (ADR 0020): only the chosen place and matter are in the page.
        self.fields["subject_area"].bind(user)
        self.fields["matter"].bind(user)
        if not with_citizen:
            for name in ("citizen", "full_name", "id_number", "birth_year", "address", "phone", "create_matter"):
                del self.fields[name]
        else:
            # Petitioner matching as the officer types (htmx): the name or CCCD, and the birth year.
            matching = {
                "autocomplete": "off",
                "hx-get": reverse_lazy("reception:citizen_matches"),
                "hx-trigger": "input changed delay:400ms",
                "hx-target": "#citizen-matches",
                "hx-include": ", ".join(f"#visit-form [name={n}]" for n in ("full_name", "id_number", "birth_year")),
            }
            self.fields["full_name"].widget.attrs.update(matching)
            self.fields["id_number"].widget.attrs.update(matching | {"inputmode": "numeric"})
            # An address written before 01/7/2025: "nay là <today's commune, province>" beside it (issue 18).
            self.fields["address"].widget.attrs.update(address_hint("#visit-address-now"))


class SessionFilterForm(Form):
    q = SearchField(label=_("Họ tên hoặc số CCCD của công dân"))
    kind = forms.ChoiceField(label=_("Hình thức"), required=False, choices=_with_blank(SessionKind.choices))
    date_from = _date_field(_("Từ ngày"), required=False)
    date_to = _date_field(_("Đến ngày"), required=False)
    # A searchable picker (ADR 0020): a province holds up to 170 communes.
    area = PickerField(UNITS, label=_("Đơn vị"), required=False, empty_label=_("— Tất cả —"))
    content_kind = forms.ChoiceField(label=_("Loại nội dung"), required=False,
                                     choices=_with_blank(ContentKind.choices))
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False, choices=_with_blank(Field.choices))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["area"].bind(user)
        field.queryset = Area.objects.restrict(user).select_related("parent")  # any area in scope (e.g. a link)

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("«Đến ngày» phải sau hoặc bằng «Từ ngày»."))
        return data


class RegisterPeriodForm(Form):
    # The query string keeps the register's own names: ?from=dd/mm/yyyy&to=dd/mm/yyyy.
    date_from = _date_field(_("Từ ngày"))
    date_to = _date_field(_("Đến ngày"))
    # A searchable picker (ADR 0020): a national user's scope holds 10.101 bodies.
    organisation = PickerField(ORGANISATIONS, label=_("Cơ quan"), required=False,
                               empty_label=_("— Tất cả cơ quan trong phạm vi —"))

    def __init__(self, data=None, *, user, **kwargs):
        if data is not None:
            data = {"date_from": data.get("from", ""), "date_to": data.get("to", ""),
                    "organisation": data.get("organisation", "")}
        super().__init__(data, **kwargs)
        self.fields["organisation"].bind(user)

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("«Đến ngày» phải sau hoặc bằng «Từ ngày»."))
        return data


class ArchiveForm(Form):
    reason = forms.CharField(label=_("Lý do lưu trữ"), widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": _("Cần ghi lý do lưu trữ.")})


class ScanForm(Form):
    attachments = MultipleFileField(label=_("Bản chụp giấy tờ, biên bản"),
                                    help_text=_("pdf, jpg, png, doc, docx, xls, xlsx; chọn được nhiều tệp."))
