"""Every count of mobilisation/counts.py against hand-computed figures AND a direct ORM query.

The data (first half of 2025, root Cao Bằng unless said otherwise):
- dialogues: Quảng Lâm 10/03 (50 people; opinions land/answered, land/taken away, policy/taken away;
  commitment A done 01/04, commitment B open), Cao Bằng board 15/06 (120 people; opinion environment;
  commitment C done 20/07, i.e. still open on 30/06), Hòa An 20/12/2024 (outside the period),
  Hoàn Kiếm 10/03 (999 people, another province), Quảng Lâm 11/03 archived (never counted).
"""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.core import services as audited
from danvan.core.choices import Field
from danvan.mobilisation import counts, services
from danvan.mobilisation.choices import (
    CommendationKind,
    OpinionHandling,
    PracticeField,
    RecipientKind,
    RecognitionLevel,
    SessionKind,
    SupportProvider,
)
from danvan.mobilisation.models import (
    Briefing,
    BriefingTask,
    Commendation,
    Dialogue,
    DialogueCommitment,
    DialogueOpinion,
    GoodPractice,
    GoodPracticeStatusChange,
    PropagandaSession,
    Supervision,
    SupervisionRecommendation,
    SupportContribution,
    TrainingCourse,
)
from tests.mobilisation import factories as make

START, END = dt.date(2025, 1, 1), dt.date(2025, 6, 30)
D = dt.date


@pytest.fixture
def dialogues(tree, alice, charlie):
    d1 = make.dialogue(alice, tree.ubnd_quang_lam, held_on=D(2025, 3, 10), participants=50)
    make.opinion(alice, d1, field=Field.LAND_HOUSING, handling=OpinionHandling.ANSWERED)
    make.opinion(alice, d1, field=Field.LAND_HOUSING, handling=OpinionHandling.TAKEN_AWAY)
    make.opinion(alice, d1, field=Field.POLICY, handling=OpinionHandling.TAKEN_AWAY)
    a = make.commitment(alice, d1, due_on=D(2025, 4, 9))
    services.complete_commitment(alice, a, completed_on=D(2025, 4, 1), result="Đã chi trả")
    make.commitment(alice, d1, due_on=D(2025, 4, 30))
    d2 = make.dialogue(alice, tree.board_cb, held_on=D(2025, 6, 15), participants=120)
    make.opinion(alice, d2, field=Field.ENVIRONMENT)
    c = make.commitment(alice, d2, due_on=D(2025, 6, 30))
    services.complete_commitment(alice, c, completed_on=D(2025, 7, 20), result="Đã xử lý")
    d3 = make.dialogue(alice, tree.ubnd_hoa_an, held_on=D(2024, 12, 20), participants=70)
    make.opinion(alice, d3)
    d4 = make.dialogue(charlie, tree.ubnd_hoan_kiem, held_on=D(2025, 3, 10), participants=999)
    make.opinion(charlie, d4)
    d5 = make.dialogue(alice, tree.ubnd_quang_lam, held_on=D(2025, 3, 11), participants=30)
    make.opinion(alice, d5)
    make.commitment(alice, d5)
    audited.archive(d5, alice, reason="Nhập trùng")


def _direct_dialogues(root, start, end):
    dialogues = Dialogue.objects.filter(area__path__startswith=root.path, held_on__gte=start, held_on__lte=end,
                                        archived_at__isnull=True)
    opinions = DialogueOpinion.objects.filter(dialogue__in=dialogues, archived_at__isnull=True)
    commitments = DialogueCommitment.objects.filter(dialogue__in=dialogues, archived_at__isnull=True)
    return {
        "dialogues": dialogues.count(),
        "participants": sum(d.participants for d in dialogues),
        "opinions": opinions.count(),
        "by_field": {f: opinions.filter(field=f).count() for f in Field.values if opinions.filter(field=f).exists()},
        "open": commitments.exclude(status="done", completed_on__lte=end).count(),
    }


