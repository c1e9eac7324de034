"""The letter workflow: each change is one service, checked against the transition table, with an
appended status row and an audit row (issue 4: Resolution)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danvan.core.choices import ContentKind
from danvan.letters import services
from danvan.letters.models import FiledReason, Handling, Letter, StatusChange
from danvan.letters.workflow import TRANSITIONS, LetterStatus, can_move
from danvan.matters.models import MatterStatus
from tests.letters.factories import accepted, classify, receive

D = dt.date
S = LetterStatus


def test_every_state_has_a_row_in_the_transition_table():
    assert set(TRANSITIONS) == set(S.values)
    assert can_move(S.CLASSIFIED, S.ACCEPTED)
    assert not can_move(S.RECEIVED, S.ACCEPTED)  # classify first (TT 05/2021/TT-TTCP)
    assert not can_move(S.CLOSED, S.RESOLVED)


def test_intake_classify_accept_resolve_close_leaves_one_status_row_per_change(alice):
    letter = receive(alice, alice.organisation)
    assert letter.status == S.RECEIVED and letter.matter.title == "Khiếu nại việc thu hồi đất"
    letter = classify(alice, letter)
    letter = services.accept_letter(alice, letter, accepted_on=D(2026, 3, 5))
    letter = services.start_resolution(alice, letter)
    letter = services.resolve_letter(alice, letter, resolved_on=D(2026, 3, 30), outcome="c_partly",
                                     summary="Quyết định số 12/QĐ-UBND")
    letter = services.close_letter(alice, letter, closed_on=D(2026, 4, 2), reason="Công dân đồng ý", final=True)

    rows = list(StatusChange.objects.filter(letter=letter).values_list("from_status", "to_status"))
    assert rows == [("", S.RECEIVED), (S.RECEIVED, S.CLASSIFIED), (S.CLASSIFIED, S.ACCEPTED),
                    (S.ACCEPTED, S.IN_PROGRESS), (S.IN_PROGRESS, S.RESOLVED), (S.RESOLVED, S.CLOSED)]
    assert all(row.by == alice for row in StatusChange.objects.filter(letter=letter))
    reasons = [h.history_change_reason for h in letter.history.order_by("history_id")]
    assert reasons[0] == "Tiếp nhận đơn" and "Kết thúc đơn" in reasons
    assert all(h.history_user_id == alice.pk for h in letter.history.all())
    letter.matter.refresh_from_db()
    assert letter.matter.status == MatterStatus.FINAL and letter.matter.resolved_on == D(2026, 3, 30)


def test_status_history_is_never_edited(alice):
    letter = receive(alice, alice.organisation)
    row = StatusChange.objects.get(letter=letter)
    row.reason = "sửa lại"
    with pytest.raises(PermissionError):
        row.save()
    with pytest.raises(PermissionError):
        row.delete()


def test_a_transition_outside_the_table_is_refused_and_changes_nothing(alice):
    letter = receive(alice, alice.organisation)
    with pytest.raises(ValidationError) as exc:
        services.resolve_letter(alice, letter, resolved_on=D(2026, 3, 10), outcome="c_right")
    assert "status" in exc.value.message_dict
    letter.refresh_from_db()
    assert letter.status == S.RECEIVED and letter.resolved_on is None
    assert StatusChange.objects.filter(letter=letter).count() == 1


def test_closing_and_reopening_need_a_reason(alice):
    letter = services.resolve_letter(alice, accepted(alice, alice.organisation), resolved_on=D(2026, 3, 20),
                                     outcome="c_wrong")
    with pytest.raises(ValidationError) as exc:
        services.close_letter(alice, letter, closed_on=D(2026, 3, 21), reason="  ")
    assert exc.value.message_dict["reason"] == ["Cần ghi lý do kết thúc đơn."]
    letter = services.close_letter(alice, letter, closed_on=D(2026, 3, 21), reason="Đã gửi quyết định")
    with pytest.raises(ValidationError) as exc:
        services.reopen_letter(alice, letter, reason="")
    assert "reason" in exc.value.message_dict
    letter = services.reopen_letter(alice, letter, reason="Quyết định bị hủy")
    assert letter.status == S.IN_PROGRESS and letter.resolved_on is None and letter.outcome == ""
    assert StatusChange.objects.filter(letter=letter).last().reason == "Quyết định bị hủy"


def test_reopening_a_filed_letter_returns_it_to_classification(alice):
    letter = classify(alice, receive(alice, alice.organisation), qualifying=False)
    letter = services.file_letter(alice, letter, reason=FiledReason.NOT_QUALIFYING, filed_on=D(2026, 3, 3))
    letter = services.reopen_letter(alice, letter, reason="Công dân bổ sung chữ ký")
    assert letter.status == S.CLASSIFIED and letter.handling == "" and letter.filed_reason == ""


def test_only_a_qualifying_letter_within_jurisdiction_is_accepted(alice):
    outside = classify(alice, receive(alice, alice.organisation), within=False)
    with pytest.raises(ValidationError) as exc:
        services.accept_letter(alice, outside, accepted_on=D(2026, 3, 3))
    assert "within_jurisdiction" in exc.value.message_dict
    not_qualifying = classify(alice, receive(alice, alice.organisation), qualifying=False)
    with pytest.raises(ValidationError) as exc:
        services.accept_letter(alice, not_qualifying, accepted_on=D(2026, 3, 3))
    assert "qualifying" in exc.value.message_dict


def test_a_letter_with_several_contents_is_guided_to_be_split(alice):
    letter = classify(alice, receive(alice, alice.organisation, kind=ContentKind.SEVERAL))
    with pytest.raises(ValidationError) as exc:
        services.accept_letter(alice, letter, accepted_on=D(2026, 3, 3))
    assert "tách đơn" in exc.value.message_dict["content_kind"][0]
    letter = services.guide_citizen(alice, letter, guided_on=D(2026, 3, 4), note="Hướng dẫn tách thành hai đơn")
    assert letter.status == S.GUIDED and letter.handling == Handling.GUIDE


def test_an_anonymous_letter_cannot_be_classified_as_qualifying_and_is_filed(alice):
    letter = receive(alice, alice.organisation, anonymous=True, kind=ContentKind.DENUNCIATION)
    assert letter.signer_count == 0
    with pytest.raises(ValidationError) as exc:
        classify(alice, letter)
    assert "qualifying" in exc.value.message_dict
    letter = classify(alice, letter, qualifying=False, not_qualifying_reason="anonymous")
    letter = services.file_letter(alice, letter, reason=FiledReason.ANONYMOUS_DENUNCIATION, filed_on=D(2026, 3, 3))
    assert letter.get_filed_reason_display() == "Tố cáo nặc danh (Luật Tố cáo 2018 Điều 25)"


def test_forwarding_records_the_body_and_its_written_reply(alice):
    letter = classify(alice, receive(alice, alice.organisation), within=False)
    letter = services.forward_letter(alice, letter, forwarded_to="Tòa án nhân dân tỉnh Cao Bằng",
                                     forwarded_on=D(2026, 3, 6), document_number="15/BTGDVTU")
    with pytest.raises(ValidationError) as exc:
        services.record_forward_reply(alice, letter, replied_on=D(2026, 3, 1), summary="Đã nhận")
    assert "forward_reply_on" in exc.value.message_dict
    letter = services.record_forward_reply(alice, letter, replied_on=D(2026, 3, 20), summary="Đã thụ lý")
    assert (letter.status, letter.forwarded_to, letter.forward_reply_on) == (
        S.FORWARDED, "Tòa án nhân dân tỉnh Cao Bằng", D(2026, 3, 20))


def test_a_letter_about_a_finally_resolved_matter_is_filed_as_a_duplicate(alice):
    first = services.resolve_letter(alice, accepted(alice, alice.organisation), resolved_on=D(2026, 3, 20),
                                    outcome="c_wrong")
    services.close_letter(alice, first, closed_on=D(2026, 3, 25), reason="Quyết định cuối cùng", final=True)
    again = receive(alice, alice.organisation, received_on=D(2026, 4, 1), matter=first.matter)
    assert again.status == S.FILED and again.filed_reason == FiledReason.DUPLICATE
    assert again.matter_id == first.matter_id
    assert list(again.status_changes.values_list("to_status", flat=True)) == [S.RECEIVED, S.FILED]


def test_letters_about_the_same_matter_group_into_it(alice):
    first = receive(alice, alice.organisation)
    second = receive(alice, alice.organisation, name="Trần Thị Bình", matter=first.matter)
    assert first.matter_id == second.matter_id
    assert set(first.matter.letters.all()) == {first, second}


def test_a_second_time_complaint_is_linked_to_the_first(alice):
    first = services.resolve_letter(alice, accepted(alice, alice.organisation), resolved_on=D(2026, 3, 20),
                                    outcome="c_wrong")
    second = receive(alice, alice.organisation, received_on=D(2026, 4, 5), previous_letter=first)
    assert second.complaint_round == 2 and second.matter_id == first.matter_id
    assert list(first.later_letters.all()) == [second]
    with pytest.raises(ValidationError) as exc:
        receive(alice, alice.organisation, kind=ContentKind.DENUNCIATION, previous_letter=first)
    assert "previous_letter" in exc.value.message_dict


def test_the_outcome_must_fit_the_kind(alice):
    letter = accepted(alice, alice.organisation, kind=ContentKind.DENUNCIATION, handler=None)
    with pytest.raises(ValidationError) as exc:
        services.resolve_letter(alice, letter, resolved_on=D(2026, 3, 20), outcome="c_right")
    assert "outcome" in exc.value.message_dict
    letter = services.resolve_letter(alice, letter, resolved_on=D(2026, 3, 20), outcome="d_partly")
    assert letter.get_outcome_display() == "Tố cáo có đúng, có sai"


def test_five_signers_make_a_group_letter(alice):
    four = receive(alice, alice.organisation, new_petitioners=[{"full_name": f"Người {i}"} for i in range(4)])
    five = receive(alice, alice.organisation, new_petitioners=[{"full_name": f"Người {i}"} for i in range(5)])
    assert (four.signer_count, four.is_group_letter) == (4, False)
    assert (five.signer_count, five.is_group_letter) == (5, True)


def test_a_viewer_and_an_outsider_change_nothing(alice, bob, charlie):
    letter = receive(alice, alice.organisation)
    for intruder in (bob, charlie):
        with pytest.raises(PermissionDenied):
            classify(intruder, letter)
    assert Letter.objects.get(pk=letter.pk).status == S.RECEIVED


def test_only_a_head_assigns_the_handler_of_a_denunciation(alice, hana, tree):
    from tests.conftest import make_user

    officer = make_user("dung", tree.board_cb, "officer")
    letter = receive(alice, alice.organisation, kind=ContentKind.DENUNCIATION)
    with pytest.raises(ValidationError) as exc:
        services.assign_handler(alice, letter, officer)
    assert "handler" in exc.value.message_dict
    letter = services.assign_handler(hana, letter, officer)
    assert letter.handler == officer


def test_denunciation_extensions_follow_complexity(alice):
    letter = accepted(alice, alice.organisation, kind=ContentKind.DENUNCIATION)
    with pytest.raises(ValidationError):
        services.grant_extension(alice, letter, decision="01/QĐ-GH")
    complex_letter = classify(alice, receive(alice, alice.organisation, kind=ContentKind.DENUNCIATION),
                              complexity="complex")
    complex_letter = services.accept_letter(alice, complex_letter, accepted_on=D(2026, 3, 3))
    complex_letter = services.grant_extension(alice, complex_letter, decision="01/QĐ-GH ngày 01/4/2026")
    assert complex_letter.extensions == 1
    with pytest.raises(ValidationError) as exc:
        services.grant_extension(alice, complex_letter, decision="02/QĐ-GH")
    assert "Điều 30" in exc.value.message_dict["extensions"][0]
