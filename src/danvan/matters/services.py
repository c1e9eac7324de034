"""Matters (vụ việc): open one, and move it to resolved or finally resolved.

A matter whose status is FINAL is not processed again: a later letter about it is filed as a
duplicate (TT 05/2021/TT-TTCP Điều 6, 7: a complaint with a final decision, a denunciation with a
conclusion and no new evidence). The letters app calls these functions; views never write matters.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import services as audited
from danvan.core.text import normalize
from danvan.matters.models import Matter, MatterStatus

if TYPE_CHECKING:
    from danvan.accounts.models import User
    from danvan.units.models import Area, Organisation


def open_matter(actor: User | None, organisation: Organisation, *, title: str, content_kind: str, field: str,
                first_received: dt.date, subject_area: Area | None = None) -> Matter:
    """A new matter owned by `organisation`; the title is required (it names the case in lists)."""
    title = normalize(title)
    if not title:
        raise ValidationError({"title": _("Cần nhập tóm tắt vụ việc.")})
    return audited.create(
        Matter, actor, organisation=organisation, title=title, content_kind=content_kind, field=field,
        first_received=first_received, subject_area=subject_area, reason=_("Mở vụ việc"),
    )


@transaction.atomic
def set_matter_status(actor: User | None, matter: Matter, status: str, *, on: dt.date | None = None,
                      reason: str = "") -> Matter:
    """Move a matter to open, resolved or final; resolved and final record the date of resolution."""
    matter = Matter.objects.select_for_update().get(pk=matter.pk)
    if status not in MatterStatus.values:
        raise ValidationError({"status": _("Tình trạng vụ việc không hợp lệ.")})
    resolved_on = matter.resolved_on
    if status == MatterStatus.OPEN:
        resolved_on = None
    elif on is not None:
        resolved_on = on
    elif resolved_on is None:
        raise ValidationError({"resolved_on": _("Cần nhập ngày giải quyết vụ việc.")})
    return audited.update(matter, actor, status=status, resolved_on=resolved_on,
                          reason=reason or _("Cập nhật tình trạng vụ việc"))
