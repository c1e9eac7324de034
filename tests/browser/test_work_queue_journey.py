"""Issue 16, the office's day: alice receives a letter and prints the receipt, finds it in her work queue
(waiting, due), sees it in her reminders the day it is due, accepts it and sends the notice, resolves it, records
the decision's delivery, and it leaves the queue. The main pages pass axe-core
(WCAG 2.1 A/AA), are usable at 390 px and do not scroll sideways at 320 px; screenshots go to docs/screens/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from danvan.accounts.models import Role
from danvan.letters import deadlines as letter_deadlines
from danvan.letters.models import Letter
from danvan.letters.workflow import LetterStatus
from danvan.papers.models import Paper
from tests.browser.conftest import login, shot
from tests.conftest import PASSWORD, make_user
from tests.reception.conftest import open_session

SCREENS = Path(__file__).resolve().parents[2] / "docs" / "screens"
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def assert_accessible(page, name: str) -> None:
    results = Axe().run(page, options=WCAG_21_AA)
    problems = [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
                for v in results.response["violations"]]
    assert problems == [], f"{name}: axe-core WCAG 2.1 A/AA violations"


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def received_on_due_today(today: dt.date) -> dt.date | None:
    """A receipt date whose complaint acceptance deadline (10 days, Luật Khiếu nại 2011 Điều 27) is today: the
    date is set through the letter's data, not the clock. None when no deadline can fall today (a day off)."""
    for days in range(1, 40):
        candidate = today - dt.timedelta(days=days)
        letter = Letter(content_kind="complaint", complaint_round=1, received_on=candidate)
        if letter_deadlines.compute(letter).acceptance_date == today:
            return candidate
    return None


def tile_count(page, key: str) -> str:
    return page.locator(f'[data-tile="{key}"] .count').inner_text().strip()


