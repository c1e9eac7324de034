"""The report's figures as an Excel workbook (openpyxl): one sheet per indicator group, units as
rows, and for each indicator the period, the same period last year and the change as columns.

Totals and changes are formulas (=SUM(…), =C6-D6) so that an office can add a row and recompute;
a ratio's total is recomputed from the totals of its numerator and denominator, never averaged.
The body rows are written as XML with each formula's computed result (`Body`).
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter

from danvan.core.exports import set_text, text_cell_xml
from danvan.core.formatting import vn_date
from danvan.reports.documents import footnotes, patch_parts
from danvan.reports.models import IndicatorGroup
from danvan.reports.rollup import Figure, Report

THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="EEF0F4")
FONT = "Times New Roman"
FIRST_ROW = 6
PERCENT = "0.0%"
NUMBER = "#,##0"
CHANGE = "+#,##0;-#,##0;0"
# The body cells' looks as named styles, registered once per workbook: a cell then takes its style by
# name, instead of openpyxl hashing a new Font and Border for each of the report's thousands of cells.
CELL, TOTAL = "Số liệu", "Tổng cộng"


def _ratio(figure: Figure) -> float | str:
    return figure.value / figure.denominator if figure.denominator else ""


class Body:
    """The unit rows and the total row of each sheet, written as SpreadsheetML rather than as openpyxl cells.

    A province's workbook has about 25.000 body cells; as openpyxl cells they took two thirds of the workbook's
    time (a Cell object each, its style hashed again when saved), more than the 0,3 s a document may add to
    its report (issue 23). openpyxl still writes everything else (titles, headers, styles, print set-up); the
    rows written here go into each sheet's XML after it has saved, as `core.exports.StreamedWorkbook` writes
    a list. A formula is written with its computed result (openpyxl has no place for one), so the workbook
    shows the right figures even in viewers that do not recalculate; Excel recalculates on opening
    (`fullCalcOnLoad`). Text goes through `core.exports.text_cell_xml`, the one gate for text in a cell."""

    def __init__(self, wb: Workbook):
        self.wb = wb
        self.rows: dict[int, list[str]] = {}  # sheet index → its body rows as XML
        self.last: dict[int, tuple[int, str]] = {}  # sheet index → (last body row, the sheet's dimension)
        self._styles: dict[tuple[str, str | None, bool], int] = {}

    def style(self, ws, name: str, number_format: str | None = None, quoted: bool = False) -> int:
        """The workbook's cell format for a named style with a number format, as openpyxl would store it."""
        key = (name, number_format, quoted)
        if key not in self._styles:
            probe = Cell(ws)  # not placed on the sheet
            probe.style = name
            if number_format:
                probe.number_format = number_format
            probe.quotePrefix = quoted
            self._styles[key] = self.wb._cell_styles.add(probe._style)
        return self._styles[key]

    def row(self, sheet_index: int, number: int, cells: list[str]) -> None:
        self.rows.setdefault(sheet_index, []).append(f'<row r="{number}">{"".join(cells)}</row>')

    @staticmethod
    def number(ref: str, value, style: int) -> str:
        if value is None or value == "":
            return f'<c r="{ref}" s="{style}"/>'
        return f'<c r="{ref}" s="{style}"><v>{value!r}</v></c>'

    @staticmethod
    def formula(ref: str, formula: str, result, style: int) -> str:
        text = escape(formula.removeprefix("="))
        if isinstance(result, str):
            return f'<c r="{ref}" s="{style}" t="str"><f>{text}</f><v>{escape(result)}</v></c>'
        return f'<c r="{ref}" s="{style}"><f>{text}</f><v>{result!r}</v></c>'

    def write_into(self, data: bytes) -> bytes:
        def put_rows(name: str, content: bytes) -> bytes | None:
            match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", name)
            if not match or int(match.group(1)) - 1 not in self.rows:
                return None
            return self._insert(int(match.group(1)) - 1, content.decode("utf-8")).encode("utf-8")

        return patch_parts(data, put_rows)

    def _insert(self, sheet_index: int, xml: str) -> str:
        """The body rows between openpyxl's rows above them (titles, headers) and below (notes), in order."""
        last, dimension = self.last[sheet_index]
        after = next((m.start() for m in re.finditer(r'<row r="(\d+)"', xml) if int(m.group(1)) > last),
                     xml.index("</sheetData>"))
        xml = xml[:after] + "".join(self.rows[sheet_index]) + xml[after:]
        return re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{dimension}"/>', xml, count=1)


