"""Forms of the hot-spot pages (Vietnamese labels; every form through the input guard, core.forms)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import DateInput, Form, ModelForm
from danvan.core.pickers import PickerField
from danvan.hotspots.models import (
    AlertStatus,
    HotSpot,
    HotSpotField,
    HotSpotStatus,
    RiskLevel,
    SituationReport,
    SituationTopic,
)
from danvan.mobilisation.forms import use_pickers
from danvan.units.pickers import ORGANISATIONS


class _Scoped(ModelForm):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DateInput()
                field.widget.is_required = field.required
        # The body and "where it arises" (today's communes and villages of the scope) are searchable pickers.
        use_pickers(self, user)
        if "organisation" in self.fields and not self.instance.pk and user.organisation_id:
            self.fields["organisation"].initial = user.organisation_id


class HotSpotForm(_Scoped):
    class Meta:
        model = HotSpot
        fields = ["organisation", "title", "subject_area", "field", "people_involved", "risk_level", "lead_body",
                  "identified_on", "description"]


class HotSpotEditForm(HotSpotForm):
    class Meta(HotSpotForm.Meta):
        fields = [f for f in HotSpotForm.Meta.fields if f != "organisation"]


class MeasureForm(Form):
    content = forms.CharField(label=_("Nội dung chỉ đạo"), widget=forms.Textarea(attrs={"rows": 2}),
                              error_messages={"required": _("Cần ghi nội dung chỉ đạo.")})
    owner = forms.CharField(label=_("Cơ quan, người thực hiện"), max_length=255,
                            error_messages={"required": _("Cần ghi cơ quan, người thực hiện.")})
    decided_on = forms.DateField(label=_("Ngày chỉ đạo"), widget=DateInput(),
                                 error_messages={"required": _("Cần ghi ngày chỉ đạo.")})
    due_on = forms.DateField(label=_("Hạn hoàn thành"), widget=DateInput(),
                             error_messages={"required": _("Cần ghi hạn hoàn thành.")})


class CompleteMeasureForm(Form):
    done_on = forms.DateField(label=_("Ngày hoàn thành"), widget=DateInput(),
                              error_messages={"required": _("Cần ghi ngày hoàn thành.")})
    result = forms.CharField(label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": _("Cần ghi kết quả thực hiện.")})


class ResolveForm(Form):
    resolved_on = forms.DateField(label=_("Ngày giải quyết xong"), widget=DateInput(),
                                  error_messages={"required": _("Cần ghi ngày giải quyết xong.")})
    resolution_note = forms.CharField(
        label=_("Kết quả giải quyết"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bắt buộc khi còn biện pháp chỉ đạo chưa hoàn thành: ghi rõ lý do kết thúc."))


class StatusForm(Form):
    status = forms.ChoiceField(label=_("Tình trạng mới"), choices=[
        (HotSpotStatus.EMERGING, HotSpotStatus.EMERGING.label),
        (HotSpotStatus.CONTROLLED, HotSpotStatus.CONTROLLED.label)],
        error_messages={"invalid_choice": _("Tình trạng không hợp lệ.")})
    reason = forms.CharField(label=_("Lý do"), required=False, max_length=500)


LINK_KINDS = [("letter", _("Đơn thư (số)")), ("visit", _("Lượt tiếp công dân (số)")),
              ("dialogue", _("Cuộc đối thoại (số)")), ("matter", _("Vụ việc (số)"))]


class LinkForm(Form):
    kind = forms.ChoiceField(label=_("Loại hồ sơ"), choices=LINK_KINDS,
                             error_messages={"invalid_choice": _("Loại hồ sơ không hợp lệ.")})
    number = forms.IntegerField(label=_("Số hồ sơ"), min_value=1,
                                error_messages={"required": _("Cần ghi số hồ sơ.")})


class HotSpotFilter(Form):
    status = forms.ChoiceField(label=_("Tình trạng"), required=False,
                               choices=[("", _("Tất cả"))] + list(HotSpotStatus.choices))
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False,
                              choices=[("", _("Tất cả"))] + list(HotSpotField.choices))
    risk_level = forms.ChoiceField(label=_("Mức độ nguy cơ"), required=False,
                                   choices=[("", _("Tất cả"))] + list(RiskLevel.choices))


class AlertFilter(Form):
    status = forms.ChoiceField(label=_("Tình trạng"), required=False,
                               choices=list(AlertStatus.choices) + [("all", _("Tất cả"))],
                               error_messages={"invalid_choice": _("Tình trạng không hợp lệ.")})


class DismissForm(Form):
    reason = forms.CharField(label=_("Lý do bỏ qua"), widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": _("Cần ghi lý do bỏ qua cảnh báo.")})


class OpenAsHotSpotForm(Form):
    organisation = PickerField(ORGANISATIONS, label=_("Cơ quan quản lý hồ sơ"),
                               error_messages={"required": _("Chọn cơ quan quản lý hồ sơ.")})
    title = forms.CharField(label=_("Tên vụ việc, điểm nóng"), max_length=300,
                            error_messages={"required": _("Cần ghi tên vụ việc, điểm nóng.")})
    lead_body = forms.CharField(label=_("Cơ quan chủ trì giải quyết"), max_length=255,
                                error_messages={"required": _("Cần ghi cơ quan chủ trì giải quyết.")})
    risk_level = forms.ChoiceField(label=_("Mức độ nguy cơ"), choices=RiskLevel.choices, initial=RiskLevel.MEDIUM,
                                   error_messages={"invalid_choice": _("Mức độ nguy cơ không hợp lệ.")})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].bind(user)
        if user.organisation_id:
            self.fields["organisation"].initial = user.organisation_id


class SituationReportForm(_Scoped):
    class Meta:
        model = SituationReport
        fields = ["organisation", "period_start", "period_end", "summary"]


class TopicForm(_Scoped):
    class Meta:
        model = SituationTopic
        fields = ["field", "subject_area", "intensity", "source", "content", "proposals"]
