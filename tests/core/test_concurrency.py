"""Two officers edit the same record from forms drawn at the same moment: the second save must not
silently revert the first (issue 13, lost updates). The second officer gets the form back with what the
other changed; nothing of theirs is written until they save again, knowingly."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from danvan.core.choices import ContentKind
from danvan.letters.models import Letter
from danvan.mobilisation.models import Dialogue
from danvan.reception.models import Handling, Visit
from tests.letters.factories import receive
from tests.letters.pages import opened_form
from tests.mobilisation.factories import dialogue
from tests.reception.conftest import open_session, record_visit


def _version(page: str, name: str = "version") -> str:
    found = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', page) or re.search(
        rf'value="([^"]*)"[^>]*name="{re.escape(name)}"', page)
    assert found, f"no hidden {name} in the form"
    return found.group(1)


def _clients(django_client_class, *users):
    clients = []
    for user in users:
        client = django_client_class()
        client.force_login(user, backend="danvan.accounts.backends.ScopedModelBackend")
        clients.append(client)
    return clients


@pytest.fixture
def two(alice, hana):
    from django.test import Client

    return _clients(Client, alice, hana)


def test_a_stale_letter_amendment_does_not_revert_the_other_officers_change(tree, alice, hana, two):
    letter = receive(alice, tree.board_cb, summary="Khieu nai thu hoi dat")
    first, second = two
    action = reverse("letters:letter_action", args=[letter.pk, "amend"])
    # Both officers open the letter's amendment form at the same moment.
    v_first = _version(opened_form(first, letter, "amend"), "amend-version")
    v_second = _version(opened_form(second, letter, "amend"), "amend-version")
    assert v_first == v_second

    response = first.post(action, {"amend-summary": "Khiếu nại thu hồi đất", "amend-content": "",
                                   "amend-subject_area": tree.hoa_an.pk, "amend-reason": "Gõ lại có dấu",
                                   "amend-version": v_first})
    assert response.status_code == 302
    # The second officer's form still shows the old summary; they fill in the commune only.
    response = second.post(action, {"amend-summary": "Khieu nai thu hoi dat", "amend-content": "Nội dung mới",
                                    "amend-subject_area": tree.quang_lam.pk, "amend-reason": "Bổ sung địa bàn",
                                    "amend-version": v_second})
    page = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert "Thay đổi của bạn CHƯA được lưu" in page
    assert "Alice Nguyễn đã lưu bản ghi này" in page  # who saved in between
    assert "«Tóm tắt nội dung»: người kia đã ghi «Khiếu nại thu hồi đất» (bạn không sửa trường này" in page
    assert "khieu nai thu hoi dat" not in page  # the search key follows the summary: not listed
    assert "người kia đã ghi «Xã Hòa An», bạn ghi «Xã Quảng Lâm»" in page
    letter.refresh_from_db()
    assert (letter.summary, letter.subject_area, letter.content) == ("Khiếu nại thu hồi đất", tree.hoa_an, "")

    # Saving again from the re-shown form is a deliberate overwrite, and it is kept in the history.
    again = _version(page, "amend-version")
    assert again != v_second
    assert 'name="amend-summary" value="Khiếu nại thu hồi đất"' in page  # untouched: the form took theirs
    response = second.post(action, {"amend-summary": "Khiếu nại thu hồi đất", "amend-content": "Nội dung mới",
                                    "amend-subject_area": tree.quang_lam.pk, "amend-reason": "Bổ sung địa bàn",
                                    "amend-version": again})
    assert response.status_code == 302
    letter.refresh_from_db()
    assert (letter.subject_area, letter.content) == (tree.quang_lam, "Nội dung mới")
    assert [h.history_user for h in letter.history.order_by("-history_date")[:2]] == [hana, alice]


def test_a_stale_visit_edit_is_refused_with_the_other_officers_values(tree, alice, hana, two):
    visit = record_visit(alice, open_session(alice, tree.board_cb), summary="Hỏi về chế độ")
    first, second = two
    url = reverse("reception:visit_edit", args=[visit.pk])
    v_first, v_second = (_version(c.get(url).content.decode()) for c in two)
    base = {"persons": "1", "representatives": "0", "occurrence": "first", "content_kind": ContentKind.COMPLAINT,
            "field": visit.field, "subject_area": "", "summary": "Hỏi về chế độ", "handling": Handling.GUIDED,
            "matter": "", "notes": ""}

    response = first.post(url, base | {"persons": "7", "representatives": "2", "version": v_first})
    assert response.status_code == 302, re.findall(r"errorlist[^<]*<li>([^<]*)", response.content.decode())
    response = second.post(url, base | {"notes": "Đã hẹn trả lời", "version": v_second})
    page = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert "«Số người»: người kia đã ghi «7» (bạn không sửa trường này" in page
    assert 'name="persons" value="7"' in page and 'name="notes"' in page and "Đã hẹn trả lời" in page
    visit.refresh_from_db()
    assert (visit.persons, visit.notes) == (7, "")
    assert Visit.history.filter(id=visit.pk).count() == 2  # created, then the first officer's edit only


def test_a_stale_dialogue_edit_is_refused(tree, alice, hana, two):
    record = dialogue(alice, tree.board_cb, participants=50)
    first, second = two
    url = reverse("mobilisation:dialogue_edit", args=[record.pk])
    v_first, v_second = (_version(c.get(url).content.decode()) for c in two)
    base = {"organisation": tree.board_cb.pk, "held_on": "10/03/2025", "topic": record.topic, "place": "",
            "chair_name": record.chair_name, "chair_role": record.chair_role, "chair_position": "",
            "participants": "50"}

    assert first.post(url, base | {"participants": "120", "version": v_first}).status_code == 302
    response = second.post(url, base | {"place": "Nhà văn hóa xã", "version": v_second})
    page = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert "người kia đã ghi «120» (bạn không sửa trường này" in page
    record.refresh_from_db()
    assert (record.participants, record.place) == (120, "")


def test_two_saves_of_the_same_version_cannot_both_succeed(tree, alice):
    """The model-level guard: an UPDATE … WHERE version = n, whatever the caller."""
    from danvan.core.concurrency import EditConflict

    letter = receive(alice, tree.board_cb)
    mine, theirs = Letter.objects.get(pk=letter.pk), Letter.objects.get(pk=letter.pk)
    theirs.summary = "Bản của người kia"
    theirs.save()
    mine.content = "Bản của tôi"
    with pytest.raises(EditConflict):
        mine.save()
    assert Letter.objects.get(pk=letter.pk).summary == "Bản của người kia"
    assert Dialogue._meta.get_field("version") and Visit._meta.get_field("version")
