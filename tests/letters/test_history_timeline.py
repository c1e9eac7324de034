"""A letter's history page is one timeline: the letter's own changes and those of its signers,
attachments and pauses, newest first, with the identity gate's masking kept (issue 14)."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.choices import ContentKind
from danvan.letters import services
from danvan.letters.models import PauseKind
from tests.letters.factories import accepted, receive
from tests.letters.scoping import PDF


def _history(client, letter) -> str:
    response = client.get(reverse("history", args=["letters", "letter", letter.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_history_shows_the_pauses_attachments_and_signers_of_the_letter(alice, client_for):
    letter = accepted(alice, alice.organisation, name="Lò Thị Mai",
                      attachments=[SimpleUploadedFile("bien-ban-hoa-giai.pdf", PDF, content_type="application/pdf")])
    pause = services.add_pause(alice, letter, kind=PauseKind.DOCUMENT_REQUEST, start=letter.received_on,
                               note="Yêu cầu bổ sung sổ đỏ")
    services.end_pause(alice, pause, end=letter.received_on + dt.timedelta(days=3))
    html = _history(client_for(alice), letter)
    assert "Tạm dừng thời hạn" in html and "Yêu cầu bổ sung sổ đỏ" in html
    assert "Yêu cầu bổ sung tài liệu" in html  # the pause's kind, by its label
    assert "Tệp đính kèm" in html and "bien-ban-hoa-giai.pdf" in html and "letters/20" not in html  # not the path
    signer = letter.petitioner_links.get().citizen
    assert "Người viết đơn #" in html and f"Công dân số {signer.pk}" in html  # the signer, never by name here
    # One timeline, newest first: the pause's end comes before its creation, which comes before the letter's.
    assert html.index("Đến ngày") < html.index("Yêu cầu bổ sung sổ đỏ")


def test_a_denunciations_attachment_stays_masked_below_head_level(rita, alice, hana, client_for):
    denunciation = receive(rita, rita.organisation, kind=ContentKind.DENUNCIATION, summary="Tố cáo cán bộ",
                           new_petitioners=[{"full_name": "Hoàng Văn Tố"}],
                           attachments=[SimpleUploadedFile("to-cao-ong-x.pdf", PDF, content_type="application/pdf")])
    html = _history(client_for(alice), denunciation)
    assert "Tệp đính kèm" in html and "to-cao-ong-x.pdf" not in html and "•••" in html
    assert "Hoàng Văn Tố" not in html
    assert "to-cao-ong-x.pdf" in _history(client_for(hana), denunciation)
