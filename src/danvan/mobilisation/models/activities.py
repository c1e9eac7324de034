"""Activities the seed reports count: propaganda and legal-awareness sessions, training courses,
quarterly briefings (giao ban), supervision visits (giám sát; QĐ 217-QĐ/TW 2013) and the support
given by the armed forces and others (domain.md §Mobilisation)."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.models import ScopedModel
from danvan.mobilisation.choices import SessionKind, SupportProvider
from danvan.mobilisation.models.base import FollowUp


class PropagandaSession(ScopedModel):
    """One session (buổi); "2.041 buổi cho trên 61 nghìn người" sums these rows."""

    held_on = models.DateField(_("Ngày"))
    kind = models.CharField(_("Hình thức"), max_length=12, choices=SessionKind.choices)
    topic = models.CharField(_("Nội dung"), max_length=300)
    place = models.CharField(_("Địa điểm"), max_length=255, blank=True)
    attendees = models.PositiveIntegerField(_("Số người dự"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("Buổi tuyên truyền")
        verbose_name_plural = _("Buổi tuyên truyền, phổ biến pháp luật")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["held_on"], name="propaganda_held_on")]

    def __str__(self) -> str:
        return f"{self.topic} ({self.held_on:%d/%m/%Y})"


class TrainingCourse(ScopedModel):
    """A training or refresher course; attendances are counted in lượt cán bộ."""

    title = models.CharField(_("Tên lớp"), max_length=300)
    starts_on = models.DateField(_("Ngày khai giảng"))
    ends_on = models.DateField(_("Ngày kết thúc"), null=True, blank=True)
    attendances = models.PositiveIntegerField(_("Số lượt cán bộ dự"), validators=[MinValueValidator(1)])
    content = models.TextField(_("Nội dung"), blank=True)

    class Meta:
        verbose_name = _("Lớp bồi dưỡng, tập huấn")
        verbose_name_plural = _("Lớp bồi dưỡng, tập huấn")
        ordering = ["-starts_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Ngày kết thúc phải sau ngày khai giảng.")})


class Briefing(ScopedModel):
    held_on = models.DateField(_("Ngày giao ban"))
    period = models.CharField(_("Kỳ giao ban"), max_length=60, help_text=_("Ví dụ: Quý III/2026."))
    chair_name = models.CharField(_("Người chủ trì"), max_length=120, blank=True)
    participants = models.PositiveIntegerField(_("Số người dự"), validators=[MinValueValidator(1)])
    conclusions = models.TextField(_("Kết luận"), blank=True)

    class Meta:
        verbose_name = _("Cuộc giao ban")
        verbose_name_plural = _("Cuộc giao ban")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.period} ({self.held_on:%d/%m/%Y})"


class BriefingTask(FollowUp):
    scope_field = "briefing__area"
    parent_field = "briefing"

    briefing = models.ForeignKey(
        Briefing, verbose_name=_("Cuộc giao ban"), on_delete=models.PROTECT, related_name="tasks"
    )
    content = models.TextField(_("Nhiệm vụ"))

    class Meta:
        verbose_name = _("Nhiệm vụ sau giao ban")
        verbose_name_plural = _("Nhiệm vụ sau giao ban")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.content[:80]


class Supervision(ScopedModel):
    held_on = models.DateField(_("Ngày giám sát"))
    supervised = models.ForeignKey(
        "units.Organisation",
        verbose_name=_("Cơ quan, đơn vị được giám sát"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    supervised_name = models.CharField(
        _("Tên đơn vị được giám sát"),
        max_length=255,
        blank=True,
        help_text=_("Ghi khi đơn vị chưa có trong danh mục."),
    )
    subject = models.CharField(_("Nội dung giám sát"), max_length=300)
    findings = models.TextField(_("Kết quả, phát hiện"), blank=True)

    class Meta:
        verbose_name = _("Cuộc giám sát")
        verbose_name_plural = _("Cuộc giám sát")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.subject} ({self.held_on:%d/%m/%Y})"

    @property
    def supervised_label(self) -> str:
        return str(self.supervised) if self.supervised_id else self.supervised_name

    def clean(self) -> None:
        if not self.supervised_id and not self.supervised_name.strip():
            raise ValidationError({"supervised": _("Chọn hoặc ghi tên đơn vị được giám sát.")})


class SupervisionRecommendation(FollowUp):
    scope_field = "supervision__area"
    parent_field = "supervision"

    supervision = models.ForeignKey(
        Supervision, verbose_name=_("Cuộc giám sát"), on_delete=models.PROTECT, related_name="recommendations"
    )
    content = models.TextField(_("Kiến nghị"))

    class Meta:
        verbose_name = _("Kiến nghị sau giám sát")
        verbose_name_plural = _("Kiến nghị sau giám sát")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.content[:80]


class SupportContribution(ScopedModel):
    """Support given to the people by the armed forces and others: workdays and money (VND)."""

    given_on = models.DateField(_("Ngày"))
    provider = models.CharField(_("Lực lượng"), max_length=10, choices=SupportProvider.choices)
    provider_name = models.CharField(_("Đơn vị, cá nhân hỗ trợ"), max_length=255)
    description = models.CharField(_("Nội dung hỗ trợ"), max_length=300)
    workdays = models.PositiveIntegerField(_("Số ngày công"), default=0)
    money_vnd = models.PositiveBigIntegerField(_("Số tiền (đồng)"), default=0)

    class Meta:
        verbose_name = _("Hỗ trợ của lực lượng vũ trang và tổ chức khác")
        verbose_name_plural = _("Hỗ trợ của lực lượng vũ trang và tổ chức khác")
        ordering = ["-given_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.provider_name}: {self.description}"

    def clean(self) -> None:
        if not self.workdays and not self.money_vnd:
            raise ValidationError({"workdays": _("Ghi số ngày công hoặc số tiền hỗ trợ.")})
