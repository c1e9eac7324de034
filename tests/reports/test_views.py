"""The reports pages: dashboard, charts, documents, entry of aggregates, catalogue; one persona each."""

import io
import re

import pytest
from django.utils import translation
from docx import Document
from openpyxl import load_workbook

from danvan.reports.models import EnteredValue, IssuedDocument, ReportDocument
from tests.reports.conftest import D, enter, letters_batch, visits

DASHBOARD, CHART, DOCUMENT, ENTRY, CATALOGUE = (
    "/bao-cao/", "/bao-cao/bieu-do/", "/bao-cao/van-ban/", "/bao-cao/nhap-so-lieu/", "/bao-cao/chi-tieu/")


@pytest.fixture
def records(tree, alice):
    visits(alice, tree.ubnd_quang_lam, D(2025, 3, 3), [1, 2, 6])
    visits(alice, tree.ubnd_quang_lam, D(2024, 3, 4), [1])
    visits(alice, tree.ubnd_hoa_an, D(2025, 5, 5), [1])
    letters_batch(alice, tree.ubnd_hoa_an, D(2025, 4, 1), within=4, accepted=3, resolved=3)
    letters_batch(alice, tree.ubnd_quang_lam, D(2020, 4, 1), within=2, accepted=1, resolved=1)  # long overdue
    return tree