def action_form(page, name: str):
    return page.locator(f'form[action$="/xu-ly/{name}/"]')


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_letter_goes_through_the_work_queue_and_the_reminders(page, tree):
    make_user("alice", tree.board_cb, Role.OFFICER, first_name="Alice", last_name="Nguyễn",
              email="alice@example.gov.vn")
    today = timezone.localdate()
    received = received_on_due_today(today)
    login(page, "alice", PASSWORD)
    assert [tile_count(page, key) for key in ("awaiting_decision", "due_this_week", "overdue", "mine")] == \
        ["0", "0", "0", "0"]

    # Receive a letter whose acceptance deadline falls today (or, on a day off, the next working day).
    page.goto("/don-thu/tiep-nhan/")
    page.get_by_label("Ngày nhận đơn").fill(f"{received or today:%d/%m/%Y}")
    page.get_by_label("Họ và tên người viết đơn").fill("Hoàng Thị Lan")
    page.get_by_label("Tóm tắt nội dung").fill("Khiếu nại quyết định thu hồi đất nông nghiệp")
    page.get_by_label("Loại đơn").select_option(label="Khiếu nại")
    page.get_by_label("Lĩnh vực", exact=True).select_option(label="Đất đai, nhà ở")
    page.get_by_role("button", name="Lưu đơn").click()
    page.get_by_text("Đã tiếp nhận đơn").wait_for()
    letter = Letter.objects.get()
    assert letter.due_on == today if received else letter.due_on >= today

    # Print the receipt for the citizen, numbered in the body's register, and record it as handed over.
    issue_paper(page, letter, "Giấy biên nhận", "receipt")
    assert Paper.objects.get(kind="receipt", letter=letter).number_text in page.locator("article.sheet").inner_text()
    record_sent(page)

    # It waits for a decision in the queue; its tile leads to it.
    page.goto("/")
    assert tile_count(page, "awaiting_decision") == "1"
    assert tile_count(page, "overdue") == "0"
    if letter.due_on <= letter_due_week_end(today):
        assert tile_count(page, "due_this_week") == "1"
    assert_accessible(page, "work queue")
    page.locator('[data-tile="awaiting_decision"] a').click()
    page.get_by_role("link", name=letter.code).wait_for()

    # The reminders of the day list it.
    page.goto("/nhac-viec/")
    section = "#digest-today" if letter.due_on == today else "#digest-soon"
    assert letter.code in page.locator(section).locator("xpath=..").inner_text()
    assert_accessible(page, "reminders")

    # Classify, accept, resolve: it leaves the queue.
    page.goto(f"/don-thu/{letter.pk}/")
    assert_accessible(page, "letter page")
    classify = action_form(page, "classify")
    classify.get_by_label("Điều kiện xử lý").select_option(label="Đủ điều kiện xử lý")
    classify.get_by_label("Thẩm quyền").select_option(label="Thuộc thẩm quyền")
    classify.get_by_role("button").click()
    page.get_by_text("Đã cập nhật: Phân loại đơn.").wait_for()
    action_form(page, "accept").get_by_role("button").click()
    page.get_by_text("Đã cập nhật: Thụ lý.").wait_for()
    # The notice of acceptance is issued and sent.
    issue_paper(page, letter, "Thông báo thụ lý", "acceptance")
    record_sent(page)
    assert Paper.objects.get(kind="acceptance", letter=letter).sent_on == today
    page.goto("/")
    assert tile_count(page, "awaiting_decision") == "0"
    page.goto(f"/don-thu/{letter.pk}/")
    page.locator("summary", has_text="Ghi kết quả giải quyết").click()
    resolve = action_form(page, "resolve")
    resolve.get_by_label("Kết quả giải quyết").select_option(label="Khiếu nại có đúng, có sai")
    resolve.get_by_label("Nội dung quyết định, kết luận").fill("Quyết định giải quyết khiếu nại lần đầu")
    resolve.get_by_role("button").click()
    page.get_by_text("Đã cập nhật: Ghi kết quả giải quyết.").wait_for()
    assert Letter.objects.get().status == LetterStatus.RESOLVED
    # The decision is owed to the complainant (Luật Khiếu nại 2011 Điều 32): a notice not sent, on the queue,
    # until its delivery is recorded on the letter.
    page.goto("/")
    assert tile_count(page, "notices") == "1"
    page.goto(f"/don-thu/{letter.pk}/")
    page.locator("summary", has_text="Ghi ngày người khiếu nại nhận quyết định").click()
    deliver = action_form(page, "deliver")
    deliver.get_by_label("Ngày người khiếu nại nhận quyết định").fill(f"{today:%d/%m/%Y}")
    deliver.get_by_role("button").click()
    page.get_by_text("Đã cập nhật: Ghi ngày người khiếu nại nhận quyết định.").wait_for()
    page.goto("/")
    assert [tile_count(page, key) for key in ("awaiting_decision", "due_this_week", "overdue", "mine", "notices")] == \
        ["0", "0", "0", "0", "0"]
    page.goto("/nhac-viec/")
    assert letter.code not in page.locator("main").inner_text()


def issue_paper(page, letter, label: str, kind: str) -> None:
    """From the letter's page, issue a paper for the citizen and open its printable page."""
    page.goto(f"/don-thu/{letter.pk}/")
    page.get_by_role("link", name="In giấy tờ").click()
    page.locator("summary", has_text=label).first.click()
    form = page.locator(f'form[action$="/lap/{kind}/"]')
    if kind == "receipt":
        form.get_by_label("Thông tin, tài liệu, bằng chứng đã nhận (mỗi dòng một mục)").fill("Đơn khiếu nại 02 trang")
    form.get_by_role("button", name="Lập và cấp số").click()
    page.locator("article.sheet").wait_for()


def record_sent(page) -> None:
    page.get_by_label("Hình thức gửi").select_option(label="Trao trực tiếp")
    page.get_by_role("button", name="Ghi nhận đã gửi").click()
    page.get_by_text("Đã ghi nhận gửi").wait_for()


