"""The work queue on the home page (issue 16): counts from the letters' own conditions, scoped, each a link
to the list that shows the same letters; a head sees them by sub-unit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from danvan.letters import services
from danvan.workqueue.queue import work_queue
from tests.letters.factories import accepted, classify, receive

pytestmark = pytest.mark.django_db


def tiles(user, today) -> dict:
    return {tile.key: tile for tile in work_queue(user, today)}


def counts(user, today) -> dict[str, int]:
    return {key: tile.count for key, tile in tiles(user, today).items()}


def test_a_received_letter_waits_for_a_decision_is_due_then_overdue_and_leaves_when_resolved(tree, alice, charlie):
    letter = receive(alice, tree.board_cb)
    due = letter.due_on
    assert due is not None
    on_due_day = counts(alice, due)
    assert (on_due_day["awaiting_decision"], on_due_day["due_this_week"], on_due_day["overdue"]) == (1, 1, 0)
    day_after = counts(alice, due + dt.timedelta(days=1))
    assert (day_after["due_this_week"], day_after["overdue"]) == (0, 1)
    # Two weeks before its deadline it is not due this week.
    assert counts(alice, due - dt.timedelta(days=14))["due_this_week"] == 0
    # An outsider's queue counts nothing of Cao Bằng.
    assert set(counts(charlie, due).values()) == {0}

    letter = services.accept_letter(alice, classify(alice, letter), accepted_on=letter.received_on, handler=alice)
    after_accept = counts(alice, letter.received_on)
    assert (after_accept["awaiting_decision"], after_accept["mine"]) == (0, 1)
    services.resolve_letter(alice, letter, resolved_on=letter.received_on, outcome="c_right")
    after = counts(alice, letter.resolution_deadline or letter.received_on)
    assert (after["awaiting_decision"], after["due_this_week"], after["overdue"], after["mine"]) == (0, 0, 0, 0)


def test_assigned_to_me_is_personal(tree, alice, hana):
    accepted(alice, tree.board_cb, handler=alice)
    today = dt.date(2026, 3, 3)
    assert counts(alice, today)["mine"] == 1
    assert counts(hana, today)["mine"] == 0


def test_a_head_sees_the_counts_by_sub_unit_and_an_officer_does_not(tree, alice, hana):
    receive(alice, tree.board_cb)
    receive(alice, tree.ubnd_hoa_an, name="Lò Văn Bình")
    receive(alice, tree.ubnd_hoa_an, name="Lò Thị Cúc")
    head = tiles(hana, dt.date(2026, 3, 3))["awaiting_decision"]
    assert head.count == 3
    rows = {row.name: row.count for row in head.by_unit}
    assert rows == {"Tỉnh Cao Bằng (trực tiếp)": 1, "Xã Hòa An": 2}
    hoa_an = next(row for row in head.by_unit if row.name == "Xã Hòa An")
    assert f"unit={tree.hoa_an.pk}" in hoa_an.url
    assert tiles(alice, dt.date(2026, 3, 3))["awaiting_decision"].by_unit == ()


def test_each_letter_tile_links_to_a_list_showing_the_same_letters(tree, alice, client_for):
    today = timezone.localdate()
    old = receive(alice, tree.board_cb, received_on=today - dt.timedelta(days=60), summary="Đơn cũ quá hạn")
    receive(alice, tree.board_cb, received_on=today, summary="Đơn mới nhận hôm nay")
    accepted(alice, tree.board_cb, handler=alice, received_on=today - dt.timedelta(days=3), summary="Đơn giao Alice")
    client = client_for(alice)
    page = client.get("/")
    assert page.status_code == 200
    queue = tiles(alice, today)
    assert queue["overdue"].count == 1 and old.due_on < today
    for key in ("awaiting_decision", "overdue", "mine", "due_this_week"):
        listed = client.get(queue[key].url)
        assert listed.status_code == 200
        assert listed.context["page"].paginator.count == queue[key].count, key
        assert f'data-tile="{key}"' in page.content.decode()


def test_the_home_page_shows_the_queue_not_only_links(tree, alice, client_for):
    receive(alice, tree.board_cb, received_on=timezone.localdate())
    html = client_for(alice).get("/").content.decode()
    assert "Đơn chờ quyết định xử lý" in html
    assert '<span class="count">1</span>' in html


def test_notices_owed_to_citizens_are_a_tile_that_empties_when_the_notice_is_sent(tree, alice, client_for):
    """The papers app's pending notices (one definition) on the queue, linked to the list of their letters."""
    from danvan.core.choices import ContentKind
    from danvan.papers import services as papers

    today = timezone.localdate()
    forwarded = classify(alice, receive(alice, tree.board_cb, kind=ContentKind.DENUNCIATION,
                                        received_on=today - dt.timedelta(days=2)), within=False)
    receive(alice, tree.board_cb, received_on=today)  # owes no notice yet
    tile = tiles(alice, today)["notices"]
    assert tile.count == 1
    listed = client_for(alice).get(tile.url)
    assert [letter.pk for letter in listed.context["page"]] == [forwarded.pk]
    paper = papers.issue_paper(alice, forwarded, "forward_notice", issued_on=today, recipient_text="Công an tỉnh")
    papers.record_sent(alice, paper, sent_on=today, channel="direct")
    assert tiles(alice, today)["notices"].count == 0
    assert client_for(alice).get(tile.url).context["page"].paginator.count == 0
