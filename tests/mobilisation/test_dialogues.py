"""Dialogues: opinions, commitments followed to completion, the overdue list, and the closing report."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from danvan.core.choices import Field
from danvan.mobilisation import services
from danvan.mobilisation.choices import FollowUpStatus, OpinionHandling
from danvan.mobilisation.models import Dialogue, DialogueCommitment, DialogueOpinion
from tests.mobilisation import factories as make

D = dt.date


def test_closing_needs_a_report_and_freezes_the_dialogue(tree, alice):
    dialogue = make.dialogue(alice, tree.ubnd_quang_lam)
    with pytest.raises(ValidationError) as error:
        services.close_dialogue(alice, dialogue, report="   ")
    assert "báo cáo kết quả đối thoại" in str(error.value.message_dict["closing_report"])
    assert not Dialogue.objects.get(pk=dialogue.pk).is_closed

    services.close_dialogue(alice, dialogue, report="Đã trả lời 3 ý kiến, tiếp thu 2 ý kiến.")
    dialogue.refresh_from_db()
    assert dialogue.is_closed and dialogue.closed_by == alice
    assert dialogue.history.first().history_change_reason == "Kết thúc đối thoại"
    with pytest.raises(ValidationError):
        make.opinion(alice, dialogue)
    with pytest.raises(ValidationError):
        services.amend(alice, dialogue, topic="Đổi chủ đề")
    with pytest.raises(ValidationError):
        services.close_dialogue(alice, dialogue, report="Lần hai")
    assert DialogueOpinion.objects.count() == 0


def test_commitment_due_before_the_dialogue_is_refused(tree, alice):
    dialogue = make.dialogue(alice, tree.ubnd_quang_lam, held_on=D(2025, 3, 10))
    with pytest.raises(ValidationError) as error:
        make.commitment(alice, dialogue, due_on=D(2025, 3, 9))
    assert "due_on" in error.value.message_dict
    assert not DialogueCommitment.objects.exists()


def test_completing_a_commitment_needs_a_result_and_a_plausible_date(tree, alice):
    dialogue = make.dialogue(alice, tree.ubnd_quang_lam, held_on=D(2025, 3, 10))
    commitment = make.commitment(alice, dialogue)
    with pytest.raises(ValidationError) as error:
        services.complete_commitment(alice, commitment, completed_on=D(2025, 4, 1), result="")
    assert "result" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.complete_commitment(alice, commitment, completed_on=D(2025, 3, 1), result="Xong")
    assert "completed_on" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.complete_commitment(alice, commitment, completed_on=dt.date.today() + dt.timedelta(days=2),
                                     result="Xong")
    services.complete_commitment(alice, commitment, completed_on=D(2025, 4, 1), result="Đã chi trả")
    commitment.refresh_from_db()
    assert (commitment.status, commitment.completed_on) == (FollowUpStatus.DONE, D(2025, 4, 1))
    with pytest.raises(ValidationError):
        services.complete_commitment(alice, commitment, completed_on=D(2025, 4, 2), result="Lại")


def test_overdue_list_holds_open_commitments_past_due_in_scope(tree, alice, bob, charlie):
    ql = make.dialogue(alice, tree.ubnd_quang_lam, held_on=D(2025, 3, 10))
    late = make.commitment(alice, ql, due_on=D(2025, 4, 1), content="Sửa đường liên thôn")
    make.commitment(alice, ql, due_on=dt.date.today() + dt.timedelta(days=10), content="Chưa đến hạn")
    done = make.commitment(alice, ql, due_on=D(2025, 4, 1), content="Đã xong")
    services.complete_commitment(alice, done, completed_on=D(2025, 3, 30), result="Xong")
    hoa_an = make.commitment(alice, make.dialogue(alice, tree.ubnd_hoa_an), due_on=D(2025, 4, 2))
    hn = make.dialogue(charlie, tree.ubnd_hoan_kiem)
    make.commitment(charlie, hn, due_on=D(2025, 4, 1))

    assert list(services.overdue_commitments(alice)) == [late, hoa_an]
    assert list(services.overdue_commitments(bob)) == [late]
    assert list(services.overdue_commitments(alice, on=D(2025, 4, 1))) == []


def test_overdue_page(client_for, tree, alice, bob):
    dialogue = make.dialogue(alice, tree.ubnd_quang_lam, held_on=D(2025, 3, 10))
    make.commitment(alice, dialogue, due_on=D(2025, 4, 1), content="Sửa đường liên thôn")
    response = client_for(bob).get(reverse("mobilisation:overdue_commitments"))
    assert response.status_code == 200
    assert "Sửa đường liên thôn" in response.content.decode()
    assert "01/04/2025" in response.content.decode()


def test_viewer_cannot_record(tree, alice, bob):
    dialogue = make.dialogue(alice, tree.ubnd_quang_lam)
    with pytest.raises(PermissionDenied):
        make.dialogue(bob, tree.ubnd_quang_lam)
    with pytest.raises(PermissionDenied):
        make.opinion(bob, dialogue)


def test_outsider_cannot_record_in_another_province(tree, charlie, alice):
    with pytest.raises(PermissionDenied):
        make.dialogue(charlie, tree.ubnd_quang_lam)
    dialogue = make.dialogue(alice, tree.ubnd_quang_lam)
    with pytest.raises(PermissionDenied):
        make.commitment(charlie, dialogue)


def test_record_a_dialogue_through_the_pages(client_for, tree, alice):
    client = client_for(alice)
    response = client.post(reverse("mobilisation:dialogue_create"), {
        "organisation": tree.ubnd_quang_lam.pk, "held_on": "2025-03-10", "topic": "Đường tỉnh 208",
        "chair_name": "Nông Văn Hải", "chair_role": "ubnd_chair", "participants": "0",
    })
    assert response.status_code == 400
    assert "Số lượt người tham gia" in response.content.decode()
    assert not Dialogue.objects.exists()

    response = client.post(reverse("mobilisation:dialogue_create"), {
        "organisation": tree.ubnd_quang_lam.pk, "held_on": "2025-03-10", "topic": "Đường tỉnh 208",
        "chair_name": "Nông Văn Hải", "chair_role": "ubnd_chair", "participants": "85",
    })
    dialogue = Dialogue.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("mobilisation:dialogue_detail",
                                                                            args=[dialogue.pk])
    assert dialogue.area == tree.quang_lam
    url = reverse("mobilisation:dialogue_add_opinion", args=[dialogue.pk])
    assert client.post(url, {"content": "Đền bù chậm", "field": Field.LAND_HOUSING,
                             "handling": OpinionHandling.TAKEN_AWAY}).status_code == 302
    response = client.post(url, {"content": "", "field": Field.LAND_HOUSING, "handling": "answered"})
    assert response.status_code == 400 and "Nội dung ý kiến" in response.content.decode()
    response = client.post(reverse("mobilisation:dialogue_add_commitment", args=[dialogue.pk]),
                           {"content": "Chi trả", "owner": "UBND xã", "due_on": "2025-04-10"})
    assert response.status_code == 302
    commitment = DialogueCommitment.objects.get()
    response = client.post(reverse("mobilisation:commitment_complete", args=[commitment.pk]),
                           {"completed_on": "2025-04-05", "result": "Đã chi trả đủ"})
    assert response.status_code == 302
    assert DialogueCommitment.objects.get().status == FollowUpStatus.DONE

    response = client.post(reverse("mobilisation:dialogue_close", args=[dialogue.pk]), {"report": ""})
    assert response.status_code == 400
    assert client.post(reverse("mobilisation:dialogue_close", args=[dialogue.pk]),
                       {"report": "Đã tiếp thu."}).status_code == 302
    page = client.get(reverse("mobilisation:dialogue_detail", args=[dialogue.pk])).content.decode()
    assert "Đã tiếp thu." in page and "Đã kết thúc" in page
    assert reverse("history", args=["mobilisation", "dialogue", dialogue.pk]) in page
    assert reverse("history", args=["mobilisation", "dialoguecommitment", commitment.pk]) in page
    assert "85" in page and "10/03/2025" in page


def test_viewer_gets_403_on_changes_and_sees_no_buttons(client_for, tree, alice, bob):
    dialogue = make.dialogue(alice, tree.ubnd_quang_lam)
    client = client_for(bob)
    page = client.get(reverse("mobilisation:dialogue_detail", args=[dialogue.pk]))
    assert page.status_code == 200 and "Ghi ý kiến" not in page.content.decode()
    assert client.post(reverse("mobilisation:dialogue_add_opinion", args=[dialogue.pk]),
                       {"content": "x", "field": "land", "handling": "answered"}).status_code == 403
    assert client.get(reverse("mobilisation:dialogue_create")).status_code == 403
    assert not DialogueOpinion.objects.exists()


def test_a_commitment_answers_one_of_its_own_dialogues_opinions(client_for, tree, alice):
    dialogue = make.dialogue(alice, tree.ubnd_quang_lam, held_on=D(2025, 3, 10))
    road = make.opinion(alice, dialogue, content="Đường liên thôn xuống cấp")
    elsewhere = make.opinion(alice, make.dialogue(alice, tree.ubnd_hoa_an), content="Ở xã khác")
    client = client_for(alice)
    page = client.get(reverse("mobilisation:dialogue_detail", args=[dialogue.pk])).content.decode()
    assert "Đường liên thôn xuống cấp</option>" in page and "Ở xã khác" not in page

    url = reverse("mobilisation:dialogue_add_commitment", args=[dialogue.pk])
    payload = {"content": "Sửa đường", "owner": "UBND xã", "due_on": "10/04/2025"}
    response = client.post(url, dict(payload, opinion=elsewhere.pk))
    assert response.status_code == 400 and "Ý kiến liên quan" in response.content.decode()
    assert not DialogueCommitment.objects.exists()
    assert client.post(url, dict(payload, opinion=road.pk)).status_code == 302
    assert DialogueCommitment.objects.get().opinion == road
    page = client.get(reverse("mobilisation:dialogue_detail", args=[dialogue.pk])).content.decode()
    assert "Ý kiến: Đường liên thôn xuống cấp" in page
    with pytest.raises(ValidationError):
        services.add_commitment(alice, dialogue, content="X", owner="Y", due_on=D(2025, 4, 1), opinion=elsewhere)


def test_overview_breaks_opinions_down_by_field(client_for, tree, alice):
    dialogue = make.dialogue(alice, tree.ubnd_quang_lam, held_on=D(2025, 3, 10))
    make.opinion(alice, dialogue, field=Field.LAND_HOUSING)
    make.opinion(alice, dialogue, field=Field.LAND_HOUSING)
    make.opinion(alice, dialogue, field=Field.ENVIRONMENT)
    page = client_for(alice).get(reverse("mobilisation:index"), {"start": "01/01/2025", "end": "31/12/2025"})
    assert "Ý kiến theo lĩnh vực: Đất đai, nhà ở 2; Môi trường 1." in page.content.decode()


def test_the_closing_form_offers_a_draft_report_from_what_was_recorded(client_for, tree, alice):
    dialogue = make.dialogue(alice, tree.ubnd_quang_lam, held_on=D(2025, 3, 10), participants=1538)
    make.opinion(alice, dialogue, handling=OpinionHandling.ANSWERED)
    make.opinion(alice, dialogue, handling=OpinionHandling.TAKEN_AWAY)
    make.opinion(alice, dialogue, handling=OpinionHandling.TAKEN_AWAY)
    make.commitment(alice, dialogue)
    page = client_for(alice).get(reverse("mobilisation:dialogue_detail", args=[dialogue.pk])).content.decode()
    assert ("Cuộc đối thoại ngày 10/03/2025 về “Giải phóng mặt bằng đường tỉnh 208” do Nông Văn Hải chủ trì, "
            "có 1.538 lượt người tham gia với 3 lượt ý kiến; trả lời tại hội nghị 1 ý kiến, tiếp thu, nghiên cứu "
            "giải quyết sau 2 ý kiến; 1 việc được cam kết giải quyết.") in page


def test_overdue_page_also_lists_briefing_tasks_and_recommendations(client_for, tree, alice, bob):
    from tests.mobilisation.factories import briefing, supervision

    meeting = briefing(alice, tree.board_cb, held_on=D(2025, 3, 25))
    services.add_briefing_task(alice, meeting, content="Rà soát đơn tồn đọng", owner="Ban Dân vận",
                               due_on=D(2025, 4, 30))
    services.add_briefing_task(alice, meeting, content="Không có hạn", owner="MTTQ")
    visit = supervision(alice, tree.ubnd_quang_lam, held_on=D(2025, 4, 10))
    late = services.add_recommendation(alice, visit, content="Niêm yết công khai", owner="UBND xã",
                                       due_on=D(2025, 5, 1))
    done = services.add_recommendation(alice, visit, content="Đã làm", owner="UBND xã", due_on=D(2025, 5, 1))
    services.complete_follow_up(alice, done, completed_on=D(2025, 4, 20), result="Xong")

    page = client_for(alice).get(reverse("mobilisation:overdue_commitments")).content.decode()
    assert "Nhiệm vụ sau giao ban quá hạn (1)" in page and "Rà soát đơn tồn đọng" in page
    assert "Kiến nghị sau giám sát quá hạn (1)" in page and "Niêm yết công khai" in page
    assert "Không có hạn" not in page and "Đã làm" not in page
    commune = client_for(bob).get(reverse("mobilisation:overdue_commitments")).content.decode()
    assert "Niêm yết công khai" in commune and "Rà soát đơn tồn đọng" not in commune  # the board's is above bob
    assert list(services.overdue_follow_ups(alice, type(late), on=D(2025, 5, 1))) == []
