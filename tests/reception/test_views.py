"""The pages of the reception register, as officers, heads, viewers and outsiders see them."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from danvan.core.choices import ContentKind, Field
from danvan.core.services import archive
from danvan.people.models import Citizen, IdentityReveal
from danvan.reception.models import Handling, ReceptionSession, SessionKind, Visit
from tests.reception.conftest import DAY, open_session, record_visit

DENOUNCER = "Bế Văn Tố"


def _visit_post(**extra):
    data = {
        "full_name": "Lý Thị Mai", "id_number": "", "birth_year": "", "address": "Thôn Nà Mạ", "phone": "",
        "persons": "6", "representatives": "2", "occurrence": "first", "content_kind": ContentKind.COMPLAINT,
        "field": Field.LAND_HOUSING, "subject_area": "", "summary": "Khiếu nại bồi thường đất",
        "handling": Handling.GUIDED, "matter": "", "notes": "",
    }
    return data | extra


@pytest.fixture
def denunciation(session_cb, rita):
    # Recorded by rita: alice, her colleague, is neither head nor receiver (ADR 0011).
    return record_visit(rita, session_cb, name=DENOUNCER, id_number="001088000111",
                        content_kind=ContentKind.DENUNCIATION, summary="Tố cáo cán bộ thôn")


# --- sessions ----------------------------------------------------------------------------------

def test_session_list_is_scoped_and_filtered(tree, alice, charlie, client_for):
    open_session(alice, tree.board_cb, place="Trụ sở Ban")
    periodic = open_session(alice, tree.ubnd_quang_lam, kind=SessionKind.PERIODIC, date=dt.date(2026, 3, 20),
                            place="Hội trường xã Quảng Lâm")
    record_visit(alice, periodic, field=Field.POLICY)
    open_session(charlie, tree.board_hn, place="Trụ sở Hà Nội")
    client = client_for(alice)
    url = reverse("reception:session_list")

    page = client.get(url).content.decode()
    assert "Trụ sở Ban" in page and "Hội trường xã Quảng Lâm" in page and "Trụ sở Hà Nội" not in page
    assert "10/03/2026" in page  # dd/mm/yyyy

    def places(**params):
        body = client.get(url, params).content.decode()
        return {p for p in ("Trụ sở Ban", "Hội trường xã Quảng Lâm") if p in body}

    assert places(kind=SessionKind.PERIODIC) == {"Hội trường xã Quảng Lâm"}
    assert places(date_from="15/03/2026") == {"Hội trường xã Quảng Lâm"}
    assert places(date_to="15/03/2026") == {"Trụ sở Ban"}
    assert places(area=tree.quang_lam.pk) == {"Hội trường xã Quảng Lâm"}
    assert places(field=Field.POLICY) == {"Hội trường xã Quảng Lâm"}
    assert places(content_kind=ContentKind.DENUNCIATION) == set()

    bad = client.get(url, {"date_from": "2026-13-45"}).content.decode()
    assert "Nhập ngày hợp lệ theo dạng dd/mm/yyyy cho «Từ ngày»" in bad


def test_session_list_counts_the_active_visits_and_persons_of_each_session(tree, alice, client_for):
    from danvan.reception import services

    busy = open_session(alice, tree.board_cb, place="Trụ sở Ban", kind=SessionKind.PERIODIC)
    record_visit(alice, busy, persons=6, representatives=2)
    record_visit(alice, busy, name="Lý Thị Mai")
    services.archive_visit(alice, record_visit(alice, busy, name="Ghi Nhầm", persons=9, representatives=2),
                           reason="Ghi nhầm buổi")
    open_session(alice, tree.ubnd_quang_lam, date=dt.date(2026, 3, 20), place="Hội trường xã Quảng Lâm")
    body = client_for(alice).get(reverse("reception:session_list")).content.decode()

    def row(place):
        return body.split(place)[0].rsplit("<tr>", 1)[1] + body.split(place)[1].split("</tr>")[0]

    assert "Tiếp định kỳ của người đứng đầu" in row("Trụ sở Ban")
    assert row("Trụ sở Ban").endswith('<td class="num">2</td><td class="num">7</td>')
    assert row("Hội trường xã Quảng Lâm").endswith('<td class="num">0</td><td class="num">0</td>')


def test_the_session_lists_count_is_read_again_only_when_its_records_change(tree, alice, rita, client_for,
                                                                             monkeypatch):
    """The count (and so the pages offered) is kept per data version of the reception records, the unit tree and,
    for a search by name, the citizens (ADR 0030): a new or archived session, a new visit or a citizen newly
    protected each give the right pages at once; the same list opened again does not count again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from danvan.core.views import paginate
    from danvan.people import identity
    from danvan.reception import services, views

    monkeypatch.setattr(views, "paginate", lambda request, qs, **kwargs: paginate(request, qs, per_page=1, **kwargs))
    first = open_session(rita, tree.board_cb, place="Trụ sở Ban")
    second = open_session(rita, tree.board_cb, kind=SessionKind.PERIODIC, date=dt.date(2026, 3, 20),
                          place="Hội trường")
    visits = [record_visit(rita, session, name="Ma Văn Khẩu") for session in (first, second)]
    client = client_for(alice)

    def pages(**params):
        with CaptureQueriesContext(connection) as captured:
            body = client.get(reverse("reception:session_list"), params).content.decode()
        counted = any("COUNT(" in q["sql"].upper() and "reception_receptionsession" in q["sql"] for q in captured)
        found = re.search(r"Trang 1/(\d+)", body)
        return (int(found.group(1)) if found else 1), counted

    assert pages() == (2, True)
    assert pages() == (2, False)
    assert pages(kind=SessionKind.PERIODIC) == (1, True)  # another filter is another count
    third = open_session(rita, tree.board_cb, date=dt.date(2026, 3, 25), place="Nhà văn hóa")
    assert pages() == (3, True)
    archive(third, rita, reason="Mở nhầm")
    assert pages() == (2, True)
    assert pages(content_kind=ContentKind.DENUNCIATION) == (1, True)  # no session has one yet
    record_visit(rita, first, name="Lý Thị Hoa", content_kind=ContentKind.DENUNCIATION)
    assert pages(content_kind=ContentKind.DENUNCIATION) == (1, True)
    assert pages(q="ma van khau") == (2, True)
    assert pages(q="ma van khau") == (2, False)
    # Only the citizen changes (he is now a protected denouncer, recorded by rita): alice no longer finds him.
    identity.mark_denouncers(rita, [visits[0].citizen])
    assert pages(q="ma van khau") == (1, True)
    assert [v.pk for v in services.visits_of_citizens_named(alice, "ma van khau")] == [visits[1].pk]


