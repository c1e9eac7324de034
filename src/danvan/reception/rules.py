"""The numbers of citizen reception, in one place so that an amendment is one edit (domain.md §Reception).

Luật 136/2025/QH15 amends the Law on Citizen Reception from 01/7/2026; when it changes a figure below,
change it here only. Everything here is a plain function with no database access.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

# Luật Tiếp công dân 2013 Điều 29.1: when many people come about one content, 5 to 10 people send
# one or two representatives; more than 10 send up to five.
GROUP_MIN_PERSONS = 5
SMALL_GROUP_MAX_PERSONS = 10
SMALL_GROUP_MAX_REPRESENTATIVES = 2
LARGE_GROUP_MAX_REPRESENTATIVES = 5

# A "large group" (đoàn đông người) in form 01/TCD: 5 persons or more by default. domain.md asks for
# the threshold to be configurable, so it is read from the settings each time it is used.
DEFAULT_LARGE_GROUP_MIN_PERSONS = 5


def large_group_min_persons() -> int:
    return int(getattr(settings, "DANVAN_LARGE_GROUP_MIN_PERSONS", DEFAULT_LARGE_GROUP_MIN_PERSONS))


def is_large_group(persons: int) -> bool:
    return persons >= large_group_min_persons()


def allowed_representatives(persons: int) -> tuple[int, int]:
    """The inclusive range of representatives a group of `persons` may send (Luật Tiếp công dân Điều 29).

    Below 5 persons the rule of representation does not apply: the citizens speak for themselves.
    """
    if persons < GROUP_MIN_PERSONS:
        return (0, 0)
    if persons <= SMALL_GROUP_MAX_PERSONS:
        return (1, SMALL_GROUP_MAX_REPRESENTATIVES)
    return (1, LARGE_GROUP_MAX_REPRESENTATIVES)


def representatives_error(persons: int, representatives: int) -> str | None:
    """A Vietnamese message naming the rule broken, or None when the number of representatives is lawful."""
    if persons < 1:
        return None  # the persons field carries its own error
    low, high = allowed_representatives(persons)
    if low <= representatives <= high:
        return None
    if persons < GROUP_MIN_PERSONS:
        return _("Dưới %(min)d người thì không cử người đại diện; ghi 0.") % {"min": GROUP_MIN_PERSONS}
    if persons <= SMALL_GROUP_MAX_PERSONS:
        return _(
            "Đoàn từ %(min)d đến %(max)d người cử 1 hoặc 2 người đại diện (Luật Tiếp công dân 2013 Điều 29)."
        ) % {"min": GROUP_MIN_PERSONS, "max": SMALL_GROUP_MAX_PERSONS}
    return _(
        "Đoàn trên %(max)d người cử từ 1 đến %(reps)d người đại diện (Luật Tiếp công dân 2013 Điều 29)."
    ) % {"max": SMALL_GROUP_MAX_PERSONS, "reps": LARGE_GROUP_MAX_REPRESENTATIVES}
