"""The Government's yearly holiday decisions, as data an administrator edits (domain.md §Holidays).

Each `HolidayDecision` is one notice (e.g. "Thông báo số 6150/TB-LĐTBXH"), its `HolidayDay` rows the days
off and the weekend days worked in exchange it announces. `danvan.legal.services.current_calendar()`
turns the rows of every decision not archived into a `WorkingCalendar`; the rule of Bộ luật Lao động 2019
Điều 111-112 fills every occasion no decision covers (see `danvan.legal.calendar`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.models import AuditedModel, CatalogueQuerySet, LabelledModel
from danvan.legal.calendar import Occasion
from danvan.legal.rules import DATED_PERIODS, PERIOD_NAMES, READINGS, WEEKEND


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


class HolidayDay(LabelledModel):
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
    def from_db(cls, db: str | None, field_names: Collection[str], values: Collection[Any]) -> HolidayDay:
        instance = super().from_db(db, field_names, values)
        # Remembered so that moving a day to another year announces both years (services.holidays_changed).
        instance._loaded_date = instance.__dict__.get("date")  # type: ignore[attr-defined]
        return instance

    @property
    def is_working(self) -> bool:
        return self.kind == HolidayDayKind.WORKED

    def clean(self) -> None:
        super().clean()
        if self.date is None:
            return
        errors: dict[str, Any] = {}
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


# ---- Rules in force by date and interpretation choices, as data (ADR 0017, 0018) -------------------------


class RuleOverride(AuditedModel):
    """An administrator's correction of one dated version of a statutory period (`rules.DATED_PERIODS`).

    It replaces the version of `rule` that starts on `version_from` (empty: the version in force before the
    first amendment). Letters received while another version is in force never use it, so editing the
    rule for Luật 136/2025/QH15 cannot change a letter received before 01/7/2026 (ADR 0017).
    Archived, never deleted: archiving one restores the built-in version.
    """

    rule = models.CharField(_("Quy định"), max_length=60, choices=[(name, name) for name in PERIOD_NAMES])
    version_from = models.DateField(
        _("Phiên bản có hiệu lực từ"), null=True, blank=True,
        help_text=_("Để trống: phiên bản trước sửa đổi. 01/07/2026: phiên bản theo Luật 136/2025/QH15."),
    )
    days = models.PositiveSmallIntegerField(_("Số ngày"), validators=[MinValueValidator(1), MaxValueValidator(365)])
    law = models.CharField(_("Văn bản"), max_length=200)
    article = models.CharField(_("Điều, khoản"), max_length=60)
    confirmed = models.BooleanField(_("Đã đối chiếu với văn bản"), default=False)
    source = models.CharField(_("Nguồn đối chiếu"), max_length=300, blank=True)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        ordering = ["rule", "version_from"]
        verbose_name = _("Điều chỉnh quy định thời hạn")
        verbose_name_plural = _("Điều chỉnh quy định thời hạn")

    def __str__(self) -> str:
        return f"{self.rule} ({self.version_from or '—'}): {self.days}"

    def clean(self) -> None:
        super().clean()
        starts = {v.valid_from for v in DATED_PERIODS.get(self.rule, ())}
        if self.rule and self.version_from not in starts:
            raise ValidationError({"version_from": _("Không có phiên bản nào của quy định này bắt đầu từ ngày đó.")})


class LegalReading(AuditedModel):
    """The interpretation chosen where the law is unclear (`rules.READINGS`, ADR 0018); one active row per key."""

    key = models.CharField(_("Vấn đề"), max_length=40, choices=[(k, k) for k in READINGS])
    value = models.CharField(_("Cách hiểu"), max_length=40)
    basis = models.TextField(_("Căn cứ"), blank=True)
    confirmed = models.BooleanField(_("Đã có hướng dẫn chính thức"), default=False)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        ordering = ["key"]
        verbose_name = _("Cách hiểu quy định")
        verbose_name_plural = _("Cách hiểu quy định")

    def __str__(self) -> str:
        return f"{self.key}: {self.value}"

    def clean(self) -> None:
        super().clean()
        reading = READINGS.get(self.key)
        if reading is not None and self.value not in reading.options:
            raise ValidationError({"value": _("Cách hiểu phải là một trong: %(options)s.")
                                   % {"options": ", ".join(reading.options)}})
