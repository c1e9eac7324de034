"""Papers given or sent to the citizen (receipts, appointment slips, notices, forwarding and guidance slips),
each numbered in the issuing body's register and recorded as sent (ADR 0024).

The kinds and their legal basis live in `papers.kinds`; numbering reuses the reports app's register of
document numbers (`reports.DocumentSequence`: yearly for State bodies, NĐ 30/2020/NĐ-CP Điều 15; per term
for Party bodies, HD 36-HD/VPTW). A paper is never deleted: a wrong one is archived with its reason.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.models import ScopedModel


class PaperKind(models.TextChoices):
    RECEIPT = "receipt", _("Giấy biên nhận")
    APPOINTMENT = "appointment", _("Phiếu hẹn")
    ACCEPTANCE = "acceptance", _("Thông báo thụ lý")
    NON_ACCEPTANCE = "non_acceptance", _("Thông báo không thụ lý")
    FORWARDING = "forwarding", _("Phiếu chuyển đơn")
    GUIDANCE = "guidance", _("Phiếu hướng dẫn")
    FORWARD_NOTICE = "forward_notice", _("Thông báo việc chuyển đơn tố cáo")


class SendChannel(models.TextChoices):
    DIRECT = "direct", _("Trao trực tiếp")
    POST = "post", _("Qua bưu điện")
    ELECTRONIC = "electronic", _("Qua phương tiện điện tử")
    OTHER = "other", _("Hình thức khác")


class Paper(ScopedModel):
    """One paper issued by `organisation` about a letter or a visit. Its number is taken when it is issued."""

    kind = models.CharField(_("Loại giấy tờ"), max_length=20, choices=PaperKind.choices)
    letter = models.ForeignKey("letters.Letter", verbose_name=_("Đơn"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="papers")
    visit = models.ForeignKey("reception.Visit", verbose_name=_("Lượt tiếp"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="papers")
    sequence = models.ForeignKey("reports.DocumentSequence", verbose_name=_("Sổ đăng ký số"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField(_("Số"))
    number_text = models.CharField(_("Số, ký hiệu"), max_length=60)
    issued_on = models.DateField(_("Ngày ban hành"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Người lập"), null=True,
                                  on_delete=models.PROTECT, related_name="+")
    # The body a letter is forwarded to (or the citizen is guided to): one of the registry, or typed when it is
    # outside danvan's registry (a court, a ministry's inspectorate).
    recipient_organisation = models.ForeignKey("units.Organisation", verbose_name=_("Cơ quan nhận (trong danh mục)"),
                                               null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    recipient_text = models.CharField(_("Cơ quan nhận (ngoài danh mục)"), max_length=255, blank=True)
    refusal_reason = models.TextField(_("Lý do không thụ lý"), blank=True)
    documents = models.TextField(_("Thông tin, tài liệu, bằng chứng đã nhận"), blank=True)
    appointment_on = models.DateField(_("Ngày hẹn"), null=True, blank=True)
    appointment_place = models.CharField(_("Địa điểm hẹn"), max_length=255, blank=True)
    note = models.TextField(_("Nội dung thêm"), blank=True)
    signer_title = models.CharField(_("Chức vụ người ký"), max_length=120, blank=True)
    signer_name = models.CharField(_("Họ tên người ký"), max_length=120, blank=True)
    # Recorded as sent: the notice deadlines of the letter page become "done" from this date (ADR 0024).
    sent_on = models.DateField(_("Ngày gửi"), null=True, blank=True)
    sent_channel = models.CharField(_("Hình thức gửi"), max_length=12, choices=SendChannel.choices, blank=True)
    sent_note = models.CharField(_("Ghi chú việc gửi"), max_length=255, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Người ghi nhận đã gửi"), null=True,
                                blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("Giấy tờ gửi công dân")
        verbose_name_plural = _("Giấy tờ gửi công dân")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(letter__isnull=False) | models.Q(visit__isnull=False),
                                   name="paper_about_a_letter_or_visit"),
        ]

    def __str__(self) -> str:
        # Never the citizen's name (Luật Tố cáo 2018 Điều 8.3): the kind and the number.
        return f"{self.get_kind_display()} {self.number_text}"

    @property
    def recipient(self) -> str:
        return self.recipient_organisation.name if self.recipient_organisation_id else self.recipient_text

    @property
    def record(self):
        return self.letter if self.letter_id else self.visit
