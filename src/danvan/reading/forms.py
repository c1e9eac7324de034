"""The upload-or-paste form of report reading."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import Form
from danvan.core.pickers import PickerField
from danvan.reading.documents import KINDS, MAX_BYTES, DocumentError, extract_text, find_period
from danvan.reports.periods import PeriodError, parse_period
from danvan.units.pickers import ORGANISATIONS


class ReadForm(Form):
    # A searchable picker (ADR 0020): a national user's scope holds 10.101 bodies.
    co_quan = PickerField(ORGANISATIONS, label=_("Cơ quan, đơn vị của báo cáo"), empty_label=None)
    ky = forms.CharField(label=_("Kỳ báo cáo"), max_length=40, required=False,
                         help_text=_("Để trống để đọc ở tiêu đề báo cáo; hoặc 2019, 2024-Q3, 2025-H1, 2025-9M, "
                                     "2025-03"))
    tep = forms.FileField(label=_("Tệp báo cáo (.docx, .txt)"), required=False)
    van_ban = forms.CharField(label=_("Hoặc dán nội dung báo cáo"), required=False,
                              widget=forms.Textarea(attrs={"rows": 10}))

    def __init__(self, data=None, files=None, *, user, **kwargs):
        super().__init__(data, files, **kwargs)
        self.fields["co_quan"].bind(user)

    def clean_tep(self):
        upload = self.cleaned_data.get("tep")
        if upload is None:
            return None
        if not upload.name.lower().endswith(KINDS):
            raise forms.ValidationError(_("Chỉ đọc được tệp Word (.docx) hoặc văn bản (.txt)."))
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa %(mb)s MB).") % {"mb": MAX_BYTES // (1024 * 1024)})
        try:
            return extract_text(upload.name, upload.read())
        except DocumentError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean(self):
        data = super().clean()
        text = data.get("tep") or data.get("van_ban") or ""
        if "tep" in self.errors:
            return data
        if not text.strip():
            raise forms.ValidationError({"van_ban": _("Chọn tệp báo cáo hoặc dán nội dung báo cáo.")})
        data["text"] = text
        if data.get("ky"):
            try:
                data["period"] = parse_period(data["ky"])
            except PeriodError as exc:
                raise forms.ValidationError({"ky": str(exc)}) from exc
        else:
            period, _words = find_period(text)
            if period is None:
                raise forms.ValidationError({"ky": _("Không đọc được kỳ báo cáo trong văn bản; hãy ghi kỳ báo cáo.")})
            data["period"] = period
        return data
