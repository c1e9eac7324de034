"""Excel exports: every cell from user text stays text, and a list of any length streams (issue 13).

Formula injection (OWASP "CSV injection"): a summary typed as `=HYPERLINK("…")` or a name `=1+1` must
never become a live formula in the file an office opens. openpyxl turns any string starting with "="
into a formula, and Excel re-parses a cell an officer edits; so a text cell is always stored as a string
(`data_type` "s"), and one starting with = + - @, a tab or a carriage return also gets Excel's quote
prefix, which keeps it text when edited. Characters XML cannot hold (control characters) are dropped
rather than failing the whole export. `set_text` (an openpyxl cell) and `text_cell_xml` (a cell written as
XML, by `StreamedWorkbook` and the report workbook's body) are the one place for this rule: every exporter
writes user text through them.

`StreamedWorkbook` writes rows into a temporary .xlsx as they come (memory stays bounded whatever the
number of rows) and answers with a FileResponse that streams the file and deletes it.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from django.http import FileResponse
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What spreadsheet programs read as the start of a formula (or a DDE command).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def clean_text(value: Any) -> str:
    """The text a cell can hold: control characters that XML forbids are removed."""
    return str(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES)


def set_text(cell: Cell, value: Any) -> Cell:
    """Write `value` into `cell` as text that no spreadsheet will evaluate."""
    text = clean_text(value)
    cell.value = text
    cell.data_type = "s"  # openpyxl made "=…" a formula ("f"): a string it stays
    if looks_like_formula(text):
        cell.quotePrefix = True  # Excel keeps it text even when an officer edits the cell
    return cell


class StreamedWorkbook:
    """One sheet of rows, written to a temporary .xlsx as they come; `response()` streams the file.

    A list export can hold any number of rows (100.000 letters and more), so the sheet's XML is written
    straight into the zip, row by row: memory stays bounded and a row costs microseconds, where
    openpyxl's write-only mode spends about 20 µs per cell. Strings are inline strings (`t="inlineStr"`),
    so nothing typed by a user is ever a formula; the risky ones also get the quote-prefix style.
    Integers and floats stay numbers; None leaves the cell empty. The file opens in Excel, LibreOffice
    and openpyxl (tests/core/test_exports.py).
    """

    def __init__(self, title: str, headers: Sequence[Any], widths: Sequence[int] = ()):
        self.title = clean_text(title)[:31]
        self.columns = [get_column_letter(n + 1) for n in range(len(headers))]
        self.file = tempfile.TemporaryFile(suffix=".xlsx")
        self.zip = zipfile.ZipFile(self.file, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        for name, content in _static_parts(self.title).items():
            self.zip.writestr(name, content)
        self.sheet = self.zip.open("xl/worksheets/sheet1.xml", "w", force_zip64=True)
        cols = "".join(f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>' for n, w in enumerate(widths, 1))
        self._write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN_NS}">'
                    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2"'
                    ' activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
                    f"{'<cols>' + cols + '</cols>' if cols else ''}<sheetData>")
        self.rows = 0
        self._row(headers, header=True)

    def _write(self, text: str) -> None:
        self.sheet.write(text.encode("utf-8"))

    def _row(self, values: Sequence[Any], header: bool = False) -> None:
        number = self.rows + 1
        cells = []
        for column, value in zip(self.columns, values, strict=False):
            if value is None or value == "":
                continue
            ref = f"{column}{number}"
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                cells.append(text_cell_xml(ref, value, BOLD if header else PLAIN, QUOTED))
            else:
                cells.append(f'<c r="{ref}"><v>{value!r}</v></c>')
        self._write(f'<row r="{number}">{"".join(cells)}</row>')
        self.rows += 1

    def append(self, row: Sequence[Any]) -> None:
        self._row(row)

    def close(self) -> None:
        self._write("</sheetData></worksheet>")
        self.sheet.close()
        self.zip.close()

    def response(self, filename: str) -> FileResponse:
        # An anonymous temporary file: gone from the disk once FileResponse closes it after the last byte.
        try:
            self.close()
            self.file.seek(0)
        except BaseException:
            self.file.close()
            raise
        return FileResponse(self.file, as_attachment=True, filename=filename, content_type=XLSX)


def text_cell_xml(ref: str, value: Any, style: int, quoted_style: int) -> str:
    """A cell holding `value` as text (SpreadsheetML, an inline string), for sheets written as XML: the cell
    format `quoted_style` (one with Excel's quote prefix) where the text looks like a formula, else `style`."""
    text = clean_text(value)
    style = quoted_style if looks_like_formula(text) else style
    style_attr = f' s="{style}"' if style else ""
    return (f'<c r="{ref}" t="inlineStr"{style_attr}><is><t xml:space="preserve">'
            f"{escape(text, CARRIAGE_RETURN)}</t></is></c>")


MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PLAIN, BOLD, QUOTED = 0, 1, 2  # cellXfs of _STYLES
CARRIAGE_RETURN = {"\r": "&#13;"}  # kept as written: XML parsers turn a raw CR into a line feed


def _static_parts(title: str) -> dict[str, str]:
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return {
        "[Content_Types].xml": head + (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            "</Types>"),
        "_rels/.rels": head + (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": head + (
            f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>'
            f'<sheet name="{escape(title, {chr(34): "&quot;"})}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": head + (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'styles" Target="styles.xml"/></Relationships>'),
        "xl/styles.xml": head + _STYLES,
    }


_STYLES = (
    f'<styleSheet xmlns="{MAIN_NS}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
