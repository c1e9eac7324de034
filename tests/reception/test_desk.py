"""The reception desk (issue 16): the citizen found by CCCD is selected, a repeated visit about a matter is
counted as such, and the reception list is searched by a citizen's name or CCCD through the identity gate."""

from __future__ import annotations

from django.urls import reverse

from danvan.core.choices import ContentKind
from danvan.reception.models import Occurrence, Visit
from tests.reception.conftest import open_session, record_visit

CCCD = "001088000222"


def test_the_citizen_found_by_the_exact_cccd_is_selected(session_cb, alice, client_for):
    earlier = record_visit(alice, session_cb, name="Nông Thị Khiếu", id_number=CCCD)
    html = client_for(alice).get(reverse("reception:citizen_matches"), {"id_number": CCCD}).content.decode()
    assert f'name="citizen" value="{earlier.citizen.pk}" checked' in html
    assert 'name="citizen" value="" checked' not in html
    # A match by name only stays a suggestion: "Công dân mới" remains selected.
    html = client_for(alice).get(reverse("reception:citizen_matches"), {"full_name": "nong thi khieu"}).content.decode()
    assert 'name="citizen" value="" checked' in html


def test_a_second_visit_about_the_same_matter_is_repeated(session_cb, alice, tree):
    first = record_visit(alice, session_cb, name="Nông Thị Khiếu", id_number=CCCD, create_matter=True)
    assert first.occurrence == Occurrence.FIRST
    later = open_session(alice, tree.board_cb, date=session_cb.date.replace(day=session_cb.date.day + 1))
    # The same CCCD finds the same citizen; the form's default "Lần đầu" is corrected.
    again = record_visit(alice, later, name="Nông Thị Khiếu", id_number=CCCD, matter=first.matter,
                         occurrence=Occurrence.FIRST)
    assert again.citizen_id == first.citizen_id
    assert again.occurrence == Occurrence.REPEATED
    # About another matter (none), it stays the first.
    other = record_visit(alice, later, name="Nông Thị Khiếu", id_number=CCCD, occurrence=Occurrence.FIRST)
    assert other.occurrence == Occurrence.FIRST


def test_the_reception_list_is_searched_by_name_or_cccd(session_cb, alice, tree, client_for):
    record_visit(alice, session_cb, name="Nông Thị Khiếu", id_number=CCCD)
    other = open_session(alice, tree.board_cb, place="Nhà văn hóa xã")
    record_visit(alice, other, name="Lý Văn Khác")
    url = reverse("reception:session_detail", args=[session_cb.pk])
    other_url = reverse("reception:session_detail", args=[other.pk])
    for q in ("nong thi khieu", "Khiếu", CCCD):
        html = client_for(alice).get(reverse("reception:session_list"), {"q": q}).content.decode()
        assert url in html and other_url not in html, q


def test_searching_a_protected_denouncer_reveals_nothing_to_who_may_not_see_him(session_cb, alice, rita, hana,
                                                                               client_for):
    record_visit(rita, session_cb, name="Bế Văn Tố", id_number=CCCD, content_kind=ContentKind.DENUNCIATION,
                 summary="Tố cáo cán bộ thôn")
    url = reverse("reception:session_detail", args=[session_cb.pk])
    for q in ("Bế Văn Tố", "be van to", CCCD):
        assert url not in client_for(alice).get(reverse("reception:session_list"), {"q": q}).content.decode()
        assert url in client_for(hana).get(reverse("reception:session_list"), {"q": q}).content.decode()
    assert Visit.objects.count() == 1
