"""The upload-or-paste page: read, review beside the sentence, correct, drop, confirm; stored as entered values
of the unit and period (audited, all or nothing, in the user's scope only); bad input is a Vietnamese field error."""

from __future__ import annotations

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.reading.documents import MAX_BYTES
from danvan.reports.models import EnteredValue

pytestmark = pytest.mark.django_db

URL = "/doc-bao-cao/"
TEXT = ("BÁO CÁO công tác dân vận năm 2019\n"
        "Năm 2019, đã tiếp 63 lượt công dân (41 vụ việc), giảm 12 lượt (7 vụ việc) so với cùng kỳ; đã giải quyết "
        "35/41 vụ việc, đạt 85,4%. Thu nhập đạt 62 triệu đồng.")


def review_post(response, **changes) -> dict:
    """The review form as the browser would submit it: every row kept unless changed."""
    rows = response.context["storable"]
    data = {"buoc": "luu", "co_quan": response.context["organisation"].pk, "ky": response.context["period"].code,
            "so_dong": len(response.context["rows"])}
    for row in rows:
        i = row["i"]
        data.update({f"chi_tieu-{i}": row["code"], f"chi_tiet-{i}": row["key"], f"gia_tri-{i}": row["value"],
                     f"cau-{i}": row["sentence"], f"dau-{i}": row["start"], f"cuoi-{i}": row["end"], f"giu-{i}": "1"})
    data.update(changes)
    return data


def test_paste_review_correct_drop_and_confirm(client, tree, alice):
    client.force_login(alice)
    response = client.post(URL, {"co_quan": tree.ubnd_hoa_an.pk, "van_ban": TEXT})
    assert response.status_code == 200
    assert response.context["period"].code == "2019"
    rows = {(r["code"], r["value"]) for r in response.context["storable"]}
    assert rows == {("TCD_LUOT", "63"), ("TCD_VUVIEC", "41"), ("DT_GIAIQUYET", "35"), ("DT_PHAIGQ", "41")}
    html = response.content.decode()
    assert "<mark>63</mark> lượt công dân" in html and "Chưa nhận dạng" in html and "62 triệu" in html
    # The comparison and the rate are shown for checking, not stored.
    assert {r["code"] for r in response.context["shown"]} == {"TCD_LUOT", "TCD_VUVIEC", "DT_TYLE_GQ"}
    index = {r["code"]: r["i"] for r in response.context["storable"]}
    data = review_post(response, **{f"gia_tri-{index['TCD_LUOT']}": "64"})
    del data[f"giu-{index['DT_PHAIGQ']}"]  # dropped
    confirmed = client.post(URL, data)
    assert confirmed.status_code == 302 and "ky=2019" in confirmed["Location"]
    stored = {(v.indicator.code, v.value) for v in EnteredValue.objects.filter(organisation=tree.ubnd_hoa_an)}
    assert stored == {("TCD_LUOT", 64), ("TCD_VUVIEC", 41), ("DT_GIAIQUYET", 35)}
    row = EnteredValue.objects.get(organisation=tree.ubnd_hoa_an, indicator__code="TCD_LUOT")
    assert row.history.first().history_user == alice and row.period_start.isoformat() == "2019-01-01"


def test_a_figure_that_disagrees_with_what_danvan_holds_is_flagged(client, tree, alice):
    client.force_login(alice)
    first = client.post(URL, {"co_quan": tree.ubnd_hoa_an.pk, "van_ban": TEXT})
    client.post(URL, review_post(first))
    again = client.post(URL, {"co_quan": tree.ubnd_hoa_an.pk, "van_ban": TEXT.replace("63 lượt", "70 lượt")})
    flagged = {r["code"]: r for r in again.context["storable"]}
    assert flagged["TCD_LUOT"]["differs"] and flagged["TCD_LUOT"]["held"] == "63"
    assert not flagged["TCD_VUVIEC"]["differs"]
    assert "Khác số liệu danvan đang có: 63" in again.content.decode()


