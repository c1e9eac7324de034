"""The two registers in the official form (issue 16): page with a print button, Excel (text stays text) and
Word, for a chosen period, scoped, names through the identity gate."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
from django.urls import reverse

from danvan.core.choices import ContentKind, Field
from danvan.papers import services as papers
from danvan.reception import services as reception
from tests.letters.factories import receive
from tests.papers.test_papers import docx_text

D = dt.date
PERIOD = {"from": "01/03/2026", "to": "31/03/2026"}


def _content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_letter_register_page_excel_and_word(tree, alice, client_for):
    letter = receive(alice, tree.board_cb, name="Nguyễn Văn An", summary="=HYPERLINK(\"http://x\")")
    papers.issue_paper(alice, letter, "receipt", issued_on=D(2026, 3, 2))
    outside = receive(alice, tree.board_cb, received_on=D(2026, 4, 2), summary="Đơn tháng tư")
    client = client_for(alice)
    url = reverse("papers:letter_register")
    page = client.get(url, PERIOD).content.decode()
    assert "SỔ THEO DÕI, XỬ LÝ ĐƠN" in page and "data-print" in page and letter.code in page
    assert outside.code not in page and "Nguyễn Văn An" in page
    assert "Giấy biên nhận 01-GBN/BTGDVTU (02/03/2026, chưa gửi)" in page

    book = openpyxl.load_workbook(io.BytesIO(_content(client.get(url, PERIOD | {"dinh_dang": "xlsx"}))))
    sheet = book.active
    assert [c.value for c in sheet[1]][:4] == ["STT", "Người viết đơn", "Ngày nhận", "Số đơn"]
    row = [c for c in sheet[2]]
    assert row[3].value == letter.code and row[1].value == "Nguyễn Văn An"
    assert row[5].value == "=HYPERLINK(\"http://x\")" and row[5].data_type == "s"  # never a live formula
    assert sheet.max_row == 2

    text = docx_text(_content(client.get(url, PERIOD | {"dinh_dang": "docx"})))
    assert "SỔ THEO DÕI, XỬ LÝ ĐƠN" in text and "Từ ngày 01/03/2026 đến ngày 31/03/2026" in text
    assert "BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY CAO BẰNG" in text
    from docx import Document

    table = Document(io.BytesIO(_content(client.get(url, PERIOD | {"dinh_dang": "docx"})))).tables[0]
    assert [cell.text for cell in table.rows[1].cells][3] == letter.code


def test_reception_register_masks_a_protected_denouncer_everywhere(tree, rita, alice, hana, client_for):
    session = reception.open_session(rita, organisation=tree.board_cb, kind="regular", date=D(2026, 3, 2),
                                     place="Trụ sở tiếp công dân tỉnh")
    reception.record_visit(rita, session, citizen=reception.CitizenDetails(full_name="Sầm Văn Kín",
                                                                            address="Bản Ẩn"),
                           content_kind=ContentKind.DENUNCIATION, field=Field.LAND_HOUSING,
                           summary="Tố cáo cán bộ thôn", handling="letter")
    url = reverse("papers:reception_register")
    for fmt in ("", "xlsx", "docx"):
        body = _content(client_for(alice).get(url, PERIOD | {"dinh_dang": fmt}))
        text = docx_text(body) if fmt == "docx" else body.decode("utf-8", "replace") if not fmt else ""
        if fmt == "xlsx":
            sheet = openpyxl.load_workbook(io.BytesIO(body)).active
            text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row)
        assert "Sầm Văn Kín" not in text and "Bản Ẩn" not in text, fmt
        assert "Tố cáo cán bộ thôn" in text and "Người tố cáo được bảo vệ" in text, fmt
    head = docx_text(_content(client_for(hana).get(url, PERIOD | {"dinh_dang": "docx"})))
    assert "Sầm Văn Kín" in head and "SỔ TIẾP CÔNG DÂN" in head


def test_register_period_errors_are_vietnamese(tree, alice, client_for):
    url = reverse("papers:letter_register")
    response = client_for(alice).get(url, {"from": "31/03/2026", "to": "01/03/2026"})
    assert response.status_code == 400 and "«Đến ngày» phải sau hoặc bằng «Từ ngày»" in response.content.decode()
    response = client_for(alice).get(url, {"from": "01/01/2024", "to": "31/12/2026", "dinh_dang": "xlsx"})
    assert response.status_code == 400 and "tối đa một năm" in response.content.decode()
    response = client_for(alice).get(url, {"from": "hôm qua", "to": "01/03/2026"})
    assert response.status_code == 400 and "Nhập ngày hợp lệ theo dạng dd/mm/yyyy cho «Từ ngày»" in \
        response.content.decode()


def test_register_of_one_body(tree, alice, client_for):
    mine = receive(alice, tree.board_cb)
    theirs = receive(alice, tree.ubnd_quang_lam)
    page = client_for(alice).get(reverse("papers:letter_register"),
                                 PERIOD | {"organisation": tree.ubnd_quang_lam.pk}).content.decode()
    assert theirs.code in page and mine.code not in page