def test_outsider_sees_no_session_of_cao_bang(session_cb, charlie, client_for):
    body = client_for(charlie).get(reverse("reception:session_list")).content.decode()
    assert "Trụ sở tiếp công dân" not in body


def test_officer_opens_a_session_through_the_form(tree, alice, client_for):
    client = client_for(alice)
    response = client.post(reverse("reception:session_create"), {
        "organisation": tree.ubnd_quang_lam.pk, "kind": SessionKind.PERIODIC, "date": "05/03/2026",
        "place": "Hội trường UBND xã", "online": "on", "presiding_name": "Nông Văn Chủ",
        "presiding_position": "Chủ tịch UBND xã", "notes": "",
    })
    session = ReceptionSession.objects.get()
    assert response.status_code == 302 and response.url == reverse("reception:session_detail", args=[session.pk])
    assert session.date == dt.date(2026, 3, 5) and session.online and session.area == tree.quang_lam


def test_a_periodic_session_without_presiding_is_refused_in_vietnamese(tree, alice, client_for):
    response = client_for(alice).post(reverse("reception:session_create"), {
        "organisation": tree.board_cb.pk, "kind": SessionKind.PERIODIC, "date": "05/03/2026", "place": "Trụ sở",
    })
    assert response.status_code == 400
    assert "Buổi tiếp định kỳ cần ghi họ tên người chủ trì." in response.content.decode()
    assert not ReceptionSession.objects.exists()


def test_outsider_organisation_is_not_offered_nor_accepted(tree, alice, client_for):
    client = client_for(alice)
    form_page = client.get(reverse("reception:session_create")).content.decode()
    assert "Ban Tuyên giáo và Dân vận Tỉnh ủy Cao Bằng" in form_page and "Hà Nội" not in form_page
    response = client.post(reverse("reception:session_create"), {
        "organisation": tree.board_hn.pk, "kind": SessionKind.REGULAR, "date": "05/03/2026", "place": "Trụ sở",
    })
    assert response.status_code == 400 and not ReceptionSession.objects.exists()


