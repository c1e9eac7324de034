"""The vocabulary of report reading: the phrases that name each indicator, as data an administrator edits.

A new way of writing a figure ("đã tiếp được {n} lượt công dân") is a new row in the admin, not a release.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.models import AuditedModel, CatalogueQuerySet


class IndicatorPhrase(AuditedModel):
    indicator = models.ForeignKey("reports.Indicator", verbose_name=_("Chỉ tiêu"), on_delete=models.PROTECT,
                                  related_name="phrases")
    phrase = models.CharField(
        _("Cụm từ"), max_length=200,
        help_text=_("Viết {n} ở chỗ con số, {r} ở chỗ phân số (31/38), {p} ở chỗ tỷ lệ % và … ở chỗ có thể chen "
                    "tối đa 8 từ. Ví dụ: “tiếp nhận {n} đơn”, “tuyên truyền … {n} lượt người”. Với chi tiết theo "
                    "lĩnh vực: chỉ ghi tên lĩnh vực như trong báo cáo, ví dụ “văn hóa - xã hội”."))
    disaggregation_key = models.CharField(
        _("Chi tiết"), max_length=20, blank=True,
        help_text=_("Để trống nếu là cụm từ gọi tên chỉ tiêu; ghi mã chi tiết nếu là tên lĩnh vực trong danh sách."))

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        verbose_name = _("Cụm từ gọi tên chỉ tiêu")
        verbose_name_plural = _("Cụm từ gọi tên chỉ tiêu")
        ordering = ["indicator__group", "indicator__position", "phrase"]

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.phrase}"

    def clean(self) -> None:
        from danvan.reading.grammar import compile_phrase, kind_of
        from danvan.reports.models import disaggregation_choices

        text = self.phrase or ""
        if self.disaggregation_key:
            keys = {key for key, _label in disaggregation_choices(self.indicator.disaggregation)}
            if self.disaggregation_key not in keys:
                raise ValidationError({"disaggregation_key": _("Chi tiết không thuộc danh mục của chỉ tiêu.")})
            if "{" in text:
                raise ValidationError({"phrase": _("Tên lĩnh vực không chứa {n}, {r}, {p}.")})
            return
        placeholders = sum(text.count(p) for p in ("{n}", "{r}", "{p}"))
        if placeholders != 1:
            raise ValidationError({"phrase": _("Cụm từ phải có đúng một chỗ con số: {n}, {r} hoặc {p}.")})
        if kind_of(text) in ("fraction", "percent") and not self.indicator.is_ratio:
            raise ValidationError({"phrase": _("{r} và {p} chỉ dùng cho chỉ tiêu tỷ lệ.")})
        if kind_of(text) == "count" and self.indicator.is_ratio:
            raise ValidationError({"phrase": _("Chỉ tiêu tỷ lệ dùng {r} hoặc {p}, không dùng {n}.")})
        compile_phrase(text)