def test_dialogue_counts(tree, dialogues):
    result = counts.count_dialogues(tree.cao_bang, START, END)
    assert result == counts.DialogueCounts(
        dialogues=2, participants=170, opinions=4,
        opinions_by_field={"land": 2, "policy": 1, "environment": 1}, opinions_taken_away=2,
        commitments=3, open_commitments=2, overdue_commitments=1,  # the one due 30/4, still open on 30/6
    )
    direct = _direct_dialogues(tree.cao_bang, START, END)
    assert (result.dialogues, result.participants, result.opinions, result.opinions_by_field,
            result.open_commitments) == (direct["dialogues"], direct["participants"], direct["opinions"],
                                         direct["by_field"], direct["open"])


@pytest.mark.parametrize(
    ("root", "start", "end", "expected"),
    [
        ("quang_lam", START, END, (1, 50, 3, 1)),  # the archived second dialogue is not counted
        ("cao_bang", D(2025, 1, 1), D(2025, 12, 31), (2, 170, 4, 1)),  # C done 20/07: closed by year end
        ("cao_bang", D(2024, 1, 1), D(2025, 12, 31), (3, 240, 5, 1)),
        ("nation", START, END, (3, 1169, 5, 2)),
        ("hoa_an", START, END, (0, 0, 0, 0)),
    ],
)
def test_dialogue_counts_by_subtree_and_period(tree, dialogues, root, start, end, expected):
    area = getattr(tree, root)
    result = counts.count_dialogues(area, start, end)
    assert (result.dialogues, result.participants, result.opinions, result.open_commitments) == expected
    direct = _direct_dialogues(area, start, end)
    assert expected == (direct["dialogues"], direct["participants"], direct["opinions"], direct["open"])


@pytest.fixture
def practices(tree, alice, charlie):
    p1 = make.practice(alice, tree.ubnd_quang_lam, field=PracticeField.ECONOMY, registered_on=D(2025, 1, 10))
    services.start_building(alice, p1, on=D(2025, 2, 1))
    services.recognise(alice, p1, on=D(2025, 5, 15), level=RecognitionLevel.COMMUNE, decision="12-QĐ/ĐU")
    services.replicate(alice, p1, on=D(2025, 8, 10))
    p2 = make.practice(alice, tree.board_cb, field=PracticeField.CULTURE_SOCIETY, registered_on=D(2025, 3, 1))
    services.start_building(alice, p2, on=D(2025, 4, 1))
    make.practice(alice, tree.ubnd_hoa_an, field=PracticeField.ECONOMY, registered_on=D(2025, 2, 5))
    p4 = make.practice(alice, tree.ubnd_hoa_an, field=PracticeField.DEFENCE_SECURITY, registered_on=D(2024, 10, 10))
    services.start_building(alice, p4, on=D(2024, 11, 1))
    services.recognise(alice, p4, on=D(2025, 3, 20), level=RecognitionLevel.PROVINCE)
    make.practice(charlie, tree.ubnd_hoan_kiem, registered_on=D(2025, 2, 2))


def _status_on(practice, day):
    steps = [s for s in practice.status_changes.all() if s.changed_on <= day]
    return max(steps, key=lambda s: (s.changed_on, s.pk)).status


def _direct_practices(root, start, end):
    registered = list(GoodPractice.objects.filter(area__path__startswith=root.path, archived_at__isnull=True,
                                                  registered_on__gte=start, registered_on__lte=end))
    by_status: dict[str, int] = {}
    by_field: dict[str, int] = {}
    for practice in registered:
        by_status[_status_on(practice, end)] = by_status.get(_status_on(practice, end), 0) + 1
        by_field[practice.field] = by_field.get(practice.field, 0) + 1
    recognised = GoodPracticeStatusChange.objects.filter(
        practice__area__path__startswith=root.path, status="recognised", changed_on__gte=start, changed_on__lte=end)
    return len(registered), by_field, by_status, recognised.count()


def test_practice_counts_by_field_and_status_on_the_last_day(tree, practices):
    result = counts.count_good_practices(tree.cao_bang, START, END)
    assert result == counts.PracticeCounts(
        registered=3,
        by_field={"economy": 2, "culture": 1},
        by_status={"recognised": 1, "building": 1, "registered": 1},
        recognised=2, recognised_by_level={"commune": 1, "province": 1}, replicated=0,
    )
    assert (result.registered, result.by_field, result.by_status, result.recognised) == _direct_practices(
        tree.cao_bang, START, END)


