"""Letters (đơn thư): intake, classification, handling and resolution.

Rules and sources (domain.md §Letters, §Deadlines, §Denouncer protection):
- classification three ways, handling decisions, filing reasons: TT 05/2021/TT-TTCP;
- complaint outcomes and rounds: Luật Khiếu nại 2011 (Điều 27, 28, 33, 36, 37);
- denunciation outcomes, extensions, protection of the denouncer: Luật Tố cáo 2018 (Điều 8, 24, 25, 30, 47, 56);
- recommendations and feedback: Luật Tiếp công dân 2013 Điều 28.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import ContentKind, Field
from danvan.core.concurrency import VersionedModel
from danvan.core.models import LabelledModel, ScopedChild, ScopedModel
from danvan.core.text import fold
from danvan.letters.workflow import LetterStatus

# A letter signed by this many people or more is a group letter (domain.md §Letters; TT 05/2021).
GROUP_LETTER_SIGNERS = 5


class Channel(models.TextChoices):
    DIRECT = "direct", _("Nộp trực tiếp")
    POST = "post", _("Qua bưu chính")
    FORWARDED = "forwarded", _("Do cơ quan khác chuyển đến")
    ONLINE = "online", _("Trực tuyến, thư điện tử")
    VISIT = "visit", _("Qua tiếp công dân")


class NotQualifyingReason(models.TextChoices):
    """Why a letter does not meet the conditions to be processed (TT 05/2021/TT-TTCP Điều 6, 7)."""

    MISSING_NAME = "missing_name", _("Không ghi họ tên người viết đơn")
    MISSING_ADDRESS = "missing_address", _("Không ghi địa chỉ")
    MISSING_SIGNATURE = "missing_signature", _("Không có chữ ký hoặc điểm chỉ")
    MISSING_DATE = "missing_date", _("Không ghi ngày, tháng, năm viết đơn")
    NOT_VIETNAMESE = "not_vietnamese", _("Không viết bằng tiếng Việt")
    ANONYMOUS = "anonymous", _("Đơn nặc danh, mạo danh")
    TIME_BARRED = "time_barred", _("Hết thời hiệu, thời hạn khiếu nại (Luật Khiếu nại 2011 Điều 9, 33)")
    OTHER = "other", _("Lý do khác")


class Complexity(models.TextChoices):
    """Complex / especially complex (Luật Khiếu nại 2011 Điều 28, 37; NĐ 31/2019 Điều 3 for denunciations)."""

    NORMAL = "normal", _("Bình thường")
    COMPLEX = "complex", _("Phức tạp")
    ESPECIALLY_COMPLEX = "especially_complex", _("Đặc biệt phức tạp")


class Handling(models.TextChoices):
    """The handling decision (TT 05/2021/TT-TTCP)."""

    ACCEPT = "accept", _("Thụ lý giải quyết")
    FORWARD = "forward", _("Chuyển đơn đến cơ quan có thẩm quyền")
    GUIDE = "guide", _("Hướng dẫn công dân")
    FILE = "file", _("Lưu đơn")


class FiledReason(models.TextChoices):
    NOT_QUALIFYING = "not_qualifying", _("Không đủ điều kiện xử lý")
    DUPLICATE = "duplicate", _("Trùng với vụ việc đã giải quyết, đang giải quyết")
    FINALLY_RESOLVED = "final", _("Đã có quyết định giải quyết cuối cùng hoặc kết luận")
    ANONYMOUS_DENUNCIATION = "anonymous", _("Tố cáo nặc danh (Luật Tố cáo 2018 Điều 25)")
    ALREADY_GUIDED = "guided_before", _("Đã được hướng dẫn một lần cùng nội dung")
    SENT_TO_SEVERAL = "several_bodies", _("Gửi nhiều cơ quan, trong đó có cơ quan có thẩm quyền")


class Outcome(models.TextChoices):
    """Complaints: right / wrong / partly right; denunciations: true / false / partly true."""

    COMPLAINT_RIGHT = "c_right", _("Khiếu nại đúng")
    COMPLAINT_WRONG = "c_wrong", _("Khiếu nại sai")
    COMPLAINT_PARTLY = "c_partly", _("Khiếu nại có đúng, có sai")
    DENUNCIATION_TRUE = "d_true", _("Tố cáo đúng")
    DENUNCIATION_FALSE = "d_false", _("Tố cáo sai")
    DENUNCIATION_PARTLY = "d_partly", _("Tố cáo có đúng, có sai")
    RECOMMENDATION_ANSWERED = "r_answered", _("Đã trả lời kiến nghị, phản ánh")


OUTCOMES_BY_KIND = {
    ContentKind.COMPLAINT: {Outcome.COMPLAINT_RIGHT, Outcome.COMPLAINT_WRONG, Outcome.COMPLAINT_PARTLY},
    ContentKind.DENUNCIATION: {Outcome.DENUNCIATION_TRUE, Outcome.DENUNCIATION_FALSE, Outcome.DENUNCIATION_PARTLY},
    ContentKind.RECOMMENDATION: {Outcome.RECOMMENDATION_ANSWERED},
}


class FoldedCopyField(models.CharField):
    """A stored copy of another text field, folded for search (`core.text.fold`: lower case, no diacritics).

    Filled on every save and bulk_create from the source field, so that "boi thuong" and "Bồi thường" both
    find "bồi thường" with one indexed column on PostgreSQL and SQLite alike. Rows written beside the
    ORM (the data generator) must store `fold(source)` themselves (ADR 0010).
    """

    def __init__(self, *args, source: str = "", **kwargs):
        self.source = source
        kwargs.setdefault("editable", False)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = fold(getattr(model_instance, self.source, "") or "")[: self.max_length]
        setattr(model_instance, self.attname, value)
        return value


class Letter(VersionedModel, ScopedModel):
    # Intake
    channel = models.CharField(_("Nguồn đơn"), max_length=12, choices=Channel.choices, default=Channel.DIRECT)
    forwarded_by_body = models.CharField(_("Cơ quan chuyển đơn đến"), max_length=255, blank=True)
    forwarded_by_number = models.CharField(_("Số văn bản chuyển đơn"), max_length=60, blank=True)
    source_visit = models.ForeignKey(
        "reception.Visit", verbose_name=_("Lượt tiếp công dân"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="letters",
    )
    received_on = models.DateField(_("Ngày nhận đơn"))
    anonymous = models.BooleanField(_("Đơn nặc danh"), default=False)
    summary = models.CharField(_("Tóm tắt nội dung"), max_length=500)
    search_text = FoldedCopyField(_("Tóm tắt không dấu (để tìm kiếm)"), max_length=500, source="summary", blank=True)
    content = models.TextField(_("Nội dung đơn"), blank=True)
    content_kind = models.CharField(_("Loại đơn"), max_length=20, choices=ContentKind.choices)
    field = models.CharField(_("Lĩnh vực"), max_length=20, choices=Field.choices)
    subject_area = models.ForeignKey(
        "units.Area", verbose_name=_("Địa bàn phát sinh (xã, phường)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    matter = models.ForeignKey("matters.Matter", verbose_name=_("Vụ việc"), on_delete=models.PROTECT,
                               related_name="letters")
    petitioners = models.ManyToManyField("people.Citizen", through="LetterPetitioner", related_name="letters",
                                         verbose_name=_("Người viết đơn"))
    signer_count = models.PositiveIntegerField(
        _("Số người ký đơn"), default=0,
        help_text=_("Tính từ danh sách người ký; từ 5 người trở lên là đơn đông người."),
    )
    complaint_round = models.PositiveSmallIntegerField(
        _("Lần khiếu nại"), choices=[(1, _("Lần đầu")), (2, _("Lần hai"))], default=1,
    )
    previous_letter = models.ForeignKey(
        "self", verbose_name=_("Đơn khiếu nại lần đầu"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="later_letters",
    )
    decision_known_on = models.DateField(
        _("Ngày biết được quyết định, hành vi bị khiếu nại"), null=True, blank=True,
        help_text=_("Thời hiệu khiếu nại 90 ngày tính từ ngày này (Luật Khiếu nại 2011 Điều 9)."),
    )

    # Classification (TT 05/2021/TT-TTCP)
    qualifying = models.BooleanField(_("Đủ điều kiện xử lý"), null=True, blank=True)
    not_qualifying_reason = models.CharField(_("Lý do không đủ điều kiện"), max_length=20, blank=True,
                                             choices=NotQualifyingReason.choices)
    within_jurisdiction = models.BooleanField(_("Thuộc thẩm quyền"), null=True, blank=True)
    complexity = models.CharField(_("Mức độ phức tạp"), max_length=20, choices=Complexity.choices,
                                  default=Complexity.NORMAL)
    several_places = models.BooleanField(
        _("Phải xác minh ở nhiều địa điểm hoặc ủy quyền xác minh"), default=False,
        help_text=_("Tố cáo: thời hạn xử lý ban đầu 10 ngày làm việc (Luật Tố cáo 2018 Điều 24 khoản 1)."),
    )

    # Handling decision
    status = models.CharField(_("Trạng thái"), max_length=12, choices=LetterStatus.choices,
                              default=LetterStatus.RECEIVED, db_index=True)
    handling = models.CharField(_("Hướng xử lý"), max_length=10, choices=Handling.choices, blank=True)
    decided_on = models.DateField(_("Ngày quyết định xử lý"), null=True, blank=True)
    filed_reason = models.CharField(_("Lý do lưu đơn"), max_length=20, choices=FiledReason.choices, blank=True)
    forwarded_to = models.CharField(_("Cơ quan nhận đơn chuyển"), max_length=255, blank=True)
    forward_document_number = models.CharField(_("Số văn bản chuyển đơn đi"), max_length=60, blank=True)
    forward_reply_on = models.DateField(_("Ngày nhận văn bản trả lời"), null=True, blank=True)
    forward_reply_summary = models.TextField(_("Nội dung trả lời của cơ quan nhận đơn"), blank=True)
    accepted_on = models.DateField(_("Ngày thụ lý"), null=True, blank=True)
    handler = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Người được giao xử lý"), null=True,
                                blank=True, on_delete=models.PROTECT, related_name="+")
    extensions = models.PositiveSmallIntegerField(
        _("Số lần gia hạn"), default=0,
        help_text=_("Tố cáo phức tạp: 1 lần; đặc biệt phức tạp: 2 lần, mỗi lần ≤ 30 ngày (Luật Tố cáo 2018 Điều 30)."),
    )

    # Deadlines, computed by danvan.legal and stored (recomputed when pauses or holidays change)
    acceptance_deadline = models.DateField(_("Hạn xử lý ban đầu, thụ lý"), null=True, blank=True)
    resolution_deadline = models.DateField(_("Hạn giải quyết"), null=True, blank=True)
    due_on = models.DateField(_("Hạn đang áp dụng"), null=True, blank=True, db_index=True, editable=False)
    # The rule each stored deadline was counted by ("Điều 28 Luật Khiếu nại 2011"), kept with the date so the
    # letter page says which law and article it follows, and a later edit of the rules shows in the history.
    acceptance_rule = models.CharField(_("Căn cứ hạn xử lý ban đầu, thụ lý"), max_length=300, blank=True,
                                       editable=False)
    resolution_rule = models.CharField(_("Căn cứ hạn giải quyết"), max_length=300, blank=True, editable=False)

    # Resolution
    resolved_on = models.DateField(_("Ngày giải quyết"), null=True, blank=True)
    outcome = models.CharField(_("Kết quả giải quyết"), max_length=12, choices=Outcome.choices, blank=True)
    resolution_summary = models.TextField(_("Nội dung quyết định, kết luận"), blank=True)
    decision_delivered_on = models.DateField(
        _("Ngày người khiếu nại nhận quyết định"), null=True, blank=True,
        help_text=_("Thời hạn khiếu nại lần hai tính từ ngày này (Luật Khiếu nại 2011 Điều 33)."),
    )
    closed_on = models.DateField(_("Ngày kết thúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Đơn thư")
        verbose_name_plural = _("Đơn thư")
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["area", "received_on"], name="letter_area_received"),
            models.Index(fields=["area", "resolved_on"], name="letter_area_resolved"),
            # The report's letter figures of a subtree read only this index on PostgreSQL (an index-only scan; SQLite
            # has no INCLUDE and gets the key alone): the largest province's annual report at national scale fell
            # from 0,76 s (a parallel scan of the whole 2,6 GB table) to 0,37 s. Issue 23.
            models.Index(fields=["area", "received_on"], name="letter_report_cover",
                         include=["id", "qualifying", "within_jurisdiction", "handling", "resolved_on", "closed_on",
                                  "resolution_deadline", "matter"],
                         condition=models.Q(archived_at__isnull=True)),
            # The list's order: a page of the newest letters is read off this index, not sorted from the scope.
            models.Index(fields=["-received_on", "-id"], name="letter_received_newest"),
            # Counting the list (pagination) reads only this index: active letters by unit, kind and field.
            models.Index(fields=["area", "content_kind", "field"], condition=models.Q(archived_at__isnull=True),
                         name="letter_active_area_kind_field"),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.summary[:60]}"

    @property
    def code(self) -> str:
        return f"Đ{self.pk or 0:06d}"

    @property
    def is_group_letter(self) -> bool:
        return self.signer_count >= GROUP_LETTER_SIGNERS

    @property
    def protects_identity(self) -> bool:
        """A denunciation (or several contents), or a letter signed by a protected denouncer: the identity
        gate decides (`people.identity`, ADR 0011)."""
        from danvan.people.identity import letter_is_protected

        return letter_is_protected(self)

    def may_see_identity(self, user) -> bool:
        """Whether `user` may read the letter's own writing (content, attachments): the identity gate decides."""
        from danvan.people.identity import may_see_letter_writing

        return may_see_letter_writing(user, self)

    @property
    def handler_ids(self) -> frozenset[int]:
        return frozenset({self.handler_id}) if self.handler_id else frozenset()

    # Fields of the letter that are the denouncer's own writing: hidden like the identity.
    PROTECTED_FIELDS = frozenset({"content"})

    def history_field_visible(self, field_name: str, user) -> bool:
        """Hook of `core.views.history`: the full text of a denunciation stays hidden below the handler/head."""
        if field_name in self.PROTECTED_FIELDS:
            return self.may_see_identity(user)
        return True

    def history_visible_to(self, user) -> bool:
        return True

    # Child rows whose changes join the letter's history timeline (core.views.history).
    HISTORY_CHILDREN = ("petitioner_links", "attachments", "pauses")

    def history_child_field_visible(self, child_model: type[models.Model], field_name: str, user) -> bool:
        """Hook of `core.views.history` for the children's rows. A signer of a protected letter stays masked
        there whoever reads (the letter page reveals through the identity gate, which logs it); the
        attachments are the denouncer's own writing, shown like `content`."""
        if child_model is LetterPetitioner and field_name == "citizen":
            return not self.protects_identity
        if child_model is LetterAttachment and field_name in {"file", "original_name"}:
            return self.may_see_identity(user)
        return True


