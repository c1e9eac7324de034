"""Canary walk (issue 12): a protected denouncer's name, CCCD, phone and address appear in no response.

Every URL of the project is requested, found from the URLconf like the outsider walk (a new view is
covered the day it is added), with real ids from the same factories, GET and an empty POST; then the
five leak paths of the issue are replayed as POSTs, the exports are downloaded (Excel and Word, unzipped)
and the matching fragments are asked for the canary by name and by CCCD. The walkers are an officer
who is neither head, handler nor receiver (alice), a viewer of the commune (bob) and an officer of a
parent unit (pat, at the central board). Every citizen in the database is then the canary.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from danvan.core.choices import ContentKind, Field
from danvan.core.text import fold
from danvan.letters import services as letters
from danvan.people.models import Citizen
from danvan.reception import services as reception
from danvan.reception.models import Handling
from danvan.units.models import DocumentStyle, OrganisationType
from tests.conftest import make_org, make_user
from tests.core.test_outsiders import _named_patterns, url_factories

NAME, CCCD, PHONE, ADDRESS = "Vương Thị Canary", "004177665544", "0966123987", "Ngõ Hẻm Bí Mật số 7"
CANARIES = (NAME, CCCD, PHONE, ADDRESS)
DAY = dt.date(2026, 3, 2)
SKIP = {"logout", "login"}


def _text(response) -> str:
    """The body as text; an Excel or Word file (a zip) is opened and every part of it read."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return content.decode("utf-8", "replace")


def _leaks(text: str, typed: tuple[str, ...] = ()) -> list[str]:
    """The canaries in `text`, but those the walker typed in the request (a search box shows them back)."""
    squeezed = text.replace(" ", "")
    return [c for c in CANARIES if c not in typed and (c in text or c.replace(" ", "") in squeezed)]


@pytest.fixture
def world(tree, rita, hana):
    """Records behind every URL (made by rita, the receiver), a denunciation and a visit of the canary."""
    from danvan.core import services as audited
    from danvan.reception.models import ReceptionSession

    kwargs = {name: factory(tree, rita) for name, factory in url_factories().items()}
    denunciation = letters.receive_letter(
        rita, tree.ubnd_quang_lam, received_on=DAY, summary="Tố cáo cán bộ xã thu tiền",
        content_kind=ContentKind.DENUNCIATION, field=Field.LAND_HOUSING,
        new_petitioners=[{"full_name": NAME, "id_number": CCCD, "phone": PHONE, "address": ADDRESS}])
    session = reception.open_session(rita, organisation=tree.ubnd_quang_lam, kind="regular", date=DAY,
                                     place="Trụ sở UBND xã")
    canary = denunciation.petitioners.get()
    visit = reception.record_visit(rita, session, citizen=canary, content_kind=ContentKind.DENUNCIATION,
                                   field=Field.LAND_HOUSING, summary="Tố cáo trưởng thôn",
                                   handling=Handling.LETTER_RECEIVED)
    # Every citizen behind every page is now the canary, a protected denouncer recorded by rita.
    Citizen.objects.update(full_name=NAME, search_name=fold(NAME), id_number=CCCD, phone=PHONE, address=ADDRESS,
                           protected_since=timezone.now(), recorded_by=rita)
    audited.update(Citizen.objects.get(pk=canary.pk), rita, reason="Sửa địa chỉ", address=ADDRESS + " bis")
    Citizen.objects.filter(pk=canary.pk).update(address=ADDRESS)
    return {"kwargs": kwargs, "letter": denunciation, "visit": visit, "session": session, "citizen": canary,
            "session_cb": ReceptionSession.objects.filter(organisation=tree.board_cb).first()}


FOLDED = fold(NAME)  # typed without diacritics: the page may show it back, never the stored name


def _query(**values) -> str:
    return "?" + "&".join(f"{k}={v}" for k, v in (values | {"from": "01/01/2026", "to": "31/12/2026",
                                                             "ky": "2026"}).items())


def _urls(world) -> list[tuple[str, tuple[str, ...]]]:
    """(url, canaries typed in it) for every URL pattern, with real ids, and searches for the canary."""
    from django.urls import get_resolver

    urls = []
    for name, pattern in _named_patterns(get_resolver().url_patterns):
        if name in SKIP:
            continue
        if pattern.pattern.converters:
            urls.append((reverse(name, kwargs=world["kwargs"][name]), ()))
        else:
            url = reverse(name)
            urls += [(url, ()), (url + _query(q=FOLDED, petitioner_name=FOLDED, full_name=FOLDED), ()),
                     (url + _query(q=CCCD, petitioner_id_number=CCCD, id_number=CCCD), (CCCD,))]
    letter, visit, citizen = world["letter"], world["visit"], world["citizen"]
    urls += [(url, ()) for url in (
        reverse("letters:letter_detail", args=[letter.pk]),
        reverse("letters:letter_from_visit", args=[visit.pk]),
        reverse("reception:visit_detail", args=[visit.pk]),
        reverse("reception:visit_edit", args=[visit.pk]),
        reverse("reception:session_detail", args=[world["session"].pk]),
        reverse("duplicates:suggestions_for_letter", args=[letter.pk]),
        reverse("history", args=["people", "citizen", citizen.pk]),
        reverse("history", args=["letters", "letter", letter.pk]),
        reverse("history", args=["reception", "visit", visit.pk]),
        reverse("papers:record_papers", args=["don", letter.pk]),
        reverse("papers:record_papers", args=["luot-tiep", visit.pk]),
    )]
    return urls


