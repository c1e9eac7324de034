"""Form 01/TCD figures against hand-computed data, and against a direct query of the same visits.

The data (root Cao Bằng, March 2026):

  S1 board of Cao Bằng, regular, 01/03            S2 UBND Quảng Lâm, periodic (head), 15/03
    v1  1 person   first     opens M1               v6  12 persons  repeated  opens M2   large
    v2  6 persons  first     no matter  large       v7   2 persons  first     M1
    v3  1 person   repeated  M1                     v8   5 persons  first     no matter  large, denunciation
    v4  1 person   repeated  no matter            S3 UBND Hòa An, ad hoc (head), 31/03
    v5  3 persons  first     archived: not counted  v9   1 person   repeated  M2, policy field

  Not counted: a visit on 28/02 and one on 01/04 (dates), one in Hà Nội (subtree), one in an
  archived session; each of 7 persons, so that counting one would change every figure.
"""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.core.choices import ContentKind, Field
from danvan.reception import counts, services
from danvan.reception.counts import ReceptionFigures
from danvan.reception.models import BY_HEAD_KINDS, Occurrence, SessionKind, Visit
from tests.reception.conftest import open_session, record_visit

START, END = dt.date(2026, 3, 1), dt.date(2026, 3, 31)
FIRST, REPEATED = Occurrence.FIRST, Occurrence.REPEATED


@pytest.fixture
def data(tree, alice, charlie):
    s1 = open_session(alice, tree.board_cb, date=START)
    s2 = open_session(alice, tree.ubnd_quang_lam, kind=SessionKind.PERIODIC, date=dt.date(2026, 3, 15))
    s3 = open_session(alice, tree.ubnd_hoa_an, kind=SessionKind.AD_HOC, date=END)
    v1 = record_visit(alice, s1, occurrence=FIRST, create_matter=True)
    m1 = v1.matter
    record_visit(alice, s1, persons=6, representatives=2, occurrence=FIRST)
    record_visit(alice, s1, occurrence=REPEATED, matter=m1)
    record_visit(alice, s1, occurrence=REPEATED)
    v5 = record_visit(alice, s1, persons=3, occurrence=FIRST)
    services.archive_visit(alice, v5, reason="Ghi trùng")
    m2 = record_visit(alice, s2, persons=12, representatives=3, occurrence=REPEATED, create_matter=True).matter
    record_visit(alice, s2, persons=2, occurrence=FIRST, matter=m1)
    record_visit(alice, s2, persons=5, representatives=1, occurrence=FIRST, content_kind=ContentKind.DENUNCIATION)
    record_visit(alice, s3, occurrence=REPEATED, matter=m2, field=Field.POLICY)
    outside = [
        open_session(alice, tree.board_cb, date=dt.date(2026, 2, 28)),
        open_session(alice, tree.board_cb, date=dt.date(2026, 4, 1)),
        open_session(charlie, tree.board_hn, date=dt.date(2026, 3, 10)),
    ]
    archived = open_session(alice, tree.board_cb, date=dt.date(2026, 3, 10))
    for session in [*outside, archived]:
        actor = charlie if session.organisation == tree.board_hn else alice
        record_visit(actor, session, persons=7, representatives=1, occurrence=FIRST)
    services.archive_session(alice, archived, reason="Nhập nhầm")
    return tree


REGULAR = ReceptionFigures(visits=4, persons=9, matters=3, matters_first=2, matters_repeated=1, large_groups=1,
                           large_group_persons=6, large_group_matters=1, large_group_matters_first=1,
                           large_group_matters_repeated=0)
BY_HEAD = ReceptionFigures(visits=4, persons=20, matters=3, matters_first=2, matters_repeated=1, large_groups=2,
                           large_group_persons=17, large_group_matters=2, large_group_matters_first=1,
                           large_group_matters_repeated=1)
TOTAL = ReceptionFigures(visits=8, persons=29, matters=5, matters_first=3, matters_repeated=2, large_groups=3,
                         large_group_persons=23, large_group_matters=3, large_group_matters_first=2,
                         large_group_matters_repeated=1)


def test_figures_match_the_hand_computed_table(data):
    result = counts.count_reception(data.cao_bang, START, END)
    assert result.regular == REGULAR
    assert result.by_head == BY_HEAD
    assert result.total == TOTAL