def letter_due_week_end(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=6 - today.weekday())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_main_pages_on_a_desktop_a_phone_and_at_320_px(page, tree):
    from tests.letters.factories import receive

    alice = make_user("alice", tree.board_cb, Role.OFFICER, first_name="Alice", last_name="Nguyễn")
    today = timezone.localdate()
    letters = [receive(alice, tree.board_cb, received_on=today - dt.timedelta(days=days), name=name, summary=summary)
               for days, name, summary in ((40, "Hoàng Thị Lan", "Khiếu nại quyết định thu hồi đất nông nghiệp"),
                                           (3, "Nông Văn Bình", "Kiến nghị sửa đường liên thôn Nà Mạ bị sạt lở"),
                                           (1, "Lò Thị Cúc", "Khiếu nại việc bồi thường khi giải phóng mặt bằng"))]
    receive(alice, tree.ubnd_hoa_an, received_on=today - dt.timedelta(days=2), name="Đàm Văn Dũng",
            summary="Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất")
    login(page, "alice", PASSWORD)
    pages = {"work-queue": "/", "letter": f"/don-thu/{letters[0].pk}/", "letter-list": "/don-thu/",
             "dashboard": "/bao-cao/"}
    SCREENS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1366, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        for name, url in pages.items():
            page.goto(url)
            page.wait_for_load_state("networkidle")
            assert no_sideways_scroll(page), f"{name} scrolls sideways at {width} px"
            assert_accessible(page, f"{name} at {width} px")
            page.screenshot(path=str(SCREENS / f"{name}-{width}.png"), full_page=width != 1366 or name != "dashboard")
            if width == 390:
                # The header is one line high on a phone, the modules folded behind a button.
                assert page.locator("#topbar").bounding_box()["height"] < 80, name
    # At 320 px nothing scrolls sideways, the menu opened included.
    page.set_viewport_size({"width": 320, "height": 640})
    for name, url in {**pages, "mobilisation": "/dan-van/", "reminders": "/nhac-viec/"}.items():
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert no_sideways_scroll(page), f"{name} scrolls sideways at 320 px"
    page.get_by_role("button", name="Danh mục").click()
    assert page.get_by_role("link", name="Đơn thư").is_visible()
    assert no_sideways_scroll(page)
    shot(page, "work-queue-menu-320")
    assert_accessible(page, "open menu at 320 px")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_keyboard_skip_link_language_button_and_error_summary(page, tree):
    alice = make_user("alice", tree.board_cb, Role.OFFICER, first_name="Alice", last_name="Nguyễn")
    session = open_session(alice, tree.board_cb, date=timezone.localdate())
    login(page, "alice", PASSWORD)

    # The first Tab reaches "skip to content", which moves the focus to the main content.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua, đến nội dung chính")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # Arrow keys in the language list change nothing (WCAG 3.2.2); its button does.
    select = page.get_by_label("Ngôn ngữ")
    select.focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert page.locator("html").get_attribute("lang") == "vi"
    assert select.input_value() == "en"
    page.get_by_role("button", name="Đổi ngôn ngữ").click()
    page.wait_for_function("document.documentElement.lang === 'en'")
    # The dashboard's KPI labels, periods and comparisons in English.
    page.goto("/bao-cao/")
    figures = page.locator("section.figures").inner_text()
    assert "Visits" in figures and "Lượt tiếp" not in figures
    assert "same period" in figures.lower() or "cùng kỳ" not in figures
    heading = page.locator("h1").inner_text()
    assert "Báo cáo" not in heading and "Năm" not in heading
    page.get_by_label("Language").select_option("vi")
    page.get_by_role("button", name="Change language").click()
    page.wait_for_function("document.documentElement.lang === 'vi'")

    # A visit form sent with errors: a summary at its top takes the focus, each error a link to its field.
    page.goto(f"/tiep-cong-dan/buoi-tiep/{session.pk}/")
    page.get_by_role("button", name="Ghi lượt tiếp").click()
    summary = page.locator("#visit-errors")
    summary.wait_for()
    assert page.evaluate("document.activeElement.id") == "visit-errors"
    assert "cần sửa" in summary.inner_text()
    first = summary.get_by_role("link").first
    target = first.get_attribute("href")
    first.click()
    assert page.evaluate("location.hash") == target
    assert_accessible(page, "visit form with errors")
