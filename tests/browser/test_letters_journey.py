"""Issue 4, letters: alice receives a citizen at a reception session, turns the visit into a letter in one
step, classifies it, accepts it, resolves it, and watches the letter counts of her province change."""

import datetime as dt

import pytest

from danvan.accounts.models import Role
from danvan.letters.models import Channel, Letter
from danvan.letters.workflow import LetterStatus
from tests.browser.conftest import login, pick, shot
from tests.conftest import PASSWORD, make_user
from tests.reception.conftest import open_session


def figure(page, name: str) -> str:
    return page.locator(f'[data-figure="{name}"] .value').inner_text().strip()


def action_form(page, name: str):
    return page.locator(f'form[action$="/xu-ly/{name}/"]')


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_alice_turns_a_visit_into_a_letter_and_resolves_it(page, tree):
    alice = make_user("alice", tree.board_cb, Role.OFFICER, first_name="Alice", last_name="Nguyễn")
    today = dt.date.today()
    session = open_session(alice, tree.board_cb, date=today)

    login(page, "alice", PASSWORD)
    page.goto("/don-thu/thong-ke/")
    assert (figure(page, "received"), figure(page, "accepted"), figure(page, "resolved")) == ("0", "0", "0")

    # Receive the citizen at the session.
    page.goto(f"/tiep-cong-dan/buoi-tiep/{session.pk}/")
    page.get_by_label("Họ và tên công dân (người đại diện)").fill("Hoàng Thị Lan")
    page.get_by_label("Số CCCD").fill("004188001122")
    page.get_by_label("Loại nội dung").select_option(label="Khiếu nại")
    page.get_by_label("Lĩnh vực").select_option(label="Đất đai, nhà ở")
    pick(page, "Địa bàn phát sinh vụ việc", "Xã Hòa An", "hoa an")
    page.get_by_label("Tóm tắt nội dung").fill("Khiếu nại quyết định thu hồi đất nông nghiệp")
    page.get_by_label("Kết quả xử lý").select_option(label="Tiếp nhận đơn")
    page.get_by_role("button", name="Ghi lượt tiếp").click()
    page.get_by_text("Đã ghi lượt tiếp").wait_for()

    # One step from the visit to the letter: the form comes prefilled with the visit.
    page.locator("#visits tbody tr", has_text="Khiếu nại quyết định thu hồi").get_by_role("link").first.click()
    page.get_by_role("link", name="Tạo đơn từ lượt tiếp này").click()
    assert page.get_by_label("Tóm tắt nội dung").input_value() == "Khiếu nại quyết định thu hồi đất nông nghiệp"
    assert "Hoàng Thị Lan" in page.locator("main").inner_text()
    shot(page, "letters-from-visit")
    page.get_by_role("button", name="Lưu đơn").click()
    page.get_by_text("Đã tiếp nhận đơn").wait_for()
    letter = Letter.objects.get()
    assert (letter.channel, letter.source_visit.session_id) == (Channel.VISIT, session.pk)
    assert [c.full_name for c in letter.petitioners.all()] == ["Hoàng Thị Lan"]

    # Classify: a malformed choice first (not qualifying without a reason), then the right one.
    classify = action_form(page, "classify")
    classify.get_by_label("Điều kiện xử lý").select_option(label="Không đủ điều kiện xử lý")
    classify.get_by_role("button").click()
    page.get_by_text("Đơn không đủ điều kiện xử lý: cần chọn lý do.").wait_for()
    assert Letter.objects.get().status == LetterStatus.RECEIVED
    classify = action_form(page, "classify")
    classify.get_by_label("Điều kiện xử lý").select_option(label="Đủ điều kiện xử lý")
    classify.get_by_label("Thẩm quyền").select_option(label="Thuộc thẩm quyền")
    classify.get_by_role("button").click()
    page.get_by_text("Đã cập nhật: Phân loại đơn.").wait_for()

    action_form(page, "accept").get_by_role("button").click()
    page.get_by_text("Đã cập nhật: Thụ lý.").wait_for()
    assert "Hạn giải quyết" in page.locator("table.deadlines").inner_text()
    shot(page, "letters-accepted")

    # A closed action's form is not in the page: htmx brings it when the officer opens the action.
    assert action_form(page, "resolve").count() == 0
    page.locator("summary", has_text="Ghi kết quả giải quyết").click()
    resolve = action_form(page, "resolve")
    resolve.wait_for()
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        shot(page, f"letters-action-opened-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})
    resolve.get_by_label("Kết quả giải quyết").select_option(label="Khiếu nại có đúng, có sai")
    resolve.get_by_label("Nội dung quyết định, kết luận").fill("Quyết định giải quyết khiếu nại lần đầu")
    resolve.get_by_role("button").click()
    page.get_by_text("Đã cập nhật: Ghi kết quả giải quyết.").wait_for()
    timeline = page.locator("ol.timeline").inner_text()
    assert [s in timeline for s in ("Mới tiếp nhận", "Đã phân loại", "Đã thụ lý", "Đã giải quyết")] == [True] * 4
    letter.refresh_from_db()
    assert (letter.status, letter.outcome, letter.resolved_on) == (LetterStatus.RESOLVED, "c_partly", today)
    shot(page, "letters-resolved")

    page.goto("/don-thu/thong-ke/")
    assert (figure(page, "received"), figure(page, "qualifying"), figure(page, "within_jurisdiction"),
            figure(page, "accepted"), figure(page, "resolved")) == ("1", "1", "1", "1", "1")
    assert "1/1" in page.locator('[data-figure="resolution_rate"]').inner_text()
    shot(page, "letters-statistics")
