"""A create form sent twice — a double click, a resend, a second tab — creates one record (issue 13)."""

from __future__ import annotations

import html
import re

from django.urls import reverse

from danvan.letters.models import Letter
from danvan.mobilisation.models import Dialogue
from danvan.reception.models import Visit
from tests.letters.test_views import intake_data
from tests.reception.conftest import open_session
from tests.reception.test_views import _visit_post


def _token(page: str) -> str:
    found = re.search(r'name="submission_token" value="([^"]+)"', page)
    assert found, "the create form carries no one-time token"
    return found.group(1)


def test_the_same_letter_form_sent_twice_creates_one_letter(tree, alice, client_for):
    client = client_for(alice)
    url = reverse("letters:letter_create")
    token = _token(client.get(url).content.decode())
    first = client.post(url, intake_data(tree) | {"submission_token": token})
    letter = Letter.objects.get()
    assert first.status_code == 302 and first["Location"] == reverse("letters:letter_detail", args=[letter.pk])

    again = client.post(url, intake_data(tree) | {"submission_token": token}, follow=True)
    assert Letter.objects.count() == 1
    assert again.redirect_chain[0][0] == reverse("letters:letter_detail", args=[letter.pk])
    assert "đã được gửi trước đó" in html.unescape(again.content.decode())
    # A new render of the form is a new letter.
    token2 = _token(client.get(url).content.decode())
    assert token2 != token
    assert client.post(url, intake_data(tree) | {"submission_token": token2}).status_code == 302
    assert Letter.objects.count() == 2


def test_a_form_refused_for_an_error_can_be_corrected_and_sent(tree, alice, client_for):
    client = client_for(alice)
    url = reverse("letters:letter_create")
    token = _token(client.get(url).content.decode())
    assert client.post(url, intake_data(tree, summary="") | {"submission_token": token}).status_code == 400
    assert client.post(url, intake_data(tree) | {"submission_token": token}).status_code == 302
    assert Letter.objects.count() == 1


def test_the_same_visit_form_sent_twice_records_one_visit(tree, alice, client_for):
    session = open_session(alice, tree.board_cb)
    client = client_for(alice)
    token = _token(client.get(reverse("reception:session_detail", args=[session.pk])).content.decode())
    url = reverse("reception:visit_create", args=[session.pk])
    assert client.post(url, _visit_post() | {"submission_token": token}).status_code == 302
    again = client.post(url, _visit_post() | {"submission_token": token})
    assert again.status_code == 302 and again["Location"] == reverse("reception:session_detail", args=[session.pk])
    assert Visit.objects.filter(session=session).count() == 1


def test_the_same_dialogue_form_sent_twice_records_one_dialogue(tree, alice, client_for):
    client = client_for(alice)
    url = reverse("mobilisation:dialogue_create")
    token = _token(client.get(url).content.decode())
    data = {"organisation": tree.ubnd_quang_lam.pk, "held_on": "10/03/2025", "topic": "Giải phóng mặt bằng",
            "chair_name": "Nông Văn Hải", "chair_role": "secretary", "participants": "120",
            "submission_token": token}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert Dialogue.objects.count() == 1


def test_every_create_form_carries_a_token(tree, alice, client_for):
    """One mechanism for every create form: each page with an add form renders a token."""
    from tests.mobilisation.factories import briefing, dialogue, directive, practice, supervision

    client = client_for(alice)
    session = open_session(alice, tree.board_cb)
    pages = [reverse("letters:letter_create"), reverse("reception:session_create"),
             reverse("reception:session_detail", args=[session.pk]), reverse("mobilisation:session_bulk"),
             reverse("mobilisation:session_import")]
    pages += [reverse(f"mobilisation:{key}_create") for key in ("dialogue", "practice", "session", "briefing")]
    for key, make in (("dialogue", dialogue), ("briefing", briefing), ("supervision", supervision),
                      ("practice", practice), ("directive", directive)):
        obj = make(alice, tree.board_cb)
        pages.append(reverse(f"mobilisation:{key}_detail", args=[obj.pk]))
    for page in pages:
        _token(client.get(page).content.decode())
