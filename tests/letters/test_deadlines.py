"""Deadlines from danvan.legal, stored on the letter, recomputed when pauses or holidays change.

Dates hand-computed: a complaint received on Monday 02/03/2026 is accepted within 10 days → 12/03;
accepted on 03/03 it is resolved within 30 days → 02/04 (45 in a remote commune → 17/04); a pause
10/03–20/03 removes 10 days → 12/04, a Sunday, so 13/04 (Bộ luật Dân sự 2015 Điều 148)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from danvan.core.choices import ContentKind
from danvan.legal.calendar import DecidedDay, Occasion
from danvan.legal.services import record_decision
from danvan.legal.signals import holidays_changed
from danvan.letters import services
from danvan.letters.deadlines import due_soon_limit
from danvan.letters.models import Letter
from tests.letters.factories import accepted, classify, receive

D = dt.date


def test_a_complaint_gets_its_acceptance_and_resolution_deadlines(alice):
    letter = receive(alice, alice.organisation, received_on=D(2026, 3, 2))
    assert (letter.acceptance_deadline, letter.resolution_deadline, letter.due_on) == (D(2026, 3, 12), None,
                                                                                       D(2026, 3, 12))
    letter = services.accept_letter(alice, classify(alice, letter), accepted_on=D(2026, 3, 3))
    assert letter.resolution_deadline == D(2026, 4, 2) and letter.due_on == D(2026, 4, 2)
    letter = services.resolve_letter(alice, letter, resolved_on=D(2026, 3, 30), outcome="c_right")
    assert letter.due_on is None  # nothing pending


def test_a_remote_commune_has_the_longer_complaint_period(alice, tree):
    letter = accepted(alice, alice.organisation, received_on=D(2026, 3, 2), accepted_on=D(2026, 3, 3),
                      subject_area=tree.quang_lam)
    assert letter.resolution_deadline == D(2026, 4, 17)  # 45 days (Luật Khiếu nại 2011 Điều 28)


@pytest.mark.parametrize(("kind", "several_places", "expected"), [
    (ContentKind.DENUNCIATION, False, D(2026, 3, 11)),  # 7 working days (Luật Tố cáo 2018 Điều 24)
    (ContentKind.DENUNCIATION, True, D(2026, 3, 16)),  # 10 working days when several places
    (ContentKind.RECOMMENDATION, False, D(2026, 3, 16)),  # 10 working days (Luật Tiếp công dân 2013 Điều 28)
    (ContentKind.SEVERAL, False, None),  # guided to split: no deadline of its own
])
def test_acceptance_deadline_by_kind(alice, kind, several_places, expected):
    letter = receive(alice, alice.organisation, received_on=D(2026, 3, 2), kind=kind)
    if several_places:
        letter = classify(alice, letter, several_places=True)
    assert letter.acceptance_deadline == expected


def test_a_denunciation_extension_adds_thirty_days(alice):
    letter = classify(alice, receive(alice, alice.organisation, kind=ContentKind.DENUNCIATION,
                                     received_on=D(2026, 3, 2)), complexity="complex")
    letter = services.accept_letter(alice, letter, accepted_on=D(2026, 3, 3))
    assert letter.resolution_deadline == D(2026, 4, 2)
    letter = services.grant_extension(alice, letter, decision="05/QĐ-GH")
    assert letter.resolution_deadline == D(2026, 5, 4)  # 02/5 is a Saturday → Monday 04/5


def test_pauses_move_the_deadline_and_are_kept_as_records(alice):
    letter = accepted(alice, alice.organisation, received_on=D(2026, 3, 2), accepted_on=D(2026, 3, 3))
    pause = services.add_pause(alice, letter, kind="documents", start=D(2026, 3, 10), note="Yêu cầu bổ sung sổ đỏ")
    letter.refresh_from_db()
    assert letter.resolution_deadline is None and letter.due_on is None  # the clock stands still
    services.end_pause(alice, pause, end=D(2026, 3, 20))
    letter.refresh_from_db()
    assert letter.resolution_deadline == D(2026, 4, 13)
    assert list(letter.pauses.values_list("start", "end")) == [(D(2026, 3, 10), D(2026, 3, 20))]


def test_a_pause_with_its_end_before_its_start_is_refused(alice):
    letter = accepted(alice, alice.organisation, received_on=D(2026, 3, 2), accepted_on=D(2026, 3, 3))
    with pytest.raises(ValidationError) as exc:
        services.add_pause(alice, letter, kind="suspension", start=D(2026, 3, 10), end=D(2026, 3, 5))
    assert exc.value.message_dict["end"] == ["Ngày tiếp tục không được trước ngày tạm dừng."]
    assert not letter.pauses.exists()


def test_a_new_holiday_recomputes_open_letters(alice, django_capture_on_commit_callbacks):
    open_letter = accepted(alice, alice.organisation, received_on=D(2026, 3, 2), accepted_on=D(2026, 3, 3))
    done = services.resolve_letter(alice, accepted(alice, alice.organisation, received_on=D(2026, 3, 2),
                                                   accepted_on=D(2026, 3, 3)),
                                   resolved_on=D(2026, 3, 25), outcome="c_right")
    assert open_letter.resolution_deadline == done.resolution_deadline == D(2026, 4, 2)
    with django_capture_on_commit_callbacks(execute=True):
        record_decision(None, year=2026, reference="Thông báo thử nghiệm",
                        days=[DecidedDay(D(2026, 4, 2), Occasion.OTHER, description="Ngày nghỉ thêm")])
    open_letter.refresh_from_db()
    done.refresh_from_db()
    assert open_letter.resolution_deadline == D(2026, 4, 3)  # the last day is now off (BLDS 2015 Điều 148)
    assert done.resolution_deadline == D(2026, 4, 2)  # a resolved letter keeps the deadline it was judged by
    assert open_letter.history.first().history_change_reason == "Tính lại thời hạn do thay đổi lịch nghỉ"


def test_a_rolled_back_holiday_change_is_not_announced_with_the_next_one(root, django_capture_on_commit_callbacks):
    heard = []

    def listener(sender, years, actor, **kwargs):
        heard.append((set(years), actor))

    holidays_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            with pytest.raises(RuntimeError), transaction.atomic():
                record_decision(root, year=2027, reference="Nhập nhầm",
                                days=[DecidedDay(D(2027, 5, 3), Occasion.OTHER, description="Nghỉ")])
                raise RuntimeError("the officer's transaction fails")
            record_decision(None, year=2026, reference="Thông báo thử nghiệm",
                            days=[DecidedDay(D(2026, 4, 2), Occasion.OTHER, description="Ngày nghỉ thêm")])
    finally:
        holidays_changed.disconnect(listener)
    # Only the committed change is announced, and not in the name of whoever's change was rolled back.
    assert heard == [({2026}, None)]


def test_recompute_open_deadlines_reports_how_many_changed(alice):
    accepted(alice, alice.organisation, received_on=D(2026, 3, 2), accepted_on=D(2026, 3, 3))
    assert services.recompute_open_deadlines() == 0
    Letter.objects.update(resolution_deadline=D(2026, 1, 1))  # a stale stored value
    assert services.recompute_open_deadlines() == 1
    assert Letter.objects.get().resolution_deadline == D(2026, 4, 2)


def test_a_holiday_change_looks_only_at_letters_whose_window_reaches_the_changed_years(alice):
    accepted(alice, alice.organisation, received_on=D(2026, 3, 2), accepted_on=D(2026, 3, 3))
    Letter.objects.update(resolution_deadline=D(2026, 1, 1))  # stale, so a recompute would show
    assert services.recompute_open_deadlines(years={2030}) == 0  # its deadline lies before 2030
    assert services.recompute_open_deadlines(years={2025}) == 0  # the window 02/03–02/04/2026 misses 2025
    assert Letter.objects.get().resolution_deadline == D(2026, 1, 1)
    assert services.recompute_open_deadlines(years={2026}) == 1
    assert Letter.objects.get().resolution_deadline == D(2026, 4, 2)


def test_an_archived_pause_no_longer_stops_the_clock(alice):
    letter = accepted(alice, alice.organisation, received_on=D(2026, 3, 2), accepted_on=D(2026, 3, 3))
    pause = services.add_pause(alice, letter, kind="documents", start=D(2026, 3, 10), end=D(2026, 3, 20))
    assert Letter.objects.get().resolution_deadline == D(2026, 4, 13)
    with pytest.raises(ValidationError) as exc:
        services.cancel_pause(alice, pause, reason=" ")
    assert exc.value.message_dict["reason"] == ["Cần ghi lý do hủy lần tạm dừng."]
    services.cancel_pause(alice, pause, reason="Nhập nhầm")
    letter = Letter.objects.get()
    assert letter.resolution_deadline == letter.due_on == D(2026, 4, 2)
    assert letter.pauses.get().archive_reason == "Nhập nhầm"  # kept as a record
    assert services.recompute_open_deadlines(years={2026}) == 0  # the stored deadline is already right


def test_overdue_and_due_soon_filters(alice, client_for):
    from django.urls import reverse

    today = timezone.localdate()
    late = receive(alice, alice.organisation, received_on=today - dt.timedelta(days=60), summary="Đơn quá hạn")
    soon = receive(alice, alice.organisation, received_on=today - dt.timedelta(days=8), summary="Đơn sắp đến hạn")
    fresh = receive(alice, alice.organisation, received_on=today, summary="Đơn mới nhận")
    client = client_for(alice)
    overdue_html = client.get(reverse("letters:letter_list") + "?deadline=overdue").content.decode()
    soon_html = client.get(reverse("letters:letter_list") + "?deadline=due_soon").content.decode()
    assert late.code in overdue_html and soon.code not in overdue_html and fresh.code not in overdue_html
    assert soon.code in soon_html and late.code not in soon_html
    # received today: due in 10 days, "soon" only if the next 5 working days reach it (e.g. before Tết)
    limit = due_soon_limit(today)
    assert (fresh.code in soon_html) == (fresh.due_on <= limit)
