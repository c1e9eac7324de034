"""Reports: the indicator catalogue, aggregates entered by units, validation rules, document formats
and document numbering.

The catalogue is data (shipped by migration 0002, edited in Django's admin, audited): an indicator
is either computed from records through a key of `danvan.reports.registry`, or entered as an
aggregate by a unit that keeps no detailed records (DHIS2's "data element" + "data set" idea).
A ratio is never averaged: it is recomputed from its rolled-up numerator and denominator.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.core.models import AuditedModel, CatalogueQuerySet, LabelledModel, ScopedModel, ScopedQuerySet
from danvan.units.models import DocumentStyle


class IndicatorGroup(models.TextChoices):
    RECEPTION = "reception", _("Tiếp công dân")
    LETTERS = "letters", _("Tiếp nhận, xử lý đơn thư")
    DIALOGUES = "dialogues", _("Đối thoại với Nhân dân")
    MODELS = "models", _('Mô hình "Dân vận khéo"')
    ACTIVITIES = "activities", _("Tuyên truyền, giao ban, giám sát, khen thưởng")
    # Quy chế dân vận chính quyền: one-stop dossiers (Nghị định 61/2018/NĐ-CP), electronic documents (issue 20).
    GOVERNMENT = "government", _("Dân vận chính quyền")


class UnitOfMeasure(models.TextChoices):
    VISITS = "lượt", _("lượt")
    PERSONS = "người", _("người")
    PERSON_VISITS = "lượt người", _("lượt người")
    MATTERS = "vụ việc", _("vụ việc")
    LETTERS = "đơn", _("đơn")
    GROUPS = "đoàn", _("đoàn")
    MEETINGS = "cuộc", _("cuộc")
    MODELS = "mô hình", _("mô hình")
    SESSIONS = "buổi", _("buổi")
    OPINIONS = "ý kiến", _("ý kiến")
    TASKS = "việc", _("việc")
    CASES = "trường hợp", _("trường hợp")
    DOSSIERS = "hồ sơ", _("hồ sơ")
    DOCUMENTS = "văn bản", _("văn bản")
    UNITS = "đơn vị", _("đơn vị")
    WORKDAYS = "ngày công", _("ngày công")
    MONEY = "đồng", _("đồng")  # a value in đồng: "1,2 tỷ đồng" is 1.200.000.000
    PERCENT = "%", _("%")


def value_maximum(unit: str) -> int:
    """The largest value a unit enters: a count fits an int; money in đồng up to the bigint column."""
    from danvan.core.forms import INT_MAX

    return 9_223_372_036_854_775_807 if unit == UnitOfMeasure.MONEY else INT_MAX


class Aggregation(models.TextChoices):
    SUM = "sum", _("Cộng dồn")
    # Recomputed from the rolled-up numerator and denominator, never an average of the units' ratios.
    RATIO = "ratio", _("Tỷ lệ (tính lại từ tử số và mẫu số)")


class Source(models.TextChoices):
    COMPUTED = "computed", _("Tính từ hồ sơ (và số liệu đơn vị nhập)")
    ENTERED = "entered", _("Đơn vị nhập số liệu tổng hợp")


class Disaggregation(models.TextChoices):
    NONE = "", _("Không chi tiết")
    LETTER_FIELD = "field", _("Theo lĩnh vực (đơn thư, tiếp dân)")
    PRACTICE_FIELD = "practice_field", _('Theo lĩnh vực mô hình "Dân vận khéo"')


def disaggregation_choices(kind: str) -> list[tuple[str, str]]:
    """The keys an indicator may be broken down by."""
    if kind == Disaggregation.LETTER_FIELD:
        from danvan.core.choices import Field

        return [(value, str(label)) for value, label in Field.choices]
    if kind == Disaggregation.PRACTICE_FIELD:
        from danvan.mobilisation.choices import PracticeField

        return [(value, str(label)) for value, label in PracticeField.choices]
    return []


class Indicator(AuditedModel):
    code = models.SlugField(_("Mã chỉ tiêu"), max_length=40, unique=True)
    name = models.CharField(_("Tên chỉ tiêu"), max_length=200)
    short_name = models.CharField(_("Tên ngắn (tiêu đề cột)"), max_length=60)
    unit = models.CharField(_("Đơn vị tính"), max_length=20, choices=UnitOfMeasure.choices)
    group = models.CharField(_("Nhóm"), max_length=20, choices=IndicatorGroup.choices)
    position = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    aggregation = models.CharField(_("Cách tổng hợp"), max_length=10, choices=Aggregation.choices,
                                   default=Aggregation.SUM)
    numerator = models.ForeignKey("self", verbose_name=_("Tử số"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    denominator = models.ForeignKey("self", verbose_name=_("Mẫu số"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    source = models.CharField(_("Nguồn số liệu"), max_length=10, choices=Source.choices, default=Source.ENTERED)
    registry_key = models.CharField(
        _("Khóa hàm đếm"), max_length=80, blank=True,
        help_text=_("Khóa trong danh mục hàm đếm (danvan.reports.registry), ví dụ reception.visits."),
    )
    disaggregation = models.CharField(_("Chi tiết theo"), max_length=20, choices=Disaggregation.choices,
                                      blank=True, default=Disaggregation.NONE)
    key_figure = models.BooleanField(_("Hiện ở bảng điều khiển"), default=False)
    description = models.TextField(_("Ghi chú"), blank=True)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        verbose_name = _("Chỉ tiêu báo cáo")
        verbose_name_plural = _("Chỉ tiêu báo cáo")
        ordering = ["group", "position", "code"]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"

    @property
    def is_ratio(self) -> bool:
        return self.aggregation == Aggregation.RATIO

    def clean(self) -> None:
        errors = {}
        if self.is_ratio:
            if not self.numerator_id or not self.denominator_id:
                errors["numerator"] = _("Chỉ tiêu tỷ lệ cần có tử số và mẫu số.")
            elif self.numerator_id == self.pk or self.denominator_id == self.pk:
                errors["numerator"] = _("Tử số, mẫu số phải là chỉ tiêu khác.")
            elif self.numerator.is_ratio or self.denominator.is_ratio:
                errors["numerator"] = _("Tử số, mẫu số phải là chỉ tiêu cộng dồn.")
            if self.disaggregation:
                errors["disaggregation"] = _("Chỉ tiêu tỷ lệ không chi tiết theo lĩnh vực.")
        elif self.numerator_id or self.denominator_id:
            errors["numerator"] = _("Chỉ chỉ tiêu tỷ lệ mới có tử số, mẫu số.")
        if self.source == Source.COMPUTED and not self.is_ratio:
            from danvan.reports.registry import REGISTRY

            if self.registry_key not in REGISTRY:
                errors["registry_key"] = _("Khóa hàm đếm không có trong danh mục.")
        if errors:
            raise ValidationError(errors)


class Comparison(models.TextChoices):
    LE = "le", "≤"
    GE = "ge", "≥"
    EQ = "eq", "="


class ValidationRule(AuditedModel):
    """A rule between two figures of the same unit and period, e.g. resolved ≤ within jurisdiction."""

    code = models.SlugField(_("Mã quy tắc"), max_length=40, unique=True)
    left = models.ForeignKey(Indicator, verbose_name=_("Chỉ tiêu vế trái"), on_delete=models.PROTECT,
                             related_name="+")
    operator = models.CharField(_("Phép so sánh"), max_length=2, choices=Comparison.choices)
    right = models.ForeignKey(Indicator, verbose_name=_("Chỉ tiêu vế phải"), on_delete=models.PROTECT,
                              related_name="+")
    message = models.CharField(_("Thông báo khi vi phạm"), max_length=255)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        verbose_name = _("Quy tắc kiểm tra số liệu")
        verbose_name_plural = _("Quy tắc kiểm tra số liệu")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.left.short_name} {self.get_operator_display()} {self.right.short_name}"

    def holds(self, left: int, right: int) -> bool:
        return {"le": left <= right, "ge": left >= right, "eq": left == right}[self.operator]


class EnteredValue(ScopedModel):
    """An aggregate entered by a unit that keeps no detailed records; who and when are in its history."""

    indicator = models.ForeignKey(Indicator, verbose_name=_("Chỉ tiêu"), on_delete=models.PROTECT,
                                  related_name="entered_values")
    period_start = models.DateField(_("Từ ngày"))
    period_end = models.DateField(_("Đến ngày"))
    disaggregation_key = models.CharField(_("Chi tiết"), max_length=20, blank=True)
    value = models.PositiveBigIntegerField(_("Giá trị"))  # big: money in đồng passes 2,1 tỷ
    entered_by = models.ForeignKey("accounts.User", verbose_name=_("Người nhập"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("Số liệu đơn vị nhập")
        verbose_name_plural = _("Số liệu đơn vị nhập")
        ordering = ["-period_end", "indicator__group", "indicator__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "indicator", "period_start", "period_end", "disaggregation_key"],
                condition=Q(archived_at__isnull=True),
                name="entered_value_unique_active",
            ),
        ]
        indexes = [models.Index(fields=["area", "period_start", "period_end"], name="entered_area_period")]

    def __str__(self) -> str:
        return f"{self.indicator.short_name}: {self.value}"

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("Ngày kết thúc kỳ phải sau ngày bắt đầu.")})
        if self.indicator_id:
            if self.indicator.is_ratio:
                raise ValidationError({"indicator": _("Chỉ tiêu tỷ lệ được tính, không nhập.")})
            keys = {key for key, _label in disaggregation_choices(self.indicator.disaggregation)}
            if self.disaggregation_key and self.disaggregation_key not in keys:
                raise ValidationError({"disaggregation_key": _("Chi tiết không thuộc danh mục của chỉ tiêu.")})


class DocumentFormat(AuditedModel):
    """The presentation rules of one document style, as data (HD 05-HD/VPTW 2026 may replace HD 36).

    `params` holds page size and margins, fonts and sizes, the header texts and the number pattern;
    see migration 0002 for the shipped NĐ 30/2020/NĐ-CP and HD 36-HD/VPTW formats.
    """

    style = models.CharField(_("Thể thức"), max_length=10, choices=DocumentStyle.choices)
    name = models.CharField(_("Tên"), max_length=200)
    legal_basis = models.CharField(_("Căn cứ"), max_length=200)
    in_use = models.BooleanField(_("Đang áp dụng"), default=True)
    params = models.JSONField(_("Tham số thể thức"))

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        verbose_name = _("Thể thức văn bản")
        verbose_name_plural = _("Thể thức văn bản")
        ordering = ["style", "-in_use", "name"]

    def __str__(self) -> str:
        return self.name


class Numbering(models.TextChoices):
    # NĐ 30/2020/NĐ-CP: State documents are numbered from 01/01 to 31/12 each year.
    YEARLY = "yearly", _("Theo năm (văn bản hành chính nhà nước)")
    # HD 36-HD/VPTW: Party documents are numbered per type across the committee's term.
    TERM = "term", _("Theo nhiệm kỳ cấp ủy (văn bản của Đảng)")


class DocumentSequence(AuditedModel):
    organisation = models.ForeignKey("units.Organisation", verbose_name=_("Cơ quan ban hành"),
                                     on_delete=models.PROTECT, related_name="+")
    document_type = models.CharField(_("Loại văn bản (viết tắt)"), max_length=10, default="BC")
    numbering = models.CharField(_("Cách đánh số"), max_length=10, choices=Numbering.choices)
    term_start = models.DateField(_("Ngày bắt đầu nhiệm kỳ"), null=True, blank=True,
                                  help_text=_("Văn bản của Đảng: số chạy liên tục từ ngày này."))
    current_key = models.CharField(_("Năm hoặc nhiệm kỳ đang đánh số"), max_length=20, blank=True)
    last_number = models.PositiveIntegerField(_("Số đã cấp gần nhất"), default=0)

    # A body's register of numbers is seen and used within that body's subtree, like its reports.
    scope_field = "organisation__area"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("Sổ đăng ký số văn bản")
        verbose_name_plural = _("Sổ đăng ký số văn bản")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "document_type"], name="document_sequence_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.document_type}"


class IssuedDocument(ScopedModel):
    """A report document generated and numbered (the register of outgoing documents)."""

    sequence = models.ForeignKey(DocumentSequence, on_delete=models.PROTECT, related_name="documents", null=True,
                                 blank=True)
    number = models.PositiveIntegerField(_("Số"), null=True, blank=True)
    number_text = models.CharField(_("Số, ký hiệu"), max_length=60)
    issued_on = models.DateField(_("Ngày ban hành"))
    subject = models.CharField(_("Trích yếu"), max_length=300)
    report_area = models.ForeignKey("units.Area", verbose_name=_("Địa bàn báo cáo"), on_delete=models.PROTECT,
                                    related_name="+")
    period_code = models.CharField(_("Kỳ báo cáo"), max_length=40)
    cutoff = models.CharField(_("Cách chốt số liệu"), max_length=10)

    class Meta:
        verbose_name = _("Văn bản báo cáo đã ban hành")
        verbose_name_plural = _("Văn bản báo cáo đã ban hành")
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.number_text} – {self.subject}"


class SigningAuthority(models.TextChoices):
    """How the signer signs (NĐ 30/2020/NĐ-CP Điều 13; HD 36-HD/VPTW writes "T/M", "K/T")."""

    OWN = "", _("Người đứng đầu ký")
    ON_BEHALF = "tm", _("Thay mặt tập thể (TM.)")
    DEPUTY = "kt", _("Ký thay người đứng đầu (KT.)")
    ACTING = "q", _("Quyền (Q.)")
    BY_ORDER = "tl", _("Thừa lệnh (TL.)")


class Signature(LabelledModel):
    """Who signs a report and who receives it: the issuing body's defaults (`ReportSettings`), copied into
    each report, where the secretary may change them."""

    authority = models.CharField(_("Hình thức ký"), max_length=2, choices=SigningAuthority.choices, blank=True)
    authority_of = models.CharField(
        _("Thay mặt, ký thay cho"), max_length=120, blank=True,
        help_text=_("Ví dụ: BAN THƯỜNG VỤ, ỦY BAN NHÂN DÂN, TRƯỞNG BAN, CHỦ TỊCH."))
    signer_title = models.CharField(_("Chức vụ người ký"), max_length=120, blank=True,
                                    help_text=_("Ví dụ: PHÓ TRƯỞNG BAN; có thể ghi hai dòng."))
    signer_name = models.CharField(_("Họ và tên người ký"), max_length=120, blank=True)
    recipients = models.TextField(
        _("Nơi nhận"), blank=True,
        help_text=_("Mỗi dòng một nơi nhận, ví dụ: Ban Dân vận Trung ương (b/c). “Lưu: VT” được thêm ở cuối."))

    class Meta:
        abstract = True


class ReportSettings(Signature, AuditedModel):
    """The issuing body's defaults for its reports (one per organisation)."""

    organisation = models.OneToOneField("units.Organisation", verbose_name=_("Cơ quan ban hành"),
                                        on_delete=models.PROTECT, related_name="report_settings")

    # Seen and changed within the issuing body's subtree, like its reports and its number register.
    scope_field = "organisation__area"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("Thiết lập báo cáo của cơ quan")
        verbose_name_plural = _("Thiết lập báo cáo của cơ quan")

    def __str__(self) -> str:
        return str(self.organisation)


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")


