"""Behind nginx, an attachment leaves through X-Accel-Redirect, and only after danvan's permission check."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.choices import ContentKind
from tests.letters.factories import receive
from tests.letters.scoping import PDF


@pytest.fixture
def attachment(rita, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.DANVAN_ACCEL_REDIRECT_PREFIX = "/protected-media/"
    # Received by rita: alice, her colleague, is neither the receiver, the handler nor the head (ADR 0011).
    letter = receive(rita, rita.organisation, kind=ContentKind.DENUNCIATION, summary="Tố cáo cán bộ địa chính",
                     name="Hoàng Văn Tố", attachments=[SimpleUploadedFile("tố cáo.pdf", PDF)])
    return letter.attachments.get()


def test_a_permitted_download_is_handed_to_nginx(attachment, hana, client_for):
    response = client_for(hana).get(reverse("letters:attachment_download", args=[attachment.pk]))
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == "/protected-media/" + quote(attachment.file.name)
    assert response["X-Accel-Redirect"].startswith("/protected-media/letters/")
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"] and "t%E1%BB%91" in response["Content-Disposition"]


def test_the_permission_check_still_decides(attachment, alice, charlie, client_for):
    url = reverse("letters:attachment_download", args=[attachment.pk])
    denied = client_for(alice).get(url)  # not the head nor the handler of a denunciation
    assert denied.status_code == 403 and not denied.has_header("X-Accel-Redirect")
    outsider = client_for(charlie).get(url)
    assert outsider.status_code == 404 and not outsider.has_header("X-Accel-Redirect")


def test_without_the_setting_danvan_streams_the_file(attachment, hana, client_for, settings):
    settings.DANVAN_ACCEL_REDIRECT_PREFIX = ""
    response = client_for(hana).get(reverse("letters:attachment_download", args=[attachment.pk]))
    assert b"".join(response.streaming_content) == PDF and not response.has_header("X-Accel-Redirect")