def test_viewer_may_read_but_not_open_or_record(session_cb, bob, alice, tree, client_for):
    quang_lam = open_session(alice, tree.ubnd_quang_lam)
    client = client_for(bob)
    assert client.get(reverse("reception:session_create")).status_code == 403
    page = client.get(reverse("reception:session_detail", args=[quang_lam.pk]))
    assert page.status_code == 200 and "Ghi lượt tiếp" not in page.content.decode()
    assert client.post(reverse("reception:visit_create", args=[quang_lam.pk]), _visit_post()).status_code == 403
    # The province board's session is above bob's commune: not his to see.
    assert client.get(reverse("reception:session_detail", args=[session_cb.pk])).status_code == 404
    assert not Visit.objects.exists()


def test_edit_and_archive_a_session(session_cb, alice, client_for):
    client = client_for(alice)
    response = client.post(reverse("reception:session_edit", args=[session_cb.pk]), {
        "kind": SessionKind.REGULAR, "date": "11/03/2026", "place": "Nhà văn hóa", "notes": "Đổi địa điểm",
    })
    assert response.status_code == 302
    session_cb.refresh_from_db()
    assert (session_cb.date, session_cb.place) == (dt.date(2026, 3, 11), "Nhà văn hóa")
    assert client.post(reverse("reception:session_archive", args=[session_cb.pk]), {"reason": ""}).status_code == 302
    session_cb.refresh_from_db()
    assert not session_cb.is_archived
    client.post(reverse("reception:session_archive", args=[session_cb.pk]), {"reason": "Nhập nhầm"})
    session_cb.refresh_from_db()
    assert session_cb.is_archived
    assert "Nhà văn hóa" not in client.get(reverse("reception:session_list")).content.decode()


# --- visits ------------------------------------------------------------------------------------

def test_recording_a_group_of_six_with_two_representatives(session_cb, alice, client_for, tree):
    client = client_for(alice)
    response = client.post(reverse("reception:visit_create", args=[session_cb.pk]),
                           _visit_post(subject_area=tree.quang_lam.pk, create_matter="on"))
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert (visit.persons, visit.representatives, visit.citizen.full_name) == (6, 2, "Lý Thị Mai")
    assert visit.matter.title == "Khiếu nại bồi thường đất"
    page = client.get(reverse("reception:session_detail", args=[session_cb.pk])).content.decode()
    assert "Lý Thị Mai" in page and "đoàn đông người" in page


