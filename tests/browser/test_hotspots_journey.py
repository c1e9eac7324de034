"""Issue 21, hot spots: a nightly alert appears, alice opens it as a hot spot, assigns a steering measure,
records it done, resolves the hot spot, and the quarter's report counts it. Screenshots of the list, the alerts
and the map at 1366 and 390 px."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from danvan.accounts.models import Role
from danvan.core.choices import Field
from danvan.hotspots import services
from danvan.hotspots.models import HotSpot, HotSpotStatus
from tests.browser.conftest import login, shot
from tests.conftest import PASSWORD, make_user
from tests.hotspots.factories import letter, visit

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_alert_becomes_a_hot_spot_that_is_resolved_and_counted(page, tree):
    today = timezone.localdate()
    tree.quang_lam.latitude, tree.quang_lam.longitude = 22.70, 106.25
    tree.quang_lam.save()
    tree.hoa_an.latitude, tree.hoa_an.longitude = 22.68, 106.05
    tree.hoa_an.save()
    alice = make_user("alice", tree.board_cb, Role.OFFICER, first_name="Alice", last_name="Nguyễn")
    group = letter(alice, tree.board_cb, on=today - dt.timedelta(days=12), subject_area=tree.quang_lam, signers=7,
                   field=Field.ENVIRONMENT, summary="Phản ánh trại lợn gây ô nhiễm nguồn nước")
    visit(alice, tree.board_cb, on=today - dt.timedelta(days=5), matter=group.matter, subject_area=tree.quang_lam,
          persons=35, field=Field.ENVIRONMENT)
    visit(alice, tree.board_cb, on=today - dt.timedelta(days=2), subject_area=tree.quang_lam, persons=18,
          field=Field.ENVIRONMENT)
    visit(alice, tree.board_cb, on=today - dt.timedelta(days=1), subject_area=tree.quang_lam, persons=8,
          field=Field.ENVIRONMENT)
    services.compute_alerts(today)  # the nightly job

    login(page, "alice", PASSWORD)
    page.goto("/diem-nong/canh-bao/")
    row = page.locator("#alerts tbody tr").filter(has_text="Xã Quảng Lâm")
    assert "4 đoàn đông người, đơn đông người (tổng 68 người)" in row.inner_text()  # in the commune and field
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        shot(page, f"hotspots-alerts-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})
    row.get_by_role("link").first.click()
    page.wait_for_url("**/canh-bao/*/")
    assert "Phản ánh trại lợn" in page.locator("main").inner_text()  # the records behind it

    page.get_by_label("Tên vụ việc, điểm nóng").fill("Ô nhiễm trại lợn ở Quảng Lâm, nhiều hộ dân kéo đến xã")
    page.get_by_label("Cơ quan chủ trì giải quyết").fill("UBND xã Quảng Lâm")
    page.get_by_label("Mức độ nguy cơ").select_option(label="Cao")
    page.get_by_role("button", name="Lập điểm nóng").click()
    page.wait_for_url("**/diem-nong/*/")
    spot = HotSpot.objects.get()
    assert spot.status == HotSpotStatus.EMERGING and spot.people_involved == 35
    assert page.locator("#hotspot-status").inner_text() == "Mới nổi"

    page.get_by_label("Nội dung chỉ đạo").fill("Kiểm tra, xử lý trại lợn; tổ chức đối thoại với các hộ dân")
    page.get_by_label("Cơ quan, người thực hiện").fill("UBND xã, Phòng Nông nghiệp và Môi trường")
    page.get_by_label("Ngày chỉ đạo").fill(today.strftime("%d/%m/%Y"))
    page.get_by_label("Hạn hoàn thành").fill((today + dt.timedelta(days=15)).strftime("%d/%m/%Y"))
    page.get_by_role("button", name="Giao biện pháp").click()
    page.wait_for_load_state()
    assert "Đang thực hiện" in page.locator("#measures").inner_text()

    # Resolving with the measure open is refused, naming what is missing.
    page.get_by_role("button", name="Ghi nhận đã giải quyết").click()
    page.wait_for_load_state()
    assert "Còn 1 biện pháp chỉ đạo chưa hoàn thành" in page.locator("main").inner_text()

    page.locator("#measures").get_by_label("Kết quả thực hiện").fill("Trại lợn đã xây hầm biogas; dân đồng thuận")
    page.locator("#measures").get_by_role("button", name="Ghi nhận hoàn thành").click()
    page.wait_for_load_state()
    assert "Hoàn thành " + today.strftime("%d/%m/%Y") in page.locator("#measures").inner_text()
    page.get_by_role("button", name="Ghi nhận đã giải quyết").click()
    page.wait_for_load_state()
    assert page.locator("#hotspot-status").inner_text() == "Đã giải quyết"

    page.goto("/diem-nong/")
    assert "Ô nhiễm trại lợn ở Quảng Lâm" in page.locator("main").inner_text()
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        shot(page, f"hotspots-list-{width}")
    page.goto("/diem-nong/ban-do/")
    assert page.locator("svg circle").count() == 0  # resolved and reviewed: nothing open on the map
    visit(alice, tree.board_cb, on=today, subject_area=tree.hoa_an, persons=20, field=Field.LAND_HOUSING)
    visit(alice, tree.board_cb, on=today, subject_area=tree.hoa_an, persons=15, field=Field.LAND_HOUSING)
    visit(alice, tree.board_cb, on=today, subject_area=tree.hoa_an, persons=9, field=Field.LAND_HOUSING)
    visit(alice, tree.board_cb, on=today, subject_area=tree.hoa_an, persons=6, field=Field.LAND_HOUSING)
    services.compute_alerts(today)
    page.goto("/diem-nong/ban-do/")
    assert page.locator("svg circle").count() == 1
    assert "Xã Hòa An" in page.locator("#map-table").inner_text()
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        shot(page, f"hotspots-map-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})

    # The quarter's report counts it: identified, directed and resolved this quarter.
    quarter = (today.month - 1) // 3 + 1
    page.goto("/bao-cao/")
    page.get_by_label("Kỳ báo cáo").select_option(label=f"Quý {ROMAN[quarter]} năm {today.year}")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_url(f"**ky={today.year}-Q{quarter}**")
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải bảng số liệu Excel (.xlsx)").click()
    workbook = load_workbook(io.BytesIO(open(download.value.path(), "rb").read()), data_only=True)
    found = {}
    for sheet in workbook.worksheets:
        for column in range(3, sheet.max_column + 1):
            header = sheet.cell(row=4, column=column).value or ""
            if header.startswith(("Được chỉ đạo xử lý", "Điểm nóng đã giải quyết", "Điểm nóng phát sinh")):
                values = [sheet.cell(row=r, column=column).value for r in range(6, sheet.max_row + 1)]
                found[header] = [v for v in values if v is not None][-1]  # the total row comes last
    assert found == {"Điểm nóng phát sinh (vụ việc)": 1, "Được chỉ đạo xử lý (vụ việc)": 1,
                     "Điểm nóng đã giải quyết (vụ việc)": 1}, found
