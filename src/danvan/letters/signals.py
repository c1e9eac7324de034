"""Receivers of other apps' signals."""

from __future__ import annotations


def on_holidays_changed(sender=None, **kwargs) -> None:
    """The holiday calendar changed: recompute the deadlines of the open letters the changed years reach."""
    from danvan.letters.services import recompute_open_deadlines

    recompute_open_deadlines(kwargs.get("actor"), years=kwargs.get("years"))
