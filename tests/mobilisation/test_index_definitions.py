"""Issue 16: the mobilisation index shows each figure with one definition. "Chưa hoàn thành" and "quá hạn" count
the same commitments (those of the period's dialogues); "được công nhận" appears once, as counted by counts.py."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from danvan.mobilisation import counts, services
from tests.mobilisation.factories import commitment, dialogue

pytestmark = pytest.mark.django_db


def figure(html: str, name: str) -> str:
    return re.search(rf'data-count="{name}">([^<]*)<', html).group(1)


def test_open_and_overdue_commitments_count_the_same_commitments(tree, alice, client_for):
    today = timezone.localdate()
    this_year = dialogue(alice, tree.board_cb, held_on=today - dt.timedelta(days=40)
                         if (today - dt.timedelta(days=40)).year == today.year else today)
    overdue = commitment(alice, this_year, due_on=today - dt.timedelta(days=1), content="Sửa đường")
    commitment(alice, this_year, due_on=today + dt.timedelta(days=20), content="Chi trả đền bù")
    done = commitment(alice, this_year, due_on=today - dt.timedelta(days=1), content="Họp dân")
    services.complete_follow_up(alice, done, completed_on=today, result="Đã họp")
    # A commitment of last year's dialogue, still overdue: not a commitment of this year's period.
    last_year = dialogue(alice, tree.board_cb, held_on=dt.date(today.year - 1, 6, 1), topic="Năm trước")
    commitment(alice, last_year, due_on=dt.date(today.year - 1, 7, 1), content="Việc năm trước")

    html = client_for(alice).get("/dan-van/").content.decode()
    assert (figure(html, "open-commitments"), figure(html, "overdue-commitments")) == ("2", "1")
    assert "3 cam kết" in html
    # No count of another population beside them (it was "2 cam kết quá hạn" next to "2 … / 3").
    assert "cam kết quá hạn</a>" not in html
    assert "Danh sách mọi cam kết đang quá hạn" in html
    # The overdue list, the index and the work queue use one condition (counts.overdue_on).
    listed = services.overdue_commitments(alice, today)
    assert {c.content for c in listed} == {"Sửa đường", "Việc năm trước"}
    assert overdue in listed


def test_the_overdue_condition_is_open_on_the_day_and_due_before_it(tree, alice):
    d = dialogue(alice, tree.board_cb, held_on=dt.date(2026, 3, 2))
    item = commitment(alice, d, due_on=dt.date(2026, 3, 10))
    qs = type(item).objects.filter(pk=item.pk)
    assert not qs.filter(counts.overdue_on(dt.date(2026, 3, 10))).exists()
    assert qs.filter(counts.overdue_on(dt.date(2026, 3, 11))).exists()
    services.complete_follow_up(alice, item, completed_on=dt.date(2026, 3, 20), result="Xong")
    # Done on 20/3: still overdue as seen on 15/3, not on 21/3.
    assert qs.filter(counts.overdue_on(dt.date(2026, 3, 15))).exists()
    assert not qs.filter(counts.overdue_on(dt.date(2026, 3, 21))).exists()


def test_recognised_appears_once_on_the_index(tree, alice, client_for):
    html = client_for(alice).get("/dan-van/").content.decode()
    assert 'id="practice-statuses"' not in html
    assert figure(html, "recognised") == "0"


def test_breadcrumbs_end_with_the_current_page(tree, alice, client_for):
    client = client_for(alice)
    for url in ("/dan-van/doi-thoai/", "/dan-van/doi-thoai/cam-ket-qua-han/", "/dan-van/van-ban-chi-dao/chua-bao-cao/"):
        html = client.get(url).content.decode()
        crumbs = re.search(r'<nav class="breadcrumbs"[^>]*>(.*?)</nav>', html, re.S).group(1)
        assert not crumbs.rstrip().endswith("›"), url
        assert 'aria-current="page"' in crumbs, url
