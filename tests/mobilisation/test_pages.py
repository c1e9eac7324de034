"""The registry's pages: overview counts per scope, lists with filters, create and edit forms."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from danvan.mobilisation.sections import SECTIONS
from tests.mobilisation import factories as make
from tests.mobilisation.scoping import SECTION_FACTORIES


def _payloads(tree):
    ql = tree.ubnd_quang_lam.pk
    return {
        "dialogue": {"organisation": ql, "held_on": "2025-03-10", "topic": "Giải phóng mặt bằng",
                     "chair_name": "Nông Văn Hải", "chair_role": "secretary", "participants": "120"},
        "practice": {"organisation": ql, "name": "Hiến đất làm đường", "holder": "collective",
                     "holder_name": "Chi bộ thôn Nà Mạ", "field": "rural", "year": "2025",
                     "registered_on": "2025-02-01", "situation": "Đường đất lầy lội"},
        "session": {"organisation": ql, "held_on": "2025-03-10", "kind": "legal", "topic": "Luật Đất đai",
                    "attendees": "45"},
        "course": {"organisation": ql, "title": "Kỹ năng dân vận", "starts_on": "2025-03-10", "attendances": "70"},
        "briefing": {"organisation": ql, "held_on": "2025-03-25", "period": "Quý I/2025", "participants": "20"},
        "supervision": {"organisation": ql, "held_on": "2025-04-10", "supervised": tree.ubnd_hoa_an.pk,
                        "subject": "Quy chế dân chủ"},
        "support": {"organisation": ql, "given_on": "2025-05-05", "provider": "border", "provider_name": "Đồn Lý Vạn",
                    "description": "Làm đường", "workdays": "12", "money_vnd": "3000000"},
        "directive": {"organisation": tree.board_cb.pk, "code": "23-QĐ/TW", "title": "Quy chế dân vận",
                      "issued_on": "2021-07-20", "interim_after_years": "5", "final_after_years": "10",
                      "reviewer_types": ["party", "board"]},
        "commendation": {"organisation": ql, "kind": "medal", "recipient_kind": "individual",
                         "recipient_name": "Hoàng Thị Mai", "decision_number": "125-QĐ/BDVTW",
                         "decided_on": "2025-03-10"},
    }


@pytest.mark.parametrize("key", list(SECTIONS))
def test_create_then_edit_each_record(client_for, tree, alice, key):
    section = SECTIONS[key]
    client = client_for(alice)
    assert client.get(reverse(f"mobilisation:{key}_create")).status_code == 200
    response = client.post(reverse(f"mobilisation:{key}_create"), _payloads(tree)[key])
    assert response.status_code == 302, response.content.decode()[:2000]
    obj = section.model.objects.get()
    assert response["Location"] == reverse(f"mobilisation:{key}_detail", args=[obj.pk])
    detail = client.get(response["Location"]).content.decode()
    assert reverse("history", args=["mobilisation", section.model_name, obj.pk]) in detail

    payload = dict(_payloads(tree)[key], organisation=tree.ubnd_hoa_an.pk)
    if key == "directive":
        payload["organisation"] = tree.board_cb.pk
        payload["title"] = "Quy chế công tác dân vận (sửa)"
    response = client.post(reverse(f"mobilisation:{key}_edit", args=[obj.pk]), payload)
    assert response.status_code == 302
    obj.refresh_from_db()
    if key == "directive":
        assert obj.title == "Quy chế công tác dân vận (sửa)"
    else:
        assert (obj.organisation, obj.area) == (tree.ubnd_hoa_an, tree.hoa_an)
    assert obj.history.first().history_user == alice
    listing = client.get(reverse(f"mobilisation:{key}_list")).content.decode()
    assert reverse(f"mobilisation:{key}_detail", args=[obj.pk]) in listing


def test_required_field_errors_name_the_field_and_save_nothing(client_for, tree, alice):
    payload = dict(_payloads(tree)["session"], attendees="", held_on="31/02/2025")
    response = client_for(alice).post(reverse("mobilisation:session_create"), payload)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Số người dự:" in page and "Ngày:" in page
    assert not SECTIONS["session"].model.objects.exists()


def test_cannot_record_for_an_organisation_outside_the_scope(client_for, tree, alice):
    payload = dict(_payloads(tree)["session"], organisation=tree.ubnd_hoan_kiem.pk)
    assert client_for(alice).post(reverse("mobilisation:session_create"), payload).status_code == 400
    assert not SECTIONS["session"].model.objects.exists()


@pytest.mark.parametrize("key", list(SECTIONS))
def test_lists_show_only_the_scope(client_for, tree, alice, charlie, key):
    mine = SECTION_FACTORIES[key](tree, alice)
    link = reverse(f"mobilisation:{key}_detail", args=[mine.pk])
    assert link in client_for(alice).get(reverse(f"mobilisation:{key}_list")).content.decode()
    assert link not in client_for(charlie).get(reverse(f"mobilisation:{key}_list")).content.decode()


def test_list_filters(client_for, tree, alice):
    make.session(alice, tree.ubnd_quang_lam, held_on=dt.date(2025, 3, 10), kind="legal")
    make.session(alice, tree.ubnd_hoa_an, held_on=dt.date(2025, 8, 10), kind="propaganda")
    client = client_for(alice)
    url = reverse("mobilisation:session_list")

    def count(**params):
        return client.get(url, params).context["page"].paginator.count

    assert count() == 2
    assert count(kind="legal") == 1
    assert count(start="2025-06-01") == 1
    assert count(end="2025-06-01", kind="propaganda") == 0
    assert count(organisation=tree.ubnd_hoa_an.pk) == 1
    assert count(q="đất") == 2  # both topics are "Luật Đất đai 2024"


def test_overview_counts_follow_the_scope(client_for, tree, alice, bob):
    ql = make.dialogue(alice, tree.ubnd_quang_lam, held_on=dt.date(2025, 3, 10), participants=1538)
    make.opinion(alice, ql)
    make.commitment(alice, ql)
    make.dialogue(alice, tree.ubnd_hoa_an, held_on=dt.date(2025, 4, 10), participants=40)
    params = {"start": "2025-01-01", "end": "2025-12-31"}

    province = client_for(alice).get(reverse("mobilisation:index"), params)
    assert province.context["counts"].dialogues.dialogues == 2
    assert 'data-count="participants">1.578<' in province.content.decode()

    commune = client_for(bob).get(reverse("mobilisation:index"), params)
    page = commune.content.decode()
    assert 'data-count="dialogues">1<' in page and 'data-count="participants">1.538<' in page
    assert 'data-count="open-commitments">1<' in page
    assert "Xã Quảng Lâm" in page


def test_overview_without_organisation(client_for, tree, db):
    from tests.conftest import make_user

    nobody = make_user("nobody", None, "viewer")
    response = client_for(nobody).get(reverse("mobilisation:index"))
    assert response.status_code == 200 and "chưa gắn với cơ quan" in response.content.decode()


@pytest.mark.parametrize("key", list(SECTIONS))
def test_list_queries_do_not_grow_with_the_rows(client_for, tree, alice, key, django_assert_max_num_queries):
    client = client_for(alice)
    url = reverse(f"mobilisation:{key}_list")
    SECTION_FACTORIES[key](tree, alice)
    with django_assert_max_num_queries(50) as one:
        client.get(url)
    for _ in range(5):
        SECTION_FACTORIES[key](tree, alice)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(url)
    assert response.context["page"].paginator.count == 6


def test_a_list_shows_each_choice_by_its_label_in_the_readers_language(client_for, tree, alice):
    """The labels are translated once per language and process (core.choices.choice_labels): a reader in English
    after one in Vietnamese must not get the Vietnamese labels kept from before, nor the reverse."""
    from danvan.mobilisation.choices import PracticeField

    make.practice(alice, tree.ubnd_quang_lam, field=PracticeField.ECONOMY)
    url = reverse("mobilisation:practice_list")
    for language, label in (("vi", "<td>Kinh tế</td>"), ("en", "<td>Economy</td>"), ("vi", "<td>Kinh tế</td>")):
        client = client_for(alice)
        client.cookies["django_language"] = language
        body = client.get(url).content.decode()
        assert label in body and ("<td>Economy</td>" in body) == (language == "en")
