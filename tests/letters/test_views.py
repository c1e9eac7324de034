"""The letter pages: intake (with malformed input), from a reception visit, workflow actions, list and
statistics. A malformed input gets a Vietnamese error naming the field and saves nothing (issue 4)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.choices import ContentKind, Field
from danvan.core.views import CappedPaginator as _CappedPaginator
from danvan.core.views import paginate as _paginate
from danvan.letters.models import Channel, Letter, LetterAttachment
from danvan.letters.workflow import LetterStatus
from danvan.matters.models import Matter
from danvan.people.models import Citizen
from tests.letters.factories import accepted, classify, receive, resolved
from tests.letters.pages import opened_form
from tests.letters.scoping import PDF, _visit

D = dt.date


def intake_data(tree, **overrides):
    data = {
        "organisation": tree.board_cb.pk, "channel": Channel.POST, "received_on": "2026-03-02",
        "petitioner_name": "Nông Văn Dân", "petitioner_id_number": "004099887766", "petitioner_birth_year": "1970",
        "petitioner_address": "Xã Hòa An", "other_signers": "", "summary": "Khiếu nại giá bồi thường",
        "content": "", "content_kind": ContentKind.COMPLAINT, "field": Field.LAND_HOUSING,
        "subject_area": tree.hoa_an.pk, "matter": "", "previous_letter": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def nothing_saved():
    return not (Letter.objects.exists() or Citizen.objects.exists() or Matter.objects.exists()
                or LetterAttachment.objects.exists())


def test_the_intake_form_records_a_letter_with_its_petitioner_and_matter(tree, alice, client_for):
    response = client_for(alice).post(reverse("letters:letter_create"), intake_data(
        tree, other_signers="Nông Thị Hai\nNông Văn Ba"))
    letter = Letter.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("letters:letter_detail", args=[letter.pk])
    assert [c.full_name for c in letter.petitioners.order_by("letter_links__position")] == [
        "Nông Văn Dân", "Nông Thị Hai", "Nông Văn Ba"]
    assert letter.signer_count == 3 and letter.matter.title == "Khiếu nại giá bồi thường"
    assert letter.channel == Channel.POST and letter.acceptance_deadline == D(2026, 3, 12)
    html = client_for(alice).get(response["Location"]).content.decode()
    assert "12/03/2026" in html and "Mới tiếp nhận" in html and "Lịch sử thay đổi" in html
    assert "sinh năm 1970" in html  # a year, not the number 1.970


@pytest.mark.parametrize(("overrides", "label", "message"), [
    ({"summary": ""}, "Tóm tắt nội dung", "Trường này là bắt buộc."),
    ({"received_on": "31/02/2026"}, "Ngày nhận đơn", "Nhập ngày hợp lệ theo dạng dd/mm/yyyy"),
    ({"petitioner_birth_year": "năm bảy mươi"}, "Năm sinh", "Nhập một số nguyên cho «Năm sinh»"),
    ({"petitioner_name": "", "petitioner_id_number": ""}, "Người viết đơn",
     "Cần nhập họ tên người viết đơn, hoặc đánh dấu đơn nặc danh."),
    ({"channel": Channel.FORWARDED}, "Cơ quan chuyển đơn đến",
     "Đơn do cơ quan khác chuyển đến: cần ghi tên cơ quan chuyển đơn."),
    ({"previous_letter": "999"}, "Số hiệu đơn khiếu nại lần đầu", "Không tìm thấy đơn số 999"),
    ({"previous_letter": "Đ00x1"}, "Số hiệu đơn khiếu nại lần đầu", "Số hiệu đơn gồm chữ Đ và các chữ số"),
])
def test_malformed_intake_names_the_field_and_saves_nothing(tree, alice, client_for, overrides, label, message):
    response = client_for(alice).post(reverse("letters:letter_create"), intake_data(tree, **overrides))
    assert response.status_code == 400
    html = response.content.decode()
    assert label in html and message in html and "Đơn chưa được lưu" in html
    assert nothing_saved()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("don.exe", b"MZ\x90\x00", "không đúng định dạng cho phép"),
    ("don.pdf", b"MZ\x90\x00 not a pdf", "không khớp với định dạng .pdf"),
    ("anh.png", b"\xff\xd8\xff\xe0 jpeg bytes", "không khớp với định dạng .png"),
    ("bang.xlsx", b"PK\x03\x04" + b"\x00" * 26 + b"word/document.xml", "không khớp với định dạng .xlsx"),
])
def test_a_wrong_attachment_names_the_field_and_saves_nothing(tree, alice, client_for, name, content, message):
    data = intake_data(tree, attachments=SimpleUploadedFile(name, content))
    response = client_for(alice).post(reverse("letters:letter_create"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tệp đính kèm" in html and message in html and name in html
    assert nothing_saved()


def test_an_attachment_over_the_size_limit_is_refused(tree, alice, client_for, settings):
    settings.DANVAN_MAX_ATTACHMENT_MB = 1
    big = SimpleUploadedFile("ho-so.pdf", PDF + b"0" * (1024 * 1024))
    response = client_for(alice).post(reverse("letters:letter_create"), intake_data(tree, attachments=big))
    assert response.status_code == 400
    assert "vượt quá dung lượng cho phép 1 MB" in response.content.decode()
    assert nothing_saved()


def test_allowed_attachments_are_stored(tree, alice, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    files = [SimpleUploadedFile("don.pdf", PDF), SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)]
    response = client_for(alice).post(reverse("letters:letter_create"), intake_data(tree, attachments=files))
    assert response.status_code == 302
    assert sorted(Letter.objects.get().attachments.values_list("original_name", flat=True)) == ["anh.png", "don.pdf"]
    assert len(list(tmp_path.rglob("*.p*"))) == 2


def test_a_letter_from_a_reception_visit_is_prefilled_and_linked(tree, alice, client_for):
    from danvan.reception.models import Visit

    visit = Visit.objects.get(pk=_visit(tree, alice)["visit_pk"])
    url = reverse("letters:letter_from_visit", args=[visit.pk])
    html = client_for(alice).get(url).content.decode()
    assert "Khiếu nại bồi thường" in html and "Lê Thị Hoa" in html and "02/03/2026" in html
    response = client_for(alice).post(url, intake_data(tree, summary="Khiếu nại bồi thường", petitioner_name="",
                                                       petitioner_id_number=""))
    letter = Letter.objects.get()
    assert response.status_code == 302
    assert letter.source_visit == visit and letter.channel == Channel.VISIT
    assert [c.pk for c in letter.petitioners.all()] == [visit.citizen_id]
    assert "Lượt tiếp này đã có đơn" not in html
    html = client_for(alice).get(url).content.decode()
    assert "Lượt tiếp này đã có đơn" in html and letter.code in html


def test_a_viewer_cannot_open_the_intake_or_act(tree, alice, bob, client_for):
    letter = receive(alice, tree.ubnd_quang_lam)
    client = client_for(bob)
    assert client.get(reverse("letters:letter_create")).status_code == 403
    assert client.post(reverse("letters:letter_action", args=[letter.pk, "classify"]), {}).status_code == 403
    assert client.get(reverse("letters:letter_detail", args=[letter.pk])).status_code == 200


def test_actions_through_the_pages(tree, alice, client_for):
    letter = receive(alice, alice.organisation, received_on=D(2026, 3, 2))
    client = client_for(alice)
    url = reverse("letters:letter_action", args=[letter.pk, "classify"])
    bad = client.post(url, {"classify-content_kind": "complaint", "classify-field": "land", "classify-qualifying": "no",
                            "classify-within_jurisdiction": "yes", "classify-complexity": "normal"})
    assert bad.status_code == 400 and "Đơn không đủ điều kiện xử lý: cần chọn lý do." in bad.content.decode()
    assert Letter.objects.get().status == LetterStatus.RECEIVED
    ok = client.post(url, {"classify-content_kind": "complaint", "classify-field": "land",
                           "classify-qualifying": "yes", "classify-within_jurisdiction": "yes",
                           "classify-complexity": "normal"})
    assert ok.status_code == 302
    client.post(reverse("letters:letter_action", args=[letter.pk, "accept"]), {"accept-accepted_on": "2026-03-03"})
    bad = client.post(reverse("letters:letter_action", args=[letter.pk, "resolve"]),
                      {"resolve-resolved_on": "2026-03-01", "resolve-outcome": "c_right"})
    assert "Ngày giải quyết không được trước ngày thụ lý." in bad.content.decode()
    client.post(reverse("letters:letter_action", args=[letter.pk, "resolve"]),
                {"resolve-resolved_on": "2026-03-20", "resolve-outcome": "c_right"})
    letter.refresh_from_db()
    assert (letter.status, letter.resolved_on, letter.outcome) == (LetterStatus.RESOLVED, D(2026, 3, 20), "c_right")
    html = client.get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    timeline = html.split('<ol class="timeline">')[1].split("</ol>")[0]
    assert timeline.index("Mới tiếp nhận") < timeline.index("Đã phân loại") < timeline.index(
        "Đã thụ lý") < timeline.index("Đã giải quyết")
    # Each change names who made it (their full name: the timeline reads only the names of the accounts), and the
    # page asks no more queries for a longer timeline (a column read but not loaded would cost one a line).
    assert timeline.count(f", {alice.get_full_name()}") == 4
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from danvan.letters.models import StatusChange

    with CaptureQueriesContext(connection) as four:
        client.get(reverse("letters:letter_detail", args=[letter.pk]))
    StatusChange.objects.create(letter=letter, from_status=LetterStatus.RESOLVED, to_status=LetterStatus.RESOLVED,
                                by=None, reason="Ghi bổ sung")
    with CaptureQueriesContext(connection) as five:
        html = client.get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    assert len(five) == len(four)
    assert "— " in html and ", Hệ thống: Ghi bổ sung</li>" in html


def test_the_statistics_page_shows_the_counts_of_the_scope(tree, alice, charlie, client_for):
    receive(alice, alice.organisation, received_on=D(2026, 3, 2))
    receive(alice, tree.ubnd_quang_lam, received_on=D(2026, 3, 3))
    receive(charlie, tree.board_hn, received_on=D(2026, 3, 3))
    html = client_for(alice).get(reverse("letters:statistics") + "?start=2026-01-01&end=2026-03-31").content.decode()
    assert 'data-figure="received"><div class="muted">Đơn tiếp nhận</div><div class="value">2</div>' in html
    html = client_for(alice).get(reverse("letters:statistics") + f"?start=2026-01-01&end=2026-03-31&unit="
                                 f"{tree.quang_lam.pk}").content.decode()
    assert '<div class="value">1</div>' in html
    bad = client_for(alice).get(reverse("letters:statistics") + "?start=2026-03-31&end=2026-01-01")
    assert bad.status_code == 400 and "Ngày kết thúc kỳ không được trước ngày bắt đầu." in bad.content.decode()


def test_list_filters_by_status_kind_field_and_unit(tree, alice, client_for):
    a = receive(alice, alice.organisation, kind=ContentKind.COMPLAINT, field=Field.LAND_HOUSING)
    b = receive(alice, tree.ubnd_quang_lam, kind=ContentKind.RECOMMENDATION, field=Field.POLICY)
    client = client_for(alice)

    def codes(query):
        html = client.get(reverse("letters:letter_list") + query).content.decode()
        return {letter.code for letter in (a, b) if letter.code in html}

    assert codes("") == {a.code, b.code}
    assert codes("?content_kind=recommendation") == {b.code}
    assert codes("?field=land") == {a.code}
    assert codes(f"?unit={tree.quang_lam.pk}") == {b.code}
    assert codes("?status=classified") == set()


@pytest.mark.parametrize("query", ["bồi thường", "boi thuong", "BỒI THƯỜNG", "Boi Thuong", "đất", "dat"])
def test_search_finds_a_summary_with_or_without_diacritics_in_any_case(tree, alice, client_for, query):
    wanted = receive(alice, alice.organisation, summary="Khiếu nại giá bồi thường khi thu hồi đất")
    other = receive(alice, alice.organisation, summary="Đề nghị sửa chữa đường liên thôn")
    html = client_for(alice).get(reverse("letters:letter_list"), {"q": query}).content.decode()
    assert wanted.code in html and other.code not in html


def test_search_follows_an_amended_summary(tree, alice, client_for):
    from danvan.letters import services

    letter = receive(alice, alice.organisation, summary="Đề nghị sửa đường liên thôn")
    services.amend_letter(alice, letter, reason="Sửa tóm tắt", summary="Phản ánh ô nhiễm cơ sở chăn nuôi")
    client = client_for(alice)
    assert letter.code in client.get(reverse("letters:letter_list"), {"q": "o nhiem"}).content.decode()
    assert letter.code not in client.get(reverse("letters:letter_list"), {"q": "lien thon"}).content.decode()


def test_a_search_with_more_matches_than_the_cap_says_more_and_still_pages_on(tree, alice, client_for, monkeypatch):
    from danvan.letters import views

    monkeypatch.setattr(views, "SEARCH_COUNT_CAP", 3)
    monkeypatch.setattr(views, "paginate", lambda request, qs, **kwargs: _paginate(request, qs, per_page=2, **kwargs))
    matching = [receive(alice, alice.organisation, summary=f"Khiếu nại bồi thường đất lần {n}") for n in range(6)]
    receive(alice, alice.organisation, summary="Đề nghị sửa đường")
    client = client_for(alice)

    first = client.get(reverse("letters:letter_list"), {"q": "boi thuong"}).content.decode()
    # Six matches, counted only as far as the cap: the officer reads "more than 3", not a made-up total.
    assert "Hơn 3 đơn khớp tìm kiếm" in first and "Trang 1/" not in first and "Trang 1" in first
    assert "page=2" in first
    # Past the cap the pages go on, each counted as far as itself: the third page holds the two oldest.
    third = client.get(reverse("letters:letter_list"), {"q": "boi thuong", "page": 3}).content.decode()
    assert matching[0].code in third and matching[1].code in third and matching[5].code not in third
    assert "page=4" not in third and "6 đơn" in third and "Trang 3/3" in third
    # A page far past the last one counted (a fuzzed ?page=) reads no more than MAX_PAGES pages of ids.
    monkeypatch.setattr(_CappedPaginator, "MAX_PAGES", 2)
    far = client.get(reverse("letters:letter_list"), {"q": "boi thuong", "page": 10**6})
    assert far.status_code == 200 and "Hơn 4 đơn khớp tìm kiếm" in far.content.decode()
    # Not a search: the exact count as before.
    assert "7 đơn" in client.get(reverse("letters:letter_list")).content.decode()
    # Fewer matches than the cap: the exact count.
    assert "1 đơn" in client.get(reverse("letters:letter_list"), {"q": "sua duong"}).content.decode()


def test_the_lists_count_is_read_again_only_when_letters_or_units_change(tree, alice, bob, client_for):
    """The unsearched list's count is kept per data version of the letters and the unit tree: a new letter, an
    archived one or a changed filter counts again; the same list opened again does not."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from danvan.core.services import archive

    receive(alice, alice.organisation)
    commune_letter = receive(alice, tree.ubnd_quang_lam, kind=ContentKind.RECOMMENDATION)

    def shown(query="", who=alice):
        with CaptureQueriesContext(connection) as captured:
            html = client_for(who).get(reverse("letters:letter_list") + query).content.decode()
        counted = any("COUNT(" in q["sql"].upper() for q in captured)
        return re.search(r"(\d+) đơn</p>", html).group(1), counted

    assert shown() == ("2", True)
    assert shown() == ("2", False)
    assert shown("?page=1") == ("2", False)  # the same rows, another page
    assert shown("?content_kind=recommendation") == ("1", True)  # another filter is another count
    assert shown(who=bob) == ("1", True)  # another scope (the commune) too
    receive(alice, alice.organisation)
    assert shown() == ("3", True)
    archive(commune_letter, alice, reason="Nhập trùng")
    assert shown() == ("2", True)
    assert shown("?content_kind=recommendation") == ("0", True)


