"""Excel files the app writes (issue 13): user text is text in every export, a list streams in any length.

Each exporter is checked by opening its real file with openpyxl (style.md: adhocracy-plus).
"""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

from danvan.core.exports import StreamedWorkbook, set_text
from danvan.units.models import AreaLevel
from tests.conftest import make_area

RISKY = ["=1+1", '=HYPERLINK("http://x.example","Bấm")', "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]


def streamed(rows, headers=("Tên", "Số")) -> Workbook:
    book = StreamedWorkbook("Thử", list(headers), widths=(20, 8))
    for row in rows:
        book.append(row)
    response = book.response("thu.xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="thu.xlsx"'
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def test_a_streamed_sheet_keeps_text_as_text_and_numbers_as_numbers():
    sheet = streamed([[text, n] for n, text in enumerate(RISKY)] + [["Nông Văn Dân <&> \x00\x07", None],
                                                                     ["  lề  ", 1.5]]).active
    assert [c.value for c in sheet[1]] == ["Tên", "Số"] and sheet["A1"].font.b
    for row, text in enumerate(RISKY, start=2):
        cell = sheet.cell(row=row, column=1)
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
        assert sheet.cell(row=row, column=2).value == row - 2  # a number stays a number
    assert sheet["A9"].value == "Nông Văn Dân <&> " and not sheet["A9"].quotePrefix  # control characters dropped
    assert sheet["B9"].value is None
    assert (sheet["A10"].value, sheet["B10"].value) == ("  lề  ", 1.5)
    assert sheet.freeze_panes == "A2"


def test_a_streamed_sheet_takes_many_rows():
    sheet = streamed([f"Đơn {n}", n] for n in range(30_000)).active
    assert sheet.max_row == 30_001 and sheet["A30001"].value == "Đơn 29999" and sheet["B30001"].value == 29_999


@pytest.mark.parametrize("text", RISKY)
def test_set_text_stores_user_text_that_looks_like_a_formula_as_text(text, tmp_path):
    book = Workbook()
    set_text(book.active["A1"], text)
    book.save(tmp_path / "a.xlsx")
    cell = load_workbook(tmp_path / "a.xlsx").active["A1"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)


def test_the_report_workbook_writes_unit_names_as_text(tree, alice, client_for):
    """The reports' Excel workbook: a unit named like a formula stays a name (its totals stay formulas)."""
    make_area(AreaLevel.COMMUNE, "09999", '=HYPERLINK("http://x.example","Xã")', tree.cao_bang, division_type="xã")
    response = client_for(alice).post("/bao-cao/van-ban/", {"ky": "2025", "dinh_dang": "xlsx",
                                                            "don_vi": tree.cao_bang.pk})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    named = [cell for sheet in book for row in sheet.iter_rows() for cell in row
             if cell.value == '=HYPERLINK("http://x.example","Xã")']
    assert named, "the unit is in the workbook"
    assert all(cell.data_type == "s" for cell in named)
    formulas = [cell.value for sheet in book for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    assert formulas and not any("HYPERLINK" in formula for formula in formulas)