def _direct(root, start, end, kinds=None, min_persons=1) -> ReceptionFigures:
    """The same figures by another route: the session's organisation's area, and sets in Python."""
    qs = Visit.objects.filter(
        archived_at__isnull=True, session__archived_at__isnull=True, session__date__range=(start, end),
        session__organisation__area__path__startswith=root.path,
    )
    if kinds:
        qs = qs.filter(session__kind__in=kinds)
    rows = list(qs.values("pk", "persons", "occurrence", "matter_id"))

    def matters(subset):
        keys = {r["matter_id"] or f"visit-{r['pk']}" for r in subset}
        first = {r["matter_id"] or f"visit-{r['pk']}" for r in subset if r["occurrence"] == FIRST}
        return len(keys), len(first), len(keys - first)

    large = [r for r in rows if r["persons"] >= 5]
    m, mf, mr = matters(rows)
    lm, lmf, lmr = matters(large)
    return ReceptionFigures(len(rows), sum(r["persons"] for r in rows), m, mf, mr, len(large),
                            sum(r["persons"] for r in large), lm, lmf, lmr)


@pytest.mark.parametrize(
    ("root_name", "start", "end"),
    [
        ("cao_bang", START, END),
        ("cao_bang", dt.date(2026, 3, 2), END),  # S1 (01/03) falls out
        ("cao_bang", START, dt.date(2026, 3, 30)),  # S3 (31/03) falls out
        ("cao_bang", dt.date(2026, 2, 28), dt.date(2026, 4, 1)),  # the two outside dates come in
        ("quang_lam", START, END),
        ("ha_noi", START, END),
        ("nation", START, END),
    ],
)
def test_figures_agree_with_a_direct_query(data, root_name, start, end):
    root = getattr(data, root_name)
    result = counts.count_reception(root, start, end)
    assert result.regular == _direct(root, start, end, [SessionKind.REGULAR])
    assert result.by_head == _direct(root, start, end, BY_HEAD_KINDS)
    assert result.total == _direct(root, start, end)


def test_boundaries_by_hand(data):
    assert counts.count_reception(data.cao_bang, dt.date(2026, 3, 2), END).regular.visits == 0
    assert counts.count_reception(data.cao_bang, START, dt.date(2026, 3, 30)).by_head.visits == 3
    assert counts.count_visits(data.cao_bang, dt.date(2026, 2, 28), dt.date(2026, 4, 1)) == 10
    # Hà Nội's visit is not Cao Bằng's, and Cao Bằng's are not Hà Nội's.
    assert counts.count_visits(data.ha_noi, START, END) == 1
    assert counts.count_visits(data.nation, START, END) == 9
    # A commune's subtree holds its own sessions only.
    quang_lam = counts.count_reception(data.quang_lam, START, END)
    assert quang_lam.regular == ReceptionFigures()
    assert (quang_lam.by_head.visits, quang_lam.by_head.persons, quang_lam.by_head.large_groups) == (3, 19, 2)


def test_single_figures_and_filters(data):
    assert counts.count_visits(data.cao_bang, START, END) == 8
    assert counts.count_persons(data.cao_bang, START, END) == 29
    assert counts.count_matters(data.cao_bang, START, END) == 5
    assert counts.count_large_groups(data.cao_bang, START, END) == 3
    assert counts.count_visits(data.cao_bang, START, END, content_kind=ContentKind.DENUNCIATION) == 1
    assert counts.count_persons(data.cao_bang, START, END, field=Field.POLICY) == 1
    assert counts.count_visits(data.cao_bang, START, END, content_kind=ContentKind.DENUNCIATION) == (
        Visit.objects.filter(content_kind=ContentKind.DENUNCIATION, archived_at__isnull=True,
                             session__archived_at__isnull=True, area__path__startswith=data.cao_bang.path,
                             session__date__range=(START, END)).count()
    )


def test_the_large_group_threshold_comes_from_settings(data, settings):
    settings.DANVAN_LARGE_GROUP_MIN_PERSONS = 10
    total = counts.count_reception(data.cao_bang, START, END).total
    assert (total.large_groups, total.large_group_persons, total.large_group_matters_repeated) == (1, 12, 1)


def test_a_corrected_session_date_moves_its_visits_to_the_other_period(tree, alice):
    session = open_session(alice, tree.board_cb, date=dt.date(2026, 3, 31))
    record_visit(alice, session, persons=2)
    record_visit(alice, session)
    assert counts.count_visits(tree.cao_bang, START, END) == 2
    services.update_session(alice, session, date=dt.date(2026, 4, 1), reason="Ghi nhầm ngày")
    assert counts.count_visits(tree.cao_bang, START, END) == 0
    assert counts.count_persons(tree.cao_bang, dt.date(2026, 4, 1), dt.date(2026, 4, 30)) == 3
