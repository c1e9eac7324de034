"""The papers and the registers as Word files, in the issuing body's document style (NĐ 30/2020/NĐ-CP for State
bodies, HD 36-HD/VPTW for Party bodies), laid out by the reports app's `Writer` so that the header (issuing body,
Quốc hiệu or "ĐẢNG CỘNG SẢN VIỆT NAM", number, place and date) is the same as on the reports."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm

from danvan.core.formatting import vn_date
from danvan.papers.content import PaperText
from danvan.reports.documents.docx import Writer
from danvan.reports.services import document_format
from danvan.units.models import Organisation


def paper_docx(organisation: Organisation, text: PaperText, issued_on: dt.date) -> bytes:
    fmt = document_format(organisation.document_style)
    writer = Writer(fmt)
    params = fmt.params
    section = writer.document.sections[0]
    usable = section.page_width - section.left_margin - section.right_margin
    writer.header_block(organisation, text.number_text, issued_on)
    writer.paragraph(writer.document, "")
    writer.paragraph(writer.document, text.title, params["doc_type"])
    writer.paragraph(writer.document, text.subject, params["subject"], space_after=0)
    writer.rule(writer.document, usable, Mm(params.get("title_rule_mm", 40)))
    if text.addressed_to:
        writer.paragraph(writer.document, text.addressed_to, {"size": params["body"]["size"]}, space_after=6)
    for line in text.paragraphs:
        writer.body(line)
    writer.paragraph(writer.document, "")
    _signatures(writer, text, params, usable)
    return writer.save()


def _signatures(writer: Writer, text: PaperText, params: dict, usable) -> None:
    left_width = Mm(params.get("receivers_width_mm", 75))
    table = writer.borderless_table([left_width, usable - left_width])
    left, right = table.rows[0].cells
    spec = params.get("signature", {"size": 14, "bold": True})
    if text.left_signature:
        left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        writer.run(left.paragraphs[0], text.left_signature, spec)
        writer.paragraph(left, "(Ký, ghi rõ họ tên)", {"size": 12, "italic": True})
    else:
        receivers = params.get("receivers", {"size": 12, "list_size": 11})
        left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
        writer.run(left.paragraphs[0], "Nơi nhận:", {"size": receivers["size"], "bold": True, "italic": True})
        for line in [*text.recipients, "Lưu: VT"]:
            end = "." if line == "Lưu: VT" else ";"
            writer.paragraph(left, f"- {line}{end}", {"size": receivers["list_size"]}, align=WD_ALIGN_PARAGRAPH.LEFT)
    first = right.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for index, line in enumerate(text.signer_lines or [""]):
        paragraph = first if index == 0 else writer.paragraph(right, "")
        if line:
            writer.run(paragraph, line, spec)
    if text.left_signature:
        writer.paragraph(right, "(Ký, ghi rõ họ tên)", {"size": 12, "italic": True})
    for _blank in range(3):  # room for the signature and the seal
        writer.paragraph(right, "")
    writer.paragraph(right, text.signer_name, spec)


def _register_table(writer: Writer, header: list[str], rows: list[list[str]], weights: list[int], width) -> None:
    """The register's grid, written as one XML fragment like the reports' annex (thousands of cells), with the
    columns as wide as their content needs (`weights`, the Excel widths), a line break for each new line of a
    cell, the header repeated on every page and no row split across pages."""
    style_id, grid_style = writer._table_style()
    total_twips = int(width / 635)
    widths = [total_twips * weight // sum(weights) for weight in weights]

    def cell(text: str, twips: int, *, bold: bool, left: bool) -> str:
        run_props = "<w:rPr><w:b/><w:sz w:val=\"20\"/></w:rPr>" if bold else "<w:rPr><w:sz w:val=\"20\"/></w:rPr>"
        align = '<w:jc w:val="left"/>' if left else ""
        lines = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in str(text).split("\n"))
        return (f'<w:tc><w:tcPr><w:tcW w:w="{twips}" w:type="dxa"/></w:tcPr><w:p><w:pPr>'
                f'<w:pStyle w:val="{style_id}"/>{align}</w:pPr><w:r>{run_props}{lines}</w:r></w:p></w:tc>')

    body = "".join(
        "<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if values is header else "") + "</w:trPr>"
        + "".join(cell(text, widths[index], bold=values is header, left=values is not header and index > 0)
                  for index, text in enumerate(values)) + "</w:tr>"
        for values in [header, *rows])
    properties = (f'<w:tblPr><w:tblStyle w:val="{grid_style}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
                  '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr>')
    grid = "".join(f'<w:gridCol w:w="{twips}"/>' for twips in widths)
    element = parse_xml(f'<w:tbl {nsdecls("w")}>{properties}<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>')
    writer.document.element.body.insert(len(writer.document.element.body) - 1, element)  # before the sectPr


def register_docx(organisation: Organisation | None, title: str, start: dt.date, end: dt.date, header: list[str],
                  rows: list[list[str]], basis: str, weights: list[int]) -> bytes:
    """A register of a period: the keeping body, the title, the period, and one row per entry, on A4 landscape
    with the header row repeated on every page."""
    style = organisation.document_style if organisation is not None else "state"
    fmt = document_format(style)
    writer = Writer(fmt)
    section = writer.document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin, section.right_margin = Mm(20), Mm(15)
    usable = section.page_width - section.left_margin - section.right_margin
    if organisation is not None:
        writer.paragraph(writer.document, organisation.name.upper(), {"size": 13, "bold": True},
                         align=WD_ALIGN_PARAGRAPH.LEFT)
    writer.paragraph(writer.document, "")
    writer.paragraph(writer.document, title.upper(), {"size": 16, "bold": True})
    writer.paragraph(writer.document, f"Từ ngày {vn_date(start)} đến ngày {vn_date(end)}", {"size": 13, "italic": True})
    writer.paragraph(writer.document, f"({basis})", {"size": 11, "italic": True}, space_after=6)
    if rows:
        _register_table(writer, header, rows, weights, usable)
    else:
        writer.paragraph(writer.document, "Không có mục nào trong kỳ.", {"size": 13})
    return writer.save()
