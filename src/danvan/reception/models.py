"""The citizen-reception register: sessions (buổi tiếp) and the visits (lượt tiếp) received in them.

Luật Tiếp công dân 2013 and NĐ 64/2014/NĐ-CP: agencies receive citizens regularly at their reception
office; heads receive them periodically (Điều 12, 15, 18) and ad hoc when a case requires it. Luật
136/2025/QH15 adds reception online from 01/7/2026. Form 01/TCD counts visits, persons, matters and
large groups separately for regular reception and for reception by the head (`reception.counts`).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import ContentKind, Field
from danvan.core.concurrency import VersionedModel
from danvan.core.formatting import vn_date
from danvan.core.models import ScopedChild, ScopedModel
from danvan.reception import rules
from danvan.units.models import AreaLevel


class SessionKind(models.TextChoices):
    REGULAR = "regular", _("Tiếp thường xuyên")
    PERIODIC = "periodic", _("Tiếp định kỳ của người đứng đầu")
    AD_HOC = "ad_hoc", _("Tiếp đột xuất")


# Form 01/TCD puts periodic and ad hoc reception together under "tiếp định kỳ và đột xuất của Thủ
# trưởng": ad hoc reception is the head's (Luật Tiếp công dân 2013 Điều 12.1.c, 15.1.c, 18.3).
BY_HEAD_KINDS = (SessionKind.PERIODIC, SessionKind.AD_HOC)


class Occurrence(models.TextChoices):
    FIRST = "first", _("Lần đầu")
    REPEATED = "repeated", _("Nhiều lần")


class Handling(models.TextChoices):
    GUIDED = "guided", _("Hướng dẫn công dân")
    LETTER_RECEIVED = "letter", _("Tiếp nhận đơn")
    EXPLAINED = "explained", _("Giải thích, trả lời trực tiếp")
    FORWARDED = "forwarded", _("Chuyển cơ quan có thẩm quyền")


class ReceptionSession(ScopedModel):
    kind = models.CharField(_("Hình thức tiếp"), max_length=10, choices=SessionKind.choices,
                            error_messages={"invalid_choice": _("Hình thức tiếp không hợp lệ."),
                                            "blank": _("Chọn hình thức tiếp.")})
    date = models.DateField(_("Ngày tiếp"), error_messages={"null": _("Cần ghi ngày tiếp.")})
    place = models.CharField(_("Địa điểm"), max_length=255,
                             error_messages={"blank": _("Cần ghi địa điểm tiếp công dân.")})
    online = models.BooleanField(
        _("Tiếp trực tuyến"), default=False, help_text=_("Tiếp công dân trực tuyến (Luật 136/2025/QH15).")
    )
    presiding_name = models.CharField(_("Người chủ trì"), max_length=120, blank=True)
    presiding_position = models.CharField(_("Chức vụ người chủ trì"), max_length=160, blank=True)
    notes = models.TextField(_("Ghi chú"), blank=True)

    class Meta:
        verbose_name = _("Buổi tiếp công dân")
        verbose_name_plural = _("Buổi tiếp công dân")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["area", "date"], name="reception_session_area_date"),
                   # The list's order: a province's newest 50 read in date order, not all 365.000 sessions of
                   # the country scanned and sorted (national scale, issue 23).
                   models.Index(fields=["-date", "-id"], name="reception_session_recent")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {vn_date(self.date)} — {self.place}"

    @property
    def by_head(self) -> bool:
        return self.kind in BY_HEAD_KINDS

    def clean(self) -> None:
        errors = {}
        if self.place and not self.place.strip():
            errors["place"] = _("Cần ghi địa điểm tiếp công dân.")
        if self.kind == SessionKind.PERIODIC:
            # Periodic reception is the head's own duty (Luật Tiếp công dân 2013 Điều 12, 15, 18):
            # the register records who presided.
            if not self.presiding_name.strip():
                errors["presiding_name"] = _("Buổi tiếp định kỳ cần ghi họ tên người chủ trì.")
            if not self.presiding_position.strip():
                errors["presiding_position"] = _("Buổi tiếp định kỳ cần ghi chức vụ người chủ trì.")
        if errors:
            raise ValidationError(errors)


class Visit(VersionedModel, ScopedModel):
    """One visit (lượt tiếp): a citizen, or a group through its representatives, about one content."""

    session = models.ForeignKey(
        ReceptionSession, verbose_name=_("Buổi tiếp"), on_delete=models.PROTECT, related_name="visits"
    )
    citizen = models.ForeignKey(
        "people.Citizen",
        verbose_name=_("Công dân (người đến hoặc người đại diện)"),
        on_delete=models.PROTECT,
        related_name="reception_visits",
    )
    persons = models.PositiveIntegerField(_("Số người"), default=1)
    representatives = models.PositiveSmallIntegerField(_("Số người đại diện"), default=0)
    occurrence = models.CharField(_("Lần tiếp"), max_length=10, choices=Occurrence.choices, default=Occurrence.FIRST,
                                  error_messages={"invalid_choice": _("Lần tiếp phải là lần đầu hoặc nhiều lần.")})
    content_kind = models.CharField(_("Loại nội dung"), max_length=20, choices=ContentKind.choices,
                                    error_messages={"invalid_choice": _("Loại nội dung không hợp lệ."),
                                                    "blank": _("Chọn loại nội dung.")})
    field = models.CharField(_("Lĩnh vực"), max_length=20, choices=Field.choices,
                             error_messages={"invalid_choice": _("Lĩnh vực không hợp lệ."),
                                             "blank": _("Chọn lĩnh vực.")})
    subject_area = models.ForeignKey(
        "units.Area",
        verbose_name=_("Địa bàn phát sinh vụ việc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    summary = models.TextField(_("Tóm tắt nội dung"),
                               error_messages={"blank": _("Cần tóm tắt nội dung công dân trình bày.")})
    handling = models.CharField(_("Kết quả xử lý"), max_length=12, choices=Handling.choices,
                                error_messages={"invalid_choice": _("Kết quả xử lý không hợp lệ."),
                                                "blank": _("Chọn kết quả xử lý.")})
    matter = models.ForeignKey(
        "matters.Matter",
        verbose_name=_("Vụ việc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reception_visits",
    )
    notes = models.TextField(_("Ghi chú"), blank=True)
    # The session's date, copied on every save (and by `update_session` when a session's date is corrected):
    # a period's visits are then read off an index instead of every visit of the subtree joined to its
    # session (reports, ADR 0008).
    date = models.DateField(_("Ngày tiếp"), editable=False)

    class Meta:
        verbose_name = _("Lượt tiếp công dân")
        verbose_name_plural = _("Lượt tiếp công dân")
        ordering = ["session__date", "pk"]
        indexes = [
            # Covering on PostgreSQL: the report's visit figures are an index-only scan (issue 23).
            models.Index(fields=["area", "date"], name="visit_area_date",
                         include=["id", "persons", "matter", "session"], condition=models.Q(archived_at__isnull=True)),
            # No index on the date alone: the planner preferred it and read every area's visits of the
            # period (national report 2,4–3,1 s and a province 0,9 s with it; 2,0–2,4 s and 0,65 s without).
        ]

    def _copy_session_date(self) -> None:
        if self.session_id:
            self.date = self.session.date

    def clean_fields(self, exclude=None):
        self._copy_session_date()
        super().clean_fields(exclude)

    def save(self, *args, **kwargs):
        self._copy_session_date()
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        # Never the citizen's name: it may be a protected denouncer's (Luật Tố cáo 2018 Điều 8.3).
        return _("Lượt tiếp số %(pk)s") % {"pk": self.pk}

    @property
    def is_large_group(self) -> bool:
        return rules.is_large_group(self.persons)

    def history_field_visible(self, field: str, user) -> bool:
        """The audit history hides which citizen a visit names when the identity gate hides that citizen."""
        if field == "citizen":
            from danvan.people import identity

            return identity.may_see(user, self.citizen, record=self)
        return True

    def clean(self) -> None:
        errors = {}
        if self.persons is not None and self.persons < 1:
            errors["persons"] = _("Số người phải từ 1 trở lên.")
        elif self.persons is not None and self.representatives is not None:
            message = rules.representatives_error(self.persons, self.representatives)
            if message:
                errors["representatives"] = message
        if self.summary and not self.summary.strip():
            errors["summary"] = _("Cần tóm tắt nội dung công dân trình bày.")
        if self.subject_area_id and self.subject_area.level not in (AreaLevel.COMMUNE, AreaLevel.VILLAGE):
            errors["subject_area"] = _("Địa bàn phát sinh phải là xã, phường, đặc khu hoặc thôn, tổ dân phố.")
        if self.session_id and self.organisation_id and self.organisation_id != self.session.organisation_id:
            errors["organisation"] = _("Lượt tiếp phải thuộc cơ quan tổ chức buổi tiếp.")
        if errors:
            raise ValidationError(errors)


def scan_path(instance: VisitAttachment, filename: str) -> str:
    return timezone.now().strftime("reception/%Y/%m/") + filename


class VisitAttachment(ScopedChild):
    """A scan handed in or made at a visit (the citizen's papers, the minutes): scoped through its visit, audited,
    never deleted; checked like a letter's attachment (`letters.attachments`)."""

    scope_field = "visit__area"
    parent_field = "visit"
    visit = models.ForeignKey(Visit, verbose_name=_("Lượt tiếp"), on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(_("Tệp đính kèm"), upload_to=scan_path)
    original_name = models.CharField(_("Tên tệp"), max_length=255)
    size = models.PositiveIntegerField(_("Dung lượng (byte)"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("Tệp đính kèm lượt tiếp")
        verbose_name_plural = _("Tệp đính kèm lượt tiếp")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name
