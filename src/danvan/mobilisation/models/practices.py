""" "Dân vận khéo" good-practice models (domain.md §Mobilisation).

A model is registered with the description the registration forms ask for, then built, recognised
(at commune, province or central level) and replicated (nhân rộng). Each step is a row in
`GoodPracticeStatusChange` (append-only, as in Amsterdam/signals), so the status on any past date
can be counted; `GoodPractice.status` caches the latest one.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.models import ScopedChild, ScopedModel
from danvan.mobilisation.choices import PracticeField, PracticeHolder, PracticeStatus, RecognitionLevel
from danvan.mobilisation.validators import validate_evidence_file


class GoodPractice(ScopedModel):
    name = models.CharField(_("Tên mô hình"), max_length=300)
    holder = models.CharField(_("Chủ thể"), max_length=12, choices=PracticeHolder.choices)
    holder_name = models.CharField(
        _("Tập thể, cá nhân thực hiện"), max_length=255, help_text=_("Tên tập thể hoặc họ tên cá nhân.")
    )
    place = models.ForeignKey(
        "units.Area",
        verbose_name=_("Địa bàn thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    field = models.CharField(_("Lĩnh vực"), max_length=12, choices=PracticeField.choices)
    year = models.PositiveSmallIntegerField(
        _("Năm đăng ký"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    registered_on = models.DateField(_("Ngày đăng ký"))
    # Registration description, as in the provinces' registration forms.
    situation = models.TextField(_("Thực trạng, sự cần thiết"), blank=True)
    goals = models.TextField(_("Mục tiêu, tiêu chí"), blank=True)
    method = models.TextField(_("Nội dung, cách làm"), blank=True)
    beneficiaries = models.TextField(_("Phạm vi, đối tượng thụ hưởng"), blank=True)
    forces = models.TextField(_("Lực lượng tham gia"), blank=True)
    resources = models.TextField(_("Nguồn lực"), blank=True)
    timeline = models.TextField(_("Thời gian, lộ trình thực hiện"), blank=True)
    outputs = models.TextField(_("Kết quả, sản phẩm"), blank=True)
    sustainability = models.TextField(_("Tính bền vững, khả năng nhân rộng"), blank=True)

    status = models.CharField(
        _("Tình trạng"),
        max_length=12,
        choices=PracticeStatus.choices,
        default=PracticeStatus.REGISTERED,
        editable=False,
    )
    recognition_level = models.CharField(
        _("Cấp công nhận"), max_length=10, choices=RecognitionLevel.choices, blank=True, editable=False
    )
    recognised_on = models.DateField(_("Ngày công nhận"), null=True, blank=True, editable=False)
    replicated_on = models.DateField(_("Ngày nhân rộng"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Mô hình “Dân vận khéo”")
        verbose_name_plural = _("Mô hình “Dân vận khéo”")
        ordering = ["-registered_on", "-pk"]

    def __str__(self) -> str:
        return self.name


class GoodPracticeStatusChange(ScopedChild):
    """One step of a model's life; never edited, only appended by the transition services."""

    scope_field = "practice__area"
    parent_field = "practice"

    practice = models.ForeignKey(GoodPractice, on_delete=models.PROTECT, related_name="status_changes")
    status = models.CharField(_("Tình trạng"), max_length=12, choices=PracticeStatus.choices)
    changed_on = models.DateField(_("Ngày"))
    level = models.CharField(_("Cấp công nhận"), max_length=10, choices=RecognitionLevel.choices, blank=True)
    decision = models.CharField(_("Quyết định, văn bản"), max_length=120, blank=True)
    note = models.TextField(_("Ghi chú"), blank=True)

    class Meta:
        verbose_name = _("Bước chuyển tình trạng mô hình")
        verbose_name_plural = _("Bước chuyển tình trạng mô hình")
        ordering = ["changed_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.changed_on:%d/%m/%Y})"


class GoodPracticeEvidence(ScopedChild):
    scope_field = "practice__area"
    parent_field = "practice"

    practice = models.ForeignKey(GoodPractice, on_delete=models.PROTECT, related_name="evidence")
    title = models.CharField(_("Tên tài liệu"), max_length=255)
    file = models.FileField(_("Tệp"), upload_to="mobilisation/evidence/%Y/%m/", validators=[validate_evidence_file])

    class Meta:
        verbose_name = _("Tài liệu minh chứng")
        verbose_name_plural = _("Tài liệu minh chứng")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title
