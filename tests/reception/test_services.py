"""Opening sessions and recording visits through the services: validation, audit, citizens, matters."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from danvan.core.choices import ContentKind, Field
from danvan.matters.models import Matter
from danvan.people.models import Citizen
from danvan.reception import services
from danvan.reception.models import Occurrence, ReceptionSession, SessionKind, Visit
from tests.reception.conftest import DAY, open_session, record_visit


def test_opening_a_periodic_session_records_who_presided(tree, alice):
    session = open_session(alice, tree.ubnd_quang_lam, kind=SessionKind.PERIODIC, online=True,
                           presiding_name="Nông  Văn Chủ", presiding_position="Chủ tịch UBND xã")
    session.refresh_from_db()
    assert session.area == tree.quang_lam
    assert session.presiding_name == "Nông Văn Chủ"
    assert session.online and session.by_head
    last = session.history.latest()
    assert last.history_user == alice and last.history_change_reason == "Mở buổi tiếp công dân"


@pytest.mark.parametrize(
    ("extra", "field", "words"),
    [
        ({"kind": SessionKind.PERIODIC, "presiding_name": "", "presiding_position": "Chủ tịch"}, "presiding_name",
         "người chủ trì"),
        ({"kind": SessionKind.PERIODIC, "presiding_name": "A", "presiding_position": ""}, "presiding_position",
         "chức vụ"),
        ({"place": "   "}, "place", "địa điểm"),
        ({"date": None}, "date", ""),
    ],
)
def test_bad_session_input_names_the_field_and_saves_nothing(tree, alice, extra, field, words):
    kwargs = {"organisation": tree.board_cb, "kind": SessionKind.REGULAR, "date": DAY, "place": "Trụ sở"} | extra
    with pytest.raises(ValidationError) as exc:
        services.open_session(alice, **kwargs)
    assert field in exc.value.message_dict
    assert words in exc.value.message_dict[field][0].lower()
    assert not ReceptionSession.objects.exists()


def test_a_session_cannot_be_dated_in_the_future(tree, alice):
    with pytest.raises(ValidationError) as exc:
        open_session(alice, tree.board_cb, date=timezone.localdate() + dt.timedelta(days=1))
    assert exc.value.message_dict["date"] == ["Ngày tiếp không được sau ngày hôm nay."]


def test_viewers_and_outsiders_cannot_open_sessions(tree, bob, charlie):
    with pytest.raises(PermissionDenied):
        open_session(bob, tree.ubnd_quang_lam)
    with pytest.raises(PermissionDenied):
        open_session(charlie, tree.board_cb)
    assert not ReceptionSession.objects.exists()


def test_recording_a_group_visit_creates_the_representative_as_citizen(session_cb, alice, tree):
    visit = record_visit(alice, session_cb, name="Lý  Thị Mai", id_number="001 088 012 345", persons=6,
                         representatives=2, subject_area=tree.quang_lam)
    assert visit.organisation == tree.board_cb and visit.area == tree.cao_bang
    assert visit.citizen.full_name == "Lý Thị Mai" and visit.citizen.id_number == "001088012345"
    assert visit.is_large_group
    assert visit.history.latest().history_user == alice
    assert visit.citizen.history.latest().history_user == alice
    # The same CCCD again is the same citizen, not a second record.
    again = record_visit(alice, session_cb, name="Ly Thi Mai", id_number="001088012345",
                         occurrence=Occurrence.REPEATED)
    assert again.citizen == visit.citizen
    assert Citizen.objects.count() == 1


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"persons": 6, "representatives": 3}, "representatives"),
        ({"persons": 12, "representatives": 6}, "representatives"),
        ({"persons": 6, "representatives": 0}, "representatives"),
        ({"persons": 0}, "persons"),
        ({"summary": "  "}, "summary"),
        ({"name": ""}, "full_name"),
        ({"id_number": "12345"}, "id_number"),
        ({"content_kind": "gossip"}, "content_kind"),
        ({"field": "weather"}, "field"),
        ({"handling": "ignored"}, "handling"),
    ],
)
def test_bad_visit_input_names_the_field_and_saves_nothing(session_cb, alice, extra, field):
    with pytest.raises(ValidationError) as exc:
        record_visit(alice, session_cb, create_matter=True, **extra)
    assert field in exc.value.message_dict
    assert not Visit.objects.exists()
    assert not Citizen.objects.exists()
    assert not Matter.objects.exists()


def test_subject_area_must_be_a_commune_in_scope(session_cb, alice, tree):
    with pytest.raises(ValidationError) as exc:
        record_visit(alice, session_cb, subject_area=tree.hoan_kiem)
    assert "phạm vi" in exc.value.message_dict["subject_area"][0]
    with pytest.raises(ValidationError) as exc:
        record_visit(alice, session_cb, subject_area=tree.cao_bang)
    assert "xã" in exc.value.message_dict["subject_area"][0]
    assert not Visit.objects.exists()


def test_a_first_visit_may_open_a_matter_and_a_repeated_one_links_to_it(session_cb, alice, tree):
    first = record_visit(alice, session_cb, create_matter=True, summary="Tranh chấp đất   ở thôn Nà Mạ",
                         subject_area=tree.quang_lam, field=Field.LAND_HOUSING)
    matter = first.matter
    assert matter.title == "Tranh chấp đất ở thôn Nà Mạ"
    assert matter.organisation == tree.board_cb and matter.first_received == DAY
    assert matter.subject_area == tree.quang_lam
    assert matter.history.latest().history_user == alice
    second = record_visit(alice, session_cb, matter=matter, occurrence=Occurrence.REPEATED)
    assert second.matter == matter
    with pytest.raises(ValidationError) as exc:
        record_visit(alice, session_cb, matter=matter, create_matter=True)
    assert "matter" in exc.value.message_dict
    assert Matter.objects.count() == 1


def test_a_matter_outside_the_scope_cannot_be_linked(tree, alice, charlie, session_cb):
    hanoi_matter = record_visit(charlie, open_session(charlie, tree.board_hn), create_matter=True).matter
    with pytest.raises(ValidationError) as exc:
        record_visit(alice, session_cb, matter=hanoi_matter)
    assert "vụ việc" in exc.value.message_dict["matter"][0]


def test_viewer_cannot_record_and_outsider_cannot_write_into_cao_bang(session_cb, bob, charlie):
    with pytest.raises(PermissionDenied):
        record_visit(bob, session_cb)
    with pytest.raises(PermissionDenied):
        record_visit(charlie, session_cb)
    assert not Visit.objects.exists() and not Citizen.objects.exists()


def test_update_visit_is_audited_and_validated(session_cb, alice):
    visit = record_visit(alice, session_cb, persons=6, representatives=1)
    services.update_visit(alice, visit, representatives=2, reason="Sửa số đại diện")
    visit.refresh_from_db()
    assert visit.representatives == 2
    assert visit.history.latest().history_change_reason == "Sửa số đại diện"
    with pytest.raises(ValidationError) as exc:
        services.update_visit(alice, visit, representatives=4)
    assert "representatives" in exc.value.message_dict
    visit.refresh_from_db()
    assert visit.representatives == 2


def test_archiving_a_session_archives_its_visits_and_blocks_new_ones(session_cb, alice):
    visit = record_visit(alice, session_cb)
    with pytest.raises(ValidationError):
        services.archive_session(alice, session_cb, reason=" ")
    services.archive_session(alice, session_cb, reason="Nhập nhầm buổi tiếp")
    visit.refresh_from_db()
    assert visit.is_archived and visit.archive_reason == "Nhập nhầm buổi tiếp"
    assert ReceptionSession.objects.filter(pk=session_cb.pk).exists()  # archived, not deleted
    with pytest.raises(ValidationError) as exc:
        record_visit(alice, session_cb)
    assert "session" in exc.value.message_dict


def test_update_session_refuses_a_future_date(session_cb, alice):
    with pytest.raises(ValidationError):
        services.update_session(alice, session_cb, date=timezone.localdate() + dt.timedelta(days=3))
    services.update_session(alice, session_cb, place="Nhà văn hóa thôn")
    session_cb.refresh_from_db()
    assert session_cb.place == "Nhà văn hóa thôn" and session_cb.date == DAY


def test_denunciation_visits_mask_identity_below_head_and_log_the_head(session_cb, alice, rita, hana, bob):
    visit = record_visit(rita, session_cb, name="Bế Văn Tố", content_kind=ContentKind.DENUNCIATION)
    assert services.visit_identity(alice, visit, context="t").full_name == "•••"
    assert services.visit_identity(bob, visit, context="t").masked
    shown = services.visit_identity(hana, visit, context="kiểm thử")
    assert shown.full_name == "Bế Văn Tố"
    assert list(visit.citizen.reveals.values_list("user__username", "context")) == [("hana", "kiểm thử")]
    complaint = record_visit(alice, session_cb, name="Nông Thị Khiếu")
    assert services.visit_identity(alice, complaint, context="t").full_name == "Nông Thị Khiếu"


def test_intake_matching_hides_denouncers_below_head_level(session_cb, alice, rita, hana):
    record_visit(rita, session_cb, name="Bế Văn Tố", id_number="001088000111",
                 content_kind=ContentKind.DENUNCIATION)
    plain = record_visit(alice, session_cb, name="Nông Thị Khiếu", id_number="001088000222")
    assert services.intake_matches(alice, full_name="be van to") == []
    assert services.intake_matches(alice, id_number="001088000111") == []
    [match] = services.intake_matches(hana, id_number="001088000111")
    assert match.identity.full_name == "Bế Văn Tố"
    [match] = services.intake_matches(alice, full_name="nong thi khieu")
    assert match.identity.full_name == "Nông Thị Khiếu"
    assert match.earlier_visits == [plain]


def test_intake_matching_also_hides_those_who_denounced_in_a_letter(session_cb, alice, rita, hana, tree):
    from danvan.letters.services import receive_letter

    receive_letter(rita, tree.board_cb, received_on=DAY, summary="Tố cáo trưởng thôn",
                   content_kind=ContentKind.DENUNCIATION, field=Field.LAND_HOUSING,
                   new_petitioners=[{"full_name": "Bế Thị Thư", "id_number": "001088000333"}])
    assert services.intake_matches(alice, full_name="Bế Thị Thư") == []
    assert services.intake_matches(alice, id_number="001088000333") == []
    [match] = services.intake_matches(hana, full_name="be thi thu")
    assert match.identity.full_name == "Bế Thị Thư"
