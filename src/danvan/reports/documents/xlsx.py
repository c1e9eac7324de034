"""The report's figures as an Excel workbook (openpyxl): one sheet per indicator group, units as
rows, and for each indicator the period, the same period last year and the change as columns.

Totals and changes are formulas (=SUM(…), =C6-D6) so that an office can add a row and recompute;
a ratio's total is recomputed from the totals of its numerator and denominator, never averaged.
openpyxl writes formulas without results, so the computed results are written into the file as the
formulas' cached values: the workbook shows the right figures even in viewers that do not
recalculate, and Excel recalculates on opening (`fullCalcOnLoad`).
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter

from danvan.core.exports import set_text
from danvan.core.formatting import vn_date
from danvan.reports.documents import footnotes
from danvan.reports.models import IndicatorGroup
from danvan.reports.rollup import Figure, Report

THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="EEF0F4")
FONT = "Times New Roman"
FIRST_ROW = 6
PERCENT = "0.0%"
NUMBER = "#,##0"
# The body cells' looks as named styles, registered once per workbook: a cell then takes its style by
# name, instead of openpyxl hashing a new Font and Border for each of the report's thousands of cells.
CELL, TOTAL = "Số liệu", "Tổng cộng"
# A formula cell as openpyxl writes it: <c r="C11" …><f>SUM(C6:C10)</f><v></v></c>.
FORMULA_CELL = re.compile(r'<c((?: [a-z]+="[^"]*")*? r="([A-Z]+\d+)"(?: [a-z]+="[^"]*")*)>'
                          r"<f>(.*?)</f><v\s*/?>(?:</v>)?</c>")


def _ratio(figure: Figure) -> float | str:
    return figure.value / figure.denominator if figure.denominator else ""


class CachedFormulas:
    """Formula cells and the results to store with them, keyed by (sheet index, cell reference)."""

    def __init__(self):
        self.values: dict[tuple[int, str], float | int | str] = {}

    def set(self, ws, sheet_index: int, row: int, column: int, formula: str, result, look):
        cell = ws.cell(row=row, column=column)
        # The formula is ours (no user text): stored as openpyxl stores a value starting with "=", without
        # its scan for illegal characters, a fifth of the workbook's time.
        cell._value, cell.data_type = formula, "f"
        cell._style = StyleArray(look)
        self.values[(sheet_index, cell.coordinate)] = result
        return cell

    def write_into(self, data: bytes) -> bytes:
        source = zipfile.ZipFile(io.BytesIO(data))
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                content = source.read(item.filename)
                match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", item.filename)
                if match:
                    content = self._patch(int(match.group(1)) - 1, content.decode("utf-8")).encode("utf-8")
                target.writestr(item, content)
        return output.getvalue()

    def _patch(self, sheet_index: int, xml: str) -> str:
        def replace(match: re.Match) -> str:
            attributes, ref, formula = match.group(1), match.group(2), match.group(3)
            key = (sheet_index, ref)
            if key not in self.values:
                return match.group(0)
            result = self.values[key]
            if isinstance(result, str):
                return f'<c{attributes} t="str"><f>{formula}</f><v>{escape(result)}</v></c>'
            return f"<c{attributes}><f>{formula}</f><v>{result!r}</v></c>"

        return FORMULA_CELL.sub(replace, xml)


def _add_styles(wb: Workbook) -> None:
    for name, bold in ((CELL, False), (TOTAL, True)):
        wb.add_named_style(NamedStyle(name=name, font=Font(name=FONT, size=11, bold=bold), border=BORDER))


class Looks:
    """A body cell's look (its named style and number format) resolved once per workbook and copied onto each
    cell: `cell.style = name` searched the workbook's named styles by building their list of names twice per
    cell, and `cell.number_format` looked the format up again; together half the workbook's time at a
    province's 169 communes. The copy is exactly what those setters store, so the file is the same."""

    def __init__(self):
        self._arrays: dict[tuple[str, str | None], object] = {}

    def __call__(self, ws, name: str, number_format: str | None = None):
        key = (name, number_format)
        if key not in self._arrays:
            probe = Cell(ws)  # not placed on the sheet
            probe.style = name
            if number_format:
                probe.number_format = number_format
            self._arrays[key] = probe._style
        return self._arrays[key]


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


def _group_sheet(wb: Workbook, sheet_index: int, report: Report, group: str, label: str,
                 cached: CachedFormulas, looks: Looks) -> None:
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

    def write_row(row: int, number: int | None, name: str, current: dict[str, Figure], previous: dict[str, Figure],
                  total: bool):
        # The style first: a named style brings its own number format, which the figures then set.
        style = TOTAL if total else CELL
        # Each look resolved where first used, so that the workbook numbers its formats in the same order.
        ws.cell(row=row, column=1, value=number)._style = StyleArray(looks(ws, style))
        name_cell = ws.cell(row=row, column=2)
        name_cell._style = StyleArray(looks(ws, style))
        set_text(name_cell, name)
        for indicator in indicators:
            first = columns[indicator.code]
            now, before = current[indicator.code], previous[indicator.code]
            for offset, figure in ((0, now), (1, before)):
                column_letter = get_column_letter(first + offset)
                if indicator.is_ratio:
                    formula = ratio_formula(indicator, row, offset)
                    if formula:
                        cached.set(ws, sheet_index, row, first + offset, formula, _ratio(figure),
                                   looks(ws, style, PERCENT))
                    else:
                        cell = ws.cell(row=row, column=first + offset, value=_ratio(figure))
                        cell._style = StyleArray(looks(ws, style, PERCENT))
                elif total:
                    cached.set(ws, sheet_index, row, first + offset,
                               f"=SUM({column_letter}{FIRST_ROW}:{column_letter}{last})" if rows else "=0",
                               figure.value, looks(ws, style, NUMBER))
                else:
                    cell = ws.cell(row=row, column=first + offset, value=figure.value)
                    cell._style = StyleArray(looks(ws, style, NUMBER))
            c, p = get_column_letter(first), get_column_letter(first + 1)
            if indicator.is_ratio:
                change = _ratio(now) - _ratio(before) if now.denominator and before.denominator else ""
                cached.set(ws, sheet_index, row, first + 2, f'=IF(OR({c}{row}="",{p}{row}=""),"",{c}{row}-{p}{row})',
                           change, looks(ws, style, PERCENT))
            else:
                cached.set(ws, sheet_index, row, first + 2, f"={c}{row}-{p}{row}", now.value - before.value,
                           looks(ws, style, "+#,##0;-#,##0;0"))

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
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=3)
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
    cached = CachedFormulas()
    looks = Looks()
    groups = report.by_group()
    index = 0
    for group, label in IndicatorGroup.choices:
        if group in groups:
            _group_sheet(wb, index, report, group, str(label), cached, looks)
            index += 1
    _status_sheet(wb, report)
    wb.calculation.fullCalcOnLoad = True
    buffer = io.BytesIO()
    wb.save(buffer)
    return cached.write_into(buffer.getvalue())
