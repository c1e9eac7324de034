"""Ids of 1.000 and more travel through pages unchanged (issue 13).

With the thousands separator on, an id rendered into a hidden input or a link came back as "1.234":
a commune body could not save its figures (404), the dashboard and report download of such a unit
answered 404, ticking a matched petitioner answered 400. Each test below goes the way a user does:
read the value from the page, send it back.
"""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from danvan.accounts.models import Role
from danvan.core.choices import ContentKind, Field
from danvan.core.formatting import vn_number
from danvan.letters.models import Letter
from danvan.people.models import Citizen
from danvan.reports.models import EnteredValue
from danvan.units.models import Area, Organisation
from tests.conftest import make_user
from tests.ids import ensure_next_id
from tests.letters.factories import receive
from tests.reports.conftest import D, letters_batch, visits


@pytest.fixture(autouse=True)
def large_ids(db):
    """Even where the session did not start ids high (tests/conftest.py), these tests use large ones."""
    for model in (Area, Organisation, Citizen):
        ensure_next_id(model, 1_000_000)


def inputs(page: str, form_action: str) -> dict[str, str]:
    """The named inputs of the form posting to `form_action`, as the browser would send them."""
    forms = [body for tag, body in re.findall(r"(<form[^>]*>)(.*?)</form>", page, re.S)
             if 'method="post"' in tag and f'action="{form_action}"' in tag]
    assert forms, f"no form posting to {form_action}"
    return {html.unescape(name): html.unescape(value)
            for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', forms[0])}


def test_a_commune_body_with_a_large_id_saves_its_figures(tree, alice, client_for):
    assert tree.ubnd_quang_lam.pk >= 1000
    client = client_for(alice)
    url = reverse("reports:entry")
    page = client.get(url, {"co_quan": tree.ubnd_quang_lam.pk, "ky": "2025"}).content.decode()
    data = inputs(page, url)
    assert data["co_quan"] == str(tree.ubnd_quang_lam.pk)  # not "1.000.123"
    figure = next(name for name in data if name.startswith("v-"))
    response = client.post(url, data | {figure: "1.184"})
    assert response.status_code == 302
    saved = EnteredValue.objects.get(organisation=tree.ubnd_quang_lam)
    assert saved.value == 1184


def test_the_dashboard_and_report_download_of_a_unit_with_a_large_id(tree, alice, client_for):
    assert tree.quang_lam.pk >= 1000 and tree.cao_bang.pk >= 1000
    visits(alice, tree.ubnd_quang_lam, D(2025, 3, 3), [1, 2])
    letters_batch(alice, tree.ubnd_quang_lam, D(2025, 4, 1), within=1, accepted=1, resolved=0)
    client = client_for(alice)
    page = client.get(reverse("reports:dashboard"), {"ky": "2025"}).content.decode()

    # The download form of the province: its unit id goes back as it came.
    document = inputs(page, reverse("reports:document"))
    assert document["don_vi"] == str(tree.cao_bang.pk)
    response = client.post(reverse("reports:document"), document | {"dinh_dang": "xlsx"})
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")

    # The commune's row links to its own dashboard.
    link = re.search(r'<a href="\?([^"]*don_vi=[^"&]*)">Xã Quảng Lâm</a>', page)
    assert link, "no link to the commune's dashboard"
    query = html.unescape(link.group(1))
    assert f"don_vi={tree.quang_lam.pk}" in query
    commune = client.get(f"{reverse('reports:dashboard')}?{query}")
    assert commune.status_code == 200
    assert commune.context["report"].root == tree.quang_lam
    download = inputs(commune.content.decode(), reverse("reports:document"))
    # An officer's Word download makes a draft (issue 15) and opens its page, whose id is large too.
    draft = client.post(reverse("reports:document"), download | {"dinh_dang": "docx"})
    assert draft.status_code == 302 and re.search(r"/\d{7,}/$", draft.url), draft.url
    assert client.get(draft.url).status_code == 200


def test_ticking_a_matched_petitioner_with_a_large_id(tree, alice, client_for):
    earlier = receive(alice, tree.ubnd_quang_lam, name="Nông Văn Dân")
    citizen = earlier.petitioners.get()
    assert citizen.pk >= 1000
    client = client_for(alice)
    panel = client.get(reverse("letters:petitioner_matches"), {"petitioner_name": "nong van dan"}).content.decode()
    ticked = re.search(r'name="existing_petitioners" value="([^"]*)"', panel).group(1)
    assert ticked == str(citizen.pk)
    response = client.post(reverse("letters:letter_create"), {
        "organisation": tree.board_cb.pk, "channel": "post", "received_on": "02/03/2026",
        "existing_petitioners": ticked, "summary": "Khiếu nại lần nữa", "content_kind": ContentKind.COMPLAINT,
        "field": Field.LAND_HOUSING, "subject_area": tree.quang_lam.pk})
    assert response.status_code == 302
    letter = Letter.objects.exclude(pk=earlier.pk).get()
    assert list(letter.petitioners.all()) == [citizen]


def test_numbers_people_read_are_grouped_and_years_are_not(tree, alice, client_for):
    """Machine values are plain; a count a person reads is grouped ("1.184"), a year never is."""
    letter = receive(alice, tree.ubnd_quang_lam, name="Nông Văn Dân", received_on=D(2020, 4, 1),
                     new_petitioners=[{"full_name": "Nông Văn Dân", "birth_year": 1970}])
    officer = make_user("cuong", tree.ubnd_quang_lam, Role.OFFICER)
    client = client_for(officer)
    panel = client.get(reverse("letters:petitioner_matches"), {"petitioner_name": "nong van dan"}).content.decode()
    assert "sinh năm 1970" in panel and "1.970" not in panel
    page = client.get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    overdue = (timezone.localdate() - letter.due_on).days
    assert overdue >= 1000  # received in 2020: years overdue
    assert f"Quá hạn {vn_number(overdue)} ngày" in page
    assert "sinh năm 1970" in page
