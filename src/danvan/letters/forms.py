"""Forms of the letters pages. Labels are the names the errors refer to; rules live in services.py."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import ContentKind, Field
from danvan.core.forms import DateField, Form, IntegerField, SearchField, ascii_id
from danvan.core.pickers import PickerField
from danvan.letters.models import (
    Channel,
    Complexity,
    FiledReason,
    Letter,
    NotQualifyingReason,
    Outcome,
    PauseKind,
)
from danvan.letters.workflow import LetterStatus
from danvan.matters.pickers import MATTERS
from danvan.units.models import AreaLevel
from danvan.units.pickers import COMMUNES, ORGANISATIONS, PROVINCE_COMMUNES, UNITS, address_hint


def date_field(label, required=True, **kwargs):
    """Dates are typed and shown as dd/mm/yyyy (style: Vietnamese dates), ISO accepted; 1900-2099 (core.forms)."""
    return DateField(label=label, required=required, **kwargs)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class LetterIntakeForm(Form):
    organisation = PickerField(ORGANISATIONS, label=_("Cơ quan nhận đơn"))
    channel = forms.ChoiceField(label=_("Nguồn đơn"), choices=Channel.choices, initial=Channel.DIRECT)
    received_on = date_field(_("Ngày nhận đơn"), initial=dt.date.today, not_future=True)
    forwarded_by_body = forms.CharField(label=_("Cơ quan chuyển đơn đến"), required=False, max_length=255)
    forwarded_by_number = forms.CharField(label=_("Số văn bản chuyển đơn"), required=False, max_length=60)
    anonymous = forms.BooleanField(label=_("Đơn nặc danh"), required=False)
    petitioner_name = forms.CharField(label=_("Họ và tên người viết đơn"), required=False, max_length=120)
    petitioner_id_number = forms.CharField(label=_("Số CCCD/CMND"), required=False, max_length=20)
    petitioner_birth_year = IntegerField(label=_("Năm sinh"), required=False, min_value=1900, max_value=2100)
    petitioner_address = forms.CharField(label=_("Địa chỉ"), required=False, max_length=255)
    petitioner_phone = forms.CharField(label=_("Điện thoại"), required=False, max_length=20)
    existing_petitioners = forms.TypedMultipleChoiceField(
        label=_("Công dân đã có trong hệ thống"), required=False, coerce=int, choices=(),
        widget=forms.CheckboxSelectMultiple)
    other_signers = forms.CharField(
        label=_("Người cùng ký đơn"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một họ tên. Từ 5 người ký trở lên là đơn đông người."))
    summary = forms.CharField(label=_("Tóm tắt nội dung"), max_length=500)
    content = forms.CharField(label=_("Nội dung đơn"), required=False, widget=forms.Textarea)
    content_kind = forms.ChoiceField(label=_("Loại đơn"), choices=ContentKind.choices)
    field = forms.ChoiceField(label=_("Lĩnh vực"), choices=Field.choices)
    subject_area = PickerField(COMMUNES, label=_("Địa bàn phát sinh (xã, phường)"), required=False,
                               empty_label=_("— Không ghi —"))
    matter = PickerField(
        MATTERS, label=_("Vụ việc"), required=False, empty_label=_("— Vụ việc mới —"),
        help_text=_("Tìm vụ việc đã có theo mã, nội dung hoặc tên người viết đơn nếu đơn cùng nội dung; "
                    "để trống để mở vụ việc mới."))
    previous_letter = forms.CharField(
        label=_("Số hiệu đơn khiếu nại lần đầu"), required=False, max_length=20,
        help_text=_("Chỉ với khiếu nại lần hai: số hiệu đơn lần đầu, ví dụ Đ000123 (Luật Khiếu nại 2011 Điều 33)."))
    decision_known_on = date_field(
        _("Ngày biết được quyết định, hành vi bị khiếu nại"), required=False,
        help_text=_("Khiếu nại lần đầu: thời hiệu 90 ngày tính từ ngày này (Luật Khiếu nại 2011 Điều 9)."))
    attachments = MultipleFileField(label=_("Tệp đính kèm"), required=False)

    # Not asked when the letter is handed in at a reception visit: the channel is the visit and the
    # petitioner is the visit's citizen (other signers may still be listed).
    NOT_FOR_VISIT = ("channel", "forwarded_by_body", "forwarded_by_number", "anonymous", "petitioner_name",
                     "petitioner_id_number", "petitioner_birth_year", "petitioner_address", "petitioner_phone",
                     "existing_petitioners")

    def __init__(self, *args, user, visit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.visit = visit
        if visit is not None:
            for name in self.NOT_FOR_VISIT:
                del self.fields[name]
        # Searchable pickers (ADR 0020): only the chosen body, commune and matter are in the page.
        self.fields["organisation"].bind(user)
        if user.organisation_id:
            self.fields["organisation"].initial = user.organisation_id
        self.fields["subject_area"].bind(user)
        self.fields["matter"].bind(user)
        self.fields["previous_letter"].widget.attrs["placeholder"] = "Đ000123"
        if visit is not None:
            self.citizens = {}
            return
        # Petitioner matching as the officer types (htmx; no inline script under the CSP).
        for name in ("petitioner_name", "petitioner_id_number", "petitioner_birth_year"):
            self.fields[name].widget.attrs.update({
                "class": "match-input", "hx-get": reverse("letters:petitioner_matches"),
                "hx-trigger": "input changed delay:400ms", "hx-target": "#petitioner-matches",
                "hx-include": ".match-input", "autocomplete": "off",
            })
        # An address written before 01/7/2025 gets "nay là <today's commune, province>" beside it (issue 18).
        self.fields["petitioner_address"].widget.attrs.update(address_hint("#petitioner-address-now"))
        # Existing citizens offered by the matching panel: any citizen in the user's scope may be ticked.
        from danvan.people.models import Citizen

        ticked = self.data.getlist("existing_petitioners") if hasattr(self.data, "getlist") else []
        pks = [pk for pk in map(ascii_id, ticked) if pk is not None]
        self.citizens = {c.pk: c for c in Citizen.objects.restrict(user).active().filter(pk__in=pks)}
        self.fields["existing_petitioners"].choices = [(pk, pk) for pk in self.citizens]

    def clean(self):
        data = super().clean()
        # An address in the form before 01/7/2025 ("xã Diễn Kim, huyện Diễn Châu, Nghệ An") pre-fills an empty
        # subject area with today's commune ("nay là Xã Hải Châu, Tỉnh Nghệ An"), when unambiguous (ADR 0018).
        self.old_address = None
        if "subject_area" in self.fields and not data.get("subject_area") and data.get("petitioner_address"):
            from danvan.units.addresses import todays_commune

            self.old_address = todays_commune(data["petitioner_address"], self.fields["subject_area"].queryset)
            if self.old_address is not None:
                data["subject_area"] = self.old_address.new
        return data

    def clean_previous_letter(self):
        """The code as shown on the letter (Đ000123) or just its number (123)."""
        typed = (self.cleaned_data.get("previous_letter") or "").strip()
        if not typed:
            return None
        digits = typed[1:] if typed[:1] in "ĐđDd" else typed
        if ascii_id(digits) is None:
            raise forms.ValidationError(_("Số hiệu đơn gồm chữ Đ và các chữ số, ví dụ Đ000123."))
        letter = Letter.objects.restrict(self.user).filter(pk=int(digits)).first()
        if letter is None:
            raise forms.ValidationError(_("Không tìm thấy đơn số %(n)s trong phạm vi của tài khoản.") % {"n": typed})
        return letter

    def new_petitioners(self) -> list[dict]:
        data = self.cleaned_data
        rows = []
        if data.get("petitioner_name", "").strip():
            rows.append({"full_name": data["petitioner_name"], "id_number": data.get("petitioner_id_number", ""),
                         "birth_year": data.get("petitioner_birth_year"), "address": data.get("petitioner_address", ""),
                         "phone": data.get("petitioner_phone", "")})
        for line in (data.get("other_signers") or "").splitlines():
            if line.strip():
                rows.append({"full_name": line.strip()})
        return rows

    def existing(self) -> list:
        if self.visit is not None:
            return [self.visit.citizen]
        return [self.citizens[pk] for pk in self.cleaned_data.get("existing_petitioners", []) if pk in self.citizens]


class ClassifyForm(Form):
    content_kind = forms.ChoiceField(label=_("Phân loại theo nội dung"), choices=ContentKind.choices)
    field = forms.ChoiceField(label=_("Lĩnh vực"), choices=Field.choices)
    qualifying = forms.TypedChoiceField(
        label=_("Điều kiện xử lý"), coerce=lambda v: v == "yes",
        choices=[("yes", _("Đủ điều kiện xử lý")), ("no", _("Không đủ điều kiện xử lý"))])
    not_qualifying_reason = forms.ChoiceField(label=_("Lý do không đủ điều kiện"), required=False,
                                              choices=[("", "—"), *NotQualifyingReason.choices])
    within_jurisdiction = forms.TypedChoiceField(
        label=_("Thẩm quyền"), coerce=lambda v: v == "yes",
        choices=[("yes", _("Thuộc thẩm quyền")), ("no", _("Không thuộc thẩm quyền"))])
    complexity = forms.ChoiceField(label=_("Mức độ phức tạp"), choices=Complexity.choices, initial=Complexity.NORMAL)
    several_places = forms.BooleanField(label=_("Phải xác minh ở nhiều địa điểm"), required=False)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=500,
        help_text=_("Chuyển đơn tố cáo sang loại khác: chỉ lãnh đạo, và phải ghi lý do."))


class AmendForm(Form):
    """Correct what was typed at intake (services.AMENDABLE_FIELDS); the reason goes into the history."""

    summary = forms.CharField(label=_("Tóm tắt nội dung"), max_length=500)
    content = forms.CharField(label=_("Nội dung đơn"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
    subject_area = PickerField(PROVINCE_COMMUNES, label=_("Địa bàn phát sinh (xã, phường)"), required=False,
                               empty_label=_("— Không ghi —"))
    forwarded_by_body = forms.CharField(label=_("Cơ quan chuyển đơn đến"), required=False, max_length=255)
    forwarded_by_number = forms.CharField(label=_("Số văn bản chuyển đơn"), required=False, max_length=60)
    reason = forms.CharField(label=_("Lý do sửa"), max_length=500)

    def __init__(self, *args, letter: Letter, user, **kwargs):
        kwargs.setdefault("initial", {name: getattr(letter, name) for name in
                                      ("summary", "content", "forwarded_by_body", "forwarded_by_number")}
                          | {"subject_area": letter.subject_area_id})
        super().__init__(*args, **kwargs)
        # The communes of the receiving body's province (every commune for a central body), searched (ADR 0020).
        field = self.fields["subject_area"].bind(user)
        province = next((a for a in letter.area.ancestors() if a.level == AreaLevel.PROVINCE), None)
        if province is not None:
            field.queryset = field.queryset.filter(path__startswith=province.path)

    def changes(self, letter: Letter) -> dict:
        """Only the fields the officer changed, so the history shows just those."""
        return {name: value for name, value in self.cleaned_data.items()
                if name not in ("reason", "version") and value != getattr(letter, name)}


class AttachForm(Form):
    attachments = MultipleFileField(label=_("Tệp đính kèm"))


class HandlerField(forms.ModelChoiceField):
    """An officer named as the officers know each other: full name, position and body, not the login name."""

    def label_from_instance(self, user) -> str:
        name = user.get_full_name() or user.username
        details = ", ".join(part for part in (user.position, user.organisation.name if user.organisation_id else "")
                            if part)
        return f"{name} — {details}" if details else name


class AcceptForm(Form):
    accepted_on = date_field(_("Ngày thụ lý"), initial=dt.date.today)
    handler = HandlerField(label=_("Người được giao xử lý"), required=False, queryset=None)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=500)

    def __init__(self, *args, letter: Letter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = handlers_for(letter)


def handlers_for(letter: Letter):
    """Who may be named the letter's handler: the active officers and heads of the bodies from the country down
    to the letter's unit."""
    from danvan.accounts.models import Role, User

    # Only what an option shows (HandlerField.label_from_instance): a province lists about fifty officers, read
    # with their every column and their body's on each letter page.
    return User.objects.filter(
        is_active=True, organisation__area__path__in=[a.path for a in letter.area.ancestors()],
        role__in=[Role.OFFICER, Role.HEAD],
    ).select_related("organisation").only(
        "username", "first_name", "last_name", "position", "organisation__name",
    ).order_by("first_name", "last_name", "username")


