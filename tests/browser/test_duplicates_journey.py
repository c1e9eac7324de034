"""Issue 8, duplicate letters: alice types a letter at intake; the letter it repeats (its matter already
resolved) appears as she types, with why; she saves the letter, confirms "same matter" on its page, and
the new letter joins the matter and is filed as a duplicate (TT 05/2021/TT-TTCP)."""

import datetime as dt

import pytest

from danvan.accounts.models import Role
from danvan.core.choices import ContentKind, Field
from danvan.duplicates import index as dup_index
from danvan.letters import services as letter_services
from danvan.letters.models import FiledReason, Letter
from danvan.letters.workflow import LetterStatus
from danvan.matters.models import MatterStatus
from danvan.matters.services import set_matter_status
from tests.browser.conftest import login, shot
from tests.conftest import PASSWORD, make_user


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_alice_sees_the_earlier_letter_while_typing_and_files_the_repeat(page, tree):
    dup_index.forget()
    alice = make_user("alice", tree.board_cb, Role.OFFICER, first_name="Alice", last_name="Nguyễn")
    earlier = letter_services.receive_letter(
        alice, tree.ubnd_quang_lam, received_on=dt.date(2024, 6, 3), content_kind=ContentKind.COMPLAINT,
        field=Field.LAND_HOUSING, subject_area=tree.quang_lam,
        summary="Khiếu nại Quyết định số 125/QĐ-UBND ngày 12/4/2024 về bồi thường thu hồi đất",
        content="Gia đình tôi có 300 m² đất lúa thửa số 45, tờ bản đồ số 12 bị thu hồi làm đường; tiền bồi "
                "thường 1.230.000.000 đồng thấp hơn giá thị trường.",
        new_petitioners=[{"full_name": "Nông Văn Dũng", "birth_year": 1968}])
    letter_services.receive_letter(
        alice, tree.ubnd_quang_lam, received_on=dt.date(2024, 6, 10), content_kind=ContentKind.RECOMMENDATION,
        field=Field.ENVIRONMENT, summary="Phản ánh trại lợn xả thải ra suối Khuổi Khon",
        new_petitioners=[{"full_name": "Lý Thị Mai"}])
    set_matter_status(alice, earlier.matter, MatterStatus.RESOLVED, on=dt.date(2024, 7, 30))

    login(page, "alice", PASSWORD)
    page.goto("/don-thu/tiep-nhan/")
    suggestions = page.locator("#duplicate-suggestions")
    suggestions.get_by_text("Chưa thấy đơn nào").wait_for()  # loaded with the empty form

    # Typed without diacritics, the decision number and the date written another way.
    page.get_by_label("Họ và tên người viết đơn").fill("Nong Van Dung")
    page.get_by_label("Tóm tắt nội dung").fill("Don khieu nai lan 2 ve QD 125/QD-UBND ngay 12/04/2024")
    row = suggestions.locator("tr.suggestion", has_text=earlier.code)
    row.get_by_text("Rất có thể cùng vụ việc").wait_for()  # once the summary has been read, not just the name
    text = row.inner_text()
    assert "Rất có thể cùng vụ việc" in text and "Đã giải quyết" in text
    assert "Trùng họ tên người viết đơn" in text and "125/QĐ-UBND" in text and "12/4/2024" in text
    assert suggestions.locator("tr.suggestion").first.inner_text() == text  # ranked first
    assert "trại lợn" not in suggestions.inner_text()
    shot(page, "duplicates-intake-suggestions")

    page.get_by_label("Loại đơn").select_option(label="Khiếu nại")
    page.get_by_label("Lĩnh vực").select_option(label="Đất đai, nhà ở")
    page.get_by_label("Ngày nhận đơn").fill("19/08/2024")
    page.get_by_role("button", name="Lưu đơn").click()
    page.get_by_text("Đã tiếp nhận đơn").wait_for()
    repeat = Letter.objects.exclude(pk=earlier.pk).get(summary__startswith="Don khieu nai")

    # On the new letter's page, the same suggestion, with the decision buttons.
    row = page.locator("#duplicate-suggestions tr.suggestion", has_text=earlier.code)
    row.wait_for()
    assert row.get_by_role("button", name="Không trùng").is_visible()
    shot(page, "duplicates-letter-page")
    row.get_by_role("button", name="Cùng vụ việc — lưu đơn trùng").click()
    page.get_by_text("Đã ghi nhận: đơn cùng vụ việc").wait_for()
    repeat.refresh_from_db()
    assert repeat.matter_id == earlier.matter_id
    assert (repeat.status, repeat.filed_reason) == (LetterStatus.FILED, FiledReason.DUPLICATE)
    page.reload()
    assert "Lưu đơn" in page.locator(".badge.status").inner_text()
    shot(page, "duplicates-filed")
