"""What the letter page offers after classification, and how it names the officers (issue 16)."""

from __future__ import annotations

from django.urls import reverse

from danvan.accounts.models import Role
from danvan.letters.workflow import LetterStatus, offered_actions
from tests.conftest import make_user
from tests.letters.factories import classify, receive


def test_accept_is_not_offered_for_a_letter_outside_the_jurisdiction(tree, alice, client_for):
    letter = classify(alice, receive(alice, alice.organisation), within=False)
    html = client_for(alice).get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    assert reverse("letters:letter_action", args=[letter.pk, "accept"]) not in html
    assert reverse("letters:letter_action", args=[letter.pk, "forward"]) in html
    # Within the jurisdiction, it is offered.
    other = classify(alice, receive(alice, alice.organisation))
    html = client_for(alice).get(reverse("letters:letter_detail", args=[other.pk])).content.decode()
    assert reverse("letters:letter_action", args=[other.pk, "accept"]) in html


def test_the_offered_actions_table():
    classified = LetterStatus.CLASSIFIED
    assert offered_actions(classified, qualifying=True, within_jurisdiction=True)[0] == "accept"
    assert "accept" not in offered_actions(classified, qualifying=True, within_jurisdiction=False)
    assert offered_actions(classified, qualifying=True, within_jurisdiction=False)[0] == "forward"
    assert "accept" not in offered_actions(classified, qualifying=False, within_jurisdiction=True)


def test_the_handler_picker_names_officers_by_full_name_and_position(tree, alice, client_for):
    make_user("tuan.lv", tree.board_cb, Role.OFFICER, first_name="Lê Văn", last_name="Tuấn",
              position="Chuyên viên Phòng Dân vận")
    letter = classify(alice, receive(alice, alice.organisation))
    html = client_for(alice).get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    assert "Lê Văn Tuấn — Chuyên viên Phòng Dân vận, Ban Tuyên giáo và Dân vận Tỉnh ủy Cao Bằng" in html
    assert ">tuan.lv<" not in html
