"""Citizens who visit or write, and the audit of every reveal of a protected identity.

Who may see a protected denouncer's identity, how it is shown and how each reveal is logged is decided in
one place, `danvan.people.identity` (ADR 0011).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.models import LabelledModel, ScopedModel
from danvan.core.text import fold, normalize


class Citizen(ScopedModel):
    full_name = models.CharField(_("Họ và tên"), max_length=120)
    id_number = models.CharField(_("Số CCCD/CMND"), max_length=20, blank=True, db_index=True)
    birth_year = models.PositiveSmallIntegerField(_("Năm sinh"), null=True, blank=True)
    address = models.CharField(_("Địa chỉ"), max_length=255, blank=True)
    residence = models.ForeignKey(
        "units.Area",
        verbose_name=_("Nơi cư trú (xã, phường)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    phone = models.CharField(_("Điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    search_name = models.CharField(max_length=120, db_index=True, editable=False, default="")
    # Sticky: set when the citizen first denounces (a letter or visit of a protected kind), never cleared
    # (`people.identity.mark_denouncers`).
    protected_since = models.DateTimeField(_("Được bảo vệ danh tính từ"), null=True, blank=True, editable=False)
    # The officer who typed this identity in; they already know it (`people.identity.may_see`).
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Người ghi nhận"), null=True,
                                    blank=True, editable=False, on_delete=models.PROTECT, related_name="+")

    # Identity fields masked when the citizen is a protected denouncer.
    IDENTITY_FIELDS = ("full_name", "id_number", "birth_year", "address", "phone", "email")

    class Meta:
        verbose_name = _("Công dân")
        verbose_name_plural = _("Công dân")
        indexes = [models.Index(fields=["search_name", "birth_year"], name="citizen_name_year")]

    def __str__(self) -> str:
        # Never the name: it may be a protected denouncer's. Names are shown through `people.identity`.
        return str(_("Công dân số %(pk)s") % {"pk": self.pk})

    def history_visible_to(self, user) -> bool:
        """A citizen's history is for heads and administrators; `people.identity` masks a protected one."""
        return bool(user.is_superuser or user.can_see_identities)

    def save(self, *args, **kwargs) -> None:
        self.full_name = normalize(self.full_name)
        self.id_number = "".join(ch for ch in self.id_number if ch.isdigit())
        self.search_name = fold(self.full_name)
        super().save(*args, **kwargs)


class IdentityReveal(LabelledModel):
    """Append-only log: who saw a protected identity, when, on which record and why."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    citizen = models.ForeignKey(Citizen, on_delete=models.PROTECT, related_name="reveals")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    context = models.CharField(
        _("Nơi xem"), max_length=200, help_text=_("Trang hoặc bản ghi nơi danh tính được hiển thị")
    )

    class Meta:
        verbose_name = _("Lượt xem danh tính được bảo vệ")
        verbose_name_plural = _("Lượt xem danh tính được bảo vệ")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.user} — {self.citizen_id} — {self.at:%d/%m/%Y %H:%M}"

    def delete(self, *args, **kwargs):
        raise PermissionError("The reveal log is append-only.")