def test_the_dashboard_shows_key_figures_trends_units_and_open_work(client_for, alice, records):
    response = client_for(alice).get(DASHBOARD, {"ky": "2025"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Báo cáo Năm 2025 – Tỉnh Cao Bằng" in page
    assert "Số liệu từ ngày 01/01/2025 đến ngày 31/12/2025, so với cùng kỳ (Năm 2024)." in page
    figures = response.context["figures"]
    by_code = {f["indicator"].code: f for f in figures}
    assert by_code["TCD_LUOT"]["now"].value == 4 and by_code["TCD_LUOT"]["trend"] == "tăng 3 lượt"
    # 3 resolved of the 4 letters of 2025 and the open letter of 2020 carried over (form 02/XLD): 3/5.
    assert by_code["DT_TYLE_GQ"]["now"].text() == "60%"
    assert [row.label for row in response.context["rows"]] == ["Xã Hòa An", "Xã Quảng Lâm"]
    assert page.count('<img src="data:image/svg+xml;base64,') == 2  # drawn on the server, no CDN, no script
    assert 'src="http' not in page and 'href="http' not in page  # nothing loaded from elsewhere
    assert "Khiếu nại số 1" in page  # the letter of 2020 never accepted is overdue
    assert "Khiếu nại số 0" not in page  # the one resolved is not
    assert "Lập dự thảo báo cáo Word" in page and "Tải bảng số liệu Excel (.xlsx)" in page

    # Sorting the unit table by a figure, largest first; the table in the page follows (it is kept per order).
    sorted_page = client_for(alice).get(DASHBOARD, {"ky": "2025", "sap_xep": "-TCD_LUOT"})
    assert [row.label for row in sorted_page.context["rows"]] == ["Xã Quảng Lâm", "Xã Hòa An"]
    for shown, order in ((sorted_page, ["Xã Quảng Lâm", "Xã Hòa An"]),
                         (client_for(alice).get(DASHBOARD, {"ky": "2025"}), ["Xã Hòa An", "Xã Quảng Lâm"])):
        links = re.findall(r'<td><a href="\?([^"]*)">([^<]*)</a>', shown.content.decode())
        assert [name for _query, name in links] == order
        # A unit's link keeps the period and the order, and names one unit (it named the province first).
        assert all(query.count("don_vi=") == 1 and "ky=2025" in query for query, _name in links)


def test_the_dashboard_takes_quarters_ranges_and_the_state_cutoff(client_for, alice, records):
    client = client_for(alice)
    q1 = client.get(DASHBOARD, {"ky": "2025-Q1"}).context["report"]
    assert (q1.period.label, q1.total.current["TCD_LUOT"].value) == ("Quý I năm 2025", 3)
    state = client.get(DASHBOARD, {"ky": "2025-Q1", "chot": "state"}).context["report"]
    assert (state.period.start, state.period.end) == (D(2024, 12, 15), D(2025, 3, 14))
    assert state.total.current["TCD_LUOT"].value == 3
    ranged = client.get(DASHBOARD, {"tu_ngay": "2025-05-01", "den_ngay": "2025-05-31"}).context["report"]
    assert ranged.total.current["TCD_LUOT"].value == 1
    bad = client.get(DASHBOARD, {"tu_ngay": "2025-05-31", "den_ngay": "2025-05-01"})
    assert bad.status_code == 200 and "Ngày kết thúc phải sau ngày bắt đầu." in bad.content.decode()
    typed = client.get(DASHBOARD, {"tu_ngay": "01/05/2025", "den_ngay": "31/05/2025"})
    assert typed.context["report"].total.current["TCD_LUOT"].value == 1
    # Shown back as typed, dd/mm/yyyy, in a text input (the browser's date picker showed mm/dd/yyyy).
    html = typed.content.decode()
    assert 'name="tu_ngay" value="01/05/2025"' in html and 'type="date"' not in html


def test_a_unit_outside_the_users_subtree_is_not_found(client_for, bob, charlie, records):
    assert client_for(charlie).get(DASHBOARD, {"don_vi": records.cao_bang.pk}).status_code == 404
    assert client_for(charlie).get(CHART, {"don_vi": records.quang_lam.pk}).status_code == 404
    assert client_for(charlie).post(DOCUMENT, {"don_vi": records.cao_bang.pk, "dinh_dang": "xlsx"}).status_code == 404
    # bob sees his commune, not the province above it.
    assert client_for(bob).get(DASHBOARD, {"don_vi": records.cao_bang.pk}).status_code == 404
    own = client_for(bob).get(DASHBOARD, {"ky": "2025"})
    report = own.context["report"]
    assert report.root == records.quang_lam and report.total.current["TCD_LUOT"].value == 3


def test_the_charts_are_svg_drawn_on_the_server(client_for, alice, records):
    for kind in ("chi-tieu", "don-vi"):
        response = client_for(alice).get(CHART, {"ky": "2025", "bieu_do": kind})
        assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
        assert b"<svg" in response.content
    assert client_for(alice).get(CHART, {"bieu_do": "khac"}).status_code == 404


def test_documents_are_downloaded_from_the_dashboard(client_for, alice, bob, records):
    # An officer's Word report is a draft to edit in the browser; no number is taken.
    response = client_for(alice).post(DOCUMENT, {"ky": "2025", "dinh_dang": "docx", "don_vi": records.cao_bang.pk})
    draft = ReportDocument.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/bao-cao/bao-cao-da-lap/{draft.pk}/"
    assert (draft.status, draft.period_code, draft.report_area) == ("draft", "2025", records.cao_bang)
    response = client_for(alice).get(f"/bao-cao/bao-cao-da-lap/{draft.pk}/tai-ve/")
    assert response["Content-Disposition"] == 'attachment; filename="du-thao-bao-cao-04-2025.docx"'
    texts = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    assert texts[0] == "DỰ THẢO"
    assert any(t.startswith("Năm 2025, đã tiếp 4 lượt/")
               and "người (4 vụ việc), tăng 3 lượt (3 vụ việc) so với cùng kỳ" in t
               for t in texts)
    assert not IssuedDocument.objects.exists()

    response = client_for(alice).post(DOCUMENT, {"ky": "2025-Q2", "dinh_dang": "xlsx"})
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-04-2025-Q2.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content), data_only=True)["Tiếp công dân"]
    assert [(sheet[f"B{r}"].value, sheet[f"C{r}"].value) for r in (6, 7, 8)] == [
        ("Xã Quảng Lâm", 0), ("Xã Hòa An", 1), ("Tổng cộng", 1)]

    # A viewer downloads an unnumbered draft; nothing is entered in the register.
    viewer = client_for(bob).post(DOCUMENT, {"ky": "2025", "dinh_dang": "docx"})
    assert viewer.status_code == 200 and not IssuedDocument.objects.exists()
    assert client_for(alice).post(DOCUMENT, {"ky": "2025-Q9", "dinh_dang": "docx"}).status_code == 302
    assert client_for(alice).get(DOCUMENT).status_code == 405


