"""Report documents: the Word report in the issuing organisation's style and the Excel workbook."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from danvan.reports.rollup import Report

if TYPE_CHECKING:
    from danvan.accounts.models import User
    from danvan.units.models import Organisation

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class GeneratedFile:
    filename: str
    content: bytes
    content_type: str
    number: str = ""


def filename(report: Report, extension: str) -> str:
    period = re.sub(r"[^0-9A-Za-z]+", "-", report.period.code).strip("-")
    return f"bao-cao-{report.root.code}-{period}.{extension}"


def word_report(actor: User | None, organisation: Organisation, report: Report, on: dt.date,
                document_type: str = "BC") -> GeneratedFile:
    """Number the report in `organisation`'s register (a viewer gets an unnumbered draft) and write it."""
    from danvan.reports.documents.docx import build_docx, subject
    from danvan.reports.services import document_format, issue_document, number_text

    fmt = document_format(organisation.document_style)
    issued = issue_document(actor, organisation, report_area=report.root, period=report.period,
                            subject=subject(report), on=on, document_type=document_type)
    number = issued.number_text if issued else number_text(fmt, organisation, document_type, None)
    content = build_docx(report, organisation, fmt, number, on)
    return GeneratedFile(filename(report, "docx"), content, DOCX, number)


def excel_report(report: Report) -> GeneratedFile:
    from danvan.reports.documents.xlsx import build_xlsx

    return GeneratedFile(filename(report, "xlsx"), build_xlsx(report), XLSX)
