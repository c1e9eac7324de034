"""Searchable pickers (core.pickers, ADR 0020): bodies, places and matters searched on the server, folded,
scoped by `restrict()`, with the identity gate on a matter's petitioner; and the intake form's weight."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from danvan.accounts.models import Role
from danvan.core.choices import ContentKind
from danvan.units.models import Area, AreaLevel, Organisation, OrganisationType
from tests.conftest import make_org, make_user
from tests.letters.factories import receive
from tests.letters.pages import opened_form
from tests.letters.test_views import intake_data

D = dt.date


def _pick(client, url_name, q=""):
    response = client.get(reverse(url_name), {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def test_bodies_are_found_without_diacritics_and_only_in_scope(tree, alice, charlie, client_for):
    html = _pick(client_for(alice), "units:organisation_picker", "ubnd xa hoa an")
    assert f'data-value="{tree.ubnd_hoa_an.pk}"' in html and "Ủy ban nhân dân xã Hòa An" in html
    assert f'data-value="{tree.ubnd_quang_lam.pk}"' not in html
    # With diacritics too, and the area's name counts: "Cao Bằng" finds the bodies of the province.
    html = _pick(client_for(alice), "units:organisation_picker", "Cao Bằng")
    assert f'data-value="{tree.ubnd_cb.pk}"' in html
    # Charlie (Hà Nội) never gets a body of Cao Bằng, however he types.
    for q in ("hoa an", "Cao Bằng", ""):
        html = _pick(client_for(charlie), "units:organisation_picker", q)
        assert f'data-value="{tree.ubnd_hoa_an.pk}"' not in html and f'data-value="{tree.board_cb.pk}"' not in html


def test_bodies_offered_first_are_the_users_own_and_its_sub_units(tree, alice, client_for):
    html = _pick(client_for(alice), "units:organisation_picker")
    first = html.index('data-value="')
    assert html[first:].startswith(f'data-value="{tree.board_cb.pk}"')  # her own body first
    assert f'data-value="{tree.ubnd_quang_lam.pk}"' in html  # a body one level below
    assert f'data-value="{tree.board_hn.pk}"' not in html


def test_an_outsider_and_a_signed_out_visitor_get_nothing(tree, client, client_for):
    nobody = make_user("nobody", None, Role.OFFICER)
    for name in ("units:organisation_picker", "units:commune_picker", "units:place_picker", "matters:matter_picker"):
        assert "data-value" not in _pick(client_for(nobody), name, "a")
        assert client.logout() is None
        assert client.get(reverse(name), {"q": "a"}).status_code in (302, 403)


def test_communes_and_places(tree, alice, client_for):
    html = _pick(client_for(alice), "units:commune_picker", "quang lam")
    assert f'data-value="{tree.quang_lam.pk}"' in html and "Xã Quảng Lâm, Tỉnh Cao Bằng" in html
    assert f'data-value="{tree.village.pk}"' not in html  # a letter's area is a commune
    html = _pick(client_for(alice), "units:place_picker", "na ma")
    assert f'data-value="{tree.village.pk}"' in html  # a visit may name a village
    assert f'data-value="{tree.hoan_kiem.pk}"' not in _pick(client_for(alice), "units:commune_picker", "hoan kiem")


def test_matters_show_code_date_petitioner_and_unit_and_stay_in_scope(tree, alice, charlie, client_for):
    letter = receive(alice, alice.organisation, name="Nông Văn Dân", received_on=D(2026, 3, 2),
                     summary="Khiếu nại giá bồi thường đất ở xã Hòa An")
    matter = letter.matter
    html = _pick(client_for(alice), "matters:matter_picker", "boi thuong")
    assert f'data-value="{matter.pk}"' in html
    assert f"VV{matter.pk:06d}" in html and "02/03/2026" in html and "Nông Văn Dân" in html
    assert "Ban Tuyên giáo và Dân vận Tỉnh ủy Cao Bằng" in html
    assert f'data-value="{matter.pk}"' in _pick(client_for(alice), "matters:matter_picker", f"VV{matter.pk:06d}")
    assert f'data-value="{matter.pk}"' in _pick(client_for(alice), "matters:matter_picker", "nong van dan")
    # Another province's officer finds it neither by words, nor by name, nor by code.
    for q in ("boi thuong", "Nông Văn Dân", f"VV{matter.pk:06d}", str(matter.pk), ""):
        assert f'data-value="{matter.pk}"' not in _pick(client_for(charlie), "matters:matter_picker", q)


def test_a_protected_denouncer_is_neither_shown_nor_searchable_in_the_matter_picker(tree, alice, rita, hana,
                                                                                   client_for):
    letter = receive(rita, rita.organisation, name="Lục Thị Kín", kind=ContentKind.DENUNCIATION,
                     received_on=D(2026, 3, 2), summary="Tố cáo cán bộ địa chính")
    matter = letter.matter
    # Alice may not see the denouncer: the matter is found by its words, labelled with the mask.
    html = _pick(client_for(alice), "matters:matter_picker", "dia chinh")
    assert f'data-value="{matter.pk}"' in html and "Kín" not in html
    # Searching his name must not confirm that he denounced.
    for q in ("Lục Thị Kín", "luc thi kin"):
        assert f'data-value="{matter.pk}"' not in _pick(client_for(alice), "matters:matter_picker", q)
    # Rita recorded him: she finds the matter by his name.
    assert f'data-value="{matter.pk}"' in _pick(client_for(rita), "matters:matter_picker", "luc thi kin")


def test_the_intake_page_lists_no_matter_but_accepts_any_in_scope(tree, alice, client_for):
    old = receive(alice, alice.organisation, received_on=D(2026, 1, 5), summary="Vụ việc cũ về ranh giới đất")
    receive(alice, alice.organisation, received_on=D(2026, 3, 1), summary="Vụ việc mới về bồi thường")
    client = client_for(alice)
    html = client.get(reverse("letters:letter_create")).content.decode()
    assert "Vụ việc mới về bồi thường" not in html and "Vụ việc cũ về ranh giới đất" not in html
    assert reverse("matters:matter_picker") in html and "dal_alight/autocomplete-light.js" in html
    response = client.post(reverse("letters:letter_create"), intake_data(tree, matter=old.matter_id))
    assert response.status_code == 302
    from danvan.letters.models import Letter

    assert Letter.objects.order_by("-pk").first().matter_id == old.matter_id


def test_a_posted_id_outside_the_users_scope_is_a_vietnamese_field_error(tree, alice, charlie, client_for):
    theirs = receive(charlie, charlie.organisation, summary="Vụ việc của Hà Nội")
    client = client_for(alice)
    cases = {"organisation": tree.board_hn.pk, "subject_area": tree.hoan_kiem.pk, "matter": theirs.matter_id}
    for name, value in cases.items():
        for sent in (value, "abc", "99999999999999999999999", "²"):
            response = client.post(reverse("letters:letter_create"), intake_data(tree, **{name: sent}))
            assert response.status_code == 400, (name, sent)
            html = response.content.decode()
            assert "nằm ngoài phạm vi của tài khoản" in html, (name, sent)
    # The chosen body of another unit is not echoed into the page either.
    response = client.post(reverse("letters:letter_create"), intake_data(tree, organisation=tree.board_hn.pk))
    assert "Thành ủy Hà Nội" not in response.content.decode()


@pytest.fixture
def national(tree):
    """A national board with many bodies: the 10.101 of the demo, scaled down to what a test builds quickly."""
    board = make_org("Ban Dân vận Trung ương", OrganisationType.MOBILISATION_BOARD, tree.nation)
    provinces = [Area(level=AreaLevel.PROVINCE, code=f"P{i:03d}", name=f"Tỉnh Thử Nghiệm {i}", parent=tree.nation,
                      path=f"{tree.nation.path}p{i:03d}.", search_name=f"tinh thu nghiem {i}") for i in range(30)]
    Area.objects.bulk_create(provinces)
    provinces = list(Area.objects.filter(code__startswith="P"))
    communes = [Area(level=AreaLevel.COMMUNE, code=f"C{p.pk}-{j}", name=f"Xã Thử Nghiệm {j}", parent=p,
                     path=f"{p.path}c{j:03d}.", search_name=f"xa thu nghiem {j}")
                for p in provinces for j in range(100)]
    Area.objects.bulk_create(communes)
    Organisation.objects.bulk_create(
        Organisation(name=f"Ủy ban nhân dân {a.name} số {a.code}", type=OrganisationType.PEOPLES_COMMITTEE, area=a,
                     search_name=f"uy ban nhan dan {a.search_name} {a.code.lower()}")
        for a in Area.objects.filter(code__startswith="C"))
    assert Organisation.objects.count() > 3000
    return make_user("quoc", board, Role.OFFICER, first_name="Quốc", last_name="Trần")


def test_the_intake_form_of_a_national_user_weighs_under_150_kb(national, client_for):
    response = client_for(national).get(reverse("letters:letter_create"))
    assert response.status_code == 200
    size = len(response.content)
    assert size < 150_000, f"{size:,} bytes"
    # The national user's own body is chosen by default and shown by name.
    assert "Ban Dân vận Trung ương" in response.content.decode()


def _longest_list(html: str) -> int:
    """The number of options of the longest <select> of a page."""
    return max((part.split("</select>")[0].count("<option") for part in html.split("<select")[1:]), default=0)


# Every page that chose a body, a unit or a place from a flat list of the whole scope (issue 16): the filters of
# the lists, the registers, the figures' entry, the report reading, the mobilisation and hot-spot forms.
PAGES_WITH_A_BODY_OR_PLACE = [
    "mobilisation:dialogue_list", "mobilisation:practice_list", "mobilisation:session_list",
    "mobilisation:course_list", "mobilisation:supervision_list", "mobilisation:commendation_list",
    "mobilisation:dialogue_create", "mobilisation:practice_create", "mobilisation:session_create",
    "mobilisation:course_create", "mobilisation:supervision_create", "mobilisation:commendation_create",
    "mobilisation:briefing_create", "mobilisation:directive_create", "mobilisation:support_create",
    "mobilisation:session_bulk", "mobilisation:session_import",
    "hotspots:create", "hotspots:report_create",
    "letters:letter_list", "letters:statistics",
    "reception:register", "papers:reception_register", "papers:letter_register",
    "reports:entry", "reading:read",
]


@pytest.mark.parametrize("url_name", PAGES_WITH_A_BODY_OR_PLACE)
def test_a_national_users_pages_list_no_thousands_of_bodies_or_places(national, client_for, url_name):
    response = client_for(national).get(reverse(url_name))
    assert response.status_code == 200
    html = response.content.decode()
    assert _longest_list(html) <= 50, f"{url_name}: a <select> of {_longest_list(html)} options"
    assert len(response.content) < 150_000, f"{url_name}: {len(response.content):,} bytes"


def test_a_list_filtered_by_a_body_keeps_working_and_shows_its_name(national, tree, alice, client_for):
    from tests.mobilisation.factories import dialogue

    dialogue(national, tree.board_cb, topic="Đối thoại về giải phóng mặt bằng")
    dialogue(national, national.organisation, topic="Đối thoại ở Trung ương")
    client = client_for(national)
    html = client.get(reverse("mobilisation:dialogue_list"), {"organisation": tree.board_cb.pk}).content.decode()
    assert "Đối thoại về giải phóng mặt bằng" in html and "Đối thoại ở Trung ương" not in html
    # The chosen body is shown by name in its picker, the only option besides "Tất cả".
    assert f'<option value="{tree.board_cb.pk}" selected>' in html
    assert reverse("units:organisation_picker") in html and "dal_alight/autocomplete-light.js" in html
    # A body outside the user's scope is refused, not applied: the list says so.
    html = client_for(alice).get(reverse("mobilisation:dialogue_list"),
                                 {"organisation": tree.board_hn.pk}).content.decode()
    assert "data-ignored-filters" in html and "Thành ủy Hà Nội" not in html


def test_the_letter_list_filtered_by_a_unit_shows_its_name(national, tree, alice, client_for):
    receive(alice, alice.organisation, summary="Đơn của Cao Bằng", subject_area=None)
    client = client_for(national)
    html = client.get(reverse("letters:letter_list"), {"unit": tree.cao_bang.pk}).content.decode()
    assert "Đơn của Cao Bằng" in html
    assert f'<option value="{tree.cao_bang.pk}" selected>Tỉnh Cao Bằng' in html
    html = client.get(reverse("letters:letter_list"), {"unit": tree.ha_noi.pk}).content.decode()
    assert "Đơn của Cao Bằng" not in html and f'<option value="{tree.ha_noi.pk}" selected>' in html


def test_a_letters_page_and_its_papers_list_no_thousands_of_communes_or_bodies(national, tree, alice, client_for):
    # The amend form's commune (every commune for a letter of a central body) is a picker on the letter's page.
    letter = receive(national, national.organisation, summary="Đơn gửi Trung ương")
    html = client_for(national).get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    form = opened_form(client_for(national), letter, "amend")
    assert _longest_list(html) <= 50 and "dal_alight/autocomplete-light.js" in html  # the picker's script
    assert _longest_list(form) <= 50 and reverse("units:province_commune_picker") in form
    # The forwarding slip's body: the registry's bodies of a province are hundreds.
    Organisation.objects.bulk_create(
        Organisation(name=f"Sở Thử Nghiệm {i}", type=OrganisationType.PEOPLES_COMMITTEE, area=tree.cao_bang,
                     search_name=f"so thu nghiem {i}") for i in range(80))
    letter = receive(alice, alice.organisation, summary="Đơn gửi Cao Bằng")
    response = client_for(alice).get(reverse("papers:record_papers", args=["don", letter.pk]))
    html = response.content.decode()
    assert response.status_code == 200 and _longest_list(html) <= 50
    assert reverse("papers:body_picker") in html
    answer = client_for(alice).get(reverse("papers:body_picker"), {"q": "so thu nghiem 7"}).content.decode()
    assert "Sở Thử Nghiệm 7" in answer


def test_a_province_with_many_communes_lists_none_of_them_in_the_unit_filters(tree, alice, client_for):
    # A province of 2025 holds up to 170 communes: the unit of the reception list and of the report is a picker.
    Area.objects.bulk_create(
        Area(level=AreaLevel.COMMUNE, code=f"T{i:03d}", name=f"Xã Thử Nghiệm {i}", parent=tree.cao_bang,
             path=f"{tree.cao_bang.path}t{i:03d}/", search_name=f"xa thu nghiem {i}") for i in range(80))
    client = client_for(alice)
    for url_name in ("reception:session_list", "reports:dashboard", "letters:letter_list"):
        response = client.get(reverse(url_name))
        html = response.content.decode()
        assert response.status_code == 200 and _longest_list(html) <= 50, (url_name, _longest_list(html))
        assert reverse("units:unit_picker") in html, url_name
    # The report still opens on the user's own unit, named in its picker, and a commune is still chosen by link.
    html = client.get(reverse("reports:dashboard")).content.decode()
    assert f'<option value="{tree.cao_bang.pk}" selected>Tỉnh Cao Bằng' in html
    response = client.get(reverse("reports:dashboard"), {"don_vi": tree.hoa_an.pk})
    assert response.status_code == 200
    assert f'<option value="{tree.hoa_an.pk}" selected>Xã Hòa An, Tỉnh Cao Bằng' in response.content.decode()
    assert client.get(reverse("reports:dashboard"), {"don_vi": tree.hoan_kiem.pk}).status_code == 404
    html = client.get(reverse("reception:session_list"), {"area": tree.hoa_an.pk}).content.decode()
    assert f'<option value="{tree.hoa_an.pk}" selected>' in html and "data-ignored-filters" not in html
