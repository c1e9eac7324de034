"""Holiday decisions vs the rule: the calendar page says which is which, and administrators are warned from
1 November when next year's Tết decision is missing (issue 17)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from danvan.legal.calendar import DecidedDay, Occasion
from danvan.legal.services import administrator_warnings, record_decision

D = dt.date


def test_the_calendar_page_shows_per_occasion_whether_a_decision_or_the_rule_placed_it(alice, client_for):
    html = client_for(alice).get(reverse("legal:calendar") + "?year=2026").content.decode()
    table = html[html.index('class="data occasions"'):html.index("</table>", html.index('class="data occasions"'))]
    tet = table[table.index("Tết Âm lịch"):table.index("</tr>", table.index("Tết Âm lịch"))]
    national = table[table.index("Quốc khánh"):table.index("</tr>", table.index("Quốc khánh"))]
    assert "Theo văn bản" in tet and "Tết Âm lịch năm 2026" in tet
    # 2026 National Day: no decision recorded; 1/9 and 2/9 are the rule's assumption.
    assert "Theo quy tắc" in national and "giả định" in national
    assert "01/09/2026" in national and "02/09/2026" in national


def test_administrators_are_warned_from_1_november_when_next_years_tet_is_not_recorded(root, alice):
    assert administrator_warnings(root, D(2026, 10, 31)) == []
    [warning] = administrator_warnings(root, D(2026, 11, 1))
    assert "Tết Âm lịch năm 2027" in warning
    assert administrator_warnings(alice, D(2026, 11, 1)) == []  # officers are not administrators
    record_decision(root, year=2027, reference="Thông báo nghỉ Tết 2027", days=[
        DecidedDay(D(2027, 2, 5), Occasion.LUNAR_NEW_YEAR)])
    assert administrator_warnings(root, D(2026, 11, 1)) == []


def test_the_warning_is_on_the_administrators_home_page(root, client_for, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: D(2026, 11, 2))
    html = client_for(root).get(reverse("home")).content.decode()
    assert "Chưa ghi văn bản nghỉ Tết Âm lịch năm 2027" in html
