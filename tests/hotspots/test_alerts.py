"""The early-warning rules on records made through the services; thresholds read from the seeded rules."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.hotspots import services
from danvan.hotspots.models import Alert, AlertRule, AlertStatus, HotSpotStatus, RuleKind
from tests.hotspots.factories import DAY, letter, visit

pytestmark = pytest.mark.django_db


def alerts(kind):
    return list(Alert.objects.filter(rule__kind=kind).order_by("pk"))


def test_the_rules_are_seeded_with_their_thresholds_as_data():
    rule = AlertRule.objects.get(kind=RuleKind.REPEATED)
    assert (rule.threshold, rule.window_days) == (3, 90)
    assert set(AlertRule.objects.values_list("kind", flat=True)) == set(RuleKind.values)


def test_a_matter_repeated_three_times_in_90_days_is_warned_of_with_its_records(tree, alice):
    first = letter(alice, tree.board_cb, on=DAY - dt.timedelta(days=60), subject_area=tree.quang_lam)
    second = letter(alice, tree.board_cb, on=DAY - dt.timedelta(days=20), matter=first.matter)
    services.compute_alerts(DAY)
    assert alerts(RuleKind.REPEATED) == []  # twice is below the threshold
    seen = visit(alice, tree.board_cb, on=DAY, matter=first.matter)
    services.compute_alerts(DAY)
    [alert] = alerts(RuleKind.REPEATED)
    assert alert.subject_area == tree.quang_lam
    assert alert.evidence == {"letters": sorted([first.pk, second.pk]), "visits": [seen.pk]}
    assert "được tiếp nhận 3 lần (2 đơn, 1 lượt tiếp) trong 90 ngày" in alert.explanation


def test_the_threshold_is_tuned_by_editing_the_rule(tree, alice):
    first = letter(alice, tree.board_cb, on=DAY - dt.timedelta(days=10), subject_area=tree.quang_lam)
    letter(alice, tree.board_cb, on=DAY, matter=first.matter)
    AlertRule.objects.filter(kind=RuleKind.REPEATED).update(threshold=2)
    services.compute_alerts(DAY)
    assert len(alerts(RuleKind.REPEATED)) == 1


def test_running_twice_changes_nothing_and_a_dismissed_alert_returns_only_with_new_records(tree, alice):
    first = letter(alice, tree.board_cb, on=DAY - dt.timedelta(days=30), subject_area=tree.quang_lam)
    for days in (20, 10):
        letter(alice, tree.board_cb, on=DAY - dt.timedelta(days=days), matter=first.matter)
    services.compute_alerts(DAY)
    run = services.compute_alerts(DAY)
    assert (run.created, run.updated, run.full) == (0, 0, False)
    [alert] = alerts(RuleKind.REPEATED)
    services.dismiss_alert(alice, alert, reason="Đã đối thoại, công dân đồng ý")
    services.compute_alerts(DAY, full=True)
    assert len(alerts(RuleKind.REPEATED)) == 1
    letter(alice, tree.board_cb, on=DAY, matter=first.matter)
    run = services.compute_alerts(DAY)
    assert run.created == 1
    old, new = alerts(RuleKind.REPEATED)
    assert (old.status, new.status, new.generation) == (AlertStatus.DISMISSED, AlertStatus.OPEN, 2)


def test_dismissing_needs_a_reason(tree, alice):
    first = letter(alice, tree.board_cb, on=DAY - dt.timedelta(days=30), subject_area=tree.quang_lam)
    for days in (20, 10):
        letter(alice, tree.board_cb, on=DAY - dt.timedelta(days=days), matter=first.matter)
    services.compute_alerts(DAY)
    [alert] = alerts(RuleKind.REPEATED)
    with pytest.raises(services.ValidationError) as exc:
        services.dismiss_alert(alice, alert, reason="  ")
    assert "lý do" in str(exc.value)
    alert.refresh_from_db()
    assert alert.status == AlertStatus.OPEN


def test_going_over_levels_is_the_province_receiving_what_the_commune_has_not_resolved(tree, alice):
    at_commune = letter(None, tree.ubnd_quang_lam, on=DAY - dt.timedelta(days=40), subject_area=tree.quang_lam)
    services.compute_alerts(DAY)
    assert alerts(RuleKind.OVER_LEVELS) == []
    at_province = letter(alice, tree.board_cb, on=DAY - dt.timedelta(days=20), matter=at_commune.matter)
    services.compute_alerts(DAY)
    assert alerts(RuleKind.OVER_LEVELS) == []  # one copy sent upwards: common, below the threshold of 2
    again = letter(alice, tree.board_cb, on=DAY - dt.timedelta(days=5), matter=at_commune.matter)
    services.compute_alerts(DAY)
    [alert] = alerts(RuleKind.OVER_LEVELS)
    assert alert.evidence == {"letters": sorted([at_commune.pk, at_province.pk, again.pk])}
    assert "Trung ương 2 lần (vượt cấp)" in alert.explanation


def test_large_groups_and_group_letters_on_one_matter(tree, alice):
    group = letter(alice, tree.board_cb, on=DAY - dt.timedelta(days=10), subject_area=tree.quang_lam, signers=6)
    services.compute_alerts(DAY)
    assert alerts(RuleKind.LARGE_GROUPS) == []
    crowd = visit(alice, tree.board_cb, on=DAY - dt.timedelta(days=3), matter=group.matter, persons=25)
    services.compute_alerts(DAY)
    assert alerts(RuleKind.LARGE_GROUPS) == []  # two in 90 days: below the threshold of 3
    again = visit(alice, tree.board_cb, on=DAY, matter=group.matter, persons=12)
    services.compute_alerts(DAY)
    [alert] = alerts(RuleKind.LARGE_GROUPS)
    assert alert.evidence == {"letters": [group.pk], "visits": sorted([crowd.pk, again.pk])}
    assert "3 đoàn đông người, đơn đông người (tổng 43 người)" in alert.explanation


def test_crowds_in_one_commune_not_about_one_matter_need_one_more(tree, alice):
    crowds = [visit(alice, tree.board_cb, on=DAY - dt.timedelta(days=days), subject_area=tree.hoa_an, persons=9)
              for days in (40, 20, 5)]
    services.compute_alerts(DAY)
    assert alerts(RuleKind.LARGE_GROUPS) == []  # three crowds on no one matter: chance in a busy commune
    crowds.append(visit(alice, tree.board_cb, on=DAY, subject_area=tree.hoa_an, persons=7))
    services.compute_alerts(DAY)
    [alert] = alerts(RuleKind.LARGE_GROUPS)
    assert alert.subject_area == tree.hoa_an and alert.matter is None
    assert alert.evidence == {"visits": sorted(v.pk for v in crowds)}
    assert "Xã Hòa An, lĩnh vực Đất đai, nhà ở: 4 đoàn đông người" in alert.explanation


def test_a_surge_against_the_communes_own_earlier_years(tree, alice):
    # One letter in each of the three earlier years' same 30 days; eight this time. Records go back to 2022.
    letter(alice, tree.board_cb, on=dt.date(2022, 6, 1), subject_area=tree.quang_lam)
    for years in (1, 2, 3):
        letter(alice, tree.board_cb, on=DAY.replace(year=DAY.year - years) - dt.timedelta(days=3),
               subject_area=tree.hoa_an)
    for days in range(8):
        letter(alice, tree.board_cb, on=DAY - dt.timedelta(days=days), subject_area=tree.hoa_an,
               summary=f"Ô nhiễm từ trại lợn, lần {days}")
    services.compute_alerts(DAY)
    [alert] = alerts(RuleKind.SURGE)
    assert alert.subject_area == tree.hoa_an
    assert len(alert.evidence["letters"]) == 8
    assert "cùng kỳ 3 năm trước là 1, 1, 1" in alert.explanation
    assert "Poisson, xác suất có từ 8 trở lên chỉ là dưới 0,01% (nhỏ hơn mức 0,1%)" in alert.explanation


def test_no_surge_without_earlier_years_to_compare_with(tree, alice):
    for days in range(8):
        letter(alice, tree.board_cb, on=DAY - dt.timedelta(days=days), subject_area=tree.hoa_an)
    services.compute_alerts(DAY)
    assert alerts(RuleKind.SURGE) == []


def test_an_alert_opened_as_a_hot_spot_links_its_records_and_is_reviewed(tree, alice, charlie):
    group = letter(alice, tree.board_cb, on=DAY - dt.timedelta(days=10), subject_area=tree.quang_lam, signers=6)
    visit(alice, tree.board_cb, on=DAY - dt.timedelta(days=2), matter=group.matter, persons=12)
    visit(alice, tree.board_cb, on=DAY, matter=group.matter, persons=25)
    services.compute_alerts(DAY)
    [alert] = alerts(RuleKind.LARGE_GROUPS)
    assert Alert.objects.restrict(charlie).count() == 0
    assert Alert.objects.restrict(alice).filter(pk=alert.pk).exists()
    spot = services.open_alert_as_hotspot(alice, alert, organisation=tree.board_cb, title="Đông người đất đai",
                                          lead_body="UBND xã Quảng Lâm", on=DAY)
    alert.refresh_from_db()
    assert (alert.status, alert.hotspot) == (AlertStatus.OPENED, spot)
    assert spot.status == HotSpotStatus.EMERGING and spot.people_involved == 25
    assert {link.target_kind for link in spot.links.all()} == {"matter", "letter", "visit"}


def test_overdue_resolution_on_a_crowded_matter(tree, alice):
    from tests.letters.factories import accepted

    late = accepted(alice, tree.board_cb, received_on=DAY - dt.timedelta(days=120), subject_area=tree.quang_lam,
                    new_petitioners=[{"full_name": f"Hộ dân {i}"} for i in range(6)])
    services.compute_alerts(DAY)
    [alert] = alerts(RuleKind.OVERDUE_RESOLUTION)
    assert alert.evidence == {"letters": [late.pk]} and "quá hạn giải quyết" in alert.explanation


def test_overdue_commitments_of_a_dialogue_about_an_open_hot_spot(tree, alice):
    from tests.hotspots.factories import hotspot
    from tests.mobilisation import factories as mob

    talk = mob.dialogue(alice, tree.ubnd_quang_lam, held_on=DAY - dt.timedelta(days=60), participants=80)
    promise = mob.commitment(alice, talk, due_on=DAY - dt.timedelta(days=10))
    services.compute_alerts(DAY)
    assert alerts(RuleKind.OVERDUE_COMMITMENT) == []  # a dialogue about no hot spot: the dialogue pages follow it
    spot = hotspot(alice, tree.board_cb, tree.quang_lam)
    services.link(alice, spot, talk)
    services.compute_alerts(DAY)
    [alert] = alerts(RuleKind.OVERDUE_COMMITMENT)
    assert alert.evidence == {"commitments": [promise.pk]} and alert.subject_area == tree.quang_lam


def test_the_next_night_looks_only_at_matters_with_new_records(tree, alice):
    first = letter(alice, tree.board_cb, on=DAY - dt.timedelta(days=30), subject_area=tree.quang_lam)
    letter(alice, tree.board_cb, on=DAY - dt.timedelta(days=20), matter=first.matter)
    services.compute_alerts(DAY)
    letter(alice, tree.board_cb, on=DAY, matter=first.matter)
    from danvan.hotspots import alerts as rules

    assert rules.touched_matters(services.AlertRun.objects.latest("started_at").watermark) == {first.matter_id}
    run = services.compute_alerts(DAY + dt.timedelta(days=1))
    assert (run.full, run.created) == (False, 1)


def test_an_administrator_tunes_a_rule_in_the_admin_with_its_history(tree, root, client):
    rule = AlertRule.objects.get(kind=RuleKind.SURGE)
    client.force_login(root)
    url = f"/quan-tri/hotspots/alertrule/{rule.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"active": "on", "threshold": "8", "window_days": "30", "min_persons": "5",
                                 "history_years": "3", "p_value": "0.001", "description": rule.description})
    assert response.status_code == 302
    rule.refresh_from_db()
    # Seeded (migration 0002), calibrated (0003), then this edit.
    assert rule.threshold == 8 and rule.history.count() == 3
    assert client.post(f"/quan-tri/hotspots/alertrule/{rule.pk}/delete/").status_code == 403
