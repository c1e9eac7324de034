"""The index answers as the exact scan does (issue 19: "never slower than the exact scan", recall against it).

When at most `engine.EXACT_RANK_UP_TO` letters the viewer may see share text with the query, the index scores
every one of them: its top 10 is the exact scan's, with the same scores. Beyond, it scores the best by text;
which letters it scores may change, a score never does.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from danvan.accounts.models import Role
from danvan.datagen.generator import SCALES, Generator
from danvan.duplicates import index as dup_index
from danvan.duplicates import services
from danvan.duplicates.engine import EXACT_RANK_UP_TO, Doc, DuplicateIndex, ExactScan, Query
from danvan.letters.models import Letter
from danvan.units.models import OrganisationType
from danvan.units.services import create_standard_organisations
from tests.conftest import make_org, make_user


def _collection(seed: int, n: int = 1500, vocabulary: int = 4000):
    """Letters with skewed vocabularies, petitioners, groups, protected denouncers and identifiers of each kind."""
    rng = np.random.default_rng(seed)
    docs = []
    for i in range(1, n + 1):
        features = rng.zipf(1.3, size=int(rng.integers(5, 40))) % vocabulary + 1
        people = [int(rng.integers(10_000, 10_080))] if rng.random() < 0.7 else []
        idents = (rng.integers(0, 60, size=int(rng.integers(0, 3))) * 4 + rng.integers(0, 3)).astype(np.uint32)
        docs.append(Doc(letter=1_000_000 + i, matter=1_000_000 + i // 2, scope_area=int(rng.integers(1, 4)),
                        subject_area=int(rng.integers(0, 5)), field=int(rng.integers(0, 3)),
                        received=int(rng.integers(1, 50)), protected=bool(rng.random() < 0.1),
                        features=np.unique(features.astype(np.uint32)),
                        petitioner_keys=np.array(people, dtype=np.uint32), identifiers=np.unique(idents),
                        group=bool(rng.random() < 0.1)))
    return docs, rng


def _queries(docs, rng, count=40):
    for _ in range(count):
        source = docs[int(rng.integers(0, len(docs)))]
        features = np.unique(np.concatenate([source.features[: max(1, len(source.features) // 2)],
                                             rng.integers(1, 4000, size=5).astype(np.uint32)]))
        yield source, Query(features=features, strong=features[:3], identifiers=source.identifiers,
                            petitioner_keys={int(p): 0.9 for p in source.petitioner_keys.tolist()},
                            subject_area=source.subject_area, field=source.field, group=bool(rng.random() < 0.2))


@pytest.mark.parametrize("seed", [5, 6])
def test_the_index_gives_the_exact_scans_top_10_with_the_same_scores(seed):
    docs, rng = _collection(seed)
    index = DuplicateIndex()
    index.build(docs)
    scan = ExactScan(index)
    allowed = np.array([False, True, True, False])  # areas 1 and 2 of 3
    checked = 0
    for source, query in _queries(docs, rng):
        for filters in ({}, {"allowed_areas": allowed, "received_before": source.received,
                             "exclude_letters": frozenset({source.letter}), "see_protected_petitioners": True}):
            got = index.query(query, k=10, **filters)  # defaults: what the service asks
            assert got == scan.query(query, k=10, **filters)  # letters, scores and every part of them, exactly
            checked += bool(got)
    assert checked >= 40


def test_pruning_changes_which_letters_are_scored_never_a_score():
    docs, rng = _collection(7)
    index = DuplicateIndex()
    index.build(docs)
    scan = ExactScan(index)
    pruned_queries = 0
    for _, query in _queries(docs, rng):
        exact = {hit.letter: hit for hit in scan.query(query, k=len(docs))}
        pruned = index.query(query, k=len(docs), candidates=2, exact_up_to=0)
        pruned_queries += len(pruned) < len(exact)
        assert all(hit == exact[hit.letter] for hit in pruned)
        assert index.query(query, k=len(docs)) == list(exact.values())  # below the limit: every letter, exactly
    assert pruned_queries >= 10
    assert EXACT_RANK_UP_TO >= 1000


@pytest.mark.parametrize("seed", [11])
def test_suggestions_with_the_index_equal_those_of_the_exact_scan(tree, seed, alice):
    """Generated letters typed again as drafts: the officer gets the same top 10, scores and reasons whether the
    request is answered by the index or by the exact scan of the same index."""
    create_standard_organisations(tree.nation, [tree.cao_bang, tree.ha_noi],
                                  [tree.quang_lam, tree.hoa_an, tree.hoan_kiem])
    Generator(scale=SCALES["tiny"], seed=seed, until=dt.date(2026, 10, 31), letters=300, visits=30,
              history=False).run()
    dup_index.forget()
    dup_index.reindex_all()
    head = make_user("tw", make_org("Ban Dân vận Trung ương", OrganisationType.MOBILISATION_BOARD, tree.nation),
                     Role.HEAD)
    scan = ExactScan(dup_index.current_index())
    letters = list(Letter.objects.select_related("subject_area").prefetch_related("petitioner_links__citizen")
                   .order_by("-received_on", "-pk")[:60])
    compared = 0
    for letter in letters:
        draft = dict(text=f"{letter.summary}\n{letter.content}", subject_area=letter.subject_area,
                     field=letter.field, received_on=letter.received_on, exclude_letters=frozenset({letter.pk}),
                     petitioners=[(link.citizen.full_name, link.citizen.id_number, link.citizen.birth_year)
                                  for link in letter.petitioner_links.all()])
        for user in (head, alice):
            got = services.suggestions_for_draft(user, k=10, **draft)
            exact = services.suggestions_for_draft(user, k=10, scan=scan, **draft)
            assert [(s.letter.pk, s.score, s.band, s.reasons) for s in got] == \
                [(s.letter.pk, s.score, s.band, s.reasons) for s in exact]
            compared += len(got)
    assert compared >= 300
