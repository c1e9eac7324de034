"""Receivers of other apps' signals."""

from __future__ import annotations


def on_holidays_changed(sender=None, **kwargs) -> None:
    """The holiday calendar changed: recompute the deadlines of the open letters the changed years reach."""
    from danvan.letters.services import recompute_open_deadlines

    recompute_open_deadlines(kwargs.get("actor"), years=kwargs.get("years"))


def on_rules_changed(sender=None, **kwargs) -> None:
    """A dated rule or a reading was corrected: recompute the open letters; each letter counts by the version
    in force on its own receipt date, so only letters under the corrected version change (with a history row)."""
    from django.utils.translation import gettext as _

    from danvan.letters.services import recompute_open_deadlines

    recompute_open_deadlines(kwargs.get("actor"), reason=_("Tính lại thời hạn do điều chỉnh quy định %(rule)s")
                             % {"rule": kwargs.get("instance")})