def _five_paths(world, tree) -> list[tuple[str, dict, tuple[str, ...]]]:
    """The POSTs of the issue's five paths (and the report documents), as a walker would send them."""
    letter, visit, citizen = world["letter"], world["visit"], world["citizen"]
    intake = {"organisation": tree.ubnd_quang_lam.pk, "channel": "direct", "received_on": "02/03/2026",
              "summary": "Kiến nghị làm đường", "content_kind": "recommendation", "field": Field.LAND_HOUSING}
    visit_data = {"persons": "1", "representatives": "0", "occurrence": "first", "content_kind": "complaint",
                  "field": Field.LAND_HOUSING, "subject_area": "", "summary": "Khiếu nại", "handling": "guided",
                  "matter": "", "notes": "", "full_name": "", "id_number": "", "birth_year": "", "address": "",
                  "phone": ""}
    return [
        (reverse("letters:letter_action", args=[letter.pk, "classify"]),
         {"classify-content_kind": "recommendation", "classify-field": Field.LAND_HOUSING,
          "classify-qualifying": "yes", "classify-within_jurisdiction": "yes", "classify-complexity": "normal",
          "classify-note": "Thực chất là kiến nghị"}, ()),
        (reverse("letters:letter_create"), intake | {"existing_petitioners": [citizen.pk]}, ()),
        (reverse("letters:letter_create"), intake | {"petitioner_name": "Tên Bịa Đặt", "petitioner_id_number": CCCD},
         (CCCD,)),
        (reverse("reception:visit_create", args=[world["session"].pk]), visit_data | {"citizen": citizen.pk}, ()),
        (reverse("reception:visit_create", args=[world["session"].pk]),
         visit_data | {"full_name": "Người Lạ", "id_number": CCCD}, (CCCD,)),
        (reverse("reception:visit_edit", args=[visit.pk]), visit_data | {"content_kind": "recommendation"}, ()),
        (reverse("letters:letter_from_visit", args=[visit.pk]), intake, ()),
        (reverse("reports:document"), {"ky": "2026", "dinh_dang": "xlsx"}, ()),
        (reverse("reports:document"), {"ky": "2026", "dinh_dang": "docx"}, ()),
        (reverse("papers:issue", args=["don", letter.pk, "receipt"]), {"receipt-issued_on": "02/03/2026"}, ()),
        (reverse("papers:issue", args=["luot-tiep", visit.pk, "appointment"]),
         {"appointment-issued_on": "02/03/2026", "appointment-appointment_on": "09/03/2026"}, ()),
        (reverse("duplicates:suggestions_for_text"), {"text": "Tố cáo cán bộ xã thu tiền",
                                                      "petitioner_name": FOLDED}, ()),
    ]


def test_no_canary_in_any_response(tree, world, alice, bob, hana, client_for):
    pat = make_user("pat", make_org("Ban Dân vận Trung ương", OrganisationType.MOBILISATION_BOARD, tree.nation,
                                    DocumentStyle.PARTY), "officer")
    # The walk could fail: the head sees the canary on the denunciation's page.
    head_page = client_for(hana).get(reverse("letters:letter_detail", args=[world["letter"].pk]))
    assert NAME in head_page.content.decode()

    urls = _urls(world)
    leaks, seen = [], 0
    for walker in (alice, bob, pat):
        client = client_for(walker)
        for url, typed in urls:
            for response in (client.get(url), client.post(url.split("?")[0])):
                seen += 1
                found = _leaks(_text(response), typed if response.request["REQUEST_METHOD"] == "GET" else ())
                if found:
                    leaks.append(f"{walker.username} {response.request['REQUEST_METHOD']} {url}: {found}")
        for url, data, typed in _five_paths(world, tree):
            response = client.post(url, data, follow=True)
            seen += 1
            found = _leaks(_text(response), typed)
            if found:
                leaks.append(f"{walker.username} POST {url}: {found}")
        # The letters the paths created: their pages and the exports again, now that they exist.
        for url in (reverse("letters:letter_list"), reverse("letters:export"),
                    reverse("reception:session_detail", args=[world["session"].pk]),
                    reverse("reception:register") + "?from=01/03/2026&to=31/03/2026"):
            found = _leaks(_text(client.get(url)))
            if found:
                leaks.append(f"{walker.username} GET {url} (after the paths): {found}")
        from danvan.letters.models import Letter

        for letter_pk in Letter.objects.filter(petitioners=world["citizen"]).values_list("pk", flat=True):
            url = reverse("letters:letter_detail", args=[letter_pk])
            found = _leaks(_text(client.get(url)))
            if found:
                leaks.append(f"{walker.username} GET {url} (made by a path): {found}")
    assert seen > 500
    assert not leaks, "\n".join(leaks)
