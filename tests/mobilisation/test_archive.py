"""Archive instead of delete: with a reason, out of the lists and the counts, kept with its history, restorable."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from danvan.mobilisation import counts, services
from danvan.mobilisation.choices import ReviewKind
from danvan.mobilisation.models import Dialogue, DialogueOpinion, DirectiveReview
from danvan.units.models import OrganisationType
from tests.conftest import make_org
from tests.mobilisation import factories as make

D = dt.date
YEAR = (D(2025, 1, 1), D(2025, 12, 31))


def test_archiving_a_dialogue_through_its_page_then_restoring_it(client_for, tree, alice):
    dialogue = make.dialogue(alice, tree.ubnd_quang_lam, participants=85)
    make.opinion(alice, dialogue)
    client = client_for(alice)
    archive = reverse("mobilisation:archive", args=["dialogue", dialogue.pk])
    detail = reverse("mobilisation:dialogue_detail", args=[dialogue.pk])
    assert archive in client.get(detail).content.decode()

    response = client.post(archive, {"reason": " "})
    assert response.status_code == 400 and "Lý do: Cần ghi lý do." in response.content.decode()
    assert not Dialogue.objects.get().is_archived

    assert client.post(archive, {"reason": "Nhập trùng với cuộc ngày 10/03"}).status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.is_archived and dialogue.archive_reason == "Nhập trùng với cuộc ngày 10/03"
    last = dialogue.history.first()
    assert (last.history_user, last.history_change_reason) == (alice, "Nhập trùng với cuộc ngày 10/03")
    assert counts.count_dialogues(tree.cao_bang, *YEAR).dialogues == 0
    assert counts.count_dialogues(tree.cao_bang, *YEAR).opinions == 0

    listing = reverse("mobilisation:dialogue_list")
    assert detail not in client.get(listing).content.decode()
    assert detail in client.get(listing, {"archived": "on"}).content.decode()
    page = client.get(detail).content.decode()
    assert "Đã lưu trữ" in page and "Nhập trùng với cuộc ngày 10/03" in page
    assert reverse("mobilisation:dialogue_edit", args=[dialogue.pk]) not in page
    assert reverse("mobilisation:dialogue_add_opinion", args=[dialogue.pk]) not in page

    # An archived dialogue is read-only until restored.
    with pytest.raises(ValidationError):
        make.opinion(alice, dialogue)
    response = client.post(reverse("mobilisation:dialogue_edit", args=[dialogue.pk]),
                           {"organisation": tree.ubnd_quang_lam.pk, "held_on": "2025-03-10", "topic": "Khác",
                            "chair_name": "Nông Văn Hải", "chair_role": "secretary", "participants": "85"})
    assert response.status_code == 400 and "khôi phục trước" in response.content.decode()
    assert Dialogue.objects.get().topic != "Khác"

    restore = reverse("mobilisation:restore", args=["dialogue", dialogue.pk])
    assert restore in page
    assert client.post(restore, {"reason": "Lưu trữ nhầm"}).status_code == 302
    assert not Dialogue.objects.get().is_archived
    assert counts.count_dialogues(tree.cao_bang, *YEAR).participants == 85


def test_an_opinion_entered_by_mistake_is_archived_from_the_dialogue_and_can_come_back(client_for, tree, alice):
    dialogue = make.dialogue(alice, tree.ubnd_quang_lam)
    keep = make.opinion(alice, dialogue, content="Đền bù chậm")
    wrong = make.opinion(alice, dialogue, content="Ghi nhầm")
    client = client_for(alice)
    assert client.post(reverse("mobilisation:archive", args=["dialogueopinion", wrong.pk]),
                       {"reason": "Ghi nhầm cuộc"}).status_code == 302
    assert list(DialogueOpinion.objects.active()) == [keep]
    assert counts.count_dialogues(tree.cao_bang, *YEAR).opinions == 1
    page = client.get(reverse("mobilisation:dialogue_detail", args=[dialogue.pk])).content.decode()
    assert "Mục đã lưu trữ (1)" in page and "Ghi nhầm cuộc" in page
    assert client.post(reverse("mobilisation:restore", args=["dialogueopinion", wrong.pk]),
                       {"reason": "Đúng cuộc"}).status_code == 302
    assert counts.count_dialogues(tree.cao_bang, *YEAR).opinions == 2


def test_a_closed_dialogue_keeps_its_opinions_and_commitments(tree, alice):
    dialogue = make.dialogue(alice, tree.ubnd_quang_lam)
    opinion = make.opinion(alice, dialogue)
    commitment = make.commitment(alice, dialogue)
    services.close_dialogue(alice, dialogue, report="Đã trả lời.")
    for child in (opinion, commitment):
        with pytest.raises(ValidationError) as error:
            services.archive_record(alice, child, reason="Sửa")
        assert "đã kết thúc" in error.value.messages[0]
    # ... but its commitments are still followed to completion.
    services.complete_follow_up(alice, commitment, completed_on=D(2025, 4, 1), result="Đã chi trả")


def test_viewers_and_outsiders_cannot_archive(client_for, tree, alice, bob, charlie):
    dialogue = make.dialogue(alice, tree.ubnd_quang_lam)
    url = reverse("mobilisation:archive", args=["dialogue", dialogue.pk])
    assert client_for(bob).post(url, {"reason": "Thử"}).status_code == 403
    assert client_for(charlie).post(url, {"reason": "Thử"}).status_code == 404
    assert client_for(alice).post(reverse("mobilisation:archive", args=["goodpracticestatuschange", 1]),
                                  {"reason": "Thử"}).status_code == 404
    assert not Dialogue.objects.get().is_archived


def test_a_review_cannot_be_restored_over_the_one_filed_in_its_place(tree, alice):
    party = make_org("Đảng ủy xã Quảng Lâm", OrganisationType.PARTY_COMMITTEE, tree.quang_lam)
    directive = make.directive(alice, tree.board_cb, issued_on=D(2015, 1, 15))
    first = services.file_review(alice, directive, organisation=party, kind=ReviewKind.INTERIM,
                                 filed_on=D(2020, 1, 10), summary="Sơ kết 5 năm")
    services.archive_record(alice, first, reason="Nhầm số liệu")
    services.file_review(alice, directive, organisation=party, kind=ReviewKind.INTERIM, filed_on=D(2020, 1, 12),
                         summary="Sơ kết 5 năm (bản đúng)")
    with pytest.raises(ValidationError) as error:
        services.restore_record(alice, first, reason="Lấy lại")
    assert "đã có báo cáo loại này" in str(error.value)
    assert DirectiveReview.objects.active().get().summary == "Sơ kết 5 năm (bản đúng)"


def test_archiving_twice_or_restoring_a_current_record_is_refused(tree, alice):
    session = make.session(alice, tree.ubnd_quang_lam)
    with pytest.raises(ValidationError):
        services.restore_record(alice, session, reason="Thử")
    services.archive_record(alice, session, reason="Trùng")
    with pytest.raises(ValidationError):
        services.archive_record(alice, session, reason="Lần hai")
    assert counts.count_propaganda_sessions(tree.cao_bang, *YEAR).sessions == 0


@pytest.mark.parametrize("kind", ["briefingtask", "supervisionrecommendation", "goodpracticeevidence",
                                  "directivereview", "dialoguecommitment"])
def test_every_kind_of_child_row_is_archived_and_restored_from_its_parents_page(
        client_for, tree, alice, kind, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    if kind == "briefingtask":
        parent = make.briefing(alice, tree.board_cb)
        child = services.add_briefing_task(alice, parent, content="Rà soát đơn tồn", owner="Ban")
    elif kind == "supervisionrecommendation":
        parent = make.supervision(alice, tree.board_cb)
        child = services.add_recommendation(alice, parent, content="Công khai kết quả", owner="Trường")
    elif kind == "goodpracticeevidence":
        parent = make.practice(alice, tree.ubnd_quang_lam)
        child = services.add_evidence(alice, parent, title="Biên bản nghiệm thu",
                                      file=SimpleUploadedFile("bb.pdf", b"%PDF-1.4 x"))
    elif kind == "directivereview":
        parent = make.directive(alice, tree.board_cb, issued_on=D(2015, 1, 15))
        child = services.file_review(alice, parent, organisation=tree.board_cb, kind=ReviewKind.INTERIM,
                                     filed_on=D(2020, 1, 10), summary="Sơ kết toàn tỉnh")
    else:
        parent = make.dialogue(alice, tree.ubnd_quang_lam)
        child = make.commitment(alice, parent, content="Sửa đường liên thôn")
    section = {"briefing": "briefing", "supervision": "supervision", "goodpractice": "practice",
               "directive": "directive", "dialogue": "dialogue"}[parent._meta.model_name]
    detail = reverse(f"mobilisation:{section}_detail", args=[parent.pk])
    client = client_for(alice)
    archive = reverse("mobilisation:archive", args=[kind, child.pk])
    assert archive in client.get(detail).content.decode()

    response = client.post(archive, {"reason": "Ghi nhầm"})
    assert (response.status_code, response["Location"]) == (302, detail)
    child.refresh_from_db()
    assert child.is_archived and child.history.first().history_change_reason == "Ghi nhầm"
    page = client.get(detail).content.decode()
    assert "Mục đã lưu trữ (1)" in page and "Ghi nhầm" in page and archive not in page
    history = client.get(reverse("history", args=["mobilisation", kind, child.pk]))
    assert history.status_code == 200 and "Ghi nhầm" in history.content.decode()
    restore = reverse("mobilisation:restore", args=[kind, child.pk])
    assert restore in page
    assert client.post(restore, {"reason": "Khôi phục"}).status_code == 302
    child.refresh_from_db()
    assert not child.is_archived