class LetterPetitioner(ScopedChild):
    """One signer of a letter; reached only through the letter (scoped by it)."""

    scope_field = "letter__area"
    parent_field = "letter"

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="petitioner_links")
    citizen = models.ForeignKey("people.Citizen", verbose_name=_("Công dân"), on_delete=models.PROTECT,
                                related_name="letter_links")
    position = models.PositiveSmallIntegerField(_("Thứ tự"), default=1)

    class Meta:
        verbose_name = _("Người viết đơn")
        verbose_name_plural = _("Người viết đơn")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["letter", "citizen"], name="letter_petitioner_unique")]

    def __str__(self) -> str:
        # Never the citizen's name: it may be a protected denouncer's (Luật Tố cáo 2018 Điều 8.3).
        return f"{self.letter.code} #{self.position}"


def attachment_path(instance: LetterAttachment, filename: str) -> str:
    return timezone.now().strftime("letters/%Y/%m/") + filename


class LetterAttachment(ScopedChild):

    scope_field = "letter__area"
    parent_field = "letter"
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(_("Tệp đính kèm"), upload_to=attachment_path)
    original_name = models.CharField(_("Tên tệp"), max_length=255)
    size = models.PositiveIntegerField(_("Dung lượng (byte)"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("Tệp đính kèm")
        verbose_name_plural = _("Tệp đính kèm")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class PauseKind(models.TextChoices):
    SUSPENSION = "suspension", _("Tạm đình chỉ giải quyết")
    DOCUMENT_REQUEST = "documents", _("Yêu cầu bổ sung tài liệu")
    # Stops only the 90-day limitation of a complaint, not the resolution clock (Luật Khiếu nại 2011 Điều 9:
    # illness, disaster, war, work or study far away, or another objective obstacle).
    OBSTACLE = "obstacle", _("Trở ngại khách quan (thời hiệu khiếu nại, Luật Khiếu nại 2011 Điều 9)")


# Pause kinds that stop the resolution clock; the reading "document_request" (ADR 0018) may drop one.
RESOLUTION_PAUSE_KINDS = frozenset({PauseKind.SUSPENSION, PauseKind.DOCUMENT_REQUEST})


class LetterPause(ScopedChild):
    """A pause of the resolution clock; kept as a record, never as an edit to the deadline (domain.md)."""

    scope_field = "letter__area"
    parent_field = "letter"

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="pauses")
    kind = models.CharField(_("Loại tạm dừng"), max_length=12, choices=PauseKind.choices)
    start = models.DateField(_("Từ ngày"))
    end = models.DateField(_("Đến ngày"), null=True, blank=True, help_text=_("Để trống nếu chưa tiếp tục."))
    note = models.CharField(_("Căn cứ, ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("Tạm dừng thời hạn")
        verbose_name_plural = _("Tạm dừng thời hạn")
        ordering = ["start", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start:%d/%m/%Y}"


class LetterExtension(ScopedChild):
    """One written decision extending a denunciation's resolution (Luật Tố cáo 2018 Điều 30): its number,
    its date and the days it grants (at most 30). Archived, never deleted."""

    scope_field = "letter__area"
    parent_field = "letter"

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="extension_decisions")
    decision = models.CharField(_("Số quyết định gia hạn"), max_length=120)
    decided_on = models.DateField(_("Ngày quyết định gia hạn"))
    days = models.PositiveSmallIntegerField(_("Số ngày gia hạn"))

    class Meta:
        verbose_name = _("Quyết định gia hạn")
        verbose_name_plural = _("Quyết định gia hạn")
        ordering = ["decided_on", "pk"]

    def __str__(self) -> str:
        return f"{self.decision} ({self.days})"


class StatusChange(LabelledModel):
    """Append-only: one row per change of a letter's status. History is never edited."""

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="status_changes")
    from_status = models.CharField(_("Từ trạng thái"), max_length=12, choices=LetterStatus.choices, blank=True)
    to_status = models.CharField(_("Sang trạng thái"), max_length=12, choices=LetterStatus.choices)
    at = models.DateTimeField(_("Thời điểm"), default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Người thực hiện"), null=True,
                           on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("Lý do, ghi chú"), blank=True)

    class Meta:
        verbose_name = _("Thay đổi trạng thái")
        verbose_name_plural = _("Thay đổi trạng thái")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.letter.code}: {self.get_to_status_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Status history is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Status history is append-only.")
