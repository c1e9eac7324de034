"""Scans attached to a visit (issue 16): checked like a letter's attachments, audited, downloads scoped, and a
denouncer's scans only for those who may see him."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.choices import ContentKind
from danvan.reception.models import VisitAttachment
from tests.reception.conftest import record_visit


def _pdf(name="bien-ban.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 scan of the citizen's papers", content_type="application/pdf")


def test_an_officer_attaches_a_scan_and_downloads_it(session_cb, alice, charlie, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    visit = record_visit(alice, session_cb)
    client = client_for(alice)
    response = client.post(reverse("reception:visit_attach", args=[visit.pk]), {"attachments": [_pdf()]})
    assert response.status_code == 302
    scan = VisitAttachment.objects.get()
    assert scan.visit == visit and scan.uploaded_by == alice
    assert scan.history.get().history_user == alice  # audited
    page = client.get(reverse("reception:visit_detail", args=[visit.pk])).content.decode()
    assert "bien-ban.pdf" in page
    download = client.get(reverse("reception:visit_attachment_download", args=[scan.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    # Another province's officer gets 404, on the download and on the upload.
    assert client_for(charlie).get(reverse("reception:visit_attachment_download", args=[scan.pk])).status_code == 404
    assert client_for(charlie).post(reverse("reception:visit_attach", args=[visit.pk]),
                                    {"attachments": [_pdf()]}).status_code == 404


def test_a_renamed_file_is_refused_in_vietnamese_and_nothing_is_stored(session_cb, alice, client_for, settings,
                                                                      tmp_path):
    settings.MEDIA_ROOT = tmp_path
    visit = record_visit(alice, session_cb)
    fake = SimpleUploadedFile("scan.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client_for(alice).post(reverse("reception:visit_attach", args=[visit.pk]),
                                      {"attachments": [_pdf(), fake]})
    assert response.status_code == 400
    assert "không khớp với định dạng .pdf" in response.content.decode()
    assert not VisitAttachment.objects.exists()


def test_a_denouncers_scans_are_not_shown_nor_downloadable_by_a_colleague(session_cb, alice, rita, hana, client_for,
                                                                        settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    visit = record_visit(rita, session_cb, name="Bế Văn Tố", content_kind=ContentKind.DENUNCIATION,
                         summary="Tố cáo cán bộ thôn")
    assert client_for(rita).post(reverse("reception:visit_attach", args=[visit.pk]),
                                 {"attachments": [_pdf("to-cao-viet-tay.pdf")]}).status_code == 302
    scan = VisitAttachment.objects.get()
    page = client_for(alice).get(reverse("reception:visit_detail", args=[visit.pk])).content.decode()
    assert "to-cao-viet-tay.pdf" not in page
    assert client_for(alice).get(reverse("reception:visit_attachment_download", args=[scan.pk])).status_code == 403
    assert client_for(hana).get(reverse("reception:visit_attachment_download", args=[scan.pk])).status_code == 200
