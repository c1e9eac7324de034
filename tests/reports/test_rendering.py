"""The documents as an office prints them: rendered through LibreOffice headless to PDF and read back with
pdftotext (issue 15). Heavy (LibreOffice starts three times), so it runs once in CI: `.ci/run` sets
DANVAN_RENDER_CHECK=1 for the SQLite run only; there, a missing soffice or pdftotext fails the test.
DANVAN_RENDER_DIR keeps the PDFs (docs/examples/ is made from them).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest

from danvan.reports.documents import Authoring, excel_report, word_document
from danvan.reports.periods import parse_period
from danvan.reports.rollup import build_report
from danvan.units.models import AreaLevel
from tests.conftest import make_area
from tests.reports.conftest import D

pytestmark = pytest.mark.skipif(os.environ.get("DANVAN_RENDER_CHECK") != "1",
                                reason="LibreOffice rendering runs once in CI (DANVAN_RENDER_CHECK=1)")

PARTY = Authoring(
    strengths="Công tác tiếp công dân, xử lý đơn thư được duy trì; các xã cập nhật số liệu kịp thời.",
    limitations="Một số xã chưa báo cáo đúng hạn, do cán bộ mới chưa quen phần mềm.",
    directions="Tiếp tục nâng cao chất lượng tiếp công dân và giải quyết dứt điểm các vụ việc tồn đọng.",
    recommendations="Đề nghị Ban Dân vận Trung ương tổ chức tập huấn nghiệp vụ cho cán bộ cấp xã.",
    authority="tm", authority_of="Ban Thường vụ", signer_title="Phó Trưởng ban", signer_name="Nông Thị Hoa",
    recipients="Ban Dân vận Trung ương (b/c)\nThường trực Tỉnh ủy (b/c)\nCác đồng chí Ủy viên Ban Thường vụ",
    draft=False, numbered=True)
STATE = Authoring(
    strengths="Các cơ quan, đơn vị thực hiện nghiêm việc tiếp công dân định kỳ.", limitations="Còn đơn tồn đọng.",
    directions="Giải quyết dứt điểm đơn tồn đọng.", recommendations="Không.", authority="kt",
    authority_of="Chủ tịch", signer_title="Phó Chủ tịch", signer_name="Lê Văn Nam",
    recipients="Thanh tra Chính phủ (b/c)\nThường trực Tỉnh ủy (b/c)\nChủ tịch, các PCT UBND tỉnh",
    draft=False, numbered=True)


def _pdf_text(content: bytes, name: str) -> list[str]:
    """The PDF's pages as pdftotext -layout reads them."""
    soffice, pdftotext = shutil.which("soffice") or shutil.which("libreoffice"), shutil.which("pdftotext")
    assert soffice and pdftotext, "DANVAN_RENDER_CHECK=1 needs libreoffice and poppler-utils"
    keep = os.environ.get("DANVAN_RENDER_DIR")
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / name
        source.write_bytes(content)
        subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", work, str(source)], check=True, capture_output=True, timeout=240)
        pdf = source.with_suffix(".pdf")
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(pdf, Path(keep) / pdf.name)
        text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True).stdout
    return text.decode("utf-8").split("\f")[:-1]


def _rates(text: str, decimal: str = ",") -> list[Decimal]:
    """The percentages of a text: "96,5%" in the Word body; Excel's "0.0%" shows the reader's locale."""
    if decimal == ",":
        found = re.findall(r"(\d[\d.]*(?:,\d+)?)%", text)
        return [Decimal(m.replace(".", "").replace(",", ".")) for m in found]
    return [Decimal(m.replace(",", "")) for m in re.findall(r"(\d[\d,]*(?:\.\d+)?)%", text)]


def _check_word(pages: list[str], header_lines: list[str], signature: str, signer: str) -> None:
    lines = [line.strip() for page in pages for line in page.splitlines()]
    for header in header_lines:  # each on one line, not wrapped
        assert any(header in line for line in lines), header
    assert all(rate <= 100 for rate in _rates("\n".join(pages))), _rates("\n".join(pages))
    # "Nơi nhận" beside the signature: on the same printed line.
    assert any("Nơi nhận:" in line and signature in line for line in lines), signature
    # The block is never split: the recipients and the signer's name on the page where "Nơi nhận" starts.
    signed = next(page for page in pages if "Nơi nhận:" in page)
    assert signer in signed and "Lưu: VT." in signed
    annex = next(n for n, page in enumerate(pages) if "PHỤ LỤC" in page)
    assert annex <= 6, f"the body runs to {annex} pages"
    for page in pages[annex:]:
        assert "STT" in page and "Đơn vị" in page  # the annex header row repeats on every page
    assert len(pages) - annex >= 2
    assert "Số liệu cần kiểm tra lại" not in "\n".join(pages)


@pytest.fixture
def many_communes(scenario):
    """A province of 40 more communes, so that each annex table runs over several pages."""
    for n in range(40):
        make_area(AreaLevel.COMMUNE, f"098{n:02d}", f"Xã Thử Nghiệm Số {n + 1}", scenario.province)
    return scenario


def test_party_quarterly_state_annual_and_excel_print_as_filed(many_communes, tree):
    province = many_communes.province
    party = word_document(tree.board_cb, build_report(province, parse_period("2025-Q1"), as_of=D(2025, 12, 1)),
                          D(2025, 4, 5), PARTY, "Số 24-BC/BTGDVTU")
    _check_word(_pdf_text(party.content, "party-quarterly.docx"), ["ĐẢNG CỘNG SẢN VIỆT NAM"], "T/M BAN THƯỜNG VỤ",
                PARTY.signer_name)

    annual = build_report(province, parse_period("2025", "state"), as_of=D(2025, 12, 1))
    state = word_document(tree.ubnd_cb, annual, D(2025, 12, 16), STATE, "Số: 12/BC-UBND")
    _check_word(_pdf_text(state.content, "state-annual.docx"),
                ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], "KT. CHỦ TỊCH",
                STATE.signer_name)

    pages = _pdf_text(excel_report(annual).content, "workbook.xlsx")
    rates = _rates("\n".join(pages), decimal=".")
    assert rates and all(rate <= 100 for rate in rates), rates
    tables = [page for page in pages if "Kỳ báo cáo:" in page or "Tổng cộng" in page]
    assert len(tables) >= 6  # some sheets' tables run over more than one page
    for page in tables:
        # The header rows repeat on every page (print titles), and the columns are fitted to the width: a
        # page never holds figures cut off from their unit names.
        assert "STT" in page and "Đơn vị" in page and "Kỳ này" in page and "Cùng kỳ" in page