def test_the_draft_page_shows_findings_with_links_then_a_head_issues_it(client_for, alice, hana, records):
    from danvan.core import services as audited
    from danvan.reports.models import Indicator, ValidationRule

    # A rule Quảng Lâm's figures break (3 visits, no letter), so that there is a finding to show.
    audited.create(ValidationRule, None, code="luot-le-nhan", left=Indicator.objects.get(code="TCD_LUOT"),
                   operator="le", right=Indicator.objects.get(code="DT_NHAN"),
                   message="Số lượt tiếp không nhiều hơn số đơn (quy tắc thử)")
    client_for(alice).post(DOCUMENT, {"ky": "2025", "dinh_dang": "docx", "don_vi": records.cao_bang.pk})
    draft = ReportDocument.objects.get()
    url = f"/bao-cao/bao-cao-da-lap/{draft.pk}/"
    page = client_for(alice).get(url)
    findings = page.context["findings"]
    assert [v.label for v, _links in findings] == ["Xã Quảng Lâm"]
    assert findings[0][1][0] == ("Hồ sơ tiếp công dân", f"/tiep-cong-dan/?area={records.quang_lam.pk}")
    html = page.content.decode()
    assert "Số lượt tiếp không nhiều hơn số đơn (quy tắc thử)" in html and "I. Kết quả thực hiện" in html
    # The officer writes sections II–IV; issuing is the head's.
    texts = {"strengths": "Ưu điểm A.", "limitations": "Hạn chế B.", "directions": "Phương hướng C.",
             "recommendations": "Kiến nghị D.", "authority": "tm", "authority_of": "Ban Thường vụ",
             "signer_title": "Phó Trưởng ban", "signer_name": "Nông Thị Hoa", "recipients": "Tỉnh ủy (b/c)"}
    assert client_for(alice).post(url, texts).status_code == 302
    client_for(alice).post(f"{url}ban-hanh/")
    assert ReportDocument.objects.get().status == "draft" and not IssuedDocument.objects.exists()
    assert client_for(hana).post(f"{url}ban-hanh/").status_code == 302
    issued = ReportDocument.objects.get()
    assert issued.status == "issued" and issued.issued.number_text == "Số 01-BC/BTGDVTU"
    first = client_for(hana).get(f"{url}tai-ve/").content
    letters_batch(alice, records.ubnd_hoa_an, D(2025, 6, 1), within=2, accepted=2, resolved=2)
    assert client_for(alice).get(f"{url}tai-ve/").content == first  # frozen
    assert "Phương hướng C." in [p.text for p in Document(io.BytesIO(first)).paragraphs]
    # Frozen in the page too: the texts can no longer be changed.
    texts["strengths"] = "Sửa sau khi ban hành"
    client_for(alice).post(url, texts)
    assert ReportDocument.objects.get().strengths == "Ưu điểm A."
    assert "Số 01-BC/BTGDVTU" in client_for(alice).get("/bao-cao/bao-cao-da-lap/").content.decode()


def test_an_officer_enters_aggregates_and_bad_input_changes_nothing(client_for, alice, records):
    client = client_for(alice)
    form = client.get(ENTRY, {"co_quan": records.ubnd_hoa_an.pk, "ky": "2025-Q1"})
    assert form.status_code == 200 and "Ủy ban nhân dân xã Hòa An – Quý I năm 2025" in form.content.decode()
    base = {"co_quan": records.ubnd_hoa_an.pk, "ky": "2025-Q1", "chot": "calendar"}

    bad = client.post(ENTRY, base | {"v-TCD_LUOT": "10", "v-TCD_NGUOI": "mười", "v-GS_CUOC": "2"})
    assert bad.status_code == 400
    assert "Số người được tiếp: “mười” không phải là số nguyên không âm." in bad.content.decode()
    breach = client.post(ENTRY, base | {"v-TCD_LUOT": "10", "v-TCD_NGUOI": "8"})
    assert breach.status_code == 400 and "Số người được tiếp không thể ít hơn số lượt tiếp" in breach.content.decode()
    assert not EnteredValue.objects.exists()

    saved = client.post(ENTRY, base | {"v-TCD_LUOT": "10", "v-TCD_NGUOI": "1.012", "v-MH_DANGKY-economy": "2"})
    assert saved.status_code == 302
    assert {(v.indicator.code, v.disaggregation_key, v.value, v.entered_by) for v in EnteredValue.objects.all()} == {
        ("TCD_LUOT", "", 10, alice), ("TCD_NGUOI", "", 1012, alice), ("MH_DANGKY", "economy", 2, alice)}
    report = client.get(DASHBOARD, {"ky": "2025-Q1"}).context["report"]
    assert report.total.current["TCD_LUOT"].value == 13  # 3 recorded visits + 10 entered


