"""The read-only calendar page (legal:calendar)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from danvan.legal import services

pytestmark = pytest.mark.django_db


def test_calendar_page_shows_the_years_days_off_and_their_grounds(client_for, alice):
    services.clear_calendar_cache()
    response = client_for(alice).get(reverse("legal:calendar"), {"year": "2026"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Lịch nghỉ lễ, tết năm 2026" in content  # the year is not written "2.026"
    assert "16/02/2026" in content and "20/02/2026" in content  # Tết, from the shipped decision
    assert "27/04/2026" in content and "Nghỉ bù" in content  # Giỗ Tổ on a Sunday, made up (Điều 111.3)
    assert "10/01/2026" in content  # Saturday worked in exchange for 2/1
    assert "Quốc khánh (2/9)" in content  # still placed by the rule: listed as awaiting a decision
    assert "?year=2027" in content and "?year=2025" in content
    # 365 days - 104 weekend days - 12 weekdays off (1/1, 2/1, 16-20/2, 27/4, 30/4, 1/5, 1/9, 2/9) + Saturday 10/1.
    assert response.context["working_day_count"] == 250


def test_calendar_page_falls_back_to_this_year(client_for, alice):
    response = client_for(alice).get(reverse("legal:calendar"), {"year": "abc"})
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year
    response = client_for(alice).get(reverse("legal:calendar"), {"year": "3000"})
    assert response.context["year"] == timezone.localdate().year


def test_calendar_page_needs_a_login(client, tree):
    response = client.get(reverse("legal:calendar"))
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_a_year_without_decisions_lists_every_occasion_as_ruled(client_for, alice):
    response = client_for(alice).get(reverse("legal:calendar"), {"year": "2030"})
    assert len(response.context["ruled_occasions"]) == 5
    rows = {row["entry"].date: row for row in response.context["days_off"]}
    assert rows[dt.date(2030, 2, 2)]["entry"].description == "Tết Âm lịch (mùng 1)"
    assert rows[dt.date(2030, 2, 2)]["weekday"] == "Thứ Bảy"
