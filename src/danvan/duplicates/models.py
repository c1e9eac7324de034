"""Duplicate detection's own records: each letter's stored features, and the officers' decisions.

`LetterFingerprint` is derived data (a cache of the features of a letter), rebuilt at will by
`danvan reindex_duplicates`; it is what lets the in-memory index survive a restart without reading
and re-analysing every letter. `letter_id` is not a foreign key, like `datagen.GeneratedLabel`: the
letters app owns its table, and the benchmark stores a million fingerprints without letters.

`DuplicateDecision` is a domain record: an officer said that a suggested earlier letter is, or is not,
about the same matter. It is audited (history) and never deleted; a rejected pair is not suggested again.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.models import LabelledModel, ScopedModel


class LetterFingerprint(LabelledModel):
    letter_id = models.BigIntegerField(_("Mã đơn"), unique=True)
    matter_id = models.BigIntegerField(_("Mã vụ việc"))
    scope_area_id = models.IntegerField(_("Địa bàn của cơ quan nhận đơn"))
    subject_area_id = models.IntegerField(_("Địa bàn phát sinh"), default=0)
    field = models.CharField(_("Lĩnh vực"), max_length=20, blank=True)
    received_on = models.DateField(_("Ngày nhận đơn"))
    protected = models.BooleanField(_("Bảo vệ danh tính người tố cáo"), default=False)
    active = models.BooleanField(_("Còn hiệu lực"), default=True)
    features = models.BinaryField(_("Đặc trưng (uint32)"))
    petitioner_keys = models.BinaryField(_("Khóa người viết đơn (uint32)"), default=b"")
    strong = models.TextField(_("Số văn bản, ngày, số tiền"), blank=True)
    revision = models.BigIntegerField(_("Phiên bản"), db_index=True)

    class Meta:
        verbose_name = _("Dấu vân đơn")
        verbose_name_plural = _("Dấu vân đơn")

    def __str__(self) -> str:
        return f"{self.letter_id} r{self.revision}"


class IndexGeneration(LabelledModel):
    """One row naming the current build of the fingerprints; a process whose in-memory index was built
    from another generation (a restored database, a test database) rebuilds it."""

    token = models.CharField(max_length=32, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The corpus statistics every score of this generation uses (`engine.CorpusStats`, ADR 0009): document
    # frequencies per matter of the features found in more than a few matters, snapshotted from the active
    # fingerprints when the generation was made. letters = -1: not computed yet (a generation made before).
    letters = models.IntegerField(default=-1)
    matters = models.IntegerField(default=0)
    stats_keys = models.BinaryField(default=b"")
    stats_df = models.BinaryField(default=b"")

    def __str__(self) -> str:
        return self.token


class Verdict(models.TextChoices):
    SAME_MATTER = "same", _("Cùng vụ việc")
    DIFFERENT = "different", _("Không cùng vụ việc")


class DuplicateDecision(ScopedModel):
    """An officer's verdict on one suggested pair; owned by the organisation that holds the new letter."""

    letter = models.ForeignKey("letters.Letter", verbose_name=_("Đơn đang xử lý"), on_delete=models.PROTECT,
                               related_name="duplicate_decisions")
    candidate = models.ForeignKey("letters.Letter", verbose_name=_("Đơn được gợi ý"), on_delete=models.PROTECT,
                                  related_name="+")
    matter = models.ForeignKey("matters.Matter", verbose_name=_("Vụ việc của đơn được gợi ý"),
                               on_delete=models.PROTECT, related_name="+")
    verdict = models.CharField(_("Kết luận"), max_length=10, choices=Verdict.choices)
    score = models.FloatField(_("Điểm giống nhau khi quyết định"), default=0)
    reasons = models.TextField(_("Lý do gợi ý"), blank=True)
    note = models.CharField(_("Ghi chú"), max_length=500, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Người quyết định"), null=True,
                                   on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("Quyết định về đơn trùng")
        verbose_name_plural = _("Quyết định về đơn trùng")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["letter", "candidate"], name="dupdecision_pair")]

    def __str__(self) -> str:
        return f"{self.letter_id} ~ {self.candidate_id}: {self.get_verdict_display()}"
