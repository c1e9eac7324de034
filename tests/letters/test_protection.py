"""A denouncer's identity is invisible to an officer who is not the handler, in pages, list search,
exports and the audit history; heads and the handler see it, and every reveal is logged
(Luật Tố cáo 2018 Điều 8.3, 47, 56; issue 4, done when)."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from danvan.core.choices import ContentKind
from danvan.letters import services
from danvan.people.models import IdentityReveal
from tests.conftest import make_user
from tests.letters.factories import classify, receive
from tests.letters.scoping import PDF

DENOUNCER = {"full_name": "Hoàng Văn Tố", "id_number": "004123456789", "address": "Xóm Nà Mạ, xã Quảng Lâm",
             "phone": "0912345678"}


@pytest.fixture
def denunciation(rita):
    # Received by rita: alice, her colleague, is neither head, handler nor receiver (ADR 0011).
    upload = SimpleUploadedFile("to-cao.pdf", PDF, content_type="application/pdf")
    return receive(rita, rita.organisation, kind=ContentKind.DENUNCIATION, summary="Tố cáo cán bộ địa chính",
                   new_petitioners=[DENOUNCER], content="Tôi là Hoàng Văn Tố, tố cáo ông X nhận tiền.",
                   attachments=[upload])


@pytest.fixture
def complaint(rita):
    return receive(rita, rita.organisation, name="Phạm Thị Khiếu", summary="Khiếu nại bồi thường")


@pytest.fixture
def handler(tree):
    return make_user("dung", tree.board_cb, "officer", first_name="Dũng")


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_detail_page_masks_the_denouncer_for_an_officer(denunciation, alice, client_for):
    html = _page(client_for(alice), reverse("letters:letter_detail", args=[denunciation.pk]))
    for secret in ("Hoàng Văn Tố", "004123456789", "0912345678", "Xóm Nà Mạ", "nhận tiền"):
        assert secret not in html
    assert "•••" in html and "Tố cáo cán bộ địa chính" in html
    assert not IdentityReveal.objects.exists()
    attachment = denunciation.attachments.get()
    assert client_for(alice).get(reverse("letters:attachment_download", args=[attachment.pk])).status_code == 403


def test_the_head_sees_the_denouncer_and_the_reveal_is_logged(denunciation, hana, client_for):
    html = _page(client_for(hana), reverse("letters:letter_detail", args=[denunciation.pk]))
    assert "Hoàng Văn Tố" in html and "004123456789" in html and "nhận tiền" in html
    reveal = IdentityReveal.objects.get()
    assert reveal.user == hana and reveal.citizen.full_name == "Hoàng Văn Tố"
    attachment = denunciation.attachments.get()
    response = client_for(hana).get(reverse("letters:attachment_download", args=[attachment.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_assigned_handler_sees_the_denouncer(denunciation, hana, handler, client_for):
    html = _page(client_for(handler), reverse("letters:letter_detail", args=[denunciation.pk]))
    assert "Hoàng Văn Tố" not in html
    services.assign_handler(hana, denunciation, handler)
    html = _page(client_for(handler), reverse("letters:letter_detail", args=[denunciation.pk]))
    assert "Hoàng Văn Tố" in html
    assert IdentityReveal.objects.filter(user=handler).count() == 1


def test_a_complainant_is_not_masked(complaint, alice, client_for):
    html = _page(client_for(alice), reverse("letters:letter_detail", args=[complaint.pk]))
    assert "Phạm Thị Khiếu" in html
    assert not IdentityReveal.objects.exists()


def test_list_and_search_never_show_or_find_the_denouncer_below_head_level(denunciation, complaint, alice, hana,
                                                                          client_for):
    url = reverse("letters:letter_list")
    html = _page(client_for(alice), url)
    assert "Tố cáo cán bộ địa chính" in html and "Hoàng Văn Tố" not in html and "Phạm Thị Khiếu" in html
    for query in ("Hoàng Văn Tố", "hoang van to", "004123456789"):
        html = _page(client_for(alice), url + "?q=" + query)
        assert denunciation.code not in html, query
    assert complaint.code in _page(client_for(alice), url + "?q=pham thi khieu")
    html = _page(client_for(hana), url + "?q=hoang van to")
    assert denunciation.code in html and "Hoàng Văn Tố" in html


def _export_rows(client):
    response = client.get(reverse("letters:export"))
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active  # streamed (issue 13)
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_the_export_masks_the_denouncer_below_head_level(denunciation, complaint, alice, hana, client_for):
    rows = _export_rows(client_for(alice))
    assert rows[0][:3] == ["Số hiệu", "Ngày nhận", "Người viết đơn"]
    by_code = {row[0]: row for row in rows[1:]}
    assert by_code[denunciation.code][2] == "•••"
    assert by_code[complaint.code][2] == "Phạm Thị Khiếu"
    assert by_code[complaint.code][1] == "02/03/2026"
    assert "Hoàng Văn Tố" not in str(rows)
    head_rows = {row[0]: row for row in _export_rows(client_for(hana))[1:]}
    assert head_rows[denunciation.code][2] == "Hoàng Văn Tố"


def test_the_audit_history_hides_the_denunciation_text_below_head_level(denunciation, alice, hana, client_for):
    services.classify_letter(alice, denunciation, content_kind=ContentKind.DENUNCIATION, field="land",
                             qualifying=True, within_jurisdiction=True)
    services.amend_letter(alice, denunciation, reason="Bổ sung nội dung",
                          content="Tôi là Hoàng Văn Tố, bổ sung chứng cứ.")
    url = reverse("history", args=["letters", "letter", denunciation.pk])
    assert "Hoàng Văn Tố" not in _page(client_for(alice), url)
    assert "Hoàng Văn Tố" in _page(client_for(hana), url)


def test_the_petitioner_matching_leaves_a_denouncer_out_below_head_level(denunciation, complaint, alice, hana,
                                                                        client_for):
    url = reverse("letters:petitioner_matches")
    html = _page(client_for(alice), url + "?petitioner_name=hoang van to")
    assert "Hoàng Văn Tố" not in html and "004123456789" not in html and denunciation.code not in html
    html = _page(client_for(alice), url + "?petitioner_name=Pham Thi Khieu")
    assert "Phạm Thị Khiếu" in html and complaint.code in html
    html = _page(client_for(hana), url + "?petitioner_id_number=004123456789")
    assert "Hoàng Văn Tố" in html and denunciation.code in html


def test_classifying_a_complaint_as_denunciation_masks_it_from_then_on(complaint, alice, client_for):
    classify(alice, complaint, content_kind=ContentKind.DENUNCIATION)
    html = _page(client_for(alice), reverse("letters:letter_detail", args=[complaint.pk]))
    assert "Phạm Thị Khiếu" not in html


def test_a_letter_made_from_a_denunciation_visit_keeps_the_denouncer_masked(tree, alice, rita, hana, client_for):
    import datetime as dt

    from danvan.reception import services as reception

    session = reception.open_session(alice, organisation=tree.board_cb, kind="regular", date=dt.date(2026, 3, 2),
                                     place="Trụ sở tiếp công dân tỉnh")
    visit = reception.record_visit(rita, session, citizen=reception.CitizenDetails(**DENOUNCER),
                                   content_kind=ContentKind.DENUNCIATION, field="party",
                                   summary="Tố cáo cán bộ thu tiền trái phép", handling="letter")
    url = reverse("letters:letter_from_visit", args=[visit.pk])
    html = _page(client_for(alice), url)
    assert "Hoàng Văn Tố" not in html and "004123456789" not in html and "•••" in html
    response = client_for(alice).post(url, {
        "organisation": tree.board_cb.pk, "received_on": "02/03/2026", "summary": "Tố cáo cán bộ thu tiền",
        "content_kind": "denunciation", "field": "party"})
    assert response.status_code == 302
    letter = visit.letters.get()
    assert letter.protects_identity and [c.full_name for c in letter.petitioners.all()] == ["Hoàng Văn Tố"]
    html = _page(client_for(alice), reverse("letters:letter_detail", args=[letter.pk]))
    assert "Hoàng Văn Tố" not in html
    assert "Hoàng Văn Tố" in _page(client_for(hana), reverse("letters:letter_detail", args=[letter.pk]))
