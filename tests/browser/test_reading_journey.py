"""Issue 20: alice uploads a commune's Word report of 2019, reviews the figures beside their sentences, corrects
one, drops another and confirms; the figures appear in that commune's report for 2019."""

import pytest
from docx import Document

from danvan.accounts.models import Role
from danvan.reports.models import EnteredValue
from tests.browser.conftest import login, pick, shot
from tests.conftest import PASSWORD, make_user

LINES = [
    "ỦY BAN NHÂN DÂN XÃ HÒA AN",
    "BÁO CÁO Kết quả công tác dân vận năm 2019",
    "Năm 2019, đã tiếp 63 lượt công dân (41 vụ việc), giảm 12 lượt (7 vụ việc) so với cùng kỳ; đã giải quyết "
    "35/41 vụ việc, đạt 85,4%.",
    "Tổ chức 24 cuộc đối thoại với 2.105 lượt người tham gia. Thực hiện Quyết định số 23-QĐ/TW, thu nhập bình quân "
    "đạt 62 triệu đồng.",
]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_upload_review_correct_confirm_and_see_it_in_the_report(page, tree, tmp_path):
    make_user("alice", tree.board_cb, Role.OFFICER, first_name="Alice", last_name="Nguyễn")
    document = Document()
    for line in LINES:
        document.add_paragraph(line)
    path = tmp_path / "bao-cao-hoa-an-2019.docx"
    document.save(path)

    login(page, "alice", PASSWORD)
    page.goto("/doc-bao-cao/")
    pick(page, "Cơ quan, đơn vị của báo cáo", str(tree.ubnd_hoa_an), "hoa an")
    page.get_by_label("Tệp báo cáo (.docx, .txt)").set_input_files(str(path))
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        shot(page, f"reading-upload-{width}")
    page.get_by_role("button", name="Đọc báo cáo").click()
    page.wait_for_load_state()
    assert "Năm 2019" in page.get_by_role("heading", level=2).first.inner_text()
    assert page.locator("mark", has_text="2.105").count() >= 1
    assert "62 triệu" in page.locator("main").inner_text()  # listed as not understood
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        shot(page, f"reading-review-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_label("Số lượt tiếp công dân").fill("65")  # corrected
    dialogue_people = page.locator("tr", has=page.get_by_label("Số người tham dự đối thoại"))
    dialogue_people.get_by_role("checkbox").uncheck()  # dropped
    page.get_by_role("button", name="Lưu các số liệu đã chọn").click()
    page.wait_for_url("**ky=2019**")
    assert "Đã lưu" in page.locator("body").inner_text()
    figures = page.locator(".figures").inner_text()
    assert "Lượt tiếp\n65\n" in figures
    shot(page, "reading-confirmed-report")
    stored = {v.indicator.code: v.value for v in EnteredValue.objects.filter(organisation=tree.ubnd_hoa_an)}
    assert stored == {"TCD_LUOT": 65, "TCD_VUVIEC": 41, "DT_GIAIQUYET": 35, "DT_PHAIGQ": 41, "DTH_CUOC": 24}
