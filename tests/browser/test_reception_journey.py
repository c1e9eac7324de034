"""Issue 4, reception: alice opens a session, is shown a returning citizen as she types, records a
group of 6 persons with 2 representatives, and finds the visit in the printable register."""

import datetime as dt

import pytest

from danvan.accounts.models import Role
from danvan.reception.models import Visit
from tests.browser.conftest import login, pick, shot
from tests.conftest import PASSWORD, make_user
from tests.reception.conftest import open_session, record_visit


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_alice_receives_a_group_and_sees_it_in_the_register(page, tree):
    alice = make_user("alice", tree.board_cb, Role.OFFICER, first_name="Alice", last_name="Nguyễn")
    earlier = open_session(alice, tree.board_cb, date=dt.date(2026, 3, 2))
    record_visit(alice, earlier, name="Lý Thị Mai", summary="Hỏi về bồi thường đất lần trước")
    today = dt.date.today().strftime("%d/%m/%Y")

    login(page, "alice", PASSWORD)
    page.get_by_role("link", name="Tiếp công dân").first.click()
    page.get_by_role("link", name="Mở buổi tiếp").click()
    page.get_by_label("Hình thức tiếp").select_option(label="Tiếp thường xuyên")
    page.get_by_label("Ngày tiếp").fill(today)
    page.get_by_label("Địa điểm").fill("Trụ sở tiếp công dân tỉnh")
    page.get_by_role("button", name="Mở buổi tiếp").click()
    page.get_by_text("Đã mở buổi tiếp công dân.").wait_for()

    # Petitioner matching: typed without diacritics, the earlier visit is found.
    page.get_by_label("Họ và tên công dân (người đại diện)").press_sequentially("ly thi mai", delay=20)
    page.get_by_text("Hỏi về bồi thường đất lần trước").wait_for()
    shot(page, "reception-matching")
    returning = page.get_by_role("radio", name="Lý Thị Mai")
    returning.check()

    page.get_by_label("Số người:", exact=True).fill("6")
    page.get_by_label("Số người đại diện").fill("3")
    page.get_by_label("Lần tiếp").select_option(label="Nhiều lần")
    page.get_by_label("Loại nội dung").select_option(label="Khiếu nại")
    page.get_by_label("Lĩnh vực").select_option(label="Đất đai, nhà ở")
    pick(page, "Địa bàn phát sinh vụ việc", "Xã Quảng Lâm", "quang lam")
    page.get_by_label("Tóm tắt nội dung").fill("Đoàn 6 hộ khiếu nại mức bồi thường khi thu hồi đất")
    page.get_by_label("Kết quả xử lý").select_option(label="Tiếp nhận đơn")
    page.get_by_role("button", name="Ghi lượt tiếp").click()
    error = page.get_by_role("group", name="Nội dung lượt tiếp").get_by_text(
        "Đoàn từ 5 đến 10 người cử 1 hoặc 2 người đại diện")
    error.wait_for()
    assert not Visit.objects.filter(persons=6).exists()
    assert page.get_by_role("radio", name="Lý Thị Mai").is_checked()  # the choice survives the error
    shot(page, "reception-representatives-error")

    page.get_by_label("Số người đại diện").fill("2")
    page.get_by_role("button", name="Ghi lượt tiếp").click()
    page.get_by_text("Đã ghi lượt tiếp").wait_for()
    row = page.locator("#visits tbody tr", has_text="Đoàn 6 hộ")
    assert "đoàn đông người" in row.inner_text()
    visit = Visit.objects.get(persons=6)
    assert (visit.representatives, visit.citizen_id) == (2, earlier.visits.get().citizen_id)
    shot(page, "reception-session")

    page.goto("/tiep-cong-dan/")
    page.get_by_role("link", name="Sổ tiếp công dân", exact=True).click()
    page.get_by_label("Từ ngày").fill("01/03/2026")
    page.get_by_label("Đến ngày").fill(today)
    page.get_by_role("button", name="Xem sổ").click()
    page.get_by_role("heading", name="SỔ TIẾP CÔNG DÂN").wait_for()
    rows = page.locator("table.register-table tbody tr")
    assert rows.count() == 2
    assert "Lý Thị Mai" in rows.nth(1).inner_text() and "2 đại diện" in rows.nth(1).inner_text()
    shot(page, "reception-register")
    page.emulate_media(media="print")
    shot(page, "reception-register-print")
