"""Issue 15: hana, a head, sets who signs her board's reports on the settings page linked from the reports;
a missing title is refused with the field named; the dashboard reads in English for an English browser."""

import datetime as dt

import pytest

from danvan.accounts.models import Role
from danvan.reports.models import ReportSettings
from tests.browser.conftest import login, shot
from tests.conftest import PASSWORD, make_user
from tests.reports.conftest import visits

D = dt.date


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hana_sets_the_signer_and_recipients_of_her_boards_reports(page, tree):
    make_user("hana", tree.board_cb, Role.HEAD, first_name="Hà", last_name="Nông")
    login(page, "hana", PASSWORD)
    page.goto("/bao-cao/")
    page.get_by_role("link", name="Người ký và nơi nhận báo cáo").click()
    page.get_by_label("Hình thức ký").select_option(label="Thay mặt tập thể (TM.)")
    page.get_by_label("Thay mặt, ký thay cho").fill("Ban Thường vụ")
    page.get_by_label("Họ và tên người ký").fill("Nông Thị Hoa")
    page.get_by_label("Nơi nhận").fill("Ban Dân vận Trung ương (b/c)\nThường trực Tỉnh ủy (b/c)")
    page.get_by_role("button", name="Lưu thiết lập").click()
    assert page.get_by_role("alert").first.inner_text() == "Chức vụ người ký: cần nhập, ví dụ PHÓ TRƯỞNG BAN."
    assert not ReportSettings.objects.exists()
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        shot(page, f"report-settings-error-{width}")

    page.get_by_label("Chức vụ người ký").fill("Phó Trưởng ban")
    page.get_by_role("button", name="Lưu thiết lập").click()
    page.get_by_text("Đã lưu người ký và nơi nhận").wait_for()
    saved = ReportSettings.objects.get(organisation=tree.board_cb)
    assert (saved.authority, saved.authority_of, saved.signer_title) == ("tm", "Ban Thường vụ", "Phó Trưởng ban")
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        shot(page, f"report-settings-{width}")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_dashboard_reads_in_english(browser, live_server, settings, tree):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    alice = make_user("alice", tree.board_cb, Role.OFFICER)
    visits(alice, tree.ubnd_quang_lam, D(2025, 3, 3), [1, 2])
    visits(alice, tree.ubnd_quang_lam, D(2024, 3, 4), [1])
    context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto("/tai-khoan/dang-nhap/")
    page.locator("input[name=username]").fill("alice")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form:has(input[name=password]) button[type=submit]").click()
    page.wait_for_url(lambda url: "dang-nhap" not in url)
    page.goto("/bao-cao/?ky=2025")
    body = page.locator("main").inner_text()
    assert "Year 2025" in body and "Visits" in body and "up 1 visits" in body
    for phrase in ("Năm 2025", "Lượt tiếp", "tăng 1", "cùng kỳ"):
        assert phrase not in body, phrase
    shot(page, "report-dashboard-en-1366")
    context.close()
