"""One row per user per day of the reminder digest: what makes `send_reminders` idempotent per day.

A delivery log, append-only like the letters' status changes; it is not audited (it records a mail, not a
change of any record) and nothing is ever deleted.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.models import LabelledModel


class DigestStatus(models.TextChoices):
    SENDING = "sending", _("Đang gửi")
    SENT = "sent", _("Đã gửi")
    EMPTY = "empty", _("Không có việc cần nhắc")
    NO_ADDRESS = "no_address", _("Tài khoản chưa có địa chỉ thư điện tử")
    FAILED = "failed", _("Gửi lỗi")


class ReminderDigest(LabelledModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Tài khoản"), on_delete=models.PROTECT,
                             related_name="+")
    day = models.DateField(_("Ngày"))
    status = models.CharField(_("Tình trạng"), max_length=10, choices=DigestStatus.choices)
    items = models.PositiveIntegerField(_("Số việc"), default=0)
    error = models.CharField(_("Lỗi"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    sent_at = models.DateTimeField(_("Gửi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Thư nhắc việc hằng ngày")
        verbose_name_plural = _("Thư nhắc việc hằng ngày")
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="reminder_digest_one_per_user_day")]

    def __str__(self) -> str:
        return f"{self.user} {self.day:%d/%m/%Y} {self.status}"
