"""Papers for the citizen (issue 16): content of each paper, numbering, recorded as sent, gate and scope."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document

from danvan.core.choices import ContentKind
from danvan.letters import services as letters
from danvan.papers import queries, services
from danvan.papers.models import Paper
from danvan.people.models import IdentityReveal
from tests.letters.factories import accepted, classify, receive
from tests.papers.factories import acceptance, receipt

D = dt.date


def docx_text(content: bytes) -> str:
    """Every paragraph of the Word file, tables (the header block, the signatures) included."""
    document = Document(io.BytesIO(content))
    lines = [p.text for p in document.paragraphs]

    def cells(table):
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
                for inner in cell.tables:
                    cells(inner)

    for table in document.tables:
        cells(table)
    return "\n".join(lines)


def _docx(client, paper) -> str:
    response = client.get(reverse("papers:paper_docx", args=[paper.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    return docx_text(response.content)


# ------------------------------------------------------------------------------------------------ content

def test_acceptance_notice_names_body_number_petitioner_dates_and_law(tree, alice, client_for):
    letter, paper = acceptance(alice, tree.board_cb, name="Trần Văn Bình")
    text = _docx(client_for(alice), paper)
    # The Party board's header (HD 36-HD/VPTW): committee above, board, number without a colon.
    assert "TỈNH ỦY CAO BẰNG" in text and "BAN TUYÊN GIÁO VÀ DÂN VẬN" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Số 01-TB/BTGDVTU" in text
    assert "Cao Bằng, ngày 05 tháng 3 năm 2026" in text
    assert "THÔNG BÁO" in text and "Về việc thụ lý giải quyết tố cáo" in text
    assert "Kính gửi: ông (bà) Trần Văn Bình" in text
    assert "Ngày 02/03/2026" in text and "đã thụ lý giải quyết từ ngày 04/03/2026" in text
    assert "Điều 29 Luật Tố cáo năm 2018" in text


def test_a_state_body_prints_the_national_title_and_a_number_with_a_colon(tree, alice, client_for):
    letter = receive(alice, tree.ubnd_quang_lam, name="Lê Thị Hoa")
    paper = services.issue_paper(alice, letter, "non_acceptance", issued_on=D(2026, 3, 6),
                                 refusal_reason="Đơn đã được giải quyết bằng quyết định cuối cùng")
    text = _docx(client_for(alice), paper)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "ỦY BAN NHÂN DÂN" in text and "Số: 01/TB-UBND" in text
    assert "Quảng Lâm, ngày 06 tháng 3 năm 2026" in text
    assert "Về việc không thụ lý giải quyết khiếu nại" in text
    assert "Lý do: Đơn đã được giải quyết bằng quyết định cuối cùng." in text
    assert "Lê Thị Hoa" in text


def test_forwarding_slip_to_a_registry_body(tree, alice, client_for):
    letter = classify(alice, receive(alice, tree.board_cb, name="Phạm Văn Cường"), within=False)
    paper = services.issue_paper(alice, letter, "forwarding", issued_on=D(2026, 3, 3),
                                 recipient_organisation=tree.ubnd_cb, signer_title="KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN",
                                 signer_name="Nông Văn Dũng")
    text = _docx(client_for(alice), paper)
    assert "PHIẾU CHUYỂN ĐƠN" in text and "Số 01-PC/BTGDVTU" in text
    assert "Kính gửi: Ủy ban nhân dân tỉnh Cao Bằng" in text
    assert "chuyển đơn nêu trên đến Ủy ban nhân dân tỉnh Cao Bằng" in text
    assert "Phạm Văn Cường" in text  # the complainant is told: "(để biết)" under Nơi nhận
    assert "PHÓ TRƯỞNG BAN" in text and "Nông Văn Dũng" in text
    page = client_for(alice).get(reverse("papers:paper_detail", args=[paper.pk])).content.decode()
    assert "Kính gửi: Ủy ban nhân dân tỉnh Cao Bằng" in page and "data-print" in page


def test_forwarding_slip_to_a_body_outside_the_registry(tree, alice, client_for):
    letter = receive(alice, tree.board_cb)
    paper = services.issue_paper(alice, letter, "forwarding", issued_on=D(2026, 3, 3),
                                 recipient_text="Tòa án nhân dân khu vực 1 - Cao Bằng")
    assert "Kính gửi: Tòa án nhân dân khu vực 1 - Cao Bằng" in _docx(client_for(alice), paper)


def test_a_forwarded_denunciation_slip_does_not_copy_the_denouncer(tree, alice, client_for):
    letter = classify(alice, receive(alice, tree.board_cb, name="Đỗ Thị Mai", kind=ContentKind.DENUNCIATION),
                      within=False)
    paper = services.issue_paper(alice, letter, "forwarding", issued_on=D(2026, 3, 3),
                                 recipient_organisation=tree.ubnd_cb)
    assert "Đỗ Thị Mai (để biết)" not in _docx(client_for(alice), paper)


@pytest.mark.parametrize(("kind", "extra", "expected"), [
    ("receipt", {"documents": "Đơn 02 trang\nẢnh chụp hiện trường"},
     ["GIẤY BIÊN NHẬN", "Số 01-GBN/BTGDVTU", "1. Đơn 02 trang", "2. Ảnh chụp hiện trường", "NGƯỜI NỘP"]),
    ("appointment", {"appointment_on": D(2026, 3, 10), "appointment_place": "Phòng tiếp công dân tỉnh"},
     ["PHIẾU HẸN", "Số 01-PH/BTGDVTU", "vào ngày 10/03/2026 tại Phòng tiếp công dân tỉnh"]),
    ("guidance", {"recipient_text": "Ủy ban nhân dân xã Hòa An"},
     ["PHIẾU HƯỚNG DẪN", "Số 01-HD/BTGDVTU", "gửi đơn đến Ủy ban nhân dân xã Hòa An"]),
])
def test_each_desk_paper(tree, alice, client_for, kind, extra, expected):
    letter = receive(alice, tree.board_cb, name="Hoàng Văn Em")
    paper = services.issue_paper(alice, letter, kind, issued_on=D(2026, 3, 3), **extra)
    text = _docx(client_for(alice), paper)
    for piece in [*expected, "Hoàng Văn Em", "Cao Bằng, ngày 03 tháng 3 năm 2026"]:
        assert piece in text, piece


def test_notice_to_a_denouncer_that_the_denunciation_was_forwarded(tree, alice, client_for):
    letter = classify(alice, receive(alice, tree.board_cb, name="Vi Văn Giang", kind=ContentKind.DENUNCIATION),
                      within=False)
    paper = services.issue_paper(alice, letter, "forward_notice", issued_on=D(2026, 3, 4),
                                 recipient_organisation=tree.ubnd_cb)
    text = _docx(client_for(alice), paper)
    assert "Về việc chuyển đơn tố cáo" in text and "Kính gửi: ông (bà) Vi Văn Giang" in text
    assert "khoản 2 Điều 24 Luật Tố cáo năm 2018" in text and "Ủy ban nhân dân tỉnh Cao Bằng" in text


def test_papers_from_a_visit(tree, alice, client_for):
    from danvan.reception.models import Visit
    from tests.letters.scoping import _visit

    visit = Visit.objects.get(pk=_visit(tree, alice)["visit_pk"])
    paper = services.issue_paper(alice, visit, "receipt", issued_on=D(2026, 3, 2))
    text = _docx(client_for(alice), paper)
    assert "Lê Thị Hoa" in text and "tiếp ông (bà) Lê Thị Hoa" in text
    with pytest.raises(Exception, match="lượt tiếp"):
        services.issue_paper(alice, visit, "acceptance", issued_on=D(2026, 3, 2))


# ---------------------------------------------------------------------------------------------- numbering

def test_numbers_run_per_body_and_symbol_and_restart_each_year(tree, alice):
    first = receive(alice, tree.ubnd_quang_lam, received_on=D(2025, 12, 29))
    numbers = [services.issue_paper(alice, first, "receipt", issued_on=D(2025, 12, 30)).number_text,
               services.issue_paper(alice, first, "receipt", issued_on=D(2025, 12, 31)).number_text,
               services.issue_paper(alice, first, "guidance", issued_on=D(2025, 12, 31),
                                    recipient_text="Tòa án").number_text,
               services.issue_paper(alice, first, "receipt", issued_on=D(2026, 1, 2)).number_text]
    # NĐ 30/2020/NĐ-CP: a State body's numbers restart on 01/01.
    assert numbers == ["Số: 01/GBN-UBND", "Số: 02/GBN-UBND", "Số: 01/HD-UBND", "Số: 01/GBN-UBND"]
    other = receive(alice, tree.ubnd_hoa_an)
    assert services.issue_paper(alice, other, "receipt", issued_on=D(2026, 3, 2)).number == 1


# ------------------------------------------------------------------------------------------ sent, notices

def test_recording_the_acceptance_notice_as_sent_marks_the_deadline_done(tree, alice, client_for):
    letter, paper = acceptance(alice, tree.board_cb)
    [row] = queries.notice_rows(letter)
    assert row.key == "accepted" and not row.done
    from danvan.letters.models import Letter

    pending = queries.pending_notices(Letter.objects.restrict(alice), D(2026, 3, 20))
    assert [(n.letter_id, n.key, n.overdue) for n in pending] == [(letter.pk, "accepted", True)]
    page = client_for(alice).get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    assert "Chưa gửi" in page and "In giấy tờ" in page

    response = client_for(alice).post(reverse("papers:paper_sent", args=[paper.pk]),
                                      {f"sent-{paper.pk}-sent_on": "06/03/2026", f"sent-{paper.pk}-channel": "post",
                                       f"sent-{paper.pk}-note": "Vận đơn RR123"})
    assert response.status_code == 302
    paper.refresh_from_db()
    assert paper.sent_on == D(2026, 3, 6) and paper.sent_channel == "post" and paper.sent_by == alice
    assert paper.history.first().history_change_reason == "Ghi nhận đã gửi"
    [row] = queries.notice_rows(letter)
    assert row.done and row.sent_on == D(2026, 3, 6)
    assert queries.pending_notices(Letter.objects.restrict(alice), D(2026, 3, 20)) == []
    page = client_for(alice).get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    assert "Đã gửi ngày 06/03/2026" in page


def test_pending_notices_forwarded_denunciation_and_complaint_decision(tree, alice):
    from danvan.letters.models import Letter

    forwarded = classify(alice, receive(alice, tree.board_cb, kind=ContentKind.DENUNCIATION), within=False)
    decided = letters.resolve_letter(alice, accepted(alice, tree.board_cb), resolved_on=D(2026, 3, 10),
                                     outcome="c_wrong")
    scope = Letter.objects.restrict(alice)
    assert {(n.letter_id, n.key) for n in queries.pending_notices(scope, D(2026, 3, 11))} == {
        (forwarded.pk, "forwarded"), (decided.pk, "decision")}
    # Before the decision, only the forwarding notice is owed; an archived notice paper does not count.
    assert [n.key for n in queries.pending_notices(scope, D(2026, 3, 5))] == ["forwarded"]
    paper = services.issue_paper(alice, forwarded, "forward_notice", issued_on=D(2026, 3, 3), recipient_text="Công an")
    services.record_sent(alice, paper, sent_on=D(2026, 3, 3), channel="direct")
    assert [n.key for n in queries.pending_notices(scope, D(2026, 3, 11))] == ["decision"]
    services.archive_paper(alice, paper, reason="Lập nhầm")
    assert Paper.objects.filter(pk=paper.pk).exists()  # archived, not deleted
    assert {n.key for n in queries.pending_notices(scope, D(2026, 3, 11))} == {"forwarded", "decision"}
    # Outside the scope: nothing.
    assert queries.pending_notices(Letter.objects.filter(pk__in=[]), D(2026, 3, 11)) == []


# ------------------------------------------------------------------------------------------- bad input

def test_bad_input_gets_vietnamese_field_errors_and_changes_nothing(tree, alice, client_for):
    letter = receive(alice, tree.board_cb)
    client = client_for(alice)
    url = reverse("papers:issue", args=["don", letter.pk, "non_acceptance"])
    response = client.post(url, {"non_acceptance-issued_on": "31/02/2026", "non_acceptance-refusal_reason": ""})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Nhập ngày hợp lệ theo dạng dd/mm/yyyy cho «Ngày lập»" in body
    response = client.post(url, {"non_acceptance-issued_on": "03/03/2026", "non_acceptance-refusal_reason": "  "})
    assert response.status_code == 400 and "Cần ghi rõ lý do không thụ lý" in response.content.decode()
    response = client.post(reverse("papers:issue", args=["don", letter.pk, "forwarding"]),
                           {"forwarding-issued_on": "03/03/2026"})
    assert "Chọn cơ quan nhận trong danh mục hoặc ghi tên cơ quan ngoài danh mục" in response.content.decode()
    response = client.post(reverse("papers:issue", args=["don", letter.pk, "forwarding"]),
                           {"forwarding-issued_on": "01/03/2026", "forwarding-recipient_text": "Tòa án",
                            "forwarding-recipient_organisation": str(tree.ubnd_cb.pk)})
    body = response.content.decode()
    assert "không cả hai" in body and "không được trước ngày nhận đơn" in body
    assert client.post(reverse("papers:issue", args=["don", letter.pk, "acceptance"]),
                       {"acceptance-issued_on": "03/03/2026"}).status_code == 400  # not accepted yet
    assert not Paper.objects.exists()

    _letter, paper = receipt(alice, tree.board_cb)
    response = client.post(reverse("papers:paper_sent", args=[paper.pk]),
                           {f"sent-{paper.pk}-sent_on": "01/03/2026", f"sent-{paper.pk}-channel": "carrier-pigeon"})
    body = response.content.decode()
    assert response.status_code == 400 and "Hình thức gửi không hợp lệ" in body
    response = client.post(reverse("papers:paper_sent", args=[paper.pk]),
                           {f"sent-{paper.pk}-sent_on": "01/03/2026", f"sent-{paper.pk}-channel": "direct"})
    assert response.status_code == 400 and "Ngày gửi không được trước ngày lập giấy tờ" in response.content.decode()
    paper.refresh_from_db()
    assert paper.sent_on is None


# ------------------------------------------------------------------------------------ identity gate, scope

@pytest.fixture
def protected_paper(tree, rita):
    """A denunciation received by rita (she typed the denouncer in), accepted, and its notice issued by her."""
    return acceptance(rita, tree.board_cb,
                      new_petitioners=[{"full_name": "Ma Thị Bí Mật", "address": "Xóm Kín, xã Quảng Lâm"}])


def test_a_protected_denouncers_paper_only_for_who_may_see_him(tree, protected_paper, alice, hana, client_for):
    letter, paper = protected_paper
    client = client_for(alice)
    for url in (reverse("papers:paper_detail", args=[paper.pk]), reverse("papers:paper_docx", args=[paper.pk])):
        response = client.get(url)
        body = response.content.decode("utf-8", "replace")
        assert response.status_code == 403
        assert "Bí Mật" not in body and "Xóm Kín" not in body
        assert "người tố cáo được bảo vệ" in body
    before = Paper.objects.count()
    response = client.post(reverse("papers:issue", args=["don", letter.pk, "receipt"]),
                           {"receipt-issued_on": "03/03/2026"})
    assert response.status_code == 403 and Paper.objects.count() == before
    page = client.get(reverse("papers:record_papers", args=["don", letter.pk])).content.decode()
    assert "Bí Mật" not in page and "Lập và cấp số" not in page and paper.number_text in page

    reveals = IdentityReveal.objects.count()
    client_for(hana).get(reverse("papers:record_papers", args=["don", letter.pk]))
    assert IdentityReveal.objects.count() == reveals  # the list of papers shows no name: nothing revealed
    text = _docx(client_for(hana), paper)  # the head sees him, and the reveal is logged
    assert "Ma Thị Bí Mật" in text and "Xóm Kín" in text
    assert IdentityReveal.objects.count() > reveals


def test_outsiders_see_no_paper_and_no_register_row(tree, alice, charlie, client_for):
    letter, paper = receipt(alice, tree.board_cb, name="Nguyễn Thị Ngoài", summary="Khiếu nại đền bù Quảng Lâm")
    client = client_for(charlie)
    assert client.get(reverse("papers:paper_detail", args=[paper.pk])).status_code == 404
    assert client.get(reverse("papers:record_papers", args=["don", letter.pk])).status_code == 404
    for name in ("papers:letter_register", "papers:reception_register"):
        for fmt in ("", "xlsx", "docx"):
            response = client.get(reverse(name), {"from": "01/01/2026", "to": "31/12/2026", "dinh_dang": fmt})
            assert response.status_code == 200
            content = b"".join(response.streaming_content) if response.streaming else response.content
            assert letter.code.encode() not in content and "Ngoài".encode() not in content


def test_the_reception_desk_issues_an_appointment_slip_from_a_visit(tree, alice, client_for):
    from danvan.reception.models import Visit
    from tests.letters.scoping import _visit

    visit = Visit.objects.get(pk=_visit(tree, alice)["visit_pk"])
    client = client_for(alice)
    page = client.get(reverse("papers:record_papers", args=["luot-tiep", visit.pk])).content.decode()
    assert "Phiếu hẹn" in page and "Thông báo thụ lý" not in page  # notices belong to letters
    assert "In giấy tờ" in client.get(reverse("reception:visit_detail", args=[visit.pk])).content.decode()
    response = client.post(reverse("papers:issue", args=["luot-tiep", visit.pk, "appointment"]),
                           {"appointment-issued_on": "02/03/2026", "appointment-appointment_on": "01/03/2026"})
    assert response.status_code == 400 and "Ngày hẹn không được trước ngày lập phiếu hẹn" in response.content.decode()
    response = client.post(reverse("papers:issue", args=["luot-tiep", visit.pk, "appointment"]),
                           {"appointment-issued_on": "02/03/2026", "appointment-appointment_on": "09/03/2026",
                            "appointment-appointment_place": "Phòng tiếp công dân"})
    paper = Paper.objects.get(visit=visit)
    assert response.status_code == 302 and paper.number_text == "Số 01-PH/BTGDVTU"
    assert "vào ngày 09/03/2026 tại Phòng tiếp công dân" in _docx(client, paper)
