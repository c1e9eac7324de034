"""URL factories for tests/core/test_outsiders.py: each makes a record in Cao Bằng."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.core.choices import ContentKind, Field
from tests.letters.factories import receive

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _letter(tree, user):
    return {"pk": receive(user, tree.board_cb).pk}


def _action(tree, user):
    return {"pk": receive(user, tree.board_cb).pk, "action": "classify"}


def _attachment(tree, user):
    upload = SimpleUploadedFile("don.pdf", PDF, content_type="application/pdf")
    letter = receive(user, tree.board_cb, attachments=[upload])
    return {"pk": letter.attachments.get().pk}


def _visit(tree, user):
    from danvan.reception import services as reception
    from danvan.reception.models import Visit

    session = reception.open_session(user, organisation=tree.board_cb, kind="regular", date=dt.date(2026, 3, 2),
                                     place="Trụ sở tiếp công dân tỉnh")
    visit = reception.record_visit(user, session, citizen=reception.CitizenDetails(full_name="Lê Thị Hoa"),
                                   content_kind=ContentKind.COMPLAINT, field=Field.LAND_HOUSING,
                                   summary="Khiếu nại bồi thường", handling="letter")
    assert isinstance(visit, Visit)
    return {"visit_pk": visit.pk}


URL_FACTORIES = {
    "letters:letter_detail": _letter,
    "letters:letter_action": _action,
    "letters:attachment_download": _attachment,
    "letters:letter_from_visit": _visit,
}