def test_a_filter_that_matches_nothing_by_construction_counts_zero_without_a_query(tree, alice):
    """`pk__in=[]` (the letters owed a notice, when none is) cannot be written as SQL: the count is 0, asked of no
    one. Building the cache key from it was a 500 on the list the work queue's notices tile links to
    (tests/workqueue/test_queue.py opens that list)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from danvan.core.views import VersionedCountPaginator

    receive(alice, alice.organisation)
    paginator = VersionedCountPaginator(Letter.objects.filter(pk__in=[]).order_by("pk"), 50, ("letters",))
    with CaptureQueriesContext(connection) as captured:
        assert paginator.count == 0 and list(paginator.get_page(1)) == []
    assert len(captured) == 0


def test_the_list_page_costs_the_same_queries_for_one_letter_or_many(tree, alice, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(alice)
    receive(alice, alice.organisation)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            html = client.get(reverse("letters:letter_list")).content.decode()
        return len(captured), html

    one, _html = queries()
    for n in range(6):
        receive(alice, tree.ubnd_quang_lam, name=f"Hoàng Văn {n}", kind=ContentKind.RECOMMENDATION)
    many, html = queries()
    assert many == one
    # Each cell carries its column's name (data-label), the card's caption on a phone (issue 16).
    assert ('data-label="Loại đơn">Kiến nghị, phản ánh</td>' in html and 'data-label="Loại đơn">Khiếu nại</td>' in html
            and 'data-label="Trạng thái">Mới tiếp nhận</td>' in html)
    assert "Hoàng Văn 5" in html and "7 đơn" in html


def test_a_bad_handling_date_is_shown_at_its_field_and_changes_nothing(tree, alice, client_for):
    letter = receive(alice, alice.organisation, received_on=D(2026, 3, 2))
    client = client_for(alice)
    client.post(reverse("letters:letter_action", args=[letter.pk, "classify"]), {
        "classify-content_kind": "complaint", "classify-field": "land", "classify-qualifying": "yes",
        "classify-within_jurisdiction": "no", "classify-complexity": "normal"})
    bad = client.post(reverse("letters:letter_action", args=[letter.pk, "forward"]), {
        "forward-forwarded_to": "Sở Tài nguyên và Môi trường", "forward-forwarded_on": "01/03/2026"})
    assert bad.status_code == 400
    field = bad.content.decode().split('for="id_forward-forwarded_on"')[1].split("</div>")[0]
    assert "Ngày chuyển đơn không được trước ngày nhận đơn." in field
    letter.refresh_from_db()
    assert (letter.status, letter.forwarded_to) == (LetterStatus.CLASSIFIED, "")
    ok = client.post(reverse("letters:letter_action", args=[letter.pk, "forward"]), {
        "forward-forwarded_to": "Sở Tài nguyên và Môi trường", "forward-forwarded_on": "04/03/2026"})
    assert ok.status_code == 302
    letter.refresh_from_db()
    assert (letter.status, letter.decided_on) == (LetterStatus.FORWARDED, D(2026, 3, 4))


def test_petitioner_matching_is_for_those_who_record(tree, alice, bob, client_for):
    receive(alice, tree.ubnd_quang_lam, name="Nông Văn Dân")
    url = reverse("letters:petitioner_matches") + "?petitioner_name=nong van dan"
    assert client_for(bob).get(url).status_code == 403
    html = client_for(alice).get(url).content.decode()
    assert "Nông Văn Dân" in html and "Khiếu nại việc thu hồi đất" in html


def test_a_second_complaint_shows_its_window_and_whether_it_came_late(tree, alice, client_for):
    from danvan.letters import services

    first = accepted(alice, alice.organisation, received_on=D(2026, 3, 2), accepted_on=D(2026, 3, 3))
    first = services.resolve_letter(alice, first, resolved_on=D(2026, 3, 20), outcome="c_wrong")
    # The window counts from the complainant's receipt of the decision (Luật Khiếu nại 2011 Điều 33).
    first = services.record_decision_delivery(alice, first, delivered_on=D(2026, 3, 20))
    # 30 days from 20/03/2026 → 19/04/2026, a Sunday → Monday 20/04 (Luật Khiếu nại 2011 Điều 33; BLDS Điều 148)
    in_time = receive(alice, alice.organisation, received_on=D(2026, 4, 20), previous_letter=first)
    late = receive(alice, alice.organisation, received_on=D(2026, 4, 21), previous_letter=first)
    client = client_for(alice)
    html = client.get(reverse("letters:letter_detail", args=[in_time.pk])).content.decode()
    assert "hạn khiếu nại lần hai 20/04/2026" in html and "Nộp sau thời hạn khiếu nại lần hai" not in html
    html = client.get(reverse("letters:letter_detail", args=[late.pk])).content.decode()
    assert "hạn khiếu nại lần hai 20/04/2026" in html and "Nộp sau thời hạn khiếu nại lần hai" in html
    # The officer then classifies it as not qualifying, with the reason.
    late = classify(alice, late, qualifying=False, not_qualifying_reason="time_barred")
    assert late.get_not_qualifying_reason_display().startswith("Hết thời hiệu, thời hạn khiếu nại")


def test_pauses_through_the_page_add_end_and_cancel(tree, alice, client_for):
    letter = accepted(alice, alice.organisation, received_on=D(2026, 3, 2), accepted_on=D(2026, 3, 3))
    client = client_for(alice)

    def act(name, data):
        return client.post(reverse("letters:letter_action", args=[letter.pk, name]),
                           {f"{name}-{k}": v for k, v in data.items()})

    assert act("pause", {"kind": "documents", "start": "10/03/2026", "end": "20/03/2026"}).status_code == 302
    letter.refresh_from_db()
    assert letter.resolution_deadline == D(2026, 4, 13)
    pause = letter.pauses.get()
    html = client.get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    assert "10/03/2026 – 20/03/2026" in html and "Hủy lần tạm dừng" in html
    bad = act("cancel_pause", {"pause": pause.pk, "reason": ""})
    assert bad.status_code == 400 and "Trường này là bắt buộc." in bad.content.decode()
    assert act("cancel_pause", {"pause": pause.pk, "reason": "Nhập nhầm ngày"}).status_code == 302
    letter.refresh_from_db()
    assert letter.resolution_deadline == D(2026, 4, 2) and letter.pauses.get().is_archived
    assert "10/03/2026 – 20/03/2026" not in client.get(
        reverse("letters:letter_detail", args=[letter.pk])).content.decode()


def test_an_action_that_does_not_fit_the_state_is_refused_with_a_message(tree, alice, client_for):
    letter = receive(alice, alice.organisation, received_on=D(2026, 3, 2))
    response = client_for(alice).post(reverse("letters:letter_action", args=[letter.pk, "resolve"]),
                                      {"resolve-resolved_on": "20/03/2026", "resolve-outcome": "c_right"})
    assert response.status_code == 400
    assert "Thao tác «Ghi kết quả giải quyết» không áp dụng cho đơn ở trạng thái «Mới tiếp nhận»." in (
        response.content.decode())
    letter.refresh_from_db()
    assert (letter.status, letter.resolved_on) == (LetterStatus.RECEIVED, None)


def test_a_second_complaint_names_its_first_letter_by_the_code_shown(tree, alice, client_for):
    from danvan.letters import services

    first = services.resolve_letter(alice, accepted(alice, alice.organisation, received_on=D(2026, 2, 2)),
                                    resolved_on=D(2026, 2, 20), outcome="c_wrong")
    response = client_for(alice).post(reverse("letters:letter_create"),
                                      intake_data(tree, previous_letter=first.code, received_on="02/03/2026"))
    assert response.status_code == 302
    second = Letter.objects.order_by("-pk").first()
    assert (second.previous_letter, second.complaint_round, second.matter_id) == (first, 2, first.matter_id)


def test_the_letter_page_shows_when_the_citizen_must_be_told(hana, client_for):
    """Notify the denouncer within 5 working days of acceptance (Luật Tố cáo 2018 Điều 29); send a first
    complaint decision within 3 working days (Luật Khiếu nại 2011 Điều 32)."""
    denunciation = accepted(hana, hana.organisation, kind=ContentKind.DENUNCIATION, accepted_on=D(2026, 3, 3),
                            summary="Tố cáo cán bộ địa chính nhận tiền")
    html = client_for(hana).get(reverse("letters:letter_detail", args=[denunciation.pk])).content.decode()
    assert "Hạn thông báo việc thụ lý cho người tố cáo" in html and "10/03/2026" in html  # Tue 3 → Tue 10
    complaint = resolved(hana, hana.organisation, resolved_on=D(2026, 3, 27))  # a Friday
    html = client_for(hana).get(reverse("letters:letter_detail", args=[complaint.pk])).content.decode()
    assert "Hạn gửi quyết định giải quyết khiếu nại" in html and "01/04/2026" in html  # Mon, Tue, Wed
    assert "Hạn thông báo việc thụ lý" not in html


def test_an_officer_corrects_the_intake_details_and_adds_a_scan_from_the_letter_page(tree, alice, client_for):
    letter = receive(alice, tree.ubnd_hoa_an, summary="Khieu nai gia boi thuong")
    client = client_for(alice)
    page = client.get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    assert "Sửa thông tin tiếp nhận" in page and "Thêm tệp đính kèm" in page
    url = reverse("letters:letter_action", args=[letter.pk, "amend"])

    # No reason: refused, the field named, nothing changed.
    response = client.post(url, {"amend-summary": "Khiếu nại giá bồi thường", "amend-reason": ""})
    assert response.status_code == 400 and "Lý do sửa" in response.content.decode()
    letter.refresh_from_db()
    assert letter.summary == "Khieu nai gia boi thuong"

    response = client.post(url, {"amend-summary": "Khiếu nại giá bồi thường", "amend-content": "",
                                 "amend-subject_area": tree.hoa_an.pk, "amend-reason": "Gõ lại có dấu"})
    assert response.status_code == 302
    letter.refresh_from_db()
    assert (letter.summary, letter.subject_area) == ("Khiếu nại giá bồi thường", tree.hoa_an)
    assert letter.history.first().history_change_reason == "Gõ lại có dấu"

    scan = SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf")
    response = client.post(reverse("letters:letter_action", args=[letter.pk, "attach"]), {"attach-attachments": scan})
    assert response.status_code == 302
    assert [a.original_name for a in letter.attachments.all()] == ["bien-ban.pdf"]
    page = client.get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    assert "bien-ban.pdf" in page and 'enctype="multipart/form-data"' in opened_form(client, letter, "attach")


def test_an_officer_who_is_not_the_handler_cannot_open_a_denunciation_for_amendment(tree, alice, hana, client_for):
    letter = receive(hana, tree.ubnd_hoa_an, kind=ContentKind.DENUNCIATION, summary="Tố cáo cán bộ xã")
    page = client_for(alice).get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    assert "Sửa thông tin tiếp nhận" not in page
    response = client_for(alice).post(reverse("letters:letter_action", args=[letter.pk, "amend"]),
                                      {"amend-summary": "x", "amend-reason": "thử"})
    assert response.status_code == 400
    letter.refresh_from_db()
    assert letter.summary == "Tố cáo cán bộ xã"


def test_a_closed_action_form_is_made_when_the_officer_opens_it(tree, alice, bob, charlie, client_for):
    """The letter page writes the first action's form; the others come when opened: in place with htmx, or as
    the page with that form open without JavaScript. Offered on the page's terms, to those who may send it."""
    letter = classify(alice, receive(alice, alice.organisation, received_on=D(2026, 3, 2)))
    client = client_for(alice)
    page = client.get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    first = page.split('<details class="card action"')[1]
    assert " open>" in first.split("\n")[0] and 'name="accept-accepted_on"' in first  # the first: open, made
    url = reverse("letters:letter_action", args=[letter.pk, "assign"])
    assert 'name="assign-handler"' not in page  # closed: not made, its officers not read
    assert f'hx-get="{url}"' in page and f'href="{url}#thao-tac-assign"' in page

    # With htmx: the form alone, with its own submission token, and sending it works.
    form = opened_form(client, letter, "assign")
    assert form.startswith("<form") and "<html" not in form
    assert 'name="assign-handler"' in form and 'name="submission_token"' in form and "Alice Nguyễn" in form
    token = re.search(r'name="submission_token" value="([^"]+)"', form).group(1)
    response = client.post(url, {"assign-handler": alice.pk, "submission_token": token})
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.handler == alice
    assert "HX-Request" in client.get(url, HTTP_HX_REQUEST="true")["Vary"]

    # Without JavaScript: the page, that form open (and the first one as always).
    page = client.get(url).content.decode()
    opened = page.split('id="thao-tac-assign"')[1].split("</details>")[0]
    assert opened.startswith(" open>") and 'name="assign-handler"' in opened

    # An action the letter's state no longer offers: said, with the way back to the page; nothing else.
    stale = reverse("letters:letter_action", args=[letter.pk, "resolve"])
    gone = client.get(stale, HTTP_HX_REQUEST="true").content.decode()
    assert "Thao tác «Ghi kết quả giải quyết» không áp dụng cho đơn ở trạng thái «Đã phân loại»." in gone
    assert "<form" not in gone and reverse("letters:letter_detail", args=[letter.pk]) in gone
    response = client.get(stale, follow=True)
    assert response.redirect_chain[-1][0] == reverse("letters:letter_detail", args=[letter.pk])
    assert "không áp dụng cho đơn ở trạng thái" in response.content.decode()

    # A viewer may not act (403, as the POST); an outsider does not see the letter (404); no such action (404).
    theirs = receive(alice, tree.ubnd_quang_lam)
    assert client_for(bob).get(reverse("letters:letter_action", args=[theirs.pk, "classify"]),
                               HTTP_HX_REQUEST="true").status_code == 403
    assert client_for(charlie).get(url, HTTP_HX_REQUEST="true").status_code == 404
    assert client_for(alice).get(reverse("letters:letter_action", args=[letter.pk, "khong-co"])).status_code == 404


