"""Matters (vụ việc): the case that visits and letters are about.

Several letters and visits about the same case group into one matter, so figures exist by letter
and by matter ("29 đơn (29 vụ việc)"), and a letter about a matter already finally resolved is
recognised and filed (TT 05/2021/TT-TTCP: not processed again).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import ContentKind, Field
from danvan.core.models import ScopedModel


class MatterStatus(models.TextChoices):
    OPEN = "open", _("Đang xử lý")
    RESOLVED = "resolved", _("Đã giải quyết")
    FINAL = "final", _("Đã giải quyết xong, có quyết định cuối cùng hoặc kết luận")


class Matter(ScopedModel):
    title = models.CharField(_("Tóm tắt vụ việc"), max_length=300)
    content_kind = models.CharField(_("Loại nội dung"), max_length=20, choices=ContentKind.choices)
    field = models.CharField(_("Lĩnh vực"), max_length=20, choices=Field.choices)
    subject_area = models.ForeignKey(
        "units.Area",
        verbose_name=_("Địa bàn phát sinh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    first_received = models.DateField(_("Ngày tiếp nhận lần đầu"))
    status = models.CharField(_("Tình trạng"), max_length=10, choices=MatterStatus.choices, default=MatterStatus.OPEN)
    resolved_on = models.DateField(_("Ngày giải quyết"), null=True, blank=True)

    class Meta:
        verbose_name = _("Vụ việc")
        verbose_name_plural = _("Vụ việc")
        indexes = [
            models.Index(fields=["area", "first_received"], name="matter_area_received"),
            # Intake forms offer the most recent matters: read them off an index, not a sort of every matter.
            models.Index(fields=["-first_received", "-id"], name="matter_received_newest"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def code(self) -> str:
        """The matter's number as shown to officers, beside the letters' "Đ000123"."""
        return f"VV{self.pk or 0:06d}"
