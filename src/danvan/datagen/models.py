"""What the generator knows and the application must not: the ground truth of generated data.

`GeneratedLabel` gives each generated letter its duplicate chain (the matter as the citizen sees it,
however many times and wherever it is re-sent), so that duplicate detection can be scored.
`GenerationRun` is the audit record of one `danvan generate` run (ADR 0010): who ran it, with which
seed and scale, how many rows of each kind, how long it took, and whether per-row history was written.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.models import LabelledModel


class GenerationRun(LabelledModel):
    started_at = models.DateTimeField(_("Bắt đầu"))
    finished_at = models.DateTimeField(_("Kết thúc"), null=True, blank=True)
    scale = models.CharField(_("Quy mô"), max_length=20)
    seed = models.BigIntegerField(_("Hạt giống ngẫu nhiên"))
    years = models.PositiveSmallIntegerField(_("Số năm"))
    until = models.DateField(_("Đến ngày"))
    provinces = models.TextField(_("Tỉnh, thành phố"), blank=True)
    history = models.CharField(
        _("Lịch sử thay đổi"), max_length=10,
        help_text=_("rows: mỗi bản ghi có một dòng lịch sử; run: bản ghi này là dấu vết kiểm toán duy nhất."),
    )
    counts = models.JSONField(_("Số bản ghi"), default=dict)
    seconds = models.FloatField(_("Thời gian (giây)"), null=True, blank=True)
    command = models.TextField(_("Lệnh"), blank=True)

    class Meta:
        verbose_name = _("Lần sinh dữ liệu mẫu")
        verbose_name_plural = _("Lần sinh dữ liệu mẫu")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.scale} seed={self.seed} ({self.started_at:%d/%m/%Y %H:%M})"


class GeneratedLabel(LabelledModel):
    """Ground truth of one generated letter. `letter_id` is not a foreign key: the letters app owns its
    table and its migrations, and the label must not tie them to this app."""

    run = models.ForeignKey(GenerationRun, on_delete=models.CASCADE, related_name="labels")
    letter_id = models.BigIntegerField(_("Mã đơn"), unique=True)
    chain_id = models.BigIntegerField(_("Chuỗi đơn trùng"), db_index=True)
    position = models.PositiveSmallIntegerField(_("Thứ tự trong chuỗi"), default=1)
    template_key = models.CharField(_("Mẫu văn bản"), max_length=80)
    variant = models.CharField(
        _("Cách viết lại"), max_length=120, blank=True,
        help_text=_("reworded, resent_other_level, no_diacritics, decision_rewritten"),
    )

    class Meta:
        verbose_name = _("Nhãn dữ liệu mẫu")
        verbose_name_plural = _("Nhãn dữ liệu mẫu")
        ordering = ["letter_id"]

    def __str__(self) -> str:
        return f"{self.letter_id} → {self.chain_id}"