# The rows as the template wrote them before the view did (letters.views._list_rows_html): the same markup, so
# the same escaping, badges and captions.
_TEMPLATE_ROWS = """{% load i18n %}{% translate "Số hiệu" as l_code %}{% translate "Ngày nhận" as l_received %}\
{% translate "Người viết đơn" as l_who %}{% translate "Tóm tắt" as l_summary %}{% translate "Loại đơn" as l_kind %}\
{% translate "Lĩnh vực" as l_field %}{% translate "Trạng thái" as l_status %}{% translate "Hạn" as l_due %}\
{% translate "Nặc danh" as l_anonymous %}{% translate "Đơn đông người" as l_group %}\
{% translate "Quá hạn" as l_overdue %}\
{% for row in rows %}<tr><td data-label="{{ l_code }}"><a href="{{ row.url }}">{{ row.code }}</a></td>\
<td data-label="{{ l_received }}">{{ row.received }}</td><td data-label="{{ l_who }}">{% if row.names %}{{ row.names }}\
{% else %}<span class="muted">{{ l_anonymous }}</span>{% endif %}{% if row.group %} <span class="badge warn">\
{{ l_group }}</span>{% endif %}</td><td data-label="{{ l_summary }}">{{ row.summary }}</td>\
<td data-label="{{ l_kind }}">{{ row.content_kind }}</td><td data-label="{{ l_field }}">{{ row.field }}</td>\
<td data-label="{{ l_status }}">{{ row.status }}</td><td data-label="{{ l_due }}">{{ row.due }}{% if row.overdue %} \
<span class="badge bad">{{ l_overdue }}</span>{% endif %}</td></tr>{% endfor %}"""


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_lists_rows_are_the_markup_the_template_wrote_with_every_value_escaped(language):
    from django.template import engines
    from django.utils import translation

    from danvan.letters.views import _list_labels, _list_rows_html

    hostile = ['<script>alert("x")</script>', "Lê & Trần", "'\"><img src=x onerror=1>", "", "Đơn bình thường"]
    rows = [{"code": f"Đ{n:06d}", "url": f"/don-thu/{n}/?a=1&b=\"2\"", "received": "02/03/2026", "names": name,
             "group": n % 2 == 0, "summary": hostile[(n + 1) % len(hostile)], "content_kind": "Khiếu nại & <kiến nghị>",
             "field": hostile[(n + 2) % len(hostile)], "status": "Mới tiếp nhận", "due": "" if n == 3 else "16/04/2026",
             "overdue": n % 3 == 0} for n, name in enumerate(hostile, start=1_000_000)]
    with translation.override(language):
        expected = engines["django"].from_string(_TEMPLATE_ROWS).render({"rows": rows})
        written = str(_list_rows_html(rows, _list_labels()))
    assert written == expected
    assert "<script>" not in written and "&lt;script&gt;" in written and "<img" not in written
    assert ('data-label="Code"' in written and 'data-label="Status"' in written) == (language == "en")
    assert written.count('<span class="muted">') == 1  # the anonymous letter


