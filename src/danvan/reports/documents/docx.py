"""The report as a Word document (python-docx), in the issuing organisation's document style.

- State (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4, margins top/bottom 20–25 mm, left 30–35, right
  15–20; Times New Roman, black; left: the superior body and the agency, "Số: 12/BC-UBND"; right:
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12–13 pt bold capitals) over "Độc lập - Tự do - Hạnh phúc"
  (13–14 pt bold, underlined); place and date in italics; page numbers top centre except page 1.
- Party (Hướng dẫn 36-HD/VPTW 2018): right "ĐẢNG CỘNG SẢN VIỆT NAM" 15 pt bold underlined; left the
  superior body 14 pt, the issuing body 14 pt bold with "*" below, "Số 24-BC/BTGDVTU" (no colon);
  place and date 14 pt italic; document type 15–16 pt bold capitals; body 14–15 pt.
Every size, text and margin comes from `DocumentFormat.params` (data), so a new guideline
(HD 05-HD/VPTW 2026) is an edit in the admin, not a code change.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from xml.sax.saxutils import escape

from django.utils import translation
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

from danvan.core.formatting import vn_date, vn_long_date
from danvan.reports import charts, narrative
from danvan.reports.cache import cached_with_report
from danvan.reports.documents import Authoring, Footnote, footnotes, patch_parts, short_number
from danvan.reports.models import DocumentFormat, IndicatorGroup
from danvan.reports.rollup import Report, in_sentence
from danvan.units.models import AreaLevel, DocumentStyle, Organisation

BLACK = RGBColor(0, 0, 0)
TABLE_PLACEHOLDER = "danvan-table"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_PREFIXES = ("Thành phố ", "Tỉnh ", "Xã ", "Phường ", "Đặc khu ", "Thị trấn ")
_PARTY_SPLIT = re.compile(r"\s((?:Tỉnh|Thành|Đảng|Huyện|Quận) ủy\b.*)$")


def place_name(organisation: Organisation) -> str:
    """The place on the date line: the area without its kind ("Cao Bằng"); Hà Nội for central bodies."""
    area = organisation.area
    if area.level == AreaLevel.NATION:
        return "Hà Nội"
    for prefix in _PREFIXES:
        if area.name.startswith(prefix):
            return area.name[len(prefix):]
    return area.name


def header_names(organisation: Organisation) -> tuple[str, str]:
    """(superior body, issuing body) for the top-left block, in capitals.

    The organisation's `superior` when recorded. Otherwise a Party board names its committee above
    it ("TỈNH ỦY CAO BẰNG" over "BAN TUYÊN GIÁO VÀ DÂN VẬN", HD 36-HD/VPTW), a Party committee its
    Party organisation ("ĐẢNG BỘ TỈNH CAO BẰNG"); a State agency with no superior has no line above.
    """
    if organisation.superior_id:
        return organisation.superior.name.upper(), organisation.name.upper()
    if organisation.document_style == DocumentStyle.PARTY:
        match = _PARTY_SPLIT.search(organisation.name)
        if match:
            return match.group(1).upper(), organisation.name[: match.start()].upper()
        if organisation.area.level == AreaLevel.NATION:
            return "BAN CHẤP HÀNH TRUNG ƯƠNG", organisation.name.upper()
        return f"ĐẢNG BỘ {organisation.area.name.upper()}", organisation.name.upper()
    return "", organisation.name.upper()


class Writer:
    def __init__(self, fmt: DocumentFormat):
        self.params = fmt.params
        self.font = self.params.get("font", "Times New Roman")
        self.document = Document()
        style = self.document.styles["Normal"]
        style.font.name = self.font
        style.font.size = Pt(self.params["body"]["size"])
        style.font.color.rgb = BLACK
        style.element.rPr.rFonts.set(qn("w:eastAsia"), self.font)
        section = self.document.sections[0]
        page = self.params["page"]
        section.page_width, section.page_height = Mm(page["width_mm"]), Mm(page["height_mm"])
        section.top_margin, section.bottom_margin = Mm(page["top_mm"]), Mm(page["bottom_mm"])
        section.left_margin, section.right_margin = Mm(page["left_mm"]), Mm(page["right_mm"])
        self._tables: list[str] = []  # the XML of the tables `table` wrote, put in by `save`
        self._table_styles: tuple[str, str] | None = None

    def run(self, paragraph, text: str, spec: dict | None = None, **overrides):
        spec = {**(spec or {}), **overrides}
        run = paragraph.add_run(text)
        run.font.name = self.font
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), self.font)
        run.font.size = Pt(spec.get("size", self.params["body"]["size"]))
        run.font.bold = bool(spec.get("bold", False))
        run.font.italic = bool(spec.get("italic", False))
        run.font.underline = bool(spec.get("underline", False))
        run.font.color.rgb = BLACK
        return run

    def paragraph(self, container, text: str = "", spec: dict | None = None, *, align=WD_ALIGN_PARAGRAPH.CENTER,
                  space_after: float = 0, **overrides):
        paragraph = container.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(space_after)
        paragraph.paragraph_format.space_before = Pt(0)
        if text:
            self.run(paragraph, text, spec, **overrides)
        return paragraph

    def body(self, text: str):
        spec = self.params["body"]
        paragraph = self.paragraph(self.document, text, spec, align=WD_ALIGN_PARAGRAPH.JUSTIFY,
                                   space_after=spec.get("space_after_pt", 6))
        paragraph.paragraph_format.first_line_indent = Mm(spec.get("first_line_indent_mm", 10))
        return paragraph

    def heading(self, text: str, *, bold_only: bool = False):
        """A section heading ("I. KẾT QUẢ THỰC HIỆN"), or a sub-heading ("1. Ưu điểm") in bold only."""
        paragraph = self.paragraph(self.document, text, self.params["heading"], align=WD_ALIGN_PARAGRAPH.JUSTIFY,
                                   space_after=6)
        paragraph.paragraph_format.first_line_indent = Mm(self.params["body"].get("first_line_indent_mm", 10))
        if bold_only:
            paragraph.paragraph_format.space_after = Pt(3)
        return paragraph

    def header_block(self, organisation: Organisation, number: str, issued_on: dt.date):
        params = self.params
        usable = self.document.sections[0].page_width - self.document.sections[0].left_margin \
            - self.document.sections[0].right_margin
        left_width = Mm(params.get("left_width_mm", 75))
        table = self.borderless_table([left_width, usable - left_width])
        left, right = table.rows[0].cells
        superior, issuer = header_names(organisation)
        left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        first = left.paragraphs[0]
        # "ỦY BAN NHÂN DÂN" over "TỈNH CAO BẰNG", as offices write it, rather than wherever the cell wraps.
        issuer = issuer.replace("ỦY BAN NHÂN DÂN ", "ỦY BAN NHÂN DÂN\n", 1) if len(issuer) > 24 else issuer
        if superior:
            self.run(first, superior, params["superior"])
            self.paragraph(left, issuer, params["issuer"])
        else:
            self.run(first, issuer, params["issuer"])
        if params.get("star"):
            self.paragraph(left, params["star"], params["issuer"])
        elif params.get("issuer_rule", True):
            # NĐ 30/2020/NĐ-CP, Phụ lục I: a solid line under the issuing body, a third to a half of its length.
            self.rule(left, left_width, Mm(params.get("issuer_rule_mm", 25)))
        self.paragraph(left, number, {"size": params["number"]["size"]}, space_after=0)

        right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.run(right.paragraphs[0], params["national_title"]["text"], params["national_title"])
        if params.get("motto"):
            self.paragraph(right, params["motto"]["text"], params["motto"])
        self.paragraph(right, "")
        self.paragraph(right, f"{place_name(organisation)}, {vn_long_date(issued_on)}", params["place_date"])

    def borderless_table(self, widths: list):
        """A table without borders whose grid agrees with its cells' widths: LibreOffice lays a table out by
        its grid (`w:tblGrid`), Word by the cells, so a grid left at equal columns wrapped the national title."""
        table = self.document.add_table(rows=1, cols=len(widths))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for column, cell, width in zip(table.columns, table.rows[0].cells, widths, strict=True):
            column.width = width
            cell.width = width
        properties = table._tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        properties.append(layout)
        borders = parse_xml(f'<w:tblBorders {nsdecls("w")}>' + "".join(
            f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
            + "</w:tblBorders>")
        properties.append(borders)
        return table

    def rule(self, container, width, length):
        """A short solid line, centred: an empty paragraph with a bottom border, indented to `length`."""
        paragraph = container.add_paragraph()
        # The border first: the schema puts w:pBdr before w:spacing and w:ind, which python-docx then
        # inserts after it.
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'))
        indent = max(int((width - length) / 2), 0)
        paragraph.paragraph_format.left_indent = indent
        paragraph.paragraph_format.right_indent = indent
        paragraph.paragraph_format.space_after = Pt(2)
        paragraph.paragraph_format.space_before = Pt(0)
        paragraph.paragraph_format.line_spacing = Pt(2)
        return paragraph

    def page_numbers(self):
        """Page numbers at the top centre, except on the first page (NĐ 30/2020/NĐ-CP)."""
        section = self.document.sections[0]
        section.different_first_page_header_footer = bool(self.params["page_numbers"].get("skip_first", True))
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = self.run(paragraph, "", {"size": self.params["page_numbers"]["size"]})
        for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, None), ("end", None)):
            if kind:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            elif text:
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = text
            else:
                element = OxmlElement("w:t")
                element.text = "2"
            run._element.append(element)

    def _table_style(self) -> tuple[str, str]:
        """A paragraph style for table cells: the annex has thousands of cells, and formatting each run
        one by one (font, size, colour) is what makes python-docx slow; the cells inherit it instead.
        (its id, the grid table style's id), looked up once per document: listing the template's styles took
        4 ms for each table."""
        if self._table_styles is None:
            styles = self.document.styles
            if "Bảng số liệu" not in [style.name for style in styles]:
                style = styles.add_style("Bảng số liệu", WD_STYLE_TYPE.PARAGRAPH)
                style.base_style = styles["Normal"]
                style.font.size = Pt(self.params["table"]["size"])
                style.paragraph_format.space_after = Pt(0)
                style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self._table_styles = styles["Bảng số liệu"].style_id, styles["Table Grid"].style_id
        return self._table_styles

    def table(self, header: list[str], rows: list[list[str]], total: list[str] | None = None, *, width=None,
              marks: dict[int, list[int]] | None = None):
        """A grid table written as one XML fragment: building thousands of cells through python-docx's
        object API took seconds for a province's annex (one lxml lookup per property per cell).

        Laid out to print: fixed widths (a narrow number column, the unit names wide enough not to wrap,
        the figures sharing the rest), the header row repeated on every page, no row split across pages."""
        style_id, grid_style = self._table_style()
        total_twips = int((width or Mm(160)) / 635)  # EMU → twentieths of a point
        # 13 mm for "STT" on one line; the unit names as wide as the longest needs (about 2,1 mm a character at
        # 11 pt), 30 to 60 mm, so that the figures get the rest.
        longest = max((len(values[1]) for values in rows if len(values) > 1), default=20)
        number_twips, name_twips = 737, max(1700, min(3400, total_twips // 3, 120 * longest + 240))
        figures = max(len(header) - 2, 1)
        figure_twips = (total_twips - number_twips - name_twips) // figures
        widths = [number_twips, name_twips, *([figure_twips] * figures)][:len(header)]

        marks = marks or {}

        # A narrow figure column (under 16 mm: the letters' thirteen) takes a header two points smaller, which
        # LibreOffice otherwise broke inside a word ("chuyể|n").
        small = (f'<w:sz w:val="{2 * (self.params["table"]["size"] - 2)}"/>'
                 if figure_twips < 907 else "")

        def opening(twips: int, *, bold: bool, left: bool, header: bool = False) -> str:
            run_props = f"<w:rPr><w:b/>{small if header else ''}</w:rPr>" if bold else ""
            align = '<w:jc w:val="left"/>' if left else ""
            # A narrow column's header also takes narrower cell margins (1 mm instead of Word's 1,9 mm): at the
            # activities' 15 figures, two points smaller was not enough, LibreOffice still broke "thưởn|g".
            margins = ('<w:tcMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tcMar>'
                       if header and small else "")
            return (f'<w:tc><w:tcPr><w:tcW w:w="{twips}" w:type="dxa"/>{margins}</w:tcPr><w:p><w:pPr>'
                    f'<w:pStyle w:val="{style_id}"/>{align}</w:pPr><w:r>{run_props}')

        def text(value: str) -> str:
            # xml:space only where the text has spaces at its ends: a third of the annex's bytes otherwise.
            space = ' xml:space="preserve"' if value != value.strip() else ""
            return f"<w:t{space}>{escape(value)}</w:t></w:r>"

        # Each column's cell opening, written once per table rather than per cell (20.000 cells in a province's
        # annex): for the header, the unit rows and the total.
        openings = {kind: [opening(twips, bold=kind != "body", left=index == 1 and kind != "header",
                                   header=kind == "header") for index, twips in enumerate(widths)]
                    for kind in ("header", "body", "total")}

        def row(values: list[str], kind: str, mark: str = "") -> str:
            cells = openings[kind]
            # A footnote's number after the unit's name, raised as in a printed note ("Phường Hoàn Kiếm¹").
            note = (f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{mark}</w:t></w:r>'
                    if mark else "")
            return ("<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if kind == "header" else "") + "</w:trPr>"
                    + "".join(cells[index] + text(value) + (note if index == 1 else "") + "</w:p></w:tc>"
                              for index, value in enumerate(values)) + "</w:tr>")

        if not small:
            # The unit of measure kept on one line in a wide column: "Hồ sơ đúng hạn (hồ|sơ)" read as two words.
            header = [re.sub(r"\(([^()]*)\)$", lambda unit: f"({unit.group(1)})".replace(" ", "\u00a0"), text)
                      for text in header]
        body = (row(header, "header")
                + "".join(row(values, "body", "".join(f"({n})" for n in marks.get(line, [])))
                          for line, values in enumerate(rows))
                + (row(total, "total") if total else ""))
        properties = (f'<w:tblPr><w:tblStyle w:val="{grid_style}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
                      '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr>')
        grid = "".join(f'<w:gridCol w:w="{twips}"/>' for twips in widths)
        # Written into the file as it is, where a placeholder stands in the document (`save`): parsed into
        # python-docx and serialised again, the annex's 2,8 MB of XML took a third of the document's time.
        self._tables.append(f"<w:tbl>{properties}<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>")
        placeholder = etree.ProcessingInstruction(TABLE_PLACEHOLDER, str(len(self._tables) - 1))
        self.document.element.body.insert(len(self.document.element.body) - 1, placeholder)  # before the sectPr

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        if not self._tables:
            return buffer.getvalue()
        def put_tables(name: str, content: bytes) -> bytes | None:
            if name != "word/document.xml":
                return None
            # The body's elements are in the "w" namespace the document's root declares.
            return re.sub(rf"<\?{TABLE_PLACEHOLDER} (\d+)\?>".encode(),
                          lambda match: self._tables[int(match.group(1))].encode("utf-8"), content)

        return patch_parts(buffer.getvalue(), put_tables)


def subject(report: Report) -> str:
    label = report.period.label
    period = f"{label[0].lower()}{label[1:]}"
    return f"Kết quả công tác dân vận, tiếp công dân và xử lý đơn thư {period} của {in_sentence(report.root.name)}"


def annex_tables(report: Report) -> list[tuple[str, str, list[str], list[list[str]], list[str]]]:
    """(group label, "this period"/"same period", header, unit rows, total row) for the annex."""
    return [table[:5] for table in _annex_tables(report)]


def _annex_tables(report: Report) -> list[tuple[str, str, list[str], list[list[str]], list[str], list[Footnote]]]:
    """As `annex_tables`, with the footnotes about each table's period (a divided unit's share, issue 18)."""
    notes = footnotes(report)
    tables = []
    groups = report.by_group()
    for group, label in IndicatorGroup.choices:
        indicators = groups.get(group, [])
        if not indicators:
            continue
        header = ["STT", "Đơn vị"] + [f"{i.short_name} ({i.unit})" for i in indicators]
        same_period = f"Cùng kỳ ({report.previous_period.label})"
        for attr, title in (("current", report.period.label), ("previous", same_period)):
            rows = [[str(n), row.label] + [getattr(row, attr)[i.code].text() for i in indicators]
                    for n, row in enumerate(report.rows, 1)]
            total = ["", "Tổng cộng"] + [getattr(report.total, attr)[i.code].text() for i in indicators]
            tables.append((str(label), title, header, rows, total,
                           [note for note in notes if note.current == (attr == "current")]))
    return tables


def _text_paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


PLACEHOLDER = "[Nội dung do cơ quan soạn thảo viết trước khi trình ký.]"


def signature_lines(authoring: Authoring, params: dict) -> list[str]:
    """The lines above the signer's name: "TM. BAN THƯỜNG VỤ", "PHÓ TRƯỞNG BAN" (NĐ 30/2020/NĐ-CP Điều 13;
    HD 36-HD/VPTW writes "T/M", "K/T", "T/L")."""
    abbreviations = {"tm": "TM.", "kt": "KT.", "q": "Q.", "tl": "TL.", **params.get("signing", {})}
    lines = []
    if authority := abbreviations.get(authoring.authority):
        lines.append(f"{authority} {authoring.authority_of.upper()}".strip())
    lines += [line.upper() for line in _text_paragraphs(authoring.signer_title)]
    return lines


def signature_block(writer: Writer, authoring: Authoring, params: dict) -> None:
    """"Nơi nhận" on the left and the signature on the right, side by side in a borderless table."""
    section = writer.document.sections[0]
    usable = section.page_width - section.left_margin - section.right_margin
    left_width = Mm(params.get("receivers_width_mm", 75))
    table = writer.borderless_table([left_width, usable - left_width])
    # One block: split across two pages, the recipients' last lines and the signer's name fell onto the next.
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    left, right = table.rows[0].cells
    receivers = params.get("receivers", {"size": 12, "list_size": 11})
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    writer.run(left.paragraphs[0], "Nơi nhận:", {"size": receivers["size"], "bold": True, "italic": True})
    recipients = [line.rstrip(";. ") for line in _text_paragraphs(authoring.recipients)]
    for line in [*recipients, "Lưu: VT"]:
        end = "." if line == "Lưu: VT" else ";"
        writer.paragraph(left, f"- {line}{end}", {"size": receivers["list_size"]}, align=WD_ALIGN_PARAGRAPH.LEFT)
    spec = params.get("signature", {"size": 14, "bold": True})
    lines = signature_lines(authoring, params)
    first = right.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for index, line in enumerate(lines or [""]):
        paragraph = first if index == 0 else writer.paragraph(right, "")
        if line:
            writer.run(paragraph, line, spec)
    for _blank in range(3):  # room for the signature and the seal
        writer.paragraph(right, "")
    writer.paragraph(right, authoring.signer_name, spec)


def _comparison_png(report: Report) -> bytes:
    with translation.override("vi"):  # the document is Vietnamese whatever the page's language
        return cached_with_report(report, "comparison.png", lambda: charts.comparison_chart(report, "png"))


def build_docx(report: Report, organisation: Organisation, fmt: DocumentFormat, number: str,
               issued_on: dt.date, authoring: Authoring | None = None) -> bytes:
    """The report: header, title, I. the figures (written by danvan), II–IV. the assessment, the direction
    and the recommendations (written by people), "Nơi nhận" beside the signature, and the annex by unit.
    Validation findings are not printed: they are shown in the app before the report is issued."""
    authoring = authoring or Authoring()
    writer = Writer(fmt)
    params = fmt.params
    section = writer.document.sections[0]
    usable = section.page_width - section.left_margin - section.right_margin
    if authoring.draft:
        mark = writer.paragraph(writer.document, "DỰ THẢO", {"size": 13, "bold": True}, align=WD_ALIGN_PARAGRAPH.RIGHT)
        mark.paragraph_format.space_after = Pt(4)
    writer.header_block(organisation, number, issued_on)
    writer.page_numbers()

    writer.paragraph(writer.document, "")
    writer.paragraph(writer.document, "BÁO CÁO", params["doc_type"])
    writer.paragraph(writer.document, subject(report), params["subject"], space_after=0)
    if params.get("title_rule", True):
        # A solid line under the subject (NĐ 30/2020/NĐ-CP, Phụ lục I; HD 36-HD/VPTW).
        writer.rule(writer.document, usable, Mm(params.get("title_rule_mm", 40)))
    period, previous = report.period, report.previous_period
    coverage = f"Số liệu từ ngày {vn_date(period.start)} đến ngày {vn_date(period.end)}"
    if period.to_date:
        # An unfinished period is compared with the same days of last year, and says so.
        coverage += (f", so sánh với cùng kỳ từ ngày {vn_date(previous.start)} đến ngày "
                     f"{vn_date(previous.end)}")
    writer.paragraph(writer.document, f"({coverage})", {"size": params["body"]["size"], "italic": True},
                     space_after=6)
    if authoring.replaces:
        writer.paragraph(writer.document, authoring.replaces, {"size": params["body"]["size"], "italic": True},
                         space_after=6)

    sections = narrative.sections(report)
    writer.heading("I. KẾT QUẢ THỰC HIỆN")
    for index, (heading, paragraphs) in enumerate(sections, 1):
        writer.heading(f"{index}. {heading}", bold_only=True)
        for text in paragraphs:
            writer.body(text)
    if report.incomplete:
        writer.heading(f"{len(sections) + 1}. Tình hình báo cáo của các đơn vị", bold_only=True)
        writer.body("Các đơn vị chưa có số liệu trong kỳ: " + ", ".join(a.name for a in report.incomplete) + ".")
    if report.rows and footnotes(report):
        writer.body("Số liệu của một số đơn vị gồm một phần số liệu của đơn vị cũ được chia cho nhiều đơn vị mới "
                    "từ ngày 01/7/2025; chi tiết tại ghi chú dưới các bảng của Phụ lục.")
    writer.document.add_picture(io.BytesIO(_comparison_png(report)), width=Mm(140))
    writer.document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER

    written = [
        ("II. ĐÁNH GIÁ CHUNG", [("1. Ưu điểm", authoring.strengths),
                                ("2. Hạn chế, nguyên nhân", authoring.limitations)]),
        ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", [("", authoring.directions)]),
        ("IV. KIẾN NGHỊ, ĐỀ XUẤT", [("", authoring.recommendations)]),
    ]
    for heading, parts in written:
        writer.heading(heading)
        for subheading, text in parts:
            if subheading:
                writer.heading(subheading, bold_only=True)
            lines = _text_paragraphs(text)
            if lines:
                for line in lines:
                    writer.body(line)
            else:
                writer.body(PLACEHOLDER).runs[0].font.italic = True

    # The last lines of text go over with the signature when it moves to the next page, as offices lay it out
    # (a signature alone on a page is not accepted).
    writer.document.paragraphs[-1].paragraph_format.keep_with_next = True
    writer.paragraph(writer.document, "").paragraph_format.keep_with_next = True
    signature_block(writer, authoring, params)

    if report.rows:
        annex = writer.document.add_section()
        # The paragraph holding the section break, one point high: full height, it fell onto a page of its
        # own when the signature ended near the bottom of a page.
        breaker = writer.document.paragraphs[-1].paragraph_format
        breaker.line_spacing_rule, breaker.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(1)
        breaker.space_before = breaker.space_after = Pt(0)
        annex.orientation = WD_ORIENT.LANDSCAPE
        annex.page_width, annex.page_height = Mm(params["page"]["height_mm"]), Mm(params["page"]["width_mm"])
        annex.left_margin, annex.right_margin = Mm(20), Mm(15)
        annex.different_first_page_header_footer = False
        annex_usable = annex.page_width - annex.left_margin - annex.right_margin
        writer.paragraph(writer.document, "PHỤ LỤC", params["doc_type"])
        writer.paragraph(writer.document, f"SỐ LIỆU THEO ĐƠN VỊ – {report.period.label.upper()}", params["subject"],
                         space_after=2)
        attached = f"(Kèm theo Báo cáo số {short_number(number)})" if authoring.numbered else "(Kèm theo Báo cáo)"
        writer.paragraph(writer.document, attached, {"size": 13, "italic": True}, space_after=6)
        for label, title, header, rows, total, notes in _annex_tables(report):
            title_paragraph = writer.paragraph(writer.document, f"{label} – {title}", params["heading"],
                                               align=WD_ALIGN_PARAGRAPH.LEFT, space_after=4)
            title_paragraph.paragraph_format.keep_with_next = True  # never a title alone at the foot of a page
            marks: dict[int, list[int]] = {}
            for note in notes:
                marks.setdefault(note.row, []).append(note.number)
            writer.table(header, rows, total, width=annex_usable, marks=marks)
            if notes:
                # Numbered notes under the table, as an office writes them: which figures hold a part of a unit
                # divided on 01/7/2025 (Nghị quyết 202/2025/QH15), and which part.
                writer.paragraph(writer.document, "Ghi chú:", {"size": 11, "italic": True, "bold": True},
                                 align=WD_ALIGN_PARAGRAPH.LEFT, space_after=0).paragraph_format.space_before = Pt(3)
                for note in notes:
                    writer.paragraph(writer.document, f"({note.number}) {note.text}", {"size": 11, "italic": True},
                                     align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_after=0)
            writer.paragraph(writer.document, "")
    return writer.save()
