"""Papers made through the services, as the app makes them."""

from __future__ import annotations

import datetime as dt

from danvan.core.choices import ContentKind
from danvan.papers import services
from tests.letters.factories import accepted, receive

D = dt.date


def acceptance(actor, organisation, **extra):
    letter = accepted(actor, organisation, kind=ContentKind.DENUNCIATION, accepted_on=D(2026, 3, 4), **extra)
    return letter, services.issue_paper(actor, letter, "acceptance", issued_on=D(2026, 3, 5))


def receipt(actor, organisation, **extra):
    letter = receive(actor, organisation, **extra)
    return letter, services.issue_paper(actor, letter, "receipt", issued_on=letter.received_on,
                                        documents="Đơn khiếu nại 02 trang\nBản sao quyết định thu hồi đất")
