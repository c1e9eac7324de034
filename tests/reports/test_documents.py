"""The generated .docx and .xlsx, opened with python-docx and openpyxl: every figure of the three-level
tree of conftest.py, the ratio rolled up as 22/29, the comparison across the merger, and each
format's header lines (HD 36-HD/VPTW for the Party board, NĐ 30/2020/NĐ-CP for the People's Committee).
"""

import datetime as dt
import io

import pytest
from docx import Document
from docx.shared import Pt
from openpyxl import load_workbook

from danvan.core.formatting import vn_percent
from danvan.reports.documents import excel_report, word_document
from danvan.reports.models import DocumentSequence, IssuedDocument
from danvan.reports.periods import parse_period
from danvan.reports.rollup import build_report
from tests.reports.conftest import DIRECT, HA, NB, QL, RATIOS, TL, expected, expected_ratio

ROW_KEYS = [QL, NB, HA, TL, DIRECT]
ROW_LABELS = ["Xã Quảng Lâm", "Xã Nguyên Bình", "Xã Hòa An", "Xã Trà Lĩnh", "Cơ quan cấp tỉnh Cao Bằng và đơn vị khác"]
ISSUED = dt.date(2026, 1, 10)


def _docx(generated):
    return Document(io.BytesIO(generated.content))