def test_viewers_and_outsiders_cannot_enter_aggregates(client_for, bob, charlie, records):
    assert client_for(bob).get(ENTRY).status_code == 403
    response = client_for(charlie).post(ENTRY, {"co_quan": records.ubnd_hoa_an.pk, "ky": "2025", "v-GS_CUOC": "5"})
    assert response.status_code == 404
    enter(charlie, records.ubnd_hoan_kiem, "GS_CUOC", D(2025, 1, 1), D(2025, 12, 31), 5)
    assert EnteredValue.objects.filter(organisation=records.ubnd_hoa_an).count() == 0


def test_the_catalogue_lists_each_indicator_and_how_it_aggregates(client_for, bob, tree):
    page = client_for(bob).get(CATALOGUE).content.decode()
    assert "DT_TYLE_GQ" in page and "Tỷ lệ (tính lại từ tử số và mẫu số): Đã giải quyết / Phải giải quyết" in page
    assert 'Số mô hình &quot;Dân vận khéo&quot; đăng ký' in page


def test_the_report_command_writes_both_documents(records, tmp_path):
    from django.core.management import CommandError, call_command

    out = io.StringIO()
    call_command("report", "--unit", "04", "--period", "2025", "--format", "docx", "-o", str(tmp_path / "r.docx"),
                 stdout=out)
    assert out.getvalue().strip() == f"{tmp_path / 'r.docx'}: Tỉnh Cao Bằng, Năm 2025, dự thảo"
    assert not IssuedDocument.objects.exists()  # a draft takes no number
    document = Document(str(tmp_path / "r.docx"))
    assert document.tables[0].rows[0].cells[1].paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    call_command("report", "--unit", "04", "--period", "2025-Q1", "--cutoff", "state", "--format", "xlsx",
                 "-o", str(tmp_path / "r.xlsx"), stdout=io.StringIO())
    sheet = load_workbook(tmp_path / "r.xlsx", data_only=True)["Tiếp công dân"]
    assert sheet["A2"].value.startswith("Kỳ báo cáo: Quý I năm 2025 (15/12/2024 – 14/03/2025)")
    assert sheet["C8"].value == 3
    with pytest.raises(CommandError, match="Không đọc được kỳ báo cáo"):
        call_command("report", "--unit", "04", "--period", "năm nay", "-o", str(tmp_path / "x.docx"))
    with pytest.raises(CommandError, match="Không tìm thấy đơn vị có mã “99”"):
        call_command("report", "--unit", "99", "--period", "2025", "-o", str(tmp_path / "x.docx"))
    assert not (tmp_path / "x.docx").exists()


@pytest.fixture
def back_to_vietnamese():
    yield
    translation.activate("vi")


def test_an_english_user_downloads_vietnamese_documents(tree, alice, bob, client_for, back_to_vietnamese):
    """The page is English for an English user; the Word report and the workbook are official Vietnamese documents:
    the annex's group titles and the sheets' names and titles too (the dân vận chính quyền sheet was named
    "Mass mobilisation in government")."""
    for user in (alice, bob):
        client_for(user).post("/i18n/setlang/", {"language": "en", "next": "/"})
    workbook = load_workbook(io.BytesIO(client_for(alice).post("/bao-cao/van-ban/", {
        "ky": "2025", "dinh_dang": "xlsx"}, HTTP_ACCEPT_LANGUAGE="en").content))
    assert "Dân vận chính quyền" in workbook.sheetnames
    assert workbook["Tiếp công dân"]["A1"].value.startswith("Tiếp công dân – ")
    word = client_for(bob).post("/bao-cao/van-ban/", {"ky": "2025", "dinh_dang": "docx"}, HTTP_ACCEPT_LANGUAGE="en")
    texts = [p.text for p in Document(io.BytesIO(word.content)).paragraphs]
    assert "Dân vận chính quyền – Năm 2025" in texts and "Tiếp công dân – Năm 2025" in texts
