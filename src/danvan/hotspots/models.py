"""Hot spots (điểm nóng; vụ việc phức tạp, đông người, kéo dài), the early-warning alerts computed from the
records, and the situation reports of lower units (báo cáo tình hình tư tưởng, tâm trạng, dư luận xã hội).

QĐ 23-QĐ/TW 2021 asks Party committees and authorities to "nắm chắc tình hình Nhân dân" and to direct the
handling of pressing matters before they become hot spots; Luật Tiếp công dân 2013 Điều 29 and form 01/TCD
single out large groups (đoàn đông người); TT 05/2021/TT-TTCP group letters (5 signers or more).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.models import AuditedModel, CatalogueQuerySet, LabelledModel, ScopedChild, ScopedModel, ScopedQuerySet


class HotSpotField(models.TextChoices):
    LAND_COMPENSATION = "land_compensation", _("Đất đai - bồi thường, hỗ trợ, tái định cư")
    SITE_CLEARANCE = "site_clearance", _("Giải phóng mặt bằng")
    ENVIRONMENT = "environment", _("Môi trường")
    RELIGION = "religion", _("Tôn giáo")
    ETHNICITY = "ethnicity", _("Dân tộc")
    LABOUR = "labour", _("Lao động, việc làm")
    POLICY = "policy", _("Chế độ, chính sách")
    ORDER = "order", _("An ninh, trật tự")
    OTHER = "other", _("Khác")


# The hot-spot field a letter's or visit's field (core.choices.Field) is first read as, when an alert is opened.
FIELD_FROM_RECORD = {
    "land": HotSpotField.LAND_COMPENSATION,
    "policy": HotSpotField.POLICY,
    "environment": HotSpotField.ENVIRONMENT,
    "urban": HotSpotField.ORDER,
}


class RiskLevel(models.TextChoices):
    LOW = "low", _("Thấp")
    MEDIUM = "medium", _("Trung bình")
    HIGH = "high", _("Cao")
    VERY_HIGH = "very_high", _("Rất cao")


class HotSpotStatus(models.TextChoices):
    EMERGING = "emerging", _("Mới nổi")
    CONTROLLED = "controlled", _("Đã kiểm soát")
    RESOLVED = "resolved", _("Đã giải quyết")


class HotSpot(ScopedModel):
    title = models.CharField(_("Tên vụ việc, điểm nóng"), max_length=300,
                             error_messages={"blank": _("Cần ghi tên vụ việc, điểm nóng.")})
    description = models.TextField(_("Diễn biến, nội dung"), blank=True)
    subject_area = models.ForeignKey(
        "units.Area", verbose_name=_("Địa bàn phát sinh"), on_delete=models.PROTECT, related_name="+",
        error_messages={"null": _("Chọn địa bàn phát sinh.")},
    )
    field = models.CharField(_("Lĩnh vực"), max_length=20, choices=HotSpotField.choices,
                             error_messages={"invalid_choice": _("Lĩnh vực không hợp lệ."),
                                             "blank": _("Chọn lĩnh vực.")})
    people_involved = models.PositiveIntegerField(_("Số người liên quan"), default=0)
    risk_level = models.CharField(_("Mức độ nguy cơ"), max_length=10, choices=RiskLevel.choices,
                                  default=RiskLevel.MEDIUM,
                                  error_messages={"invalid_choice": _("Mức độ nguy cơ không hợp lệ.")})
    lead_body = models.CharField(_("Cơ quan chủ trì giải quyết"), max_length=255,
                                 error_messages={"blank": _("Cần ghi cơ quan chủ trì giải quyết.")})
    identified_on = models.DateField(_("Ngày phát hiện"), error_messages={"null": _("Cần ghi ngày phát hiện.")})
    status = models.CharField(_("Tình trạng"), max_length=12, choices=HotSpotStatus.choices,
                              default=HotSpotStatus.EMERGING, editable=False)
    resolved_on = models.DateField(_("Ngày giải quyết xong"), null=True, blank=True, editable=False)
    resolution_note = models.TextField(_("Kết quả giải quyết"), blank=True, editable=False)

    class Meta:
        verbose_name = _("Điểm nóng, vụ việc phức tạp")
        verbose_name_plural = _("Điểm nóng, vụ việc phức tạp")
        ordering = ["-identified_on", "-pk"]
        indexes = [models.Index(fields=["area", "identified_on"], name="hotspot_area_identified")]

    def __str__(self) -> str:
        return self.title


class SteeringMeasure(ScopedChild):
    """A measure the leadership decided for a hot spot, followed until done (chỉ đạo xử lý)."""

    scope_field = "hotspot__area"
    parent_field = "hotspot"

    hotspot = models.ForeignKey(HotSpot, verbose_name=_("Điểm nóng"), on_delete=models.PROTECT,
                                related_name="measures")
    content = models.TextField(_("Nội dung chỉ đạo"), error_messages={"blank": _("Cần ghi nội dung chỉ đạo.")})
    owner = models.CharField(_("Cơ quan, người thực hiện"), max_length=255,
                             error_messages={"blank": _("Cần ghi cơ quan, người thực hiện.")})
    decided_on = models.DateField(_("Ngày chỉ đạo"), error_messages={"null": _("Cần ghi ngày chỉ đạo.")})
    due_on = models.DateField(_("Hạn hoàn thành"), error_messages={"null": _("Cần ghi hạn hoàn thành.")})
    done_on = models.DateField(_("Ngày hoàn thành"), null=True, blank=True, editable=False)
    result = models.TextField(_("Kết quả thực hiện"), blank=True, editable=False)

    class Meta:
        verbose_name = _("Biện pháp chỉ đạo")
        verbose_name_plural = _("Biện pháp chỉ đạo")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.content[:80]

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    def is_overdue(self, on) -> bool:
        return self.done_on is None and self.due_on < on


class HotSpotLink(ScopedChild):
    """A letter, visit, dialogue or matter the hot spot is about; one of the four is set. Unlinking archives."""

    scope_field = "hotspot__area"
    parent_field = "hotspot"

    hotspot = models.ForeignKey(HotSpot, on_delete=models.PROTECT, related_name="links")
    letter = models.ForeignKey("letters.Letter", verbose_name=_("Đơn thư"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    visit = models.ForeignKey("reception.Visit", verbose_name=_("Lượt tiếp công dân"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    dialogue = models.ForeignKey("mobilisation.Dialogue", verbose_name=_("Cuộc đối thoại"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    matter = models.ForeignKey("matters.Matter", verbose_name=_("Vụ việc"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("Hồ sơ liên quan đến điểm nóng")
        verbose_name_plural = _("Hồ sơ liên quan đến điểm nóng")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                name="hotspot_link_one_target",
                condition=(
                    models.Q(letter__isnull=False, visit__isnull=True, dialogue__isnull=True, matter__isnull=True)
                    | models.Q(letter__isnull=True, visit__isnull=False, dialogue__isnull=True, matter__isnull=True)
                    | models.Q(letter__isnull=True, visit__isnull=True, dialogue__isnull=False, matter__isnull=True)
                    | models.Q(letter__isnull=True, visit__isnull=True, dialogue__isnull=True, matter__isnull=False)
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.hotspot_id} ↔ {self.target_kind}"

    @property
    def target_kind(self) -> str:
        for name in ("letter", "visit", "dialogue", "matter"):
            if getattr(self, f"{name}_id"):
                return name
        return ""

    @property
    def target(self):
        kind = self.target_kind
        return getattr(self, kind) if kind else None


# ---------------------------------------------------------------- early warning


class RuleKind(models.TextChoices):
    REPEATED = "repeated", _("Vụ việc lặp lại nhiều lần")
    OVER_LEVELS = "over_levels", _("Vượt cấp")
    LARGE_GROUPS = "large_groups", _("Đoàn đông người, đơn đông người")
    SURGE = "surge", _("Gia tăng bất thường theo địa bàn, lĩnh vực")
    OVERDUE_RESOLUTION = "overdue_resolution", _("Quá hạn giải quyết vụ việc đông người")
    OVERDUE_COMMITMENT = "overdue_commitment", _("Quá hạn thực hiện cam kết đối thoại đông người")


class AlertRule(AuditedModel):
    """One warning rule and its thresholds, tuned by an administrator (seeded by migration 0002)."""

    kind = models.CharField(_("Loại cảnh báo"), max_length=24, choices=RuleKind.choices, unique=True)
    active = models.BooleanField(_("Đang áp dụng"), default=True)
    threshold = models.PositiveIntegerField(
        _("Ngưỡng (số lần, số đoàn, số đơn)"), default=3, validators=[MinValueValidator(1)],
        help_text=_("Lặp lại: số lần tiếp nhận; vượt cấp: số lần gửi, trình bày lên cấp trên; đông người: số "
                    "đoàn/đơn; gia tăng: số lượt tối thiểu trong kỳ."),
    )
    window_days = models.PositiveIntegerField(_("Số ngày xét"), default=90,
                                              validators=[MinValueValidator(1), MaxValueValidator(3660)])
    min_persons = models.PositiveIntegerField(
        _("Số người tối thiểu"), default=5, validators=[MinValueValidator(1)],
        help_text=_("Đoàn đông người, đơn đông người, đối thoại đông người: từ số người này trở lên."),
    )
    history_years = models.PositiveSmallIntegerField(
        _("Số năm lịch sử so sánh"), default=3, validators=[MinValueValidator(1), MaxValueValidator(20)])
    p_value = models.DecimalField(
        _("Mức ý nghĩa (p)"), max_digits=6, decimal_places=5, default="0.01",
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("Gia tăng: cảnh báo khi xác suất có từ ngần ấy lượt trở lên theo phân phối Poisson nhỏ hơn p."),
    )
    description = models.TextField(_("Ghi chú"), blank=True)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        verbose_name = _("Quy tắc cảnh báo sớm")
        verbose_name_plural = _("Quy tắc cảnh báo sớm")
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.get_kind_display()


class AlertStatus(models.TextChoices):
    OPEN = "open", _("Chờ xem xét")
    DISMISSED = "dismissed", _("Đã bỏ qua")
    OPENED = "opened", _("Đã lập điểm nóng")


class Alert(AuditedModel):
    """A warning computed from the records, scoped by the commune (or unit) it is about."""

    scope_field = "subject_area"

    rule = models.ForeignKey(AlertRule, verbose_name=_("Quy tắc"), on_delete=models.PROTECT, related_name="alerts")
    key = models.CharField(_("Khóa"), max_length=120, editable=False)
    generation = models.PositiveSmallIntegerField(default=1, editable=False)
    subject_area = models.ForeignKey("units.Area", verbose_name=_("Địa bàn"), on_delete=models.PROTECT,
                                     related_name="+")
    field = models.CharField(_("Lĩnh vực"), max_length=20, blank=True)
    matter = models.ForeignKey("matters.Matter", verbose_name=_("Vụ việc"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    explanation = models.TextField(_("Giải thích"))
    # The records behind the alert: {"letters": [ids], "visits": [ids], "commitments": [ids]}.
    evidence = models.JSONField(_("Hồ sơ căn cứ"), default=dict)
    computed_on = models.DateField(_("Ngày tính"))
    status = models.CharField(_("Tình trạng"), max_length=10, choices=AlertStatus.choices, default=AlertStatus.OPEN)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Người xem xét"), null=True,
                                    blank=True, on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(_("Thời điểm xem xét"), null=True, blank=True)
    dismiss_reason = models.TextField(_("Lý do bỏ qua"), blank=True)
    hotspot = models.ForeignKey(HotSpot, verbose_name=_("Điểm nóng đã lập"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="alerts")

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("Cảnh báo sớm")
        verbose_name_plural = _("Cảnh báo sớm")
        ordering = ["-computed_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["key", "generation"], name="alert_key_generation")]
        indexes = [models.Index(fields=["status", "subject_area"], name="alert_status_area")]

    def __str__(self) -> str:
        return f"{self.rule}: {self.subject_area}"

    def evidence_count(self) -> int:
        return sum(len(v) for v in (self.evidence or {}).values())


class AlertRun(LabelledModel):
    """Where the last `compute_alerts` stopped: records created after it are the new ones of the next run."""

    started_at = models.DateTimeField(_("Bắt đầu"))
    finished_at = models.DateTimeField(_("Kết thúc"), null=True, blank=True)
    computed_on = models.DateField(_("Ngày tính"))
    watermark = models.DateTimeField(_("Hồ sơ tạo đến thời điểm"))
    full = models.BooleanField(_("Tính lại toàn bộ"), default=False)
    created = models.PositiveIntegerField(_("Cảnh báo mới"), default=0)
    updated = models.PositiveIntegerField(_("Cảnh báo cập nhật"), default=0)

    class Meta:
        verbose_name = _("Lần tính cảnh báo")
        verbose_name_plural = _("Lần tính cảnh báo")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.computed_on:%d/%m/%Y} ({self.started_at:%d/%m/%Y %H:%M})"


# ---------------------------------------------------------------- situation reports


class Intensity(models.TextChoices):
    LOW = "low", _("Rải rác")
    MEDIUM = "medium", _("Đáng chú ý")
    HIGH = "high", _("Bức xúc, nổi cộm")


class SituationSource(models.TextChoices):
    MEETINGS = "meetings", _("Sinh hoạt, hội nghị ở cơ sở")
    VISITS = "visits", _("Tiếp xúc, tiếp công dân")
    SOCIAL_MEDIA = "social_media", _("Mạng xã hội")
    PRESS = "press", _("Báo chí")
    OTHER = "other", _("Khác")


class SituationReport(ScopedModel):
    """A lower unit's periodic report on the people's thinking, mood and public opinion."""

    period_start = models.DateField(_("Từ ngày"), error_messages={"null": _("Cần ghi ngày đầu kỳ báo cáo.")})
    period_end = models.DateField(_("Đến ngày"), error_messages={"null": _("Cần ghi ngày cuối kỳ báo cáo.")})
    summary = models.TextField(_("Tình hình chung"), blank=True)

    class Meta:
        verbose_name = _("Báo cáo tình hình tư tưởng, dư luận xã hội")
        verbose_name_plural = _("Báo cáo tình hình tư tưởng, dư luận xã hội")
        ordering = ["-period_end", "-pk"]

    def __str__(self) -> str:
        return f"{self.organisation} {self.period_start:%d/%m/%Y}–{self.period_end:%d/%m/%Y}"


class SituationTopic(ScopedChild):
    scope_field = "report__area"
    parent_field = "report"

    report = models.ForeignKey(SituationReport, on_delete=models.PROTECT, related_name="topics")
    field = models.CharField(_("Lĩnh vực"), max_length=20, choices=HotSpotField.choices)
    subject_area = models.ForeignKey("units.Area", verbose_name=_("Địa bàn"), on_delete=models.PROTECT,
                                     related_name="+")
    intensity = models.CharField(_("Mức độ"), max_length=10, choices=Intensity.choices, default=Intensity.MEDIUM)
    source = models.CharField(_("Nguồn nắm tình hình"), max_length=15, choices=SituationSource.choices)
    content = models.TextField(_("Nội dung tâm trạng, dư luận"))
    proposals = models.TextField(_("Đề xuất, kiến nghị"), blank=True)
    hotspot = models.ForeignKey(HotSpot, verbose_name=_("Đã nâng thành điểm nóng"), null=True, blank=True,
                                editable=False, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("Vấn đề trong báo cáo tình hình")
        verbose_name_plural = _("Vấn đề trong báo cáo tình hình")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.content[:80]
