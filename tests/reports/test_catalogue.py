"""The indicator catalogue is data: an administrator edits it in the admin (audited, never deleted), and
an indicator added there is entered by units, rolled up and written into the documents."""

import io
import re

import pytest
from django.utils import translation
from docx import Document
from openpyxl import load_workbook

from danvan.core import services as audited
from danvan.reports.documents import excel_report, word_document
from danvan.reports.models import Indicator
from danvan.reports.periods import parse_period
from danvan.reports.rollup import build_report
from tests.reports.conftest import D, enter


def test_an_administrator_edits_an_indicator_and_the_change_is_kept(client_for, root):
    indicator = Indicator.objects.get(code="GS_CUOC")
    client = client_for(root)
    url = f"/quan-tri/reports/indicator/{indicator.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(url, {
        "code": "GS_CUOC", "name": "Số cuộc giám sát, phản biện xã hội", "short_name": "Giám sát", "unit": "cuộc",
        "group": "activities", "position": 50, "aggregation": "sum", "source": "computed",
        "registry_key": "mobilisation.supervisions", "disaggregation": "", "description": "QĐ 217-QĐ/TW",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    indicator.refresh_from_db()
    assert indicator.name == "Số cuộc giám sát, phản biện xã hội"
    change = indicator.history.first()
    assert (change.history_user, change.history_type) == (root, "~")
    assert client.get(f"/quan-tri/reports/indicator/{indicator.pk}/delete/").status_code == 403

    # A computed indicator must name a count function the registry knows.
    bad = client.post(url, {"code": "GS_CUOC", "name": "x", "short_name": "x", "unit": "cuộc", "group": "activities",
                            "position": 50, "aggregation": "sum", "source": "computed", "registry_key": "khong.co"})
    assert bad.status_code == 200 and "Khóa hàm đếm không có trong danh mục." in bad.content.decode()


def test_an_added_indicator_is_entered_rolled_up_and_reported(tree, alice, root):
    audited.create(Indicator, root, code="DTH_CHUYENDE", name="Số hội nghị đối thoại chuyên đề",
                   short_name="Đối thoại chuyên đề", unit="cuộc", group="dialogues", position=90, source="entered")
    enter(alice, tree.ubnd_hoa_an, "DTH_CHUYENDE", D(2025, 1, 1), D(2025, 6, 30), 2)
    enter(alice, tree.ubnd_quang_lam, "DTH_CHUYENDE", D(2025, 7, 1), D(2025, 12, 31), 3)
    enter(alice, tree.ubnd_quang_lam, "DTH_CHUYENDE", D(2024, 1, 1), D(2024, 12, 31), 1)
    report = build_report(tree.cao_bang, parse_period("2025"))
    assert report.total.current["DTH_CHUYENDE"].value == 5 and report.total.previous["DTH_CHUYENDE"].value == 1
    assert report.incomplete == []  # both communes entered something

    texts = [p.text for p in Document(io.BytesIO(word_document(tree.board_cb, report, D(2026, 1, 5)).content))
             .paragraphs]
    assert "Số hội nghị đối thoại chuyên đề: 5 cuộc, tăng 4 cuộc so với cùng kỳ." in texts
    sheet = load_workbook(io.BytesIO(excel_report(report).content), data_only=True)["Đối thoại"]
    column = next(c for c in range(3, 30) if sheet.cell(row=4, column=c).value == "Đối thoại chuyên đề (cuộc)")
    assert [sheet.cell(row=r, column=column).value for r in (6, 7, 8)] == [3, 2, 5]


@pytest.fixture
def back_to_vietnamese():
    """The test client's requests activate English in this thread; the next tests expect Vietnamese."""
    yield
    translation.activate("vi")


def test_every_shipped_indicator_reads_in_english_on_the_dashboard(tree, alice, client_for, back_to_vietnamese):
    """An administrator may show any shipped indicator as a key figure: its column header and label then read in
    English for an English user, the ones shipped later (dân vận chính quyền, the hot spots, the armed forces'
    help, the units holding dialogues) as well as the first ones."""
    shipped = list(Indicator.objects.order_by("group", "position"))
    assert {"HS_TIEPNHAN", "VBDT_SO", "DN_CHIDAO", "DTH_TYLE_DONVI"} <= {i.code for i in shipped}
    Indicator.objects.update(key_figure=True)
    client = client_for(alice)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/bao-cao/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    figures = re.search(r'<section class="figures".*?</section>', html, re.S).group(0)
    assert "One-stop dossiers received" in figures and "Electronic documents" in figures
    assert [i.short_name for i in shipped if re.search(rf">\s*{re.escape(i.short_name)}\s*<", figures)] == []
