"""Issue 16, papers: from a letter's page, alice prints the receipt-like papers of the office: she issues a
forwarding slip to a body of the registry, prints it, records it as sent by post, and prints the letter
register of the month. Screenshots at 1366 px and 390 px."""

import datetime as dt

import pytest

from danvan.accounts.models import Role
from danvan.papers.models import Paper
from tests.browser.conftest import login, pick, shot
from tests.conftest import PASSWORD, make_user
from tests.letters.factories import classify, receive


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_alice_issues_prints_and_sends_a_forwarding_slip(page, tree):
    alice = make_user("alice", tree.board_cb, Role.OFFICER, first_name="Alice", last_name="Nguyễn")
    today = dt.date.today()
    letter = classify(alice, receive(alice, tree.ubnd_quang_lam, name="Phạm Văn Cường", received_on=today,
                                     summary="Khiếu nại việc thu hồi đất vườn tại thôn Nà Mạ"), within=False)
    login(page, "alice", PASSWORD)
    page.goto(f"/don-thu/{letter.pk}/")
    page.get_by_role("link", name="In giấy tờ").click()
    page.get_by_text("Phiếu chuyển đơn", exact=True).click()
    form = page.locator('form[action$="/lap/forwarding/"]')
    pick(form, "Cơ quan nhận (trong danh mục)", "Ủy ban nhân dân tỉnh Cao Bằng", "uy ban nhan dan tinh cao bang")
    form.get_by_label("Chức vụ người ký").fill("Chủ tịch")
    form.get_by_role("button", name="Lập và cấp số").click()
    page.get_by_text("Đã lập Phiếu chuyển đơn số 01/PC-UBND").wait_for()
    assert "Kính gửi: Ủy ban nhân dân tỉnh Cao Bằng" in page.locator("article.sheet").inner_text()
    page.set_viewport_size({"width": 1366, "height": 900})
    shot(page, "papers-forwarding-slip-1366")
    page.emulate_media(media="print")
    shot(page, "papers-forwarding-slip-print")
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "papers-forwarding-slip-390")

    page.get_by_label("Hình thức gửi").select_option(label="Qua bưu điện")
    page.get_by_role("button", name="Ghi nhận đã gửi").click()
    page.get_by_text("Đã ghi nhận gửi").wait_for()
    paper = Paper.objects.get()
    assert (paper.sent_on, paper.sent_channel, paper.recipient_organisation) == (today, "post", tree.ubnd_cb)
    page.set_viewport_size({"width": 1366, "height": 900})
    shot(page, "papers-letter-papers-1366")
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "papers-letter-papers-390")

    page.goto("/giay-to/so-theo-doi-don/")
    assert letter.code in page.locator("table").inner_text()
    page.set_viewport_size({"width": 1366, "height": 900})
    shot(page, "papers-letter-register-1366")
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "papers-letter-register-390")
