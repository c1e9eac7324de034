"""Directive documents and the reviews each unit files on them (domain.md §Mobilisation).

QĐ 23-QĐ/TW 2021 and resolutions such as NQ 25-NQ/TW 2013 are reviewed at an interim review (sơ
kết, usually after 5 years) and a final review (tổng kết, usually after 10). The intervals are
per-directive data, not constants, because each document sets its own schedule.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.core.models import Action, ScopedModel, ScopedQuerySet
from danvan.mobilisation.choices import ReviewKind
from danvan.units.models import OrganisationType

DEFAULT_REVIEWER_TYPES = [OrganisationType.PARTY_COMMITTEE.value, OrganisationType.MOBILISATION_BOARD.value]


def _default_reviewer_types() -> list[str]:
    return list(DEFAULT_REVIEWER_TYPES)


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` later; 29/2 becomes 28/2 in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class DirectiveQuerySet(ScopedQuerySet):
    def restrict(self, user, action: str = Action.VIEW) -> DirectiveQuerySet:
        """A directive binds the issuer's whole subtree: those below see it (and file reviews on it);
        only those in the issuer's own subtree may change it."""
        own = super().restrict(user, action)
        if action != Action.VIEW or user is None or not user.is_authenticated or user.is_superuser:
            return own
        ancestor_ids = [int(part) for part in (user.scope_path or "").strip("/").split("/") if part]
        if not ancestor_ids or not user.is_active:
            return own
        return self.filter(Q(pk__in=own.values("pk")) | Q(area_id__in=ancestor_ids))


class Directive(ScopedModel):
    code = models.CharField(_("Số, ký hiệu"), max_length=60, help_text=_("Ví dụ: 23-QĐ/TW, 25-NQ/TW."))
    title = models.CharField(_("Trích yếu"), max_length=300)
    issued_on = models.DateField(_("Ngày ban hành"))
    interim_after_years = models.PositiveSmallIntegerField(
        _("Sơ kết sau (năm)"), default=5, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    final_after_years = models.PositiveSmallIntegerField(
        _("Tổng kết sau (năm)"), default=10, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    reviewer_types = models.JSONField(
        _("Loại cơ quan phải sơ kết, tổng kết"),
        default=_default_reviewer_types,
        help_text=_("Các loại cơ quan, tổ chức trong phạm vi phải nộp báo cáo sơ kết, tổng kết."),
    )

    objects = DirectiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("Văn bản chỉ đạo")
        verbose_name_plural = _("Văn bản chỉ đạo")
        ordering = ["-issued_on", "code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"

    def clean(self) -> None:
        if self.final_after_years and self.interim_after_years and self.final_after_years <= self.interim_after_years:
            raise ValidationError({"final_after_years": _("Tổng kết phải sau sơ kết.")})
        valid = set(OrganisationType.values)
        if not isinstance(self.reviewer_types, list) or not set(self.reviewer_types) <= valid:
            raise ValidationError({"reviewer_types": _("Loại cơ quan không hợp lệ.")})

    def due_on(self, kind: str) -> dt.date:
        years = self.interim_after_years if kind == ReviewKind.INTERIM else self.final_after_years
        return add_years(self.issued_on, years)


class DirectiveReview(ScopedModel):
    """A unit's interim or final review report on a directive; `organisation` is the filing unit."""

    directive = models.ForeignKey(
        Directive, verbose_name=_("Văn bản chỉ đạo"), on_delete=models.PROTECT, related_name="reviews"
    )
    kind = models.CharField(_("Loại"), max_length=10, choices=ReviewKind.choices)
    filed_on = models.DateField(_("Ngày báo cáo"))
    document_number = models.CharField(_("Số báo cáo"), max_length=60, blank=True)
    summary = models.TextField(_("Tóm tắt kết quả"))

    class Meta:
        verbose_name = _("Báo cáo sơ kết, tổng kết")
        verbose_name_plural = _("Báo cáo sơ kết, tổng kết")
        ordering = ["-filed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["directive", "organisation", "kind"],
                condition=Q(archived_at__isnull=True),
                name="directive_review_once_per_unit",
                violation_error_message=_("Đơn vị này đã có báo cáo loại này cho văn bản này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.directive.code} — {self.organisation}"
