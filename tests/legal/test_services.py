"""Holiday decisions in the database: the shipped years, the calendar built from them, and a new year
entered through the service or the admin changing a deadline without a code change."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from danvan.legal import deadlines as dl
from danvan.legal import services
from danvan.legal.calendar import DecidedDay, Occasion
from danvan.legal.models import HolidayDay, HolidayDayKind, HolidayDecision, LegalReading, RuleOverride
from danvan.legal.signals import holidays_changed

D = dt.date
pytestmark = pytest.mark.django_db

# A 2027 decision (hypothetical for the test): Tết Đinh Mùi off from Saturday 6/2 to Sunday 14/2/2027.
TET_2027 = [DecidedDay(D(2027, 2, 6) + dt.timedelta(days=i), Occasion.LUNAR_NEW_YEAR) for i in range(9)]


@pytest.fixture(autouse=True)
def fresh_cache():
    services.clear_calendar_cache()
    yield
    services.clear_calendar_cache()


@pytest.mark.parametrize(
    ("day", "working"),
    [
        pytest.param(D(2024, 4, 29), False, id="2024-monday-29-4-bridged"),
        pytest.param(D(2024, 5, 4), True, id="2024-saturday-4-5-worked"),
        pytest.param(D(2025, 1, 27), False, id="2025-tet-28-thang-chap"),
        pytest.param(D(2025, 2, 3), True, id="2025-monday-after-tet"),
        pytest.param(D(2025, 5, 2), False, id="2025-friday-2-5-bridged"),
        pytest.param(D(2025, 4, 26), True, id="2025-saturday-26-4-worked"),
        pytest.param(D(2025, 9, 1), False, id="2025-quoc-khanh-1-9"),
        pytest.param(D(2026, 1, 2), False, id="2026-friday-2-1-bridged"),
        pytest.param(D(2026, 1, 10), True, id="2026-saturday-10-1-worked"),
        pytest.param(D(2026, 2, 16), False, id="2026-tet-29-thang-chap"),
        pytest.param(D(2026, 2, 23), True, id="2026-back-after-tet"),
    ],
)
def test_shipped_decisions_are_loaded_by_migrate(day, working):
    assert services.current_calendar().is_working_day(day) is working


def test_shipped_decisions_leave_unknown_occasions_to_the_rule():
    schedule = services.current_calendar().schedule(2026)
    assert schedule.decided_occasions == {Occasion.NEW_YEAR, Occasion.LUNAR_NEW_YEAR}
    assert Occasion.NATIONAL_DAY in schedule.ruled_occasions()
    assert HolidayDecision.history.filter(history_change_reason__startswith="Nạp sẵn").count() == 6


def test_a_new_years_decision_changes_a_deadline_without_code_change(root):
    received = D(2027, 1, 29)  # + 10 days = Monday 8/2/2027
    before = dl.first_complaint_acceptance(received, calendar=services.current_calendar())
    # Rule: Tết 2027 (Saturday 6/2) is 4/2-8/2 with 6/2 and 7/2 made up on 9/2 and 10/2 -> 8/2 off -> 11/2.
    assert before.deadline == D(2027, 2, 11)

    services.record_decision(root, year=2027, reference="Thông báo thử nghiệm Tết 2027", days=TET_2027)

    after = dl.first_complaint_acceptance(received, calendar=services.current_calendar())
    assert after.deadline == D(2027, 2, 15)  # 8/2-12/2 off, 13-14/2 weekend


def test_a_new_years_decision_entered_in_the_admin_changes_a_deadline(client_for, root):
    received = D(2027, 1, 29)
    assert dl.first_complaint_acceptance(received, calendar=services.current_calendar()).deadline == D(2027, 2, 11)
    form = {
        "year": "2027", "reference": "Thông báo nhập qua trang quản trị", "issued_on": "", "note": "",
        "days-TOTAL_FORMS": "2", "days-INITIAL_FORMS": "0", "days-MIN_NUM_FORMS": "0", "days-MAX_NUM_FORMS": "1000",
        "days-0-date": "11/02/2027", "days-0-kind": "off", "days-0-occasion": "lunar_new_year",
        "days-0-description": "Nghỉ Tết", "days-1-date": "12/02/2027", "days-1-kind": "off",
        "days-1-occasion": "lunar_new_year", "days-1-description": "Nghỉ Tết", "_save": "Lưu",
    }
    response = client_for(root).post(reverse("admin:legal_holidaydecision_add"), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    decision = HolidayDecision.objects.get(reference="Thông báo nhập qua trang quản trị")
    assert decision.days.count() == 2
    assert decision.history.first().history_user == root
    # The decision now places Tết 2027: its days (11/2, 12/2) and the statute's, not the rule's 4/2-10/2.
    after = dl.first_complaint_acceptance(received, calendar=services.current_calendar())
    assert after.deadline == D(2027, 2, 8)


def test_the_admin_refuses_a_weekday_worked_in_exchange(client_for, root):
    form = {
        "year": "2027", "reference": "Sai", "issued_on": "", "note": "",
        "days-TOTAL_FORMS": "1", "days-INITIAL_FORMS": "0", "days-MIN_NUM_FORMS": "0", "days-MAX_NUM_FORMS": "1000",
        "days-0-date": "10/02/2027", "days-0-kind": "worked", "days-0-occasion": "lunar_new_year",
        "days-0-description": "", "_save": "Lưu",
    }
    response = client_for(root).post(reverse("admin:legal_holidaydecision_add"), form)
    assert response.status_code == 200
    assert not HolidayDecision.objects.filter(reference="Sai").exists()


def test_holidays_changed_is_sent_once_after_commit(root, django_capture_on_commit_callbacks):
    received = []

    def listener(sender, **kwargs):
        received.append(kwargs)

    holidays_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.record_decision(root, year=2027, reference="Thông báo Tết 2027", days=TET_2027)
        assert len(received) == 1
        assert received[0]["years"] == frozenset({2027}) and received[0]["actor"] == root
    finally:
        holidays_changed.disconnect(listener)


def test_nothing_is_announced_before_commit(root, django_capture_on_commit_callbacks):
    received = []
    holidays_changed.connect(lambda sender, **kwargs: received.append(kwargs), weak=False, dispatch_uid="t")
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.record_decision(root, year=2027, reference="Thông báo chưa lưu", days=TET_2027[:1])
        assert received == [] and callbacks
    finally:
        holidays_changed.disconnect(dispatch_uid="t")


def test_the_calendar_is_cached_until_the_tables_change(root):
    first = services.current_calendar()
    assert services.current_calendar() is first
    # A write that bypasses this process's signals (another worker, a bulk load) is still seen.
    [decision] = HolidayDecision.objects.bulk_create([HolidayDecision(year=2027, reference="Nạp hàng loạt")])
    HolidayDay.objects.bulk_create([HolidayDay(decision=decision, date=D(2027, 11, 24), occasion="other")])
    second = services.current_calendar()
    assert second is not first and second.is_day_off(D(2027, 11, 24))


def test_the_rule_book_is_cached_until_a_correction_or_reading_changes(root, django_assert_num_queries):
    first = services.current_rulebook()
    assert services.current_rulebook() is first
    calendar = services.current_calendar()
    with django_assert_num_queries(1):  # the letter page's calendar and rule book: one fingerprint, nothing rebuilt
        assert services.current_legal() == (calendar, first)
    # A reading loaded by another process in bulk (no signal here, no history row): seen at the next call.
    LegalReading.objects.bulk_create([LegalReading(key="document_request", value="does_not_stop", basis="Nạp")])
    second = services.current_rulebook()
    assert second is not first and second.readings.document_request == "does_not_stop"
    # A correction saved here: its signal clears the cache at once, and it counts.
    override = RuleOverride(rule="FIRST_COMPLAINT_ACCEPTANCE", version_from=D(2026, 7, 1), days=15, law="Luật",
                            article="Điều 27", confirmed=True, source="Công báo")
    override.save()
    third = services.current_rulebook()
    assert third is not second and third.readings.document_request == "does_not_stop"
    assert third != second


def test_an_archived_decision_stops_counting(root):
    decision = services.record_decision(root, year=2027, reference="Thông báo Tết 2027", days=TET_2027)
    assert services.current_calendar().is_day_off(D(2027, 2, 12))
    services.archive_decision(root, decision, reason="Nhập nhầm")
    assert services.current_calendar().is_working_day(D(2027, 2, 12))
    decision.refresh_from_db()
    assert decision.is_archived and decision.history.first().history_change_reason == "Nhập nhầm"


def test_only_administrators_edit_holidays(alice):
    with pytest.raises(PermissionDenied):
        services.record_decision(alice, year=2027, reference="Không được", days=TET_2027)
    assert not HolidayDecision.objects.filter(reference="Không được").exists()


@pytest.mark.parametrize(
    ("day", "field"),
    [
        pytest.param(DecidedDay(D(2027, 2, 10), Occasion.OTHER, working=True), "kind", id="worked-day-on-a-weekday"),
        pytest.param(DecidedDay(D(2030, 2, 6), Occasion.OTHER), "date", id="date-far-from-the-decisions-year"),
        pytest.param(DecidedDay(D(2025, 4, 26), Occasion.OTHER), "date", id="clash-with-a-shipped-worked-day"),
    ],
)
def test_invalid_days_are_refused(root, day, field):
    with pytest.raises(ValidationError) as error:
        services.record_decision(root, year=2027 if day.date.year != 2025 else 2025, reference="Sai", days=[day])
    assert field in error.value.message_dict
    assert not HolidayDecision.objects.filter(reference="Sai").exists()


def test_deleting_a_decision_is_refused_but_a_mistyped_day_can_be_removed_with_history(root):
    decision = services.record_decision(root, year=2027, reference="Thông báo Tết 2027", days=TET_2027[:2])
    with pytest.raises(Exception, match="archived"):
        decision.delete()
    day = decision.days.first()
    day_id = day.pk
    day.delete()
    assert HolidayDay.history.filter(id=day_id, history_type="-").exists()
    assert decision.days.count() == 1 and decision.days.get().kind == HolidayDayKind.DAY_OFF
