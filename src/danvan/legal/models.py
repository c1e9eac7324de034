"""The Government's yearly holiday decisions, as data an administrator edits (domain.md §Holidays).

Each `HolidayDecision` is one notice (e.g. "Thông báo số 6150/TB-LĐTBXH"), its `HolidayDay` rows the days
off and the weekend days worked in exchange it announces. `danvan.legal.services.current_calendar()`
turns the rows of every decision not archived into a `WorkingCalendar`; the rule of Bộ luật Lao động 2019
Điều 111-112 fills every occasion no decision covers (see `danvan.legal.calendar`).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.models import AuditedModel, CatalogueQuerySet
from danvan.legal.calendar import Occasion
from danvan.legal.rules import WEEKEND


class HolidayOccasion(models.TextChoices):
    """The occasions of Bộ luật Lao động 2019 Điều 112 khoản 1 (values shared with `calendar.Occasion`)."""

    NEW_YEAR = Occasion.NEW_YEAR.value, _("Tết Dương lịch (1/1)")
    LUNAR_NEW_YEAR = Occasion.LUNAR_NEW_YEAR.value, _("Tết Âm lịch")
    HUNG_KINGS = Occasion.HUNG_KINGS.value, _("Giỗ Tổ Hùng Vương (10/3 âm lịch)")
    VICTORY_AND_LABOUR = Occasion.VICTORY_AND_LABOUR.value, _("Ngày Chiến thắng 30/4 và Quốc tế lao động 1/5")
    NATIONAL_DAY = Occasion.NATIONAL_DAY.value, _("Quốc khánh (2/9)")
    OTHER = Occasion.OTHER.value, _("Ngày nghỉ khác")


class HolidayDayKind(models.TextChoices):
    DAY_OFF = "off", _("Ngày nghỉ")
    WORKED = "worked", _("Ngày đi làm bù")


class HolidayDecision(AuditedModel):
    """A notice of the Government (or the ministry on its behalf) fixing a year's days off.

    Never deleted: a withdrawn or superseded notice is archived and stops counting.
    """

    year = models.PositiveSmallIntegerField(
        _("Năm"), validators=[MinValueValidator(1901), MaxValueValidator(2099)],
        help_text=_("Năm áp dụng của văn bản."),
    )
    reference = models.CharField(
        _("Số, ký hiệu văn bản"), max_length=200,
        help_text=_("Ví dụ: Thông báo số 6150/TB-LĐTBXH ngày 26/11/2024."),
    )
    issued_on = models.DateField(_("Ngày ban hành"), null=True, blank=True)
    note = models.TextField(_("Ghi chú"), blank=True)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "reference"]
        verbose_name = _("Văn bản nghỉ lễ, tết")
        verbose_name_plural = _("Văn bản nghỉ lễ, tết")

    def __str__(self) -> str:
        return f"{self.year}: {self.reference}"


class HolidayDay(models.Model):
    """One day a decision announces: a day off, or a weekend day worked in exchange for a bridge day.

    A mistyped row may be deleted from its decision's form: the history keeps its last state.
    """

    decision = models.ForeignKey(
        HolidayDecision, verbose_name=_("Văn bản"), on_delete=models.PROTECT, related_name="days"
    )
    date = models.DateField(_("Ngày"))
    kind = models.CharField(_("Loại ngày"), max_length=10, choices=HolidayDayKind.choices,
                            default=HolidayDayKind.DAY_OFF)
    occasion = models.CharField(
        _("Dịp"), max_length=20, choices=HolidayOccasion.choices,
        help_text=_("Ngày nghỉ ghi cho một dịp sẽ thay cách tính mặc định của dịp đó trong năm."),
    )
    description = models.CharField(_("Diễn giải"), max_length=200, blank=True)

    objects = CatalogueQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        verbose_name = _("Ngày nghỉ, ngày làm bù")
        verbose_name_plural = _("Ngày nghỉ, ngày làm bù")
        constraints = [
            models.UniqueConstraint(fields=["decision", "date"], name="legal_holidayday_unique_date"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} ({self.get_kind_display()})"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remembered so that moving a day to another year announces both years (services.holidays_changed).
        instance._loaded_date = instance.__dict__.get("date")
        return instance

    @property
    def is_working(self) -> bool:
        return self.kind == HolidayDayKind.WORKED

    def clean(self) -> None:
        super().clean()
        if self.date is None:
            return
        errors = {}
        try:
            decision = self.decision  # set, though maybe unsaved, when the admin adds a decision with its days
        except HolidayDecision.DoesNotExist:
            decision = None
        if decision is not None and decision.year and abs(self.date.year - decision.year) > 1:
            errors["date"] = _("Ngày phải thuộc năm của văn bản hoặc năm liền kề.")
        if self.is_working and self.date.weekday() not in WEEKEND:
            errors["kind"] = _("Ngày đi làm bù phải là thứ Bảy hoặc Chủ nhật; ngày thường vốn là ngày làm việc.")
        others = HolidayDay.objects.filter(date=self.date, decision__archived_at__isnull=True).exclude(kind=self.kind)
        if self.decision_id:
            others = others.exclude(decision_id=self.decision_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        clash = others.select_related("decision").first()
        if clash is not None:
            errors["date"] = _("Ngày %(date)s đã được văn bản %(reference)s ghi là %(kind)s.") % {
                "date": f"{self.date:%d/%m/%Y}", "reference": clash.decision.reference,
                "kind": clash.get_kind_display().lower(),
            }
        if errors:
            raise ValidationError(errors)

    def years_touched(self) -> set[int]:
        years = {self.date.year} if isinstance(self.date, dt.date) else set()
        loaded = getattr(self, "_loaded_date", None)
        if isinstance(loaded, dt.date):
            years.add(loaded.year)
        return years
