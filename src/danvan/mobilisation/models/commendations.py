"""Commendations: the medal "Vì sự nghiệp dân vận" (awarded yearly by the central board),
certificates of merit and letters of praise (domain.md §Mobilisation)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.models import ScopedModel
from danvan.mobilisation.choices import CommendationKind, RecipientKind


class Commendation(ScopedModel):
    kind = models.CharField(_("Hình thức khen thưởng"), max_length=12, choices=CommendationKind.choices)
    recipient_kind = models.CharField(_("Đối tượng"), max_length=12, choices=RecipientKind.choices)
    recipient_name = models.CharField(_("Tên cá nhân, tập thể"), max_length=255)
    recipient_position = models.CharField(_("Chức vụ, đơn vị công tác"), max_length=255, blank=True)
    decision_number = models.CharField(_("Số quyết định"), max_length=60)
    decided_on = models.DateField(_("Ngày quyết định"))
    issued_by = models.CharField(_("Cơ quan quyết định"), max_length=255, blank=True)
    reason = models.TextField(_("Thành tích"), blank=True)
    practice = models.ForeignKey(
        "mobilisation.GoodPractice",
        verbose_name=_("Mô hình được khen"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commendations",
    )

    class Meta:
        verbose_name = _("Khen thưởng")
        verbose_name_plural = _("Khen thưởng")
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.recipient_name}"
