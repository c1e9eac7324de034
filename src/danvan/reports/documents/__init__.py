"""Report documents: the Word report in the issuing organisation's style and the Excel workbook.

Making a Word document takes no number: a draft is unnumbered and marked "DỰ THẢO"; only issuing a
report (`services.issue_report`) takes the next number of the body's register, and the file then issued
is stored and given back unchanged on every download.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import translation

from danvan.reports.rollup import Report

if TYPE_CHECKING:
    from danvan.reports.models import ReportDocument
    from danvan.units.models import Organisation

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class GeneratedFile:
    filename: str
    content: bytes
    content_type: str
    number: str = ""


def patch_parts(data: bytes, patch: Callable[[str, bytes], bytes | None]) -> bytes:
    """An Office file (a zip) with some parts rewritten: `patch(name, content)` gives a part's new content, or
    None to keep it. The Word annex's tables and the workbook's body rows are written as XML this way."""
    source, output = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            patched = patch(item.filename, content)
            target.writestr(item, content if patched is None else patched)
    return output.getvalue()


def short_number(number_text: str) -> str:
    """"Số: 12/BC-UBND" → "12/BC-UBND", to write "Báo cáo số 12/BC-UBND" inside a sentence."""
    return re.sub(r"^Số:?\s*", "", number_text)


@dataclass(frozen=True)
class Authoring:
    """What people write in a report (sections II–IV), who signs it, who receives it, and its state."""

    strengths: str = ""
    limitations: str = ""
    directions: str = ""
    recommendations: str = ""
    authority: str = ""
    authority_of: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: str = ""
    draft: bool = True
    numbered: bool = False
    replaces: str = ""

    @classmethod
    def of(cls, document: ReportDocument, *, draft: bool) -> Authoring:
        replaced = document.replaces
        replaces = ""
        if replaced is not None and replaced.issued_id:
            replaces = (f"Báo cáo này thay thế Báo cáo số {short_number(replaced.issued.number_text)} "
                        f"ngày {replaced.issued_on:%d/%m/%Y}.")
        return cls(strengths=document.strengths, limitations=document.limitations, directions=document.directions,
                   recommendations=document.recommendations, authority=document.authority,
                   authority_of=document.authority_of, signer_title=document.signer_title,
                   signer_name=document.signer_name, recipients=document.recipients, draft=draft,
                   numbered=not draft, replaces=replaces)


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str
    row: int  # index in `report.rows`
    current: bool  # about the report's period (else the same period last year)


def footnotes(report: Report) -> list[Footnote]:
    """The rows' notes numbered in the order of the rows (issue 18): which figures include a part of a unit
    divided among several new ones on 01/7/2025 (Nghị quyết 202/2025/QH15), and which part."""
    found = []
    for index, row in enumerate(report.rows):
        for note in row.notes:
            current = note.startswith(f"{row.label}, {report.period.label}:")
            found.append(Footnote(len(found) + 1, note, index, current))
    return found


def filename(report: Report, extension: str, prefix: str = "bao-cao") -> str:
    period = re.sub(r"[^0-9A-Za-z]+", "-", report.period.code).strip("-")
    return f"{prefix}-{report.root.code}-{period}.{extension}"


def word_document(organisation: Organisation, report: Report, on: dt.date, authoring: Authoring | None = None,
                  number: str | None = None, document_type: str = "BC") -> GeneratedFile:
    """The Word report. Without `number` it is a draft: unnumbered, marked "DỰ THẢO", and nothing is
    written to the register (every download of a draft used to take the next official number)."""
    from danvan.reports.documents.docx import build_docx
    from danvan.reports.services import document_format, number_text

    fmt = document_format(organisation.document_style)
    authoring = authoring or Authoring()
    if number is None:
        number = number_text(fmt, organisation, document_type, None)
        name = filename(report, "docx", "du-thao-bao-cao")
    else:
        name = filename(report, "docx", "bao-cao-" + re.sub(r"[^0-9A-Za-z]+", "-", number).strip("-").lower())
    with translation.override("vi"):  # an official document is Vietnamese whatever the page's language
        content = build_docx(report, organisation, fmt, number, on, authoring)
    return GeneratedFile(name, content, DOCX, number if not authoring.draft else "")


def excel_report(report: Report) -> GeneratedFile:
    from danvan.reports.documents.xlsx import build_xlsx

    with translation.override("vi"):  # the groups' titles and sheet names: Vietnamese whatever the page's language
        return GeneratedFile(filename(report, "xlsx"), build_xlsx(report), XLSX)