class ReportDocument(Signature, ScopedModel):
    """A report of an organisation: a draft the secretary edits (no number, marked "DỰ THẢO"), then issued
    by a head: numbered from the body's register, dated and frozen — the Word file as issued is stored, so
    later corrections of data never change it. A corrected re-issue is a new report naming what it replaces.
    """

    report_area = models.ForeignKey("units.Area", verbose_name=_("Địa bàn báo cáo"), on_delete=models.PROTECT,
                                    related_name="+")
    period_code = models.CharField(_("Kỳ báo cáo"), max_length=40)
    cutoff = models.CharField(_("Cách chốt số liệu"), max_length=10)
    # A report made before its period ends covers the period up to this day, compared like-for-like.
    data_until = models.DateField(_("Số liệu đến ngày"), null=True, blank=True)
    status = models.CharField(_("Trạng thái"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    # Sections II–IV, written by people; offered as the starting text of the next period's draft.
    strengths = models.TextField(_("Ưu điểm"), blank=True)
    limitations = models.TextField(_("Hạn chế, nguyên nhân"), blank=True)
    directions = models.TextField(_("Phương hướng, nhiệm vụ kỳ tới"), blank=True)
    recommendations = models.TextField(_("Kiến nghị, đề xuất"), blank=True)
    replaces = models.ForeignKey("self", verbose_name=_("Thay thế báo cáo"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="replaced_by")
    issued = models.OneToOneField(IssuedDocument, verbose_name=_("Số đăng ký"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="report")
    issued_on = models.DateField(_("Ngày ban hành"), null=True, blank=True)
    issued_file = models.BinaryField(_("Tệp Word đã ban hành"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Báo cáo (dự thảo, đã ban hành)")
        verbose_name_plural = _("Báo cáo (dự thảo, đã ban hành)")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        number = self.issued.number_text if self.issued_id else _("Dự thảo")
        return f"{number} – {self.period_code} – {self.report_area}"

    @property
    def is_draft(self) -> bool:
        return self.status == ReportStatus.DRAFT