def test_a_later_step_does_not_change_a_past_period_but_counts_in_its_own(tree, practices):
    whole_year = counts.count_good_practices(tree.cao_bang, D(2025, 1, 1), D(2025, 12, 31))
    assert whole_year.by_status == {"replicated": 1, "building": 1, "registered": 1}
    assert whole_year.replicated == 1
    assert (whole_year.registered, whole_year.by_field, whole_year.by_status, whole_year.recognised) == \
        _direct_practices(tree.cao_bang, D(2025, 1, 1), D(2025, 12, 31))
    hoa_an = counts.count_good_practices(tree.hoa_an, D(2024, 1, 1), D(2024, 12, 31))
    assert (hoa_an.registered, hoa_an.by_field, hoa_an.by_status) == (1, {"defence": 1}, {"building": 1})
    assert (hoa_an.registered, hoa_an.by_field, hoa_an.by_status, hoa_an.recognised) == _direct_practices(
        tree.hoa_an, D(2024, 1, 1), D(2024, 12, 31))


@pytest.fixture
def activities(tree, alice, charlie):
    ql, board = tree.ubnd_quang_lam, tree.board_cb
    make.session(alice, ql, held_on=D(2025, 3, 10), kind=SessionKind.LEGAL, attendees=40)
    make.session(alice, ql, held_on=D(2025, 3, 11), kind=SessionKind.PROPAGANDA, attendees=60)
    make.session(alice, board, held_on=D(2025, 6, 1), kind=SessionKind.LEGAL, attendees=100)
    make.session(charlie, tree.ubnd_hoan_kiem, held_on=D(2025, 3, 10), attendees=500)
    make.session(alice, ql, held_on=D(2025, 7, 1), attendees=30)
    audited.archive(make.session(alice, ql, held_on=D(2025, 3, 12), attendees=77), alice, reason="Trùng")
    make.course(alice, board, starts_on=D(2025, 3, 10), attendances=60)
    make.course(alice, ql, starts_on=D(2025, 6, 20), attendances=25)
    make.course(alice, ql, starts_on=D(2025, 7, 1), attendances=99)
    b1 = make.briefing(alice, board, held_on=D(2025, 3, 25), participants=25)
    k1 = services.add_briefing_task(alice, b1, content="Rà soát đơn tồn", owner="Ban Dân vận xã")
    services.complete_follow_up(alice, k1, completed_on=D(2025, 4, 10), result="Đã báo cáo")
    services.add_briefing_task(alice, b1, content="Nắm tình hình", owner="MTTQ")
    make.briefing(alice, board, held_on=D(2025, 6, 25), participants=30)
    make.briefing(charlie, tree.board_hn, held_on=D(2025, 3, 25), participants=40)
    v1 = make.supervision(alice, board, held_on=D(2025, 4, 10), supervised=ql)
    r1 = services.add_recommendation(alice, v1, content="Công khai kết quả", owner="UBND xã")
    services.complete_follow_up(alice, r1, completed_on=D(2025, 5, 1), result="Đã niêm yết")
    services.add_recommendation(alice, v1, content="Giải quyết đơn quá hạn", owner="UBND xã")
    make.supervision(charlie, tree.board_hn, held_on=D(2025, 4, 10))
    make.support(alice, ql, given_on=D(2025, 5, 5), workdays=10, money_vnd=5_000_000,
                 provider=SupportProvider.BORDER_GUARD)
    make.support(alice, ql, given_on=D(2025, 5, 6), workdays=5, money_vnd=0, provider=SupportProvider.ARMY)
    make.support(charlie, tree.ubnd_hoan_kiem, given_on=D(2025, 5, 6), workdays=100)
    make.commendation(alice, board, decided_on=D(2025, 3, 10))
    make.commendation(alice, board, decided_on=D(2025, 4, 10), recipient_name="Lương Văn Tú")
    make.commendation(alice, board, decided_on=D(2025, 5, 10), kind=CommendationKind.CERTIFICATE,
                      recipient_kind=RecipientKind.COLLECTIVE, recipient_name="Chi bộ thôn Nà Mạ")
    make.commendation(charlie, tree.board_hn, decided_on=D(2025, 3, 10))


def _in(model, root, date_field, start=START, end=END):
    return model.objects.filter(area__path__startswith=root.path, archived_at__isnull=True,
                                **{f"{date_field}__gte": start, f"{date_field}__lte": end})