def test_three_representatives_for_six_persons_is_refused_and_nothing_saved(session_cb, alice, client_for):
    response = client_for(alice).post(reverse("reception:visit_create", args=[session_cb.pk]),
                                      _visit_post(representatives="3"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Đoàn từ 5 đến 10 người cử 1 hoặc 2 người đại diện" in body
    assert 'value="Lý Thị Mai"' in body  # what the officer typed is kept
    assert not Visit.objects.exists() and not Citizen.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("persons", "mười", "Số người phải là một số nguyên."),
        ("persons", "0", "Số người phải từ 1 trở lên."),
        ("summary", "", "Cần tóm tắt nội dung công dân trình bày."),
        ("content_kind", "", "Chọn loại nội dung."),
        ("full_name", "", "Cần ghi họ và tên công dân"),
        ("birth_year", "1850", "Năm sinh phải trong khoảng từ 1900 đến năm nay."),
    ],
)
def test_bad_visit_input_gets_a_vietnamese_error(session_cb, alice, client_for, field, value, message):
    response = client_for(alice).post(reverse("reception:visit_create", args=[session_cb.pk]),
                                      _visit_post(**{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Visit.objects.exists() and not Citizen.objects.exists()


def test_choosing_a_matched_citizen_reuses_the_record(session_cb, alice, client_for):
    earlier = record_visit(alice, session_cb, name="Nông Thị Khiếu")
    client = client_for(alice)
    client.post(reverse("reception:visit_create", args=[session_cb.pk]),
                _visit_post(citizen=earlier.citizen.pk, full_name="", persons="1", representatives="0",
                            occurrence="repeated"))
    assert Citizen.objects.count() == 1
    assert Visit.objects.filter(citizen=earlier.citizen).count() == 2


def test_the_chosen_citizen_is_kept_when_the_form_comes_back_with_an_error(session_cb, alice, client_for):
    earlier = record_visit(alice, session_cb, name="Nông Thị Khiếu")
    response = client_for(alice).post(reverse("reception:visit_create", args=[session_cb.pk]),
                                      _visit_post(citizen=earlier.citizen.pk, full_name="nong thi khieu",
                                                  summary=""))
    assert response.status_code == 400
    assert f'name="citizen" value="{earlier.citizen.pk}" checked' in response.content.decode()


def test_visit_detail_links_history_and_letter(session_cb, alice, client_for):
    visit = record_visit(alice, session_cb)
    body = client_for(alice).get(reverse("reception:visit_detail", args=[visit.pk])).content.decode()
    assert f'href="/don-thu/tu-luot-tiep/{visit.pk}/"' in body and "Tạo đơn từ lượt tiếp này" in body
    assert reverse("history", args=["reception", "visit", visit.pk]) in body
    assert "Đơn tiếp nhận từ lượt tiếp" not in body


def test_a_visit_that_received_a_letter_links_to_the_letter_form(session_cb, alice, tree, client_for):
    from tests.conftest import make_user

    visit = record_visit(alice, session_cb, handling=Handling.LETTER_RECEIVED)
    record_visit(alice, session_cb, name="Lò Văn Khác", handling=Handling.GUIDED)
    url = reverse("reception:session_detail", args=[session_cb.pk])
    body = client_for(alice).get(url).content.decode()
    assert body.count(">Tạo đơn</a>") == 1 and reverse("letters:letter_from_visit", args=[visit.pk]) in body
    viewer = make_user("vy", tree.board_cb, "viewer")
    response = client_for(viewer).get(url)
    assert response.status_code == 200 and "Lò Văn Khác" in response.content.decode()
    assert ">Tạo đơn</a>" not in response.content.decode()  # a viewer records nothing


def test_visit_detail_lists_the_letters_made_from_it(session_cb, alice, client_for):
    from danvan.letters import services as letters

    visit = record_visit(alice, session_cb)
    letter = letters.receive_letter(alice, visit.organisation, received_on=session_cb.date, summary=visit.summary,
                                    content_kind=visit.content_kind, field=visit.field, channel="visit",
                                    source_visit=visit, petitioners=[visit.citizen])
    body = client_for(alice).get(reverse("reception:visit_detail", args=[visit.pk])).content.decode()
    assert "Đơn tiếp nhận từ lượt tiếp" in body
    assert f'href="{reverse("letters:letter_detail", args=[letter.pk])}">{letter.code}</a> (Mới tiếp nhận)' in body


def test_edit_and_archive_a_visit(session_cb, alice, client_for):
    visit = record_visit(alice, session_cb, persons=6, representatives=1)
    client = client_for(alice)
    data = {k: v for k, v in _visit_post(representatives="4").items() if k not in ("full_name", "address")}
    response = client.post(reverse("reception:visit_edit", args=[visit.pk]), data)
    assert response.status_code == 400 and "1 hoặc 2" in response.content.decode()
    client.post(reverse("reception:visit_edit", args=[visit.pk]), data | {"representatives": "2"})
    visit.refresh_from_db()
    assert visit.representatives == 2
    client.post(reverse("reception:visit_archive", args=[visit.pk]), {"reason": "Ghi trùng"})
    visit.refresh_from_db()
    assert visit.is_archived and visit.archive_reason == "Ghi trùng"


# --- denouncer protection (Luật Tố cáo 2018 Điều 8.3, 47) --------------------------------------

def _pages(visit):
    return [
        reverse("reception:session_detail", args=[visit.session_id]),
        reverse("reception:visit_detail", args=[visit.pk]),
        reverse("reception:register") + "?from=01/03/2026&to=31/03/2026",
        reverse("history", args=["reception", "visit", visit.pk]),
    ]


def test_a_denouncer_is_masked_for_officers_in_every_page(denunciation, alice, client_for):
    client = client_for(alice)
    for url in _pages(denunciation):
        body = client.get(url).content.decode()
        assert DENOUNCER not in body and "001088000111" not in body, url
    assert "•••" in client.get(_pages(denunciation)[0]).content.decode()
    matches = client.get(reverse("reception:citizen_matches"), {"full_name": "be van to"}).content.decode()
    assert DENOUNCER not in matches and "Không thấy công dân nào" in matches
    by_id = client.get(reverse("reception:citizen_matches"), {"id_number": "001088000111"}).content.decode()
    assert "•••" not in by_id and "Không thấy công dân nào" in by_id
    assert not IdentityReveal.objects.exists()


def test_a_denouncer_is_masked_for_viewers(tree, alice, bob, client_for):
    session = open_session(alice, tree.ubnd_quang_lam)
    visit = record_visit(alice, session, name=DENOUNCER, content_kind=ContentKind.DENUNCIATION)
    client = client_for(bob)
    for url in _pages(visit):
        assert DENOUNCER not in client.get(url).content.decode(), url


def test_the_head_sees_the_denouncer_and_each_view_is_logged(denunciation, hana, client_for):
    client = client_for(hana)
    for url in _pages(denunciation)[:3]:
        assert DENOUNCER in client.get(url).content.decode(), url
    matches = client.get(reverse("reception:citizen_matches"), {"full_name": "be van to"}).content.decode()
    assert DENOUNCER in matches
    assert IdentityReveal.objects.filter(user=hana, citizen=denunciation.citizen).count() == 4


def test_intake_matching_shows_earlier_visits_without_diacritics(session_cb, alice, client_for):
    record_visit(alice, session_cb, name="Nông Thị Khiếu", summary="Đòi bồi thường ruộng")
    body = client_for(alice).get(reverse("reception:citizen_matches"), {"full_name": "nong thi khieu"})
    text = body.content.decode()
    assert "Nông Thị Khiếu" in text and "Đòi bồi thường ruộng" in text and "10/03/2026" in text


def test_matching_is_for_those_who_record(bob, client_for):
    assert client_for(bob).get(reverse("reception:citizen_matches"), {"full_name": "a"}).status_code == 403


# --- the printable register --------------------------------------------------------------------

def test_register_lists_the_period_in_order_and_prints_landscape(tree, alice, client_for):
    march = open_session(alice, tree.board_cb, date=dt.date(2026, 3, 31))
    record_visit(alice, march, name="Người Cuối Tháng")
    record_visit(alice, open_session(alice, tree.board_cb, date=dt.date(2026, 3, 1)), name="Người Đầu Tháng")
    record_visit(alice, open_session(alice, tree.board_cb, date=dt.date(2026, 4, 1)), name="Người Tháng Tư")
    response = client_for(alice).get(reverse("reception:register"), {"from": "01/03/2026", "to": "31/03/2026"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "SỔ TIẾP CÔNG DÂN" in body and "Từ ngày 01/03/2026 đến ngày 31/03/2026" in body
    assert body.index("Người Đầu Tháng") < body.index("Người Cuối Tháng")
    assert "Người Tháng Tư" not in body
    assert "reception/reception.css" in body


def test_the_registers_queries_do_not_grow_with_its_rows(tree, alice, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    session = open_session(alice, tree.board_cb, date=dt.date(2026, 3, 10))
    client = client_for(alice)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("reception:register"), {"from": "01/03/2026", "to": "31/03/2026"})
            assert response.status_code == 200
        return len(captured)

    record_visit(alice, session, name="Người Thứ Nhất")
    few = queries()
    for n in range(5):
        record_visit(alice, session, name=f"Người Thêm {n}")
    assert queries() == few  # each row's identity decided from what the page already read


def test_register_prints_each_visit_with_its_labels_and_session(tree, alice, client_for):
    session = open_session(alice, tree.board_cb, kind=SessionKind.PERIODIC, date=dt.date(2026, 3, 10))
    record_visit(alice, session, name="Lý Thị Mai", content_kind=ContentKind.RECOMMENDATION, field=Field.POLICY,
                 persons=6, representatives=2, handling=Handling.EXPLAINED, occurrence="repeated")
    body = client_for(alice).get(reverse("reception:register"), {"from": "01/03/2026", "to": "31/03/2026"})
    row = body.content.decode().split("Lý Thị Mai")[1].split("</tr>")[0]
    for text in ("Kiến nghị, phản ánh", "Chế độ, chính sách", "Nhiều lần", "Tiếp định kỳ của người đứng đầu",
                 tree.board_cb.name, "Giải thích, trả lời trực tiếp", "2 đại diện", "đoàn đông người"):
        assert text in row


def test_register_refuses_bad_periods_in_vietnamese(alice, client_for):
    client = client_for(alice)
    bad = client.get(reverse("reception:register"), {"from": "31/02/2026", "to": "31/03/2026"})
    assert bad.status_code == 400 and "Nhập ngày hợp lệ theo dạng dd/mm/yyyy cho «Từ ngày»" in bad.content.decode()
    backwards = client.get(reverse("reception:register"), {"from": "31/03/2026", "to": "01/03/2026"})
    assert backwards.status_code == 400 and "«Đến ngày» phải sau hoặc bằng «Từ ngày»." in backwards.content.decode()
    assert client.get(reverse("reception:register")).status_code == 200  # this month by default


def test_register_is_scoped(session_cb, alice, charlie, client_for):
    record_visit(alice, session_cb, name="Công Dân Cao Bằng")
    body = client_for(charlie).get(reverse("reception:register"), {"from": "01/03/2026", "to": "31/03/2026"})
    assert "Công Dân Cao Bằng" not in body.content.decode()
    assert session_cb.date == DAY


# The register's rows as the template wrote them before the view did (reception.views._register_rows_html).
_TEMPLATE_REGISTER_ROWS = """{% load i18n danvan people %}\
{% translate "đoàn đông người" as l_large %}{% translate "trực tuyến" as l_online %}\
{% for row in rows %}{% with visit=row.visit identity=row.identity %}<tr><td class="num">{{ forloop.counter }}</td>\
<td>{{ row.date }}</td><td>{% person identity %}</td><td class="num">{{ row.persons }}{% if visit.representatives %}\
<br><span class="muted">{% blocktranslate count total=visit.representatives with n=visit.representatives|vn_number %}\
{{ n }} đại diện{% plural %}{{ n }} đại diện{% endblocktranslate %}</span>{% endif %}{% if row.large_group %}<br>\
{{ l_large }}{% endif %}</td><td>{{ visit.summary }}{% if row.place %}<br><span class="muted">{{ row.place }}</span>\
{% endif %}</td><td>{{ row.content_kind }}<br><span class="muted">{{ row.field }}</span></td>\
<td>{{ row.occurrence }}</td>\
<td>{{ row.session_kind }}{% if row.online %} ({{ l_online }}){% endif %}<br>\
<span class="muted">{{ row.body }}</span></td>\
<td>{{ row.handling }}</td><td>{{ visit.notes }}</td></tr>{% endwith %}{% endfor %}"""


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_registers_rows_are_the_markup_the_template_wrote_with_every_value_escaped(language):
    from types import SimpleNamespace

    from django.template import engines
    from django.utils import translation

    from danvan.people.identity import MASK, ShownIdentity
    from danvan.reception.views import _register_rows_html

    hostile = ['<script>alert("x")</script>', "Lê & Trần", "'\"><img src=x onerror=1>", "", "Thôn Nà Ngần"]
    rows = []
    for n, text in enumerate(hostile):
        masked = n == 2
        shown = ShownIdentity(citizen_id=1_000_000 + n, full_name=MASK if masked else text or "Nông Văn Dũng",
                              id_number="" if masked else "004090001234", birth_year=None if masked else 1970 + n,
                              address="" if masked else hostile[(n + 1) % 5], phone="", email="", masked=masked,
                              protected=masked)
        visit = SimpleNamespace(representatives=(0, 1, 2, 0, 1_500)[n], summary=hostile[(n + 2) % 5],
                                notes=hostile[(n + 3) % 5])
        rows.append({"visit": visit, "identity": shown, "date": "10/03/2026",
                     "persons": ("1", "6", "12", "1", "1.500")[n],
                     "large_group": n in (1, 2, 4), "place": hostile[(n + 4) % 5], "content_kind": "Khiếu nại & <x>",
                     "field": hostile[n], "occurrence": "Lần đầu", "session_kind": "Tiếp thường xuyên",
                     "online": n % 2 == 1, "body": hostile[(n + 1) % 5], "handling": "Giải thích \"tại chỗ\""})
    rows *= 201  # past a thousand rows: the number column as the template wrote it ("1005", no separator)
    with translation.override(language):
        expected = engines["django"].from_string(_TEMPLATE_REGISTER_ROWS).render({"rows": rows})
        written = str(_register_rows_html(rows))
    assert written == expected
    assert "<script>" not in written and "&lt;script&gt;" in written and "<img" not in written
    assert '<td class="num">1005</td>' in written and '<span class="muted">1.500 ' in written
    assert ("(online)" in written) == (language == "en")


# The session list's rows as the template wrote them before the view did (reception.views._session_rows_html),
# without the indentation between the tags: the same cells, escaping and badge.
_TEMPLATE_SESSION_ROWS = """{% load i18n danvan %}{% for session in sessions %}<tr>\
<td><a href="{% url 'reception:session_detail' session.pk %}">{{ session.date|vn_date }}</a></td>\
<td>{{ session.kind_label }}{% if session.online %} <span class="badge">{% translate "trực tuyến" %}</span>{% endif %}\
</td><td>{{ session.organisation }}</td><td>{{ session.place }}</td><td>{{ session.presiding_name }}\
{% if session.presiding_position %}<br><span class="muted">{{ session.presiding_position }}</span>{% endif %}</td>\
<td class="num">{{ session.visit_count|vn_number }}</td><td class="num">{{ session.person_count|default:0|vn_number }}\
</td></tr>{% endfor %}"""


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_session_lists_rows_are_the_markup_the_template_wrote_with_every_value_escaped(language):
    from types import SimpleNamespace

    from django.template import engines
    from django.utils import translation

    from danvan.core.formatting import vn_date, vn_number
    from danvan.reception.views import _session_rows_html

    hostile = ['<script>alert("x")</script>', "UBND xã Lê & Trần", "'\"><img src=x onerror=1>", "", "Hội trường"]
    sessions = [SimpleNamespace(pk=pk, date=dt.date(2026, 3, n + 1), kind_label=hostile[n], online=n % 2 == 0,
                                organisation=hostile[(n + 1) % 5], place=hostile[(n + 2) % 5],
                                presiding_name=hostile[(n + 3) % 5], presiding_position=hostile[(n + 4) % 5],
                                visit_count=1234 * n, person_count=None if n == 1 else 1_000_000 + n)
                for n, pk in enumerate(range(1_000_000, 1_000_005))]
    rows = [{"url": reverse("reception:session_detail", args=[s.pk]), "date": vn_date(s.date), "kind": s.kind_label,
             "online": s.online, "organisation": s.organisation, "place": s.place, "presiding_name": s.presiding_name,
             "presiding_position": s.presiding_position, "visits": vn_number(s.visit_count),
             "persons": vn_number(s.person_count or 0)} for s in sessions]
    with translation.override(language):
        expected = engines["django"].from_string(_TEMPLATE_SESSION_ROWS).render({"sessions": sessions})
        written = str(_session_rows_html(rows))
    assert written == expected
    assert "<script>" not in written and "&lt;script&gt;" in written and "<img" not in written
    assert ">1.000.004<" in written and ">4.936<" in written and '<td class="num">0</td>' in written
    assert ("online" in written) == (language == "en")


def test_the_session_list_shows_each_sessions_figures_as_an_officer_reads_them(tree, alice, client_for):
    session = open_session(alice, tree.board_cb, place="<b>Hội trường</b> & sân", online=True,
                           presiding_name="Nguyễn Văn A", presiding_position="Phó Chủ tịch")
    record_visit(alice, session, persons=3)
    record_visit(alice, session, persons=2)
    html = client_for(alice).get(reverse("reception:session_list")).content.decode()
    row = re.search(rf'<tr><td><a href="/tiep-cong-dan/buoi-tiep/{session.pk}/">.*?</tr>', html).group(0)
    assert '<td>&lt;b&gt;Hội trường&lt;/b&gt; &amp; sân</td>' in row
    assert '<span class="badge">trực tuyến</span>' in row
    assert '<td>Nguyễn Văn A<br><span class="muted">Phó Chủ tịch</span></td>' in row
    assert row.endswith('<td class="num">2</td><td class="num">5</td></tr>')
    assert "Chưa có buổi tiếp nào phù hợp." not in html
    empty = client_for(alice).get(reverse("reception:session_list"), {"kind": SessionKind.AD_HOC}).content
    assert "Chưa có buổi tiếp nào phù hợp." in empty.decode()