def test_a_bad_number_stores_nothing_and_names_the_row(client, tree, alice):
    client.force_login(alice)
    response = client.post(URL, {"co_quan": tree.ubnd_hoa_an.pk, "van_ban": TEXT})
    index = {r["code"]: r["i"] for r in response.context["storable"]}
    bad = client.post(URL, review_post(response, **{f"gia_tri-{index['TCD_VUVIEC']}": "bốn mốt"}))
    assert bad.status_code == 400
    assert "Số vụ việc: “bốn mốt” không phải là số nguyên không âm." in bad.content.decode()
    assert not EnteredValue.objects.exists()  # all or nothing


def test_a_rule_breach_stores_nothing(client, tree, alice):
    client.force_login(alice)
    response = client.post(URL, {"co_quan": tree.ubnd_hoa_an.pk, "van_ban": TEXT})
    index = {r["code"]: r["i"] for r in response.context["storable"]}
    bad = client.post(URL, review_post(response, **{f"gia_tri-{index['TCD_VUVIEC']}": "99"}))
    assert bad.status_code == 400 and "Số vụ việc không thể nhiều hơn số lượt tiếp" in bad.content.decode()
    assert not EnteredValue.objects.exists()


def test_a_unit_outside_the_users_scope_cannot_be_entered(client, tree, alice, charlie):
    client.force_login(charlie)  # Hà Nội
    response = client.post(URL, {"co_quan": tree.ubnd_hoa_an.pk, "van_ban": TEXT})
    assert response.status_code == 400 and "co_quan" in response.context["form"].errors
    client.force_login(alice)
    review = client.post(URL, {"co_quan": tree.ubnd_hoa_an.pk, "van_ban": TEXT})
    client.force_login(charlie)
    assert client.post(URL, review_post(review)).status_code == 404
    assert not EnteredValue.objects.exists()


def test_a_viewer_cannot_read_reports_into_figures(client, tree, bob):
    client.force_login(bob)
    assert client.get(URL).status_code == 403


def test_a_word_file_is_read(client, tree, alice):
    document = docx.Document()
    for line in TEXT.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    client.force_login(alice)
    upload = SimpleUploadedFile("bao-cao.docx", buffer.getvalue())
    response = client.post(URL, {"co_quan": tree.ubnd_hoa_an.pk, "tep": upload})
    assert response.status_code == 200 and len(response.context["storable"]) == 4


@pytest.mark.parametrize("name, content, field, message", [
    ("bao-cao.pdf", b"%PDF-1.4", "tep", "Chỉ đọc được tệp Word (.docx) hoặc văn bản (.txt)."),
    ("bao-cao.docx", b"PK\x03\x04 broken", "tep", "Tệp không phải tài liệu Word (.docx) hợp lệ."),
    ("bao-cao.txt", b"x" * (MAX_BYTES + 1), "tep", "Tệp quá lớn (tối đa 5 MB)."),
    ("bao-cao.txt", b"\xff\xfe\x00\xd8", "tep", "Tệp văn bản phải mã hóa UTF-8."),
    ("bao-cao.txt", "Đã tiếp 3 lượt công dân.".encode(), "ky",
     "Không đọc được kỳ báo cáo trong văn bản; hãy ghi kỳ báo cáo."),
])
def test_bad_files_are_field_errors_in_vietnamese(client, tree, alice, name, content, field, message):
    client.force_login(alice)
    response = client.post(URL, {"co_quan": tree.ubnd_hoa_an.pk, "tep": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]


def test_nothing_given_and_a_bad_period_are_field_errors(client, tree, alice):
    client.force_login(alice)
    empty = client.post(URL, {"co_quan": tree.ubnd_hoa_an.pk})
    assert empty.context["form"].errors["van_ban"] == ["Chọn tệp báo cáo hoặc dán nội dung báo cáo."]
    bad = client.post(URL, {"co_quan": tree.ubnd_hoa_an.pk, "van_ban": TEXT, "ky": "2019-Q9"})
    assert bad.status_code == 400 and "ky" in bad.context["form"].errors
    assert reverse("reading:read") == URL
