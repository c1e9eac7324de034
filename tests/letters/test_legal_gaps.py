"""The gaps an audit found in letter deadlines (issue 17), and rules in force by the letter's receipt date.

Dates hand-computed with the 2026 decisions shipped in legal migration 0002 (Tết: Monday 16/2 to Friday 20/2
off). Each test here fails on the code before this change.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from danvan.core.choices import ContentKind
from danvan.legal.models import LegalReading, RuleOverride
from danvan.letters import deadlines as letter_deadlines
from danvan.letters import services
from danvan.letters.models import Letter
from tests.letters.factories import accepted, classify, receive
from tests.letters.pages import opened_form

D = dt.date
DENUNCIATION = ContentKind.DENUNCIATION


def test_a_denunciation_outside_jurisdiction_has_five_working_days_to_forward(alice, client_for):
    letter = receive(alice, alice.organisation, kind=DENUNCIATION, received_on=D(2026, 2, 12))
    assert letter.acceptance_deadline == D(2026, 3, 2)  # 7 working days of initial handling, before classifying
    letter = classify(alice, letter, within=False)
    assert letter.acceptance_deadline == D(2026, 2, 26)  # Luật Tố cáo 2018 Điều 24 khoản 2
    assert letter.acceptance_rule.startswith("Điều 24 khoản 2 Luật Tố cáo 2018: 5 ngày làm việc")
    html = client_for(alice).get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    assert "Hạn thông báo cho người tố cáo việc chuyển đơn" in html
    assert "Điều 24 khoản 2 Luật Tố cáo 2018" in html


def test_a_letter_to_a_body_in_a_remote_commune_without_subject_area_gets_the_remote_period(alice, tree):
    letter = accepted(alice, tree.ubnd_quang_lam, received_on=D(2026, 3, 2), accepted_on=D(2026, 3, 3))
    assert letter.subject_area is None
    assert letter.resolution_deadline == D(2026, 4, 17)  # 45 days (Luật Khiếu nại 2011 Điều 28), not 30
    assert "Điều 28 Luật Khiếu nại 2011: 45 ngày" in letter.resolution_rule


def _denunciation_being_resolved(actor, complexity="especially_complex"):
    letter = classify(actor, receive(actor, actor.organisation, kind=DENUNCIATION, received_on=D(2026, 3, 2)),
                      complexity=complexity)
    return services.accept_letter(actor, letter, accepted_on=D(2026, 3, 3))


def test_each_extension_records_its_decision_date_and_days(alice):
    letter = _denunciation_being_resolved(alice)
    assert letter.resolution_deadline == D(2026, 4, 2)
    letter = services.grant_extension(alice, letter, decision="05/QĐ-GH", decided_on=D(2026, 3, 30), days=15)
    assert letter.resolution_deadline == D(2026, 4, 17)  # 30 + 15 days, not 30 + 30
    letter = services.grant_extension(alice, letter, decision="09/QĐ-GH", decided_on=D(2026, 4, 15), days=10)
    assert letter.resolution_deadline == D(2026, 4, 28)  # 27/4 is the make-up day of Giỗ Tổ (Sunday 26/4)
    assert list(letter.extension_decisions.values_list("decision", "decided_on", "days")) == [
        ("05/QĐ-GH", D(2026, 3, 30), 15), ("09/QĐ-GH", D(2026, 4, 15), 10)]


@pytest.mark.parametrize("days", [0, 31])
def test_an_extension_beyond_thirty_days_is_refused_and_changes_nothing(alice, days):
    letter = _denunciation_being_resolved(alice)
    with pytest.raises(ValidationError) as exc:
        services.grant_extension(alice, letter, decision="05/QĐ-GH", decided_on=D(2026, 3, 30), days=days)
    assert "days" in exc.value.message_dict
    letter.refresh_from_db()
    assert letter.extensions == 0 and letter.resolution_deadline == D(2026, 4, 2)


def test_the_extension_form_on_the_letter_page_records_days(alice, client_for):
    letter = _denunciation_being_resolved(alice)
    services.start_resolution(alice, letter)
    client = client_for(alice)
    response = client.post(reverse("letters:letter_action", args=[letter.pk, "extend"]), {
        "extend-decision": "12/QĐ-GH", "extend-decided_on": "30/03/2026", "extend-days": "45"})
    assert "Số ngày gia hạn từ 1 đến 30 ngày" in response.content.decode()
    client.post(reverse("letters:letter_action", args=[letter.pk, "extend"]), {
        "extend-decision": "12/QĐ-GH", "extend-decided_on": "30/03/2026", "extend-days": "20"})
    letter.refresh_from_db()
    assert letter.resolution_deadline == D(2026, 4, 22)


def test_the_second_complaint_window_runs_from_the_delivery_of_the_first_decision(alice):
    first = accepted(alice, alice.organisation, received_on=D(2026, 2, 2), accepted_on=D(2026, 2, 3))
    first = services.resolve_letter(alice, first, resolved_on=D(2026, 3, 10), outcome="c_wrong")
    second = receive(alice, alice.organisation, received_on=D(2026, 4, 15), previous_letter=first)
    window = letter_deadlines.second_complaint_window(second)
    assert window.deadline is None and window.counted_from == "delivery_unknown"  # not from 10/3 (→ 9/4)
    services.record_decision_delivery(alice, first, delivered_on=D(2026, 3, 20))
    second.previous_letter.refresh_from_db()
    window = letter_deadlines.second_complaint_window(second)
    assert window.deadline == D(2026, 4, 20)  # 30 days from 20/3 = Sunday 19/4 → Monday 20/4
    assert second.received_on <= window.deadline  # lodged in time
    with pytest.raises(ValidationError):
        services.record_decision_delivery(alice, first, delivered_on=D(2026, 3, 9))


def test_the_limitation_is_checked_at_intake_and_lawful_obstacles_stop_it(alice, client_for):
    letter = receive(alice, alice.organisation, received_on=D(2026, 3, 2), decision_known_on=D(2025, 11, 1))
    assert letter_deadlines.limitation(letter).deadline == D(2026, 1, 30)  # 90 days (Luật Khiếu nại 2011 Điều 9)
    assert letter_deadlines.out_of_time(letter)
    html = client_for(alice).get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    assert "hết thời hiệu khiếu nại 90 ngày" in html
    services.add_limitation_obstacle(alice, letter, start=D(2025, 12, 1), end=D(2026, 1, 15),
                                     note="Nằm viện điều trị")
    letter = Letter.objects.get(pk=letter.pk)
    assert letter_deadlines.limitation(letter).deadline == D(2026, 3, 16)  # 45 days not counted
    assert not letter_deadlines.out_of_time(letter)
    # The obstacle stops only the limitation, never the resolution clock, and is not a resolution pause.
    assert letter_deadlines.pauses_of(letter) == []
    with pytest.raises(ValidationError):
        receive(alice, alice.organisation, received_on=D(2026, 3, 2), decision_known_on=D(2026, 3, 3))


def test_the_second_time_decision_has_its_sending_deadline(alice):
    first = accepted(alice, alice.organisation, received_on=D(2026, 1, 5), accepted_on=D(2026, 1, 6))
    first = services.resolve_letter(alice, first, resolved_on=D(2026, 2, 2), outcome="c_wrong")
    second = classify(alice, receive(alice, alice.organisation, received_on=D(2026, 2, 5), previous_letter=first))
    second = services.accept_letter(alice, second, accepted_on=D(2026, 2, 6))
    second = services.resolve_letter(alice, second, resolved_on=D(2026, 2, 12), outcome="c_wrong")
    rows = letter_deadlines.notices(second)
    assert [(label, date) for label, date, _rule in rows] == [("Hạn gửi quyết định giải quyết khiếu nại",
                                                                 D(2026, 3, 2))]
    assert rows[0][2].startswith("Điều 40 Luật Khiếu nại 2011: 7 ngày làm việc")


# ---- rules in force by date: both sides of 01/7/2026 ----------------------------------------------------------

@pytest.mark.parametrize(("received_on", "law", "unconfirmed"), [
    (D(2026, 6, 30), "Điều 27 Luật Khiếu nại 2011: 10 ngày", False),
    (D(2026, 7, 1), "Điều 27 Luật Khiếu nại 2011 (sửa đổi, bổ sung bởi Luật 136/2025/QH15): 10 ngày", True),
])
def test_the_letter_page_names_the_law_in_force_at_receipt(alice, client_for, received_on, law, unconfirmed):
    letter = receive(alice, alice.organisation, received_on=received_on)
    assert letter.acceptance_rule.startswith(law)
    assert ("chưa đối chiếu" in letter.acceptance_rule) is unconfirmed
    html = client_for(alice).get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    assert law in html


def test_a_letter_received_before_the_change_finishes_under_the_old_law(alice):
    letter = classify(alice, receive(alice, alice.organisation, received_on=D(2026, 6, 29)))
    letter = services.accept_letter(alice, letter, accepted_on=D(2026, 7, 2))
    assert letter.resolution_rule.startswith("Điều 28 Luật Khiếu nại 2011: 30 ngày")


def test_correcting_a_rule_recomputes_only_letters_received_under_it(alice, root, django_capture_on_commit_callbacks):
    old = receive(alice, alice.organisation, received_on=D(2026, 6, 30))
    new = receive(alice, alice.organisation, received_on=D(2026, 7, 1))
    assert (old.acceptance_deadline, new.acceptance_deadline) == (D(2026, 7, 10), D(2026, 7, 13))  # 11/7 Sat
    with django_capture_on_commit_callbacks(execute=True):
        override = RuleOverride(rule="FIRST_COMPLAINT_ACCEPTANCE", version_from=D(2026, 7, 1), days=15,
                                law="Luật Khiếu nại 2011 (sửa đổi, bổ sung bởi Luật 136/2025/QH15)",
                                article="Điều 27", confirmed=True, source="Công báo")
        override.full_clean()
        override._history_user = root
        override.save()
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.acceptance_deadline == D(2026, 7, 10)
    assert old.history.count() == 1  # untouched: not even a history row
    assert new.acceptance_deadline == D(2026, 7, 16)
    assert "chưa đối chiếu" not in new.acceptance_rule
    assert "điều chỉnh quy định" in new.history.first().history_change_reason


def test_an_override_for_a_version_that_does_not_exist_is_refused():
    override = RuleOverride(rule="FIRST_COMPLAINT_ACCEPTANCE", version_from=D(2026, 5, 1), days=15, law="x",
                            article="Điều 27")
    with pytest.raises(ValidationError) as exc:
        override.full_clean()
    assert "version_from" in exc.value.message_dict


def test_whether_a_request_for_documents_stops_the_clock_is_a_reading(alice, django_capture_on_commit_callbacks):
    letter = accepted(alice, alice.organisation, received_on=D(2026, 3, 2), accepted_on=D(2026, 3, 3))
    services.add_pause(alice, letter, kind="documents", start=D(2026, 3, 10), end=D(2026, 3, 20))
    letter.refresh_from_db()
    assert letter.resolution_deadline == D(2026, 4, 13)
    with django_capture_on_commit_callbacks(execute=True):
        reading = LegalReading(key="document_request", value="does_not_stop", basis="Hướng dẫn của Thanh tra")
        reading.full_clean()
        reading.save()
    letter.refresh_from_db()
    assert letter.resolution_deadline == D(2026, 4, 2)
    with pytest.raises(ValidationError):
        LegalReading(key="document_request", value="sometimes").full_clean()


def test_the_intake_form_records_when_the_complainant_learned_of_the_decision(tree, alice, client_for):
    from tests.letters.test_views import intake_data

    client = client_for(alice)
    response = client.post(reverse("letters:letter_create"), intake_data(tree, decision_known_on="01/11/2025"))
    assert response.status_code == 302
    letter = Letter.objects.get()
    assert letter.decision_known_on == D(2025, 11, 1)
    assert "hết thời hiệu khiếu nại 90 ngày" in client.get(response["Location"]).content.decode()
    response = client.post(reverse("letters:letter_create"), intake_data(tree, decision_known_on="05/03/2026"))
    assert "không được sau ngày nhận đơn" in response.content.decode()
    assert Letter.objects.count() == 1


# ---- the complaint's own dates, recorded from the letter page (Luật Khiếu nại 2011 Điều 9 and 33) ------------

def _act(client, letter, action, data):
    return client.post(reverse("letters:letter_action", args=[letter.pk, action]),
                       {f"{action}-{k}": v for k, v in data.items()})


def test_the_letter_page_records_when_the_complainant_learned_and_the_obstacles_that_stop_the_limitation(
        alice, client_for):
    client = client_for(alice)
    letter = receive(alice, alice.organisation, received_on=D(2026, 3, 2))
    page = client.get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    assert "Ghi ngày biết được quyết định, hành vi bị khiếu nại" in page
    assert "Ghi lý do khách quan làm gián đoạn thời hiệu" not in page  # nothing to stop before the day is known
    # A day after receipt is refused, naming the field, and changes nothing.
    response = _act(client, letter, "known_on", {"decision_known_on": "03/03/2026", "reason": "Lời khai"})
    assert response.status_code == 400
    assert "không được sau ngày nhận đơn" in response.content.decode()
    assert Letter.objects.get(pk=letter.pk).decision_known_on is None
    response = _act(client, letter, "known_on", {"decision_known_on": "01/11/2025",
                                                 "reason": "Biên bản giao quyết định"})
    assert response.status_code == 302
    letter = Letter.objects.get(pk=letter.pk)
    assert letter.decision_known_on == D(2025, 11, 1)
    assert letter.history.first().history_change_reason == "Biên bản giao quyết định"
    page = client.get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    assert "hết thời hiệu khiếu nại 90 ngày" in page
    # The obstacle form: a reason is required; then the limitation moves and the warning goes.
    response = _act(client, letter, "obstacle", {"start": "01/12/2025", "end": "15/01/2026", "note": ""})
    assert response.status_code == 400 and "Cần ghi lý do khách quan" in response.content.decode()
    assert not letter_deadlines.obstacles_of(Letter.objects.get(pk=letter.pk))
    response = _act(client, letter, "obstacle", {"start": "01/12/2025", "end": "15/01/2026",
                                                 "note": "Nằm viện điều trị"})
    assert response.status_code == 302
    page = client.get(reverse("letters:letter_detail", args=[letter.pk])).content.decode()
    assert "hết thời hiệu khiếu nại ngày 16/03/2026" in page
    assert "hết thời hiệu khiếu nại 90 ngày" not in page
    assert "Nằm viện điều trị" in page


def test_the_letter_page_records_when_the_complainant_received_the_decision(alice, client_for):
    client = client_for(alice)
    first = accepted(alice, alice.organisation, received_on=D(2026, 2, 2), accepted_on=D(2026, 2, 3))
    assert "Ghi ngày người khiếu nại nhận quyết định" not in client.get(
        reverse("letters:letter_detail", args=[first.pk])).content.decode()  # no decision yet
    first = services.resolve_letter(alice, first, resolved_on=D(2026, 3, 10), outcome="c_wrong")
    response = _act(client, first, "deliver", {"delivered_on": "09/03/2026"})
    assert response.status_code == 400 and "không được trước ngày ra quyết định" in response.content.decode()
    assert Letter.objects.get(pk=first.pk).decision_delivered_on is None
    assert _act(client, first, "deliver", {"delivered_on": "20/03/2026"}).status_code == 302
    assert Letter.objects.get(pk=first.pk).decision_delivered_on == D(2026, 3, 20)
    second = receive(alice, alice.organisation, received_on=D(2026, 4, 15), previous_letter=first)
    assert letter_deadlines.second_complaint_window(second).deadline == D(2026, 4, 20)


def test_an_obstacle_is_not_offered_as_a_resolution_pause(alice, client_for):
    letter = accepted(alice, alice.organisation, received_on=D(2026, 3, 2), accepted_on=D(2026, 3, 3))
    form = opened_form(client_for(alice), letter, "pause")
    assert 'name="pause-kind"' in form
    assert 'value="obstacle"' not in form
