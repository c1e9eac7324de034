"""Directives and their interim and final reviews (sơ kết, tổng kết)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import services as audited
from danvan.core.models import Action
from danvan.mobilisation.models import (
    Directive,
    DirectiveReview,
)
from danvan.mobilisation.services.base import (
    _not_archived,
    _not_in_future,
)
from danvan.units.models import Organisation

if TYPE_CHECKING:
    from danvan.accounts.models import User


# ---------------------------------------------------------------- directives and reviews


@transaction.atomic
def file_review(
    actor: User | None,
    directive: Directive,
    *,
    organisation: Organisation,
    kind: str,
    filed_on: dt.date,
    summary: str,
    document_number: str = "",
) -> DirectiveReview:
    """Record a unit's interim or final review report on a directive it is bound by."""
    if actor is not None and not Directive.objects.restrict(actor, Action.VIEW).filter(pk=directive.pk).exists():
        raise PermissionDenied(_("Văn bản chỉ đạo nằm ngoài phạm vi của tài khoản."))
    _not_archived(directive)
    if not organisation.area.path.startswith(directive.area.path):
        raise ValidationError({"organisation": _("Đơn vị không thuộc phạm vi của văn bản chỉ đạo.")})
    if filed_on < directive.issued_on:
        raise ValidationError({"filed_on": _("Ngày báo cáo phải sau ngày ban hành văn bản.")})
    _not_in_future("filed_on", filed_on, _("Ngày báo cáo"))
    return audited.create(
        DirectiveReview,
        actor,
        directive=directive,
        organisation=organisation,
        kind=kind,
        filed_on=filed_on,
        summary=summary,
        document_number=document_number,
        reason=_("Ghi báo cáo sơ kết, tổng kết"),
    )