def _texts(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def _header_lines(document) -> tuple[list[str], list[str]]:
    left, right = document.tables[0].rows[0].cells
    return [p.text for p in left.paragraphs if p.text], [p.text for p in right.paragraphs if p.text]


def _run(document, text):
    for table in document.tables[:1]:
        for cell in table.rows[0].cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    if run.text == text:
                        return run
    raise AssertionError(text)


def _cell_text(code: str, key: str, year_index: int) -> str:
    if code in RATIOS:
        numerator, denominator = expected_ratio(key, code, year_index)
        return vn_percent(numerator, denominator) if denominator else "—"
    return f"{expected(key, code, year_index):,}".replace(",", ".")


@pytest.fixture
def report(scenario):
    return build_report(scenario.province, parse_period("2025"))


LETTER_CODES = ("DT_NHAN", "DT_DUDK", "DT_THAMQUYEN", "DT_THULY", "DT_KYTRUOC", "DT_PHATSINH", "DT_PHAIGQ",
                "DT_GIAIQUYET", "DT_TYLE_GQ", "DT_DUNGHAN", "DT_TYLE_DUNGHAN", "DT_CHUYEN", "DT_TRUNG")


def test_the_party_word_report_has_the_hd36_header_the_narrative_and_every_figure(report, tree):
    generated = word_document(tree.board_cb, report, ISSUED)
    document = _docx(generated)
    assert generated.filename == "du-thao-bao-cao-04-2025.docx"
    left, right = _header_lines(document)
    assert left == ["TỈNH ỦY CAO BẰNG", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*", "Số       -BC/BTGDVTU"]
    assert right == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Cao Bằng, ngày 10 tháng 01 năm 2026"]
    title = _run(document, "ĐẢNG CỘNG SẢN VIỆT NAM")
    assert (title.font.size, title.font.bold, title.font.underline) == (Pt(15), True, True)
    assert _run(document, "BAN TUYÊN GIÁO VÀ DÂN VẬN").font.bold
    assert _run(document, "Cao Bằng, ngày 10 tháng 01 năm 2026").font.italic
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in "\n".join(left + right)

    texts = _texts(document)
    assert texts[:4] == [
        "DỰ THẢO",
        "BÁO CÁO",
        "Kết quả công tác dân vận, tiếp công dân và xử lý đơn thư năm 2025 của tỉnh Cao Bằng",
        "(Số liệu từ ngày 01/01/2025 đến ngày 31/12/2025)",
    ]
    headings = [t for t in texts if t[:3] in {"I. ", "II.", "III", "IV."} or t[:3] in {"1. ", "2. ", "3. ", "4. ",
                                                                                         "5. ", "6. "}]
    assert headings == ["I. KẾT QUẢ THỰC HIỆN", "1. Công tác tiếp công dân", "2. Công tác tiếp nhận, xử lý đơn thư",
                        "3. Công tác đối thoại với Nhân dân", "4. Phong trào thi đua “Dân vận khéo”",
                        "5. Tuyên truyền, giao ban, giám sát và khen thưởng", "6. Tình hình báo cáo của các đơn vị",
                        "II. ĐÁNH GIÁ CHUNG", "1. Ưu điểm", "2. Hạn chế, nguyên nhân",
                        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "IV. KIẾN NGHỊ, ĐỀ XUẤT"]
    # The register of the seed reports: 12 visits (12 matters) in 2025 against 8 (8) in 2024.
    assert ("Năm 2025, đã tiếp 12 lượt/17 người (12 vụ việc), tăng 4 lượt (4 vụ việc) so với cùng kỳ; "
            "có 1 đoàn đông người, tăng 1 đoàn so với cùng kỳ.") in texts
    letters = next(t for t in texts if t.startswith("Đã tiếp nhận"))
    assert letters.startswith("Đã tiếp nhận 31 đơn (31 vụ việc), tăng 26 đơn (26 vụ việc) so với cùng kỳ, gồm 31 "
                              "đơn khiếu nại (31 vụ việc). Có 29 đơn đủ điều kiện xử lý, trong đó 29 đơn thuộc "
                              "thẩm quyền; đã thụ lý 25 đơn")
    # Form 02/XLD: resolved over carried over + arising, rolled up: 22/31, never above 100 %.
    # By matter (each letter of the scenario is its own matter, so no second rate by letter).
    assert ("Đã giải quyết 22/31 vụ việc thuộc thẩm quyền (gồm 2 vụ việc kỳ trước chuyển sang, 29 vụ việc phát "
            "sinh trong kỳ), đạt 71%; cùng kỳ đạt 60%") in letters
    assert ("Đã tổ chức 1 cuộc đối thoại với 40 người tham dự, bằng cùng kỳ; tiếp nhận 2 ý kiến của "
            "Nhân dân, cam kết giải quyết 1 việc.") in texts
    models = next(t for t in texts if "mô hình “Dân vận khéo”" in t)
    assert "kinh tế: 1 mô hình; văn hóa - xã hội: 1 mô hình; xây dựng nông thôn mới: 2 mô hình" in models
    assert "Các đơn vị chưa có số liệu trong kỳ: Xã Trà Lĩnh." in texts
    body = " ".join(texts)
    assert not any(word in body for word in (" trên ", " gần "))
    assert "Số liệu cần kiểm tra lại" not in body  # findings are shown in the app, never printed
    assert len(document.inline_shapes) == 1  # the comparison chart
    # Not every paragraph opens with the period.
    assert sum(t.startswith("Năm 2025,") for t in texts) == 1

    # "Nơi nhận" beside the signature, in a borderless table.
    receivers, signature = (cell for cell in document.tables[1].rows[0].cells)
    assert receivers.paragraphs[0].text == "Nơi nhận:" and receivers.paragraphs[-1].text == "- Lưu: VT."
    assert "tblBorders" in document.tables[1]._tbl.xml
    assert "<w:cantSplit/>" in document.tables[1].rows[0]._tr.xml  # never split over two pages

    # The annex: one table per work area and period, one row per current commune, the total.
    tables = document.tables[2:]
    assert len(tables) == 12  # six work areas since "Dân vận chính quyền" (issue 20), two periods
    for table, (group_codes, year_index) in zip(tables, [
        (("TCD_LUOT", "TCD_NGUOI", "TCD_VUVIEC", "TCD_DOAN"), 0),
        (("TCD_LUOT", "TCD_NGUOI", "TCD_VUVIEC", "TCD_DOAN"), 1),
        (LETTER_CODES, 0),
        (LETTER_CODES, 1),
    ], strict=False):
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        assert [r[1] for r in rows[1:]] == ROW_LABELS + ["Tổng cộng"]
        for values, key in zip(rows[1:], ROW_KEYS + ["total"], strict=True):
            assert values[2:] == [_cell_text(code, key, year_index) for code in group_codes], (key, year_index)
        assert "<w:tblHeader/>" in table._tbl.xml  # the header row repeats on every page
    letters_2025 = [[cell.text for cell in row.cells] for row in tables[2].rows]
    assert letters_2025[0][10] == "Tỷ lệ giải quyết (%)"
    assert [r[10] for r in letters_2025[1:]] == ["76,9%", "0%", "70,6%", "—", "—", "71%"]
    # Across the merger: Nguyên Bình (01/7/2025) is compared with Bế Triều and Hoàng Tung's 2024.
    reception_2024 = [[cell.text for cell in row.cells] for row in tables[1].rows]
    assert reception_2024[2][:3] == ["2", "Xã Nguyên Bình", "5"]
    # A draft takes no number and writes nothing in the register.
    assert not IssuedDocument.objects.exists() and not DocumentSequence.objects.exists()


def test_the_state_word_report_has_the_nd30_header_and_page_setup(report, tree):
    document = _docx(word_document(tree.ubnd_cb, report, ISSUED))
    left, right = _header_lines(document)
    assert left == ["ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG", "Số:       /BC-UBND"]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Cao Bằng, ngày 10 tháng 01 năm 2026"]
    title, motto = _run(document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), _run(document, "Độc lập - Tự do - Hạnh phúc")
    assert (title.font.size, title.font.bold) == (Pt(12), True)
    assert (motto.font.size, motto.font.bold, motto.font.underline) == (Pt(13), True, True)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in "\n".join(left + right)
    # The grid agrees with the cells (70/95 mm): LibreOffice lays out by the grid, and 82,5/82,5 mm wrapped
    # the national title onto two lines.
    header = document.tables[0]
    assert [round(column.width.mm) for column in header.columns] == [70, 95]
    assert [round(cell.width.mm) for cell in header.rows[0].cells] == [70, 95]
    # A solid line under the issuing body (NĐ 30/2020/NĐ-CP, Phụ lục I).
    assert "w:pBdr" in header.rows[0].cells[0]._tc.xml
    section = document.sections[0]

    def mm(length):
        return round(length.mm)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)  # A4
    assert (mm(section.top_margin), mm(section.left_margin), mm(section.right_margin)) == (20, 30, 15)
    assert section.different_first_page_header_footer  # no page number on page 1
    assert "PAGE" in section.header._element.xml
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert mm(document.sections[1].page_width) == 297  # the annex is landscape


def test_the_excel_workbook_has_every_figure_and_totals_that_match(report):
    content = excel_report(report).content
    formulas, values = load_workbook(io.BytesIO(content)), load_workbook(io.BytesIO(content), data_only=True)
    # Names chosen to fit 31 characters, not cut ("…giám sá").
    assert formulas.sheetnames == ["Tiếp công dân", "Đơn thư", "Đối thoại", "Dân vận khéo", "Tuyên truyền, giám sát",
                                   "Dân vận chính quyền", "Tình hình báo cáo"]
    for sheet in formulas.sheetnames[:-1]:
        ws, cached = formulas[sheet], values[sheet]
        assert ws["A2"].value.startswith("Kỳ báo cáo: Năm 2025 (01/01/2025 – 31/12/2025); cùng kỳ: Năm 2024")
        assert [ws.cell(row=r, column=2).value for r in range(6, 12)] == ROW_LABELS + ["Tổng cộng"]
        column = 3
        while ws.cell(row=4, column=column).value:
            header = ws.cell(row=4, column=column).value
            code = next(i.code for i in report.indicators if header == f"{i.short_name} ({i.unit})")
            assert [ws.cell(row=5, column=column + k).value for k in range(3)] == ["Kỳ này", "Cùng kỳ", "Tăng, giảm"]
            for r, key in enumerate(ROW_KEYS + ["total"], start=6):
                for offset in (0, 1):
                    got = cached.cell(row=r, column=column + offset).value
                    if code in RATIOS:
                        numerator, denominator = expected_ratio(key, code, offset)
                        if denominator:
                            assert got == pytest.approx(numerator / denominator), (code, key)
                        else:
                            assert got in ("", None), (code, key)  # an empty cell, not a made-up 0%
                    else:
                        assert got == expected(key, code, offset), (sheet, code, key, offset)
                change = cached.cell(row=r, column=column + 2).value
                if code not in RATIOS:
                    assert change == expected(key, code, 0) - expected(key, code, 1)
            # Totals are formulas over the unit rows; a ratio's total divides the totals, never averages.
            total = ws.cell(row=11, column=column).value
            letter = ws.cell(row=11, column=column).column_letter
            assert total == (f"=SUM({letter}6:{letter}10)" if code not in RATIOS else total)
            if code in RATIOS:
                assert total.startswith("=IF(") and "11/" in total
            column += 3
    # Laid out to print: landscape A4 fitted to the width, the header rows on every page, the table as print area.
    for sheet in formulas.worksheets[:-1]:
        assert (sheet.page_setup.orientation, sheet.page_setup.paperSize) == ("landscape", 9)
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$4:$5"
        assert sheet.print_area.endswith("$11")
        assert sheet.column_dimensions["B"].width >= len("Cơ quan cấp tỉnh Cao Bằng và đơn vị khác")
    letters = values["Đơn thư"]
    rate_column = next(c for c in range(3, 40) if letters.cell(row=4, column=c).value == "Tỷ lệ giải quyết (%)")
    assert letters.cell(row=11, column=rate_column).value == pytest.approx(22 / 31)
    assert letters.cell(row=11, column=rate_column).number_format == "0.0%"
    status = [c.value for c in values["Tình hình báo cáo"]["A"] if c.value]
    assert status == ["Đơn vị chưa có số liệu trong kỳ", "Xã Trà Lĩnh"]  # no findings printed


def test_the_excel_body_cells_keep_their_font_border_and_number_formats(report):
    """Each body cell takes its look from the workbook's named styles (copied, not set one property at a time):
    Times New Roman with thin borders, the totals in bold, counts "#,##0", rates "0.0%", changes signed."""
    ws = load_workbook(io.BytesIO(excel_report(report).content))["Đơn thư"]
    rate_column = next(c for c in range(3, 40) if ws.cell(row=4, column=c).value == "Tỷ lệ giải quyết (%)")
    for row, style, bold in ((6, "Số liệu", False), (10, "Số liệu", False), (11, "Tổng cộng", True)):
        for column in range(1, ws.max_column + 1):
            cell = ws.cell(row=row, column=column)
            assert (cell.style, cell.font.name, cell.font.b, cell.border.left.style) == \
                (style, "Times New Roman", bold, "thin"), cell.coordinate
        assert [ws.cell(row=row, column=c).number_format for c in (3, 4, 5)] == ["#,##0", "#,##0", "+#,##0;-#,##0;0"]
        assert ws.cell(row=row, column=rate_column).number_format == "0.0%"
        assert ws.cell(row=row, column=rate_column + 2).number_format == "0.0%"
    assert ws.cell(row=6, column=5).data_type == "f" and ws.cell(row=6, column=5).value == "=C6-D6"


def test_a_unit_name_that_looks_like_a_formula_stays_text_in_the_workbook(report):
    """The body rows are written as XML (not openpyxl cells): a name beginning with "=" is still text, with
    Excel's quote prefix and the body's look, and the XML's special characters survive."""
    report.rows[0].label = '=HYPERLINK("http://x","<Xã & Phường>")'
    ws = load_workbook(io.BytesIO(excel_report(report).content))["Đơn thư"]
    cell = ws["B6"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (report.rows[0].label, "s", True)
    assert (cell.font.name, cell.border.left.style) == ("Times New Roman", "thin")
    assert not ws["B7"].quotePrefix and ws["B7"].value == ROW_LABELS[1]


@pytest.mark.parametrize("draw", ["comparison", "units"])
def test_a_charts_legend_runs_over_neither_its_title_nor_its_axes_with_dated_periods(scenario, monkeypatch, draw):
    """A report over dates labels its periods "Từ ngày 01/01/2025 đến ngày 31/12/2025": the legend, beside the
    title above the axes, ran over the title in the Word report's chart."""
    from danvan.reports import charts
    from danvan.reports.periods import date_range

    report = build_report(scenario.province, date_range(dt.date(2025, 1, 1), dt.date(2025, 12, 31)))
    drawn = {}
    monkeypatch.setattr(charts, "_render", lambda fig, fmt: drawn.setdefault("fig", fig) and b"")
    charts.comparison_chart(report, "png") if draw == "comparison" else charts.units_chart(report, "TCD_LUOT", "png")
    fig = drawn["fig"]
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    legend = (fig.legends[0] if fig.legends else ax.get_legend()).get_window_extent(renderer)
    assert "Từ ngày 01/01/2025" in " ".join(t.get_text() for t in (fig.legends or [ax.get_legend()])[0].get_texts())
    for other in (ax.title.get_window_extent(renderer), ax.get_window_extent(renderer),
                  ax.xaxis.get_tightbbox(renderer), ax.yaxis.get_tightbbox(renderer)):
        assert not legend.overlaps(other)
    assert 0 <= legend.x0 and legend.x1 <= fig.bbox.width and legend.y0 >= 0  # on the picture


def test_the_annex_headers_keep_their_words_whole(tree, report):
    """LibreOffice broke narrow headers inside a word ("thưởn|g", the activities' 15 figures) and wide ones
    between the words of a unit ("Hồ sơ đúng hạn (hồ | sơ)"): narrow headers take narrower cell margins, and
    a wide header's unit holds together."""
    from docx.oxml.ns import qn

    document = _docx(word_document(tree.ubnd_cb, report, ISSUED))
    headers = {len(table.columns): table.rows[0] for table in document.tables if table.cell(0, 0).text == "STT"}
    narrow, wide = headers[max(headers)], headers[min(headers)]
    assert len(narrow.cells) >= 15 and all(
        cell._tc.tcPr.find(qn("w:tcMar")) is not None for cell in narrow.cells[2:])
    units = [cell.text[cell.text.rindex("("):] for cell in wide.cells[2:] if "(" in cell.text]
    assert units and all(" " not in unit for unit in units) and any("\u00a0" in unit for unit in units)
