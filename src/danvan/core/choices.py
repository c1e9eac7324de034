"""Vocabulary shared by reception, letters and reports (domain.md §Reception, §Letters)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentKind(models.TextChoices):
    """By content (TT 05/2021/TT-TTCP): complaint, denunciation, recommendation/feedback, or several."""

    COMPLAINT = "complaint", _("Khiếu nại")
    DENUNCIATION = "denunciation", _("Tố cáo")
    RECOMMENDATION = "recommendation", _("Kiến nghị, phản ánh")
    SEVERAL = "several", _("Nhiều nội dung")


class Field(models.TextChoices):
    """Subject field. Form 02/XLD (TT 01/2024/TT-TTCP) groups the first three as administrative."""

    LAND_HOUSING = "land", _("Đất đai, nhà ở")
    POLICY = "policy", _("Chế độ, chính sách")
    ADMINISTRATIVE_OTHER = "admin_other", _("Hành chính khác")
    ENVIRONMENT = "environment", _("Môi trường")
    URBAN_ORDER = "urban", _("Trật tự đô thị")
    JUSTICE = "justice", _("Tư pháp")
    PARTY_MASS = "party", _("Đảng, đoàn thể")
    OTHER = "other", _("Khác")


# Fields counted under "hành chính" in form 02/XLD.
ADMINISTRATIVE_FIELDS = (
    Field.LAND_HOUSING,
    Field.POLICY,
    Field.ADMINISTRATIVE_OTHER,
    Field.ENVIRONMENT,
    Field.URBAN_ORDER,
)
