"""Follow-ups shared by dialogues, briefings and supervisions; children are scoped through their parent."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.models import ScopedChild
from danvan.mobilisation.choices import FollowUpStatus


class FollowUp(ScopedChild):
    """Something promised that is followed to completion: owner, due date, status, result."""

    owner = models.CharField(_("Người, đơn vị thực hiện"), max_length=255)
    due_on = models.DateField(_("Hạn hoàn thành"), null=True, blank=True)
    status = models.CharField(
        _("Tình trạng"),
        max_length=10,
        choices=FollowUpStatus.choices,
        default=FollowUpStatus.OPEN,
        editable=False,
    )
    completed_on = models.DateField(_("Ngày hoàn thành"), null=True, blank=True, editable=False)
    result = models.TextField(_("Kết quả thực hiện"), blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_done(self) -> bool:
        return self.status == FollowUpStatus.DONE

    def is_overdue(self, on) -> bool:
        return self.status == FollowUpStatus.OPEN and self.due_on is not None and self.due_on < on
