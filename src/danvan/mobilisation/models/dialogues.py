"""Dialogues of leaders with citizens (đối thoại), their opinions and commitments.

QĐ 23-QĐ/TW 2021: heads of Party committees and authorities receive and hold dialogues with the
people; what is promised at a dialogue is followed until it is done.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import Field
from danvan.core.concurrency import VersionedModel
from danvan.core.models import ScopedChild, ScopedModel
from danvan.mobilisation.choices import ChairRole, OpinionHandling
from danvan.mobilisation.models.base import FollowUp


class Dialogue(VersionedModel, ScopedModel):
    held_on = models.DateField(_("Ngày đối thoại"))
    topic = models.CharField(_("Chủ đề"), max_length=300)
    place = models.CharField(_("Địa điểm"), max_length=255, blank=True)
    chair_name = models.CharField(_("Người chủ trì"), max_length=120)
    chair_role = models.CharField(_("Chức vụ người chủ trì"), max_length=20, choices=ChairRole.choices)
    chair_position = models.CharField(
        _("Chức danh cụ thể"), max_length=200, blank=True, help_text=_("Ví dụ: Chủ tịch UBND xã Quảng Lâm.")
    )
    participants = models.PositiveIntegerField(_("Số lượt người tham gia"), validators=[MinValueValidator(1)])
    closed_at = models.DateTimeField(_("Thời điểm kết thúc"), null=True, blank=True, editable=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người kết thúc"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closing_report = models.TextField(_("Báo cáo kết quả đối thoại"), blank=True, editable=False)

    class Meta:
        verbose_name = _("Cuộc đối thoại")
        verbose_name_plural = _("Cuộc đối thoại")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["held_on"], name="dialogue_held_on")]

    def __str__(self) -> str:
        return f"{self.topic} ({self.held_on:%d/%m/%Y})"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class DialogueOpinion(ScopedChild):
    scope_field = "dialogue__area"
    parent_field = "dialogue"

    dialogue = models.ForeignKey(
        Dialogue, verbose_name=_("Cuộc đối thoại"), on_delete=models.PROTECT, related_name="opinions"
    )
    speaker = models.CharField(_("Người nêu ý kiến"), max_length=200, blank=True)
    content = models.TextField(_("Nội dung ý kiến"))
    field = models.CharField(_("Lĩnh vực"), max_length=20, choices=Field.choices)
    handling = models.CharField(_("Hình thức trả lời"), max_length=20, choices=OpinionHandling.choices)
    answer = models.TextField(_("Nội dung trả lời, tiếp thu"), blank=True)

    class Meta:
        verbose_name = _("Ý kiến tại đối thoại")
        verbose_name_plural = _("Ý kiến tại đối thoại")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.content[:80]


class DialogueCommitment(FollowUp):
    scope_field = "dialogue__area"
    parent_field = "dialogue"

    dialogue = models.ForeignKey(
        Dialogue, verbose_name=_("Cuộc đối thoại"), on_delete=models.PROTECT, related_name="commitments"
    )
    opinion = models.ForeignKey(
        DialogueOpinion,
        verbose_name=_("Ý kiến liên quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commitments",
    )
    content = models.TextField(_("Nội dung cam kết"))
    due_on = models.DateField(_("Hạn hoàn thành"))

    class Meta:
        verbose_name = _("Cam kết tại đối thoại")
        verbose_name_plural = _("Cam kết tại đối thoại")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.content[:80]