def test_propaganda_session_counts(tree, activities):
    result = counts.count_propaganda_sessions(tree.cao_bang, START, END)
    assert result == counts.SessionCounts(sessions=3, attendees=200, sessions_by_kind={"legal": 2, "propaganda": 1},
                                          attendees_by_kind={"legal": 140, "propaganda": 60})
    direct = _in(PropagandaSession, tree.cao_bang, "held_on")
    assert (result.sessions, result.attendees) == (direct.count(), sum(s.attendees for s in direct))
    assert result.attendees_by_kind["legal"] == sum(s.attendees for s in direct.filter(kind="legal"))
    assert counts.count_propaganda_sessions(tree.quang_lam, START, END).sessions == _in(
        PropagandaSession, tree.quang_lam, "held_on").count() == 2


def test_training_counts(tree, activities):
    result = counts.count_training(tree.cao_bang, START, END)
    assert result == counts.TrainingCounts(courses=2, attendances=85)
    direct = _in(TrainingCourse, tree.cao_bang, "starts_on")
    assert (result.courses, result.attendances) == (direct.count(), sum(c.attendances for c in direct))


def test_briefing_counts(tree, activities):
    result = counts.count_briefings(tree.cao_bang, START, END)
    assert result == counts.BriefingCounts(briefings=2, participants=55, tasks=2, open_tasks=1)
    direct = _in(Briefing, tree.cao_bang, "held_on")
    tasks = BriefingTask.objects.filter(briefing__in=direct)
    assert (result.briefings, result.participants, result.tasks, result.open_tasks) == (
        direct.count(), sum(b.participants for b in direct), tasks.count(), tasks.filter(status="open").count())
    # On 31/03 the task done on 10/04 was still open.
    assert counts.count_briefings(tree.cao_bang, START, D(2025, 3, 31)).open_tasks == 2


def test_supervision_counts(tree, activities):
    result = counts.count_supervisions(tree.cao_bang, START, END)
    assert result == counts.SupervisionCounts(supervisions=1, recommendations=2, recommendations_done=1)
    direct = _in(Supervision, tree.cao_bang, "held_on")
    recommendations = SupervisionRecommendation.objects.filter(supervision__in=direct)
    assert (result.supervisions, result.recommendations, result.recommendations_done) == (
        direct.count(), recommendations.count(), recommendations.filter(completed_on__lte=END).count())
    assert counts.count_supervisions(tree.cao_bang, START, D(2025, 4, 30)).recommendations_done == 0


def test_support_counts(tree, activities):
    result = counts.count_support(tree.cao_bang, START, END)
    assert result == counts.SupportCounts(
        contributions=2, workdays=15, money_vnd=5_000_000,
        workdays_by_provider={"border": 10, "army": 5}, money_by_provider={"border": 5_000_000, "army": 0},
    )
    direct = _in(SupportContribution, tree.cao_bang, "given_on")
    assert (result.workdays, result.money_vnd) == (sum(s.workdays for s in direct), sum(s.money_vnd for s in direct))


def test_commendation_counts(tree, activities):
    result = counts.count_commendations(tree.cao_bang, START, END)
    assert result == counts.CommendationCounts(commendations=3, by_kind={"medal": 2, "certificate": 1},
                                               individuals_by_kind={"medal": 2})
    direct = _in(Commendation, tree.cao_bang, "decided_on")
    assert result.commendations == direct.count()
    assert result.individuals_by_kind["medal"] == direct.filter(kind="medal", recipient_kind="individual").count()


def test_count_all_bundles_every_count(tree, dialogues, practices, activities):
    overview = counts.count_all(tree.cao_bang, START, END)
    assert overview.dialogues == counts.count_dialogues(tree.cao_bang, START, END)
    assert (overview.dialogues.dialogues, overview.practices.registered, overview.sessions.sessions,
            overview.training.attendances, overview.briefings.briefings, overview.supervisions.supervisions,
            overview.support.workdays, overview.commendations.commendations) == (2, 3, 3, 85, 2, 1, 15, 3)


def test_empty_subtree_counts_zero_not_none(tree, db):
    overview = counts.count_all(tree.village, START, END)
    assert overview.dialogues.participants == 0 and overview.sessions.attendees == 0
    assert overview.support.money_vnd == 0 and overview.practices.by_field == {}
