"""Issues 6 and 15, reports: alice opens the dashboard of her province, picks a period, sees the figures,
the charts and the communes, makes a draft of the Word report, writes its assessment and downloads it;
hana, the head, issues it; then the Excel workbook."""

import datetime as dt

import pytest
from docx import Document
from openpyxl import load_workbook

from danvan.accounts.models import Role
from danvan.reports.models import IssuedDocument
from tests.browser.conftest import login, shot
from tests.conftest import PASSWORD, make_user
from tests.reports.conftest import letters_batch, visits

D = dt.date


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_alice_picks_a_period_and_downloads_the_reports(page, tree, tmp_path):
    alice = make_user("alice", tree.board_cb, Role.OFFICER, first_name="Alice", last_name="Nguyễn")
    visits(alice, tree.ubnd_quang_lam, D(2025, 3, 3), [1, 2, 6])
    visits(alice, tree.ubnd_hoa_an, D(2025, 5, 5), [1])
    visits(alice, tree.ubnd_quang_lam, D(2024, 3, 4), [1])
    letters_batch(alice, tree.ubnd_hoa_an, D(2025, 4, 1), within=4, accepted=3, resolved=3)

    login(page, "alice", PASSWORD)
    page.goto("/bao-cao/")
    page.get_by_label("Kỳ báo cáo").select_option(label="Năm 2025")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_url("**ky=2025**")
    assert page.get_by_role("heading", level=1).inner_text() == "Báo cáo Năm 2025 – Tỉnh Cao Bằng"
    figures = page.locator(".figures").inner_text()
    assert "Lượt tiếp\n4\n" in figures and "tăng 3 lượt" in figures and "75%" in figures
    rows = page.locator("table.sortable tbody tr").all_inner_texts()
    assert [r.split("\t")[0] for r in rows] == ["Xã Hòa An", "Xã Quảng Lâm"]
    # The charts are drawn by the server and loaded as images (no CDN, no script).
    for chart in page.locator(".charts img").all():
        chart.scroll_into_view_if_needed()
        assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
    shot(page, "reports-dashboard")

    # Sort the communes by visits, largest first.
    page.locator("table.sortable thead").get_by_role("link", name="Lượt tiếp").click()
    page.wait_for_url("**sap_xep=-TCD_LUOT**")
    rows = page.locator("table.sortable tbody tr").all_inner_texts()
    assert [r.split("\t")[0] for r in rows] == ["Xã Quảng Lâm", "Xã Hòa An"]

    # The Word report is a draft to edit in the browser: no number is taken.
    page.get_by_role("button", name="Lập dự thảo báo cáo Word").click()
    page.wait_for_url("**/bao-cao-da-lap/*/")
    assert "DỰ THẢO" in page.get_by_role("heading", level=1).inner_text()
    assert "Năm 2025, đã tiếp 4 lượt/10 người (4 vụ việc)" in page.locator("main").inner_text()
    page.get_by_label("Ưu điểm").fill("Tiếp công dân đều đặn.")
    page.get_by_label("Hạn chế, nguyên nhân").fill("Một xã báo cáo chậm.")
    page.get_by_label("Phương hướng, nhiệm vụ kỳ tới").fill("Giải quyết dứt điểm đơn tồn đọng.")
    page.get_by_label("Kiến nghị, đề xuất").fill("Tập huấn cho cán bộ cấp xã.")
    page.get_by_label("Họ và tên người ký").fill("Nông Thị Hoa")
    page.get_by_role("button", name="Lưu dự thảo").click()
    page.wait_for_load_state()
    assert "Đã lưu dự thảo." in page.locator("body").inner_text()
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        shot(page, f"reports-draft-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải dự thảo Word (.docx)").click()
    assert download.value.suggested_filename == "du-thao-bao-cao-04-2025.docx"
    path = tmp_path / "bao-cao.docx"
    download.value.save_as(path)
    document = Document(str(path))
    assert document.paragraphs[0].text == "DỰ THẢO"
    header = document.tables[0].rows[0].cells
    assert header[1].paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert "Số       -BC/BTGDVTU" in header[0].text
    assert any(p.text.startswith("Năm 2025, đã tiếp 4 lượt/") and "người (4 vụ việc), tăng 3 lượt (3 vụ việc) so "
               "với cùng kỳ" in p.text for p in document.paragraphs)
    assert "Tiếp công dân đều đặn." in [p.text for p in document.paragraphs]
    assert not IssuedDocument.objects.exists()
    draft_url = page.url

    # Hana, the head, issues it: numbered and frozen.
    make_user("hana", tree.board_cb, Role.HEAD)
    page.context.clear_cookies()
    login(page, "hana", PASSWORD)
    page.goto(draft_url)
    page.get_by_role("button", name="Ban hành (cấp số, ký)").click()
    page.wait_for_load_state()
    assert "Số 01-BC/BTGDVTU" in page.get_by_role("heading", level=1).inner_text()
    shot(page, "reports-issued")
    page.goto("/bao-cao/?ky=2025")

    with page.expect_download() as download:
        page.get_by_role("button", name="Tải bảng số liệu Excel (.xlsx)").click()
    path = tmp_path / "bao-cao.xlsx"
    download.value.save_as(path)
    sheet = load_workbook(path, data_only=True)["Tiếp công dân"]
    assert [(sheet[f"B{r}"].value, sheet[f"C{r}"].value) for r in (6, 7, 8)] == [
        ("Xã Quảng Lâm", 3), ("Xã Hòa An", 1), ("Tổng cộng", 4)]
    shot(page, "reports-after-download")
