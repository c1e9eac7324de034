"""Situation reports of lower units: filed with topics, combined by topic and area at the province, raised to a
hot spot."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from danvan.hotspots import services
from danvan.hotspots.models import HotSpot, SituationTopic
from tests.hotspots.scoping import report, topic

pytestmark = pytest.mark.django_db


def test_a_report_with_topics_is_combined_by_field_area_and_month(tree, alice, charlie, client):
    first = report(tree, alice)
    topic(tree, alice, first)
    other = services.file_report(alice, organisation=tree.ubnd_quang_lam, period_start=dt.date(2026, 3, 1),
                                 period_end=dt.date(2026, 3, 31))
    topic(tree, alice, other)
    client.force_login(alice)
    page = client.get(reverse("hotspots:report_list")).content.decode()
    combined = page.split('id="combined"')[1].split("</table>")[0]
    # One line: site clearance in Quảng Lâm, March 2026, raised twice by two units, both "bức xúc".
    assert combined.count("<tr>") == 2  # header + one line
    assert "03/2026" in combined and "Giải phóng mặt bằng" in combined and "Xã Quảng Lâm" in combined
    assert "<td>2</td><td>2</td><td>2</td>" in combined.replace("\n", "")
    client.force_login(charlie)
    assert "Xã Quảng Lâm" not in client.get(reverse("hotspots:report_list")).content.decode()


def test_the_end_of_the_period_cannot_precede_its_start(tree, alice, client):
    client.force_login(alice)
    response = client.post(reverse("hotspots:report_create"), {
        "organisation": tree.board_cb.pk, "period_start": "31/03/2026", "period_end": "01/03/2026"})
    assert response.status_code == 400
    assert "Ngày cuối kỳ không thể trước ngày đầu kỳ." in response.content.decode()


def test_a_topic_is_raised_to_a_hot_spot_once(tree, alice, client):
    item = topic(tree, alice)
    client.force_login(alice)
    response = client.post(reverse("hotspots:topic_raise", args=[item.pk]), {
        "organisation": tree.board_cb.pk, "title": "Băn khoăn giá bồi thường ở Quảng Lâm",
        "lead_body": "UBND xã Quảng Lâm", "risk_level": "medium"})
    spot = HotSpot.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("hotspots:detail", args=[spot.pk])
    assert SituationTopic.objects.get(pk=item.pk).hotspot == spot
    assert spot.subject_area == tree.quang_lam and "Băn khoăn về giá bồi thường" in spot.description
    with pytest.raises(services.ValidationError):
        services.raise_topic(alice, item, organisation=tree.board_cb, title="Lần hai", lead_body="UBND")
    assert HotSpot.objects.count() == 1