def _add_styles(wb: Workbook) -> None:
    for name, bold in ((CELL, False), (TOTAL, True)):
        wb.add_named_style(NamedStyle(name=name, font=Font(name=FONT, size=11, bold=bold), border=BORDER))


def _style_header(cell, bold=True):
    cell.font = Font(name=FONT, bold=bold, size=11)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    cell.fill = HEADER_FILL
    cell.border = BORDER


# Sheet names chosen to fit Excel's 31 characters (the full name is the sheet's title in A1); cutting the
# label gave "Tuyên truyền, giao ban, giám sá".
SHEET_NAMES = {
    IndicatorGroup.RECEPTION: "Tiếp công dân",
    IndicatorGroup.LETTERS: "Đơn thư",
    IndicatorGroup.DIALOGUES: "Đối thoại",
    IndicatorGroup.MODELS: "Dân vận khéo",
    IndicatorGroup.ACTIVITIES: "Tuyên truyền, giám sát",
    IndicatorGroup.GOVERNMENT: "Dân vận chính quyền",
}


def sheet_name(group: str, label: str) -> str:
    name = SHEET_NAMES.get(group) or label
    return re.sub(r"[\\/?*\[\]:]", "-", name)[:31]


def _print_setup(ws, *, last_row: int, last_column: int, header_rows: str | None) -> None:
    """Laid out to print: A4 landscape, fitted to the page width (as many pages down as needed), the header
    rows repeated on each page, the table as the print area, page numbers in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    if header_rows:
        ws.print_title_rows = header_rows
    ws.print_area = f"A1:{get_column_letter(last_column)}{last_row}"
    ws.oddFooter.center.text = "Trang &P/&N"


def _group_sheet(wb: Workbook, sheet_index: int, report: Report, group: str, label: str, body: Body) -> None:
    indicators = report.by_group()[group]
    ws = wb.create_sheet(title=sheet_name(group, label))
    set_text(ws["A1"], f"{label} – {report.root.name}")
    ws["A1"].font = Font(name=FONT, bold=True, size=13)
    ws["A2"] = (f"Kỳ báo cáo: {report.period.label} ({vn_date(report.period.start)} – {vn_date(report.period.end)}); "
                f"cùng kỳ: {report.previous_period.label} ({vn_date(report.previous_period.start)} – "
                f"{vn_date(report.previous_period.end)})")
    ws["A2"].font = Font(name=FONT, italic=True, size=11)
    for column, text in ((1, "STT"), (2, "Đơn vị")):
        ws.cell(row=4, column=column, value=text)
        ws.merge_cells(start_row=4, start_column=column, end_row=5, end_column=column)
        _style_header(ws.cell(row=4, column=column))
    columns: dict[str, int] = {}
    for position, indicator in enumerate(indicators):
        first = 3 + 3 * position
        columns[indicator.code] = first
        set_text(ws.cell(row=4, column=first), f"{indicator.short_name} ({indicator.unit})")
        ws.merge_cells(start_row=4, start_column=first, end_row=4, end_column=first + 2)
        _style_header(ws.cell(row=4, column=first))
        for offset, text in enumerate(("Kỳ này", "Cùng kỳ", "Tăng, giảm")):
            ws.cell(row=5, column=first + offset, value=text)
            _style_header(ws.cell(row=5, column=first + offset), bold=False)
        ws.column_dimensions[get_column_letter(first)].width = 10
        ws.column_dimensions[get_column_letter(first + 1)].width = 10
        ws.column_dimensions[get_column_letter(first + 2)].width = 10
    ws.row_dimensions[4].height = 45  # the indicator names on up to three lines

    rows = report.rows or []
    last = FIRST_ROW + len(rows) - 1
    total_row = FIRST_ROW + len(rows)

    def ratio_formula(indicator, row: int, offset: int) -> str | None:
        numerator, denominator = columns.get(indicator.numerator.code), columns.get(indicator.denominator.code)
        if numerator is None or denominator is None:
            return None
        n = f"{get_column_letter(numerator + offset)}{row}"
        d = f"{get_column_letter(denominator + offset)}{row}"
        return f'=IF({d}=0,"",{n}/{d})'

    letters = {column: get_column_letter(column) for column in range(1, 3 + 3 * len(indicators))}
    looks = {(total, format_): body.style(ws, TOTAL if total else CELL, format_)
             for total in (False, True) for format_ in (None, PERCENT, NUMBER, CHANGE)}
    quoted = body.style(ws, CELL, quoted=True)

    def write_row(row: int, number: int | None, name: str, current: dict[str, Figure], previous: dict[str, Figure],
                  total: bool):
        plain, percent, count, change = (looks[total, f] for f in (None, PERCENT, NUMBER, CHANGE))
        cells = [Body.number(f"A{row}", number, plain),
                 text_cell_xml(f"B{row}", name, plain, looks[True, None] if total else quoted)]
        for indicator in indicators:
            first = columns[indicator.code]
            now, before = current[indicator.code], previous[indicator.code]
            for offset, figure in ((0, now), (1, before)):
                ref = f"{letters[first + offset]}{row}"
                if indicator.is_ratio:
                    formula = ratio_formula(indicator, row, offset)
                    cells.append(Body.formula(ref, formula, _ratio(figure), percent) if formula
                                 else Body.number(ref, _ratio(figure), percent))
                elif total:
                    column_letter = letters[first + offset]
                    cells.append(Body.formula(ref, f"=SUM({column_letter}{FIRST_ROW}:{column_letter}{last})"
                                              if rows else "=0", figure.value, count))
                else:
                    cells.append(Body.number(ref, figure.value, count))
            c, p, ref = letters[first], letters[first + 1], f"{letters[first + 2]}{row}"
            if indicator.is_ratio:
                difference = _ratio(now) - _ratio(before) if now.denominator and before.denominator else ""
                cells.append(Body.formula(ref, f'=IF(OR({c}{row}="",{p}{row}=""),"",{c}{row}-{p}{row})',
                                          difference, percent))
            else:
                cells.append(Body.formula(ref, f"={c}{row}-{p}{row}", now.value - before.value, change))
        body.row(sheet_index, row, cells)

    notes = footnotes(report)
    for index, unit_row in enumerate(rows):
        # A row whose figures hold a part of a divided unit carries the numbers of its notes (issue 18).
        mark = "".join(f" ({note.number})" for note in notes if note.row == index)
        write_row(FIRST_ROW + index, index + 1, unit_row.label + mark, unit_row.current, unit_row.previous,
                  total=False)
    write_row(total_row, None, "Tổng cộng", report.total.current, report.total.previous, total=True)
    last_column = 2 + 3 * len(indicators)
    last_row = total_row
    if notes:
        last_row += 2
        ws.cell(row=last_row, column=1, value="Ghi chú:").font = Font(name=FONT, bold=True, italic=True, size=11)
        for note in notes:
            last_row += 1
            cell = ws.cell(row=last_row, column=1)
            set_text(cell, f"({note.number}) {note.text}")
            cell.font = Font(name=FONT, italic=True, size=11)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.merge_cells(start_row=last_row, start_column=1, end_row=last_row, end_column=last_column)
            ws.row_dimensions[last_row].height = 30  # two lines of the note across the table's width
    ws.column_dimensions["A"].width = 5
    # Wide enough for the longest unit name on one line (within reason).
    longest = max((len(row.label) for row in rows), default=10)
    ws.column_dimensions["B"].width = min(max(longest + 2, 20), 48)
    ws.freeze_panes = f"C{FIRST_ROW}"  # a name, not ws.cell(): that would place an empty cell in the body
    body.last[sheet_index] = (total_row, f"A1:{get_column_letter(last_column)}{last_row}")
    _print_setup(ws, last_row=last_row, last_column=last_column, header_rows="4:5")


def _status_sheet(wb: Workbook, report: Report) -> None:
    """The units that sent nothing. Validation findings are not written here: they are shown in the app
    before the report is issued."""
    ws = wb.create_sheet(title="Tình hình báo cáo")
    ws["A1"] = "Đơn vị chưa có số liệu trong kỳ"
    ws["A1"].font = Font(name=FONT, bold=True)
    row = 2
    for area in report.incomplete:
        set_text(ws.cell(row=row, column=1), area.name)
        row += 1
    if not report.incomplete:
        ws.cell(row=row, column=1, value="Không có")
        row += 1
    ws.column_dimensions["A"].width = 60
    _print_setup(ws, last_row=row - 1, last_column=1, header_rows=None)


def build_xlsx(report: Report) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    _add_styles(wb)
    body = Body(wb)
    groups = report.by_group()
    index = 0
    for group, label in IndicatorGroup.choices:
        if group in groups:
            _group_sheet(wb, index, report, group, str(label), body)
            index += 1
    _status_sheet(wb, report)
    wb.calculation.fullCalcOnLoad = True
    buffer = io.BytesIO()
    wb.save(buffer)
    return body.write_into(buffer.getvalue())