class AssignForm(Form):
    handler = HandlerField(label=_("Người được giao xử lý"), queryset=None)

    def __init__(self, *args, letter: Letter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = handlers_for(letter)


class ForwardForm(Form):
    forwarded_to = forms.CharField(label=_("Cơ quan có thẩm quyền nhận đơn"), max_length=255)
    document_number = forms.CharField(label=_("Số văn bản chuyển đơn"), required=False, max_length=60)
    forwarded_on = date_field(_("Ngày chuyển đơn"), initial=dt.date.today)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=500)


class ReplyForm(Form):
    replied_on = date_field(_("Ngày nhận văn bản trả lời"), initial=dt.date.today)
    summary = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 2}))


class GuideForm(Form):
    guided_on = date_field(_("Ngày hướng dẫn"), initial=dt.date.today)
    note = forms.CharField(label=_("Nội dung hướng dẫn"), widget=forms.Textarea(attrs={"rows": 2}))


class FileForm(Form):
    reason = forms.ChoiceField(label=_("Lý do lưu đơn"), choices=FiledReason.choices)
    filed_on = date_field(_("Ngày lưu đơn"), initial=dt.date.today)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=500)


class StartForm(Form):
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=500)


class ResolveForm(Form):
    resolved_on = date_field(_("Ngày giải quyết"), initial=dt.date.today)
    outcome = forms.ChoiceField(label=_("Kết quả giải quyết"), choices=Outcome.choices)
    summary = forms.CharField(label=_("Nội dung quyết định, kết luận"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, letter: Letter, **kwargs):
        super().__init__(*args, **kwargs)
        from danvan.letters.models import OUTCOMES_BY_KIND

        allowed = OUTCOMES_BY_KIND.get(letter.content_kind, set())
        self.fields["outcome"].choices = [(v, label) for v, label in Outcome.choices if v in allowed]


class CloseForm(Form):
    closed_on = date_field(_("Ngày kết thúc"), initial=dt.date.today)
    reason = forms.CharField(label=_("Lý do kết thúc"), widget=forms.Textarea(attrs={"rows": 2}))
    final = forms.BooleanField(label=_("Quyết định giải quyết cuối cùng, kết luận (không xử lý lại)"), required=False)


class ReopenForm(Form):
    reason = forms.CharField(label=_("Lý do mở lại"), widget=forms.Textarea(attrs={"rows": 2}))


class PauseForm(Form):
    # An obstacle stops the complaint's limitation, not the resolution clock: it has its own form (ObstacleForm).
    kind = forms.ChoiceField(label=_("Loại tạm dừng"),
                             choices=[(v, label) for v, label in PauseKind.choices if v != PauseKind.OBSTACLE])
    start = date_field(_("Từ ngày"), initial=dt.date.today)
    end = date_field(_("Đến ngày"), required=False)
    note = forms.CharField(label=_("Căn cứ, ghi chú"), required=False, max_length=255)


class EndPauseForm(Form):
    pause = IntegerField(widget=forms.HiddenInput)
    end = date_field(_("Ngày tiếp tục giải quyết"), initial=dt.date.today)


class CancelPauseForm(Form):
    pause = IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Lý do hủy lần tạm dừng"), max_length=255)


class DeliveryForm(Form):
    """The day the complainant received the decision; the second-complaint window runs from it (Luật Khiếu nại
    2011 Điều 33)."""

    delivered_on = date_field(_("Ngày người khiếu nại nhận quyết định"), initial=dt.date.today)


class KnownOnForm(Form):
    """The day the complainant received or learned of the decision or act complained of, when it was not
    recorded at intake: the 90-day limitation runs from it (Luật Khiếu nại 2011 Điều 9)."""

    decision_known_on = date_field(_("Ngày biết được quyết định, hành vi bị khiếu nại"))
    reason = forms.CharField(label=_("Căn cứ ghi (giấy tờ, lời khai)"), max_length=500)


class ObstacleForm(Form):
    """A lawful reason that stopped the 90-day limitation (Luật Khiếu nại 2011 Điều 9)."""

    start = date_field(_("Trở ngại từ ngày"))
    end = date_field(_("Đến ngày"), required=False)
    note = forms.CharField(label=_("Lý do khách quan (ốm đau, thiên tai, địch họa, đi công tác, học tập xa...)"),
                           max_length=255, error_messages={"required": _(
                               "Cần ghi lý do khách quan (ốm đau, thiên tai, địch họa, đi công tác, học tập xa...).")})


class ExtensionForm(Form):
    """One written extension decision: its number, date and days, at most 30 (Luật Tố cáo 2018 Điều 30)."""

    decision = forms.CharField(label=_("Số quyết định gia hạn"), max_length=120)
    decided_on = date_field(_("Ngày quyết định gia hạn"))
    days = IntegerField(label=_("Số ngày gia hạn"), min_value=1, max_value=30, initial=30, error_messages={
        "min_value": _("Số ngày gia hạn từ 1 đến 30 ngày (Luật Tố cáo 2018 Điều 30)."),
        "max_value": _("Số ngày gia hạn từ 1 đến 30 ngày (Luật Tố cáo 2018 Điều 30)."),
        "invalid": _("Số ngày gia hạn phải là số nguyên."), "required": _("Cần nhập số ngày gia hạn.")})


class LetterFilterForm(Form):
    q = SearchField(label=_("Tìm kiếm"))
    status = forms.ChoiceField(label=_("Trạng thái"), required=False,
                               choices=[("", _("Tất cả")), *LetterStatus.choices])
    content_kind = forms.ChoiceField(label=_("Loại đơn"), required=False,
                                     choices=[("", _("Tất cả")), *ContentKind.choices])
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False,
                              choices=[("", _("Tất cả")), *Field.choices])
    # A searchable picker (ADR 0020): a national user's scope holds 3.300 communes.
    unit = PickerField(UNITS, label=_("Đơn vị"), required=False, empty_label=_("Toàn bộ phạm vi"))
    deadline = forms.ChoiceField(label=_("Thời hạn"), required=False, choices=[
        ("", _("Tất cả")), ("overdue", _("Quá hạn")), ("today", _("Đến hạn hôm nay")),
        ("this_week", _("Đến hạn trong tuần")), ("due_soon", _("Sắp đến hạn"))])
    stage = forms.ChoiceField(label=_("Giai đoạn"), required=False, choices=[
        ("", _("Tất cả")), ("awaiting_decision", _("Chờ quyết định xử lý"))])
    mine = forms.BooleanField(label=_("Được giao cho tôi"), required=False)
    notice = forms.ChoiceField(label=_("Thông báo cho công dân"), required=False, choices=[
        ("", _("Tất cả")), ("pending", _("Chưa gửi thông báo"))])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].bind(user)


class StatisticsForm(Form):
    start = date_field(_("Từ ngày"))
    end = date_field(_("Đến ngày"))
    unit = PickerField(UNITS, label=_("Đơn vị"), required=False, empty_label=_("Toàn bộ phạm vi"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].bind(user)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("Ngày kết thúc kỳ không được trước ngày bắt đầu."))
        return data