def test_the_list_shows_an_anonymous_a_group_and_an_overdue_letter_as_an_officer_reads_them(tree, alice, client_for):
    late = receive(alice, alice.organisation, received_on=D(2025, 1, 6), anonymous=True, summary="<b>Đường</b> & cống")
    Letter.objects.filter(pk=late.pk).update(signer_count=7)  # signed by seven: a group letter
    html = client_for(alice).get(reverse("letters:letter_list")).content.decode()
    row = re.search(rf'<tr><td data-label="Số hiệu"><a href="/don-thu/{late.pk}/">{late.code}</a>.*?</tr>',
                    html).group(0)
    assert '<td data-label="Tóm tắt">&lt;b&gt;Đường&lt;/b&gt; &amp; cống</td>' in row
    assert '<span class="muted">Nặc danh</span> <span class="badge warn">Đơn đông người</span>' in row
    assert '<span class="badge bad">Quá hạn</span>' in row
    assert '<th scope="col">Người viết đơn</th>' in html


def test_the_letter_pages_lists_show_their_rows_in_queries_that_do_not_grow_with_them(tree, alice, client_for):
    """Attachments, extensions, second complaints and the matter's other letters are read with the columns the page
    shows (letters.views._detail): a column shown but not loaded would be fetched row by row."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from danvan.letters import services

    # A denunciation being resolved takes extensions; a decided complaint takes second complaints.
    denunciation = classify(alice, receive(alice, alice.organisation, kind=ContentKind.DENUNCIATION,
                                           received_on=D(2026, 3, 2)), complexity="especially_complex")
    denunciation = services.accept_letter(alice, denunciation, accepted_on=D(2026, 3, 3))
    complaint = resolved(alice, alice.organisation, received_on=D(2026, 2, 2), accepted_on=D(2026, 2, 3),
                         resolved_on=D(2026, 3, 10), outcome="c_wrong")
    client = client_for(alice)

    def add_one_of_each(n):
        for letter in (denunciation, complaint):
            services.attach_files(alice, letter, [SimpleUploadedFile(f"bien-ban-{n}.pdf", PDF,
                                                                     content_type="application/pdf")])
        services.grant_extension(alice, Letter.objects.get(pk=denunciation.pk), decision=f"0{n}/QĐ-GH",
                                 decided_on=D(2026, 3, 30), days=5)
        receive(alice, alice.organisation, received_on=D(2026, 4, 15 + n), previous_letter=complaint,
                matter=complaint.matter)

    def read(letter):
        url = reverse("letters:letter_detail", args=[letter.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        return html, len(queries)

    add_one_of_each(1)
    counts = [read(denunciation)[1], read(complaint)[1]]
    add_one_of_each(2)
    (denounced, again), (complained, also) = read(denunciation), read(complaint)
    assert [again, also] == counts
    assert "bien-ban-1.pdf" in denounced and "bien-ban-2.pdf" in complained
    assert "01/QĐ-GH (30/03/2026): 5 ngày" in denounced and "02/QĐ-GH (30/03/2026): 5 ngày" in denounced
    later = Letter.objects.filter(previous_letter=complaint).order_by("pk")
    assert len(later) == 2
    assert all(complained.count(f'<a href="/don-thu/{other.pk}/">{other.code}</a>') == 2 for other in later)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_letter_forms_fields_are_drawn_as_the_template_drew_them(tree, alice, language):
    """The intake form and every action form, empty and sent back with errors, through `field_block` and through
    the template each field was included with before (tests/core/test_renderers.py)."""
    from django.template import engines
    from django.utils import translation

    from danvan.core.templatetags.danvan import field_block
    from danvan.letters.forms import LetterIntakeForm as LetterForm
    from danvan.letters.views import ACTION_FORMS, _make_form
    from tests.core.test_renderers import _FIELD_TEMPLATE

    template = engines["django"].from_string(_FIELD_TEMPLATE)
    letter = receive(alice, alice.organisation, received_on=D(2026, 3, 2))
    compared = 0
    with translation.override(language):
        forms = [LetterForm(data, user=alice) for data in (None, {"received_on": "31/02/2026", "summary": "<b>"})]
        for name in ACTION_FORMS:
            forms += [_make_form(name, letter, alice), _make_form(name, letter, alice, data={f"{name}-x": "1"})]
        for form in forms:
            for field in form:
                assert str(field_block(field)) == template.render({"field": field}), (type(form), field.name)
                compared += 1
    assert compared > 100
