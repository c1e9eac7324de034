"""The hook other apps listen to when the holiday calendar changes.

`holidays_changed` is sent once per committed transaction that recorded, changed or archived a holiday
decision or one of its days (the admin form, or `danvan.legal.services`), with keyword arguments:

- `years`: frozenset[int], the solar years whose days off may have changed;
- `actor`: the user who made the change, or None for a system job.

The letters app connects to it to recompute the deadlines of open cases. Receivers run after the
commit, so they see the new calendar through `danvan.legal.services.current_calendar()`.
"""

from django.dispatch import Signal

holidays_changed = Signal()

# Sent after commit when an administrator corrects a dated rule (`RuleOverride`) or an interpretation choice
# (`LegalReading`), with `actor` and `instance`. The letters app recomputes its open letters: each one
# counts by the version in force on its own date, so a letter received before a version starts is untouched.
rules_changed = Signal()
