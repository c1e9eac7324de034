"""The hot-spot register: pages, Vietnamese errors, the resolving rule, scope and the period counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from danvan.hotspots import services
from danvan.hotspots.counts import count_hotspots
from danvan.hotspots.models import HotSpot, HotSpotStatus
from tests.hotspots.factories import DAY, hotspot, letter, measure

pytestmark = pytest.mark.django_db


def test_creating_a_hot_spot_on_the_page_and_seeing_it_listed(tree, alice, client):
    client.force_login(alice)
    response = client.post(reverse("hotspots:create"), {
        "organisation": tree.board_cb.pk, "title": "Khiếu kiện đông người dự án hồ chứa nước",
        "subject_area": tree.quang_lam.pk, "field": "site_clearance", "people_involved": "120",
        "risk_level": "high", "lead_body": "UBND xã Quảng Lâm", "identified_on": "05/03/2026",
    })
    spot = HotSpot.objects.get(title="Khiếu kiện đông người dự án hồ chứa nước")
    assert response.status_code == 302 and response["Location"] == reverse("hotspots:detail", args=[spot.pk])
    assert spot.history.count() == 1 and spot.status == HotSpotStatus.EMERGING
    page = client.get(reverse("hotspots:list")).content.decode()
    assert "Khiếu kiện đông người dự án hồ chứa nước" in page and "05/03/2026" in page and "120" in page


def test_bad_input_names_the_field_in_vietnamese_and_changes_nothing(tree, alice, client):
    client.force_login(alice)
    response = client.post(reverse("hotspots:create"), {
        "organisation": tree.board_cb.pk, "title": "", "subject_area": tree.quang_lam.pk, "field": "nonsense",
        "people_involved": "mười", "risk_level": "high", "lead_body": "UBND", "identified_on": "31/02/2026",
    })
    body = response.content.decode()
    assert response.status_code == 400
    assert "Tên vụ việc, điểm nóng:" in body and "Lĩnh vực:" in body and "Số người liên quan:" in body
    assert "Ngày phát hiện:" in body
    assert not HotSpot.objects.exists()


def test_a_subject_area_outside_the_owner_is_refused(tree, alice):
    with pytest.raises(services.ValidationError) as exc:
        hotspot(alice, tree.board_cb, tree.hoan_kiem)
    assert "subject_area" in exc.value.message_dict


def test_resolving_needs_every_measure_done_or_a_reason(tree, alice, client):
    spot = hotspot(alice, tree.board_cb, tree.quang_lam)
    step = measure(alice, spot, decided_on=DAY)
    client.force_login(alice)
    response = client.post(reverse("hotspots:resolve", args=[spot.pk]), {"resolved_on": "20/03/2026"})
    assert response.status_code == 400
    assert "Còn 1 biện pháp chỉ đạo chưa hoàn thành" in response.content.decode()
    spot.refresh_from_db()
    assert spot.status == HotSpotStatus.EMERGING
    response = client.post(reverse("hotspots:measure_complete", args=[step.pk]),
                           {"done_on": "18/03/2026", "result": "Đã đối thoại, 40 hộ nhận tiền bồi thường"})
    assert response.status_code == 302
    response = client.post(reverse("hotspots:resolve", args=[spot.pk]), {"resolved_on": "20/03/2026"})
    assert response.status_code == 302
    spot.refresh_from_db()
    assert (spot.status, spot.resolved_on) == (HotSpotStatus.RESOLVED, dt.date(2026, 3, 20))


def test_a_reason_resolves_with_a_measure_still_open(tree, alice):
    spot = hotspot(alice, tree.board_cb, tree.quang_lam)
    measure(alice, spot)
    services.resolve_hotspot(alice, spot, on=DAY + dt.timedelta(days=5), note="Dự án dừng, không còn thu hồi đất")
    spot.refresh_from_db()
    assert spot.status == HotSpotStatus.RESOLVED and "Dự án dừng" in spot.resolution_note


def test_outsiders_and_viewers(tree, alice, bob, charlie, client):
    spot = hotspot(alice, tree.board_cb, tree.quang_lam)
    assert HotSpot.objects.restrict(charlie).count() == 0
    client.force_login(charlie)
    assert client.get(reverse("hotspots:detail", args=[spot.pk])).status_code == 404
    assert "Tranh chấp bồi thường" not in client.get(reverse("hotspots:list")).content.decode()


def test_linked_letters_show_names_through_the_identity_gate(tree, alice, rita, client):
    spot = hotspot(alice, tree.board_cb, tree.quang_lam)
    denunciation = letter(alice, tree.board_cb, on=DAY, subject_area=tree.quang_lam)
    from tests.letters.factories import receive

    secret = receive(rita, tree.board_cb, name="Lò Thị Tố", kind="denunciation", summary="Tố cáo cán bộ xã")
    services.link(alice, spot, denunciation)
    services.link(alice, spot, secret)
    client.force_login(alice)
    page = client.get(reverse("hotspots:detail", args=[spot.pk])).content.decode()
    assert "Nông Văn Ký 0" in page  # a complaint's signer: shown
    assert "Lò Thị Tố" not in page  # a denouncer received by rita: masked for alice (Luật Tố cáo 2018 Điều 8)
    assert secret.code in page


def test_counted_in_the_period_report(tree, alice):
    q1 = (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert count_hotspots(tree.cao_bang, *q1).identified == 0  # "không để xảy ra điểm nóng"
    spot = hotspot(alice, tree.board_cb, tree.quang_lam, identified_on=dt.date(2026, 2, 1))
    hotspot(alice, tree.board_cb, tree.quang_lam, title="Ngoài kỳ", identified_on=dt.date(2025, 12, 1))
    step = measure(alice, spot, decided_on=dt.date(2026, 2, 3))
    measure(alice, spot, decided_on=dt.date(2026, 2, 10))
    services.complete_measure(alice, step, done_on=dt.date(2026, 3, 1), result="Xong")
    services.resolve_hotspot(alice, spot, on=dt.date(2026, 3, 2), note="Ổn định")
    figures = count_hotspots(tree.cao_bang, *q1)
    assert (figures.identified, figures.directed, figures.resolved, figures.open_at_end) == (1, 1, 1, 1)
    assert count_hotspots(tree.ha_noi, *q1).identified == 0
    assert HotSpot.objects.filter(area__path__startswith=tree.cao_bang.path, identified_on__range=q1).count() == 1


def test_the_quarters_report_shows_the_hot_spot_figures(tree, alice):
    import io

    from docx import Document

    from danvan.reports.documents import word_document
    from danvan.reports.periods import parse_period
    from danvan.reports.rollup import build_report

    spot = hotspot(alice, tree.board_cb, tree.quang_lam, identified_on=dt.date(2026, 2, 1))
    step = measure(alice, spot, decided_on=dt.date(2026, 2, 3))
    services.complete_measure(alice, step, done_on=dt.date(2026, 3, 1), result="Đã chi trả bồi thường")
    services.resolve_hotspot(alice, spot, on=dt.date(2026, 3, 2))
    report = build_report(tree.cao_bang, parse_period("2026-Q1"))
    assert [report.total.current[code].value for code in ("DN_PHATSINH", "DN_CHIDAO", "DN_GIAIQUYET")] == [1, 1, 1]
    texts = [p.text for p in Document(io.BytesIO(word_document(tree.board_cb, report, dt.date(2026, 4, 5)).content))
             .paragraphs]
    assert any(t.startswith("Số vấn đề bức xúc, nổi cộm được chỉ đạo xử lý: 1 vụ việc") for t in texts), texts
