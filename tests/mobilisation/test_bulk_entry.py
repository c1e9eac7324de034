"""Bulk entry of propaganda sessions, from a grid of rows or an Excel sheet: all rows or none."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from danvan.mobilisation.models import PropagandaSession

HEADERS = ["Ngày", "Hình thức", "Nội dung", "Địa điểm", "Số người dự"]


def _xlsx(rows, headers=HEADERS) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("buoi.xlsx", out.getvalue())


def _good_rows(n):
    return [[dt.date(2025, 3, 1 + i), "Phổ biến, giáo dục pháp luật", f"Luật Đất đai, thôn {i}", f"Thôn {i}", 30 + i]
            for i in range(n)]


def test_template_has_vietnamese_headers_and_guidance(client_for, alice):
    response = client_for(alice).get(reverse("mobilisation:session_template"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert "dd/mm/yyyy" in " ".join(str(row[0].value) for row in book.worksheets[1].iter_rows())


def test_good_sheet_saves_every_row(client_for, tree, alice):
    rows = _good_rows(24)
    rows.append(["15/03/2025", "Tuyên truyền", "Phòng, chống ma túy", "", "1.538"])  # text date and "1.538"
    response = client_for(alice).post(reverse("mobilisation:session_import"),
                                      {"organisation": tree.ubnd_quang_lam.pk, "workbook": _xlsx(rows)})
    assert response.status_code == 302
    sessions = PropagandaSession.objects.filter(organisation=tree.ubnd_quang_lam)
    assert sessions.count() == 25
    assert sessions.get(topic="Phòng, chống ma túy").attendees == 1538
    assert sessions.get(topic="Phòng, chống ma túy").held_on == dt.date(2025, 3, 15)
    assert sessions.first().history.first().history_user == alice


def test_a_bad_row_is_rejected_with_its_row_and_column_and_nothing_is_saved(client_for, tree, alice):
    rows = _good_rows(10)
    rows[5][0] = "31/02/2025"   # sheet row 7: no such date
    rows[8][4] = "ba mươi"      # sheet row 10: not a number
    response = client_for(alice).post(reverse("mobilisation:session_import"),
                                      {"organisation": tree.ubnd_quang_lam.pk, "workbook": _xlsx(rows)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dòng 7, cột Ngày: “31/02/2025” không phải ngày dạng dd/mm/yyyy." in page
    assert "Dòng 10, cột Số người dự" in page
    assert PropagandaSession.objects.count() == 0


def test_model_rules_are_reported_by_row_too(client_for, tree, alice):
    rows = _good_rows(4)
    rows[2][2] = None   # row 4: no topic
    rows[3][4] = 0      # row 5: nobody attended
    response = client_for(alice).post(reverse("mobilisation:session_import"),
                                      {"organisation": tree.ubnd_quang_lam.pk, "workbook": _xlsx(rows)})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Dòng 4, cột Nội dung" in page and "Dòng 5, cột Số người dự" in page
    assert PropagandaSession.objects.count() == 0


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("x.xlsx", b"not a workbook"), "không phải bảng tính Excel"),
        (_xlsx([["01/03/2025", "Tuyên truyền", "A", "", 3]], headers=["Ngay", "Loai"]), "Dòng 1 phải là tiêu đề"),
        (_xlsx([]), "không có dòng dữ liệu"),
    ],
)
def test_wrong_files_are_refused(client_for, tree, alice, upload, message):
    response = client_for(alice).post(reverse("mobilisation:session_import"),
                                      {"organisation": tree.ubnd_quang_lam.pk, "workbook": upload})
    assert response.status_code == 400 and message in response.content.decode()
    assert PropagandaSession.objects.count() == 0


def test_outsider_organisation_is_refused(client_for, tree, alice):
    response = client_for(alice).post(reverse("mobilisation:session_import"),
                                      {"organisation": tree.ubnd_hoan_kiem.pk, "workbook": _xlsx(_good_rows(2))})
    assert response.status_code == 400
    assert PropagandaSession.objects.count() == 0


def _grid(rows, organisation):
    data = {"organisation": organisation.pk, "form-TOTAL_FORMS": "10", "form-INITIAL_FORMS": "0",
            "form-MIN_NUM_FORMS": "0", "form-MAX_NUM_FORMS": "200"}
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"form-{index}-{name}"] = value
    return data


def test_grid_saves_filled_rows_and_skips_blank_ones(client_for, tree, alice):
    rows = [{"held_on": f"2025-03-{10 + i}", "kind": "legal", "topic": f"Buổi {i}", "attendees": "40"}
            for i in range(6)]
    response = client_for(alice).post(reverse("mobilisation:session_bulk"), _grid(rows, tree.ubnd_quang_lam))
    assert response.status_code == 302
    assert PropagandaSession.objects.filter(organisation=tree.ubnd_quang_lam).count() == 6


def test_grid_with_a_bad_row_saves_nothing_and_names_the_row(client_for, tree, alice):
    rows = [{"held_on": f"2025-03-{10 + i}", "kind": "legal", "topic": f"Buổi {i}", "attendees": "40"}
            for i in range(6)]
    rows[2]["attendees"] = "-5"
    response = client_for(alice).post(reverse("mobilisation:session_bulk"), _grid(rows, tree.ubnd_quang_lam))
    assert response.status_code == 400
    assert "Dòng 3, cột Số người dự" in response.content.decode()
    assert PropagandaSession.objects.count() == 0


def test_viewer_cannot_bulk_enter(client_for, tree, bob):
    assert client_for(bob).get(reverse("mobilisation:session_bulk")).status_code == 403
    assert client_for(bob).get(reverse("mobilisation:session_import")).status_code == 403


def test_grid_grows_for_a_quarter_of_sessions(client_for, tree, alice):
    client = client_for(alice)
    page = client.get(reverse("mobilisation:session_bulk")).content.decode()
    assert 'name="form-TOTAL_FORMS" value="10"' in page and "?dong=30" in page
    page = client.get(reverse("mobilisation:session_bulk"), {"dong": "30"}).content.decode()
    assert 'name="form-TOTAL_FORMS" value="30"' in page
    rows = [{"held_on": f"{1 + i % 28:02d}/03/2025", "kind": "propaganda", "topic": f"Thôn {i}", "attendees": "25"}
            for i in range(30)]
    data = _grid(rows, tree.ubnd_quang_lam)
    data["form-TOTAL_FORMS"] = "30"
    assert client.post(reverse("mobilisation:session_bulk"), data).status_code == 302
    assert PropagandaSession.objects.filter(organisation=tree.ubnd_quang_lam).count() == 30
