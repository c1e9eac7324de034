"""The in-memory index against a brute-force scan of the same score, and its upkeep (pure numpy)."""

import numpy as np
import pytest

from danvan.duplicates.engine import (
    CUTOFF_SHARE,
    MIN_CUTOFF,
    RARE_DF,
    CorpusStats,
    Doc,
    DuplicateIndex,
    ExactScan,
    Query,
    combine,
)


def doc(letter, features, *, matter=None, area=1, subject=0, field=0, received=100, protected=False, people=()):
    return Doc(letter=letter, matter=matter or letter, scope_area=area, subject_area=subject, field=field,
               received=received, protected=protected, features=np.array(sorted(set(features)), dtype=np.uint32),
               petitioner_keys=np.array(sorted(set(people)), dtype=np.uint32))


def brute_force(index: DuplicateIndex, docs: list[Doc], query: Query, k: int) -> list[int]:
    """The same score computed for every letter, without postings, pruning or re-ranking."""
    matters = {}
    for d in docs:
        for f in d.features.tolist():
            matters.setdefault(f, set()).add(d.matter)
    keys = sorted(matters | dict.fromkeys(query.features.tolist(), 0))
    cutoff = max(MIN_CUTOFF, CUTOFF_SHARE * len({d.matter for d in docs}))
    df = [max(len(matters.get(f, ())), RARE_DF) for f in keys]
    weight = {f: (np.log(cutoff / c) if c < cutoff else 0.0) for f, c in zip(keys, df, strict=True)}
    q = set(query.features.tolist())
    q_norm = np.sqrt(sum(weight[f] ** 2 for f in q))
    scored = []
    for d in docs:
        feats = set(d.features.tolist())
        norm = np.sqrt(sum(weight[f] ** 2 for f in feats))
        text = min(sum(weight[f] ** 2 for f in q & feats) / max(q_norm * norm, 1e-9), 1.0)
        strong = len({f for f in set(query.strong.tolist()) & feats if weight[f] > 0})
        pet = max([query.petitioner_keys.get(p, 0.0) for p in d.petitioner_keys.tolist()] or [0.0])
        other = pet == 0 and len(d.petitioner_keys) > 0 and bool(query.petitioner_keys)
        other_area = d.subject_area != query.subject_area and d.subject_area != 0 and query.subject_area != 0
        score = combine(text, pet, strong, d.subject_area == query.subject_area and query.subject_area != 0,
                        d.field == query.field, float(other), 0.5 * other_area)
        if score > 0:
            scored.append((-score, -d.received, -d.letter, d.letter))
    return [s[3] for s in sorted(scored)[:k]]


def random_collection(seed, n=600, vocabulary=400):
    rng = np.random.default_rng(seed)
    docs = []
    for i in range(1, n + 1):
        size = int(rng.integers(5, 40))
        features = rng.zipf(1.3, size=size) % vocabulary + 1
        people = [int(rng.integers(10_000, 10_050))] if rng.random() < 0.7 else []
        docs.append(doc(i, features.tolist(), subject=int(rng.integers(1, 5)), field=int(rng.integers(0, 3)),
                        received=int(rng.integers(1, 50)), people=people))
    return docs, rng


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_index_ranks_as_a_brute_force_scan(seed):
    docs, rng = random_collection(seed)
    index = DuplicateIndex()
    index.build(docs)
    for _ in range(40):
        source = docs[int(rng.integers(0, len(docs)))]
        features = np.unique(np.concatenate([source.features[: max(1, len(source.features) // 2)],
                                             rng.integers(1, 400, size=5).astype(np.uint32)]))
        query = Query(features=features, strong=features[:2],
                      petitioner_keys={int(p): 1.0 for p in source.petitioner_keys.tolist()},
                      subject_area=source.subject_area, field=source.field)
        got = [h.letter for h in index.query(query, k=10, candidates=len(docs))]
        assert got == brute_force(index, docs, query, 10) == ExactScan(index).top(query, k=10)


def test_a_letter_added_edited_or_removed_is_found_as_it_now_is():
    docs, _ = random_collection(4, n=100)
    index = DuplicateIndex()
    index.build(docs)
    unusual = [900_001, 900_002, 900_003]
    query = Query(features=np.array(unusual, dtype=np.uint32), strong=np.zeros(0, np.uint32), petitioner_keys={})
    assert index.query(query, k=3) == []
    index.add(doc(5000, unusual + [1, 2]))
    assert [h.letter for h in index.query(query, k=3)] == [5000]
    index.add(doc(5000, [1, 2, 3]))  # edited: its old features are gone
    assert index.query(query, k=3) == []
    index.add(doc(5001, unusual))
    index.remove(5001)  # archived
    assert index.query(query, k=3) == [] and len(index) == 101


def test_scope_date_and_exclusions_filter_the_candidates():
    index = DuplicateIndex()
    index.build([doc(1, [7, 8, 9], area=3, received=10), doc(2, [7, 8, 9], area=4, received=10),
                 doc(3, [7, 8, 9], area=3, received=30, matter=1), *[doc(i, [i]) for i in range(10, 40)]])
    query = Query(features=np.array([7, 8, 9], dtype=np.uint32), strong=np.zeros(0, np.uint32),
                  petitioner_keys={})
    allowed = np.zeros(5, dtype=bool)
    allowed[3] = True
    assert [h.letter for h in index.query(query, allowed_areas=allowed)] == [3, 1]
    assert [h.letter for h in index.query(query, allowed_areas=allowed, received_before=20)] == [1]
    assert [h.letter for h in index.query(query, exclude_matters=frozenset({1}))] == [2]
    assert [h.letter for h in index.query(query, exclude_pairs=frozenset({3, 2}))] == [1]


def test_a_protected_petitioner_counts_only_for_who_may_see_identities():
    index = DuplicateIndex()
    index.build([doc(1, [5], protected=True, people=[77]), doc(2, [6], people=[77]),
                 *[doc(i, [i]) for i in range(10, 40)]])
    query = Query(features=np.zeros(0, np.uint32), strong=np.zeros(0, np.uint32), petitioner_keys={77: 1.0})
    assert [h.letter for h in index.query(query)] == [2]
    assert {h.letter for h in index.query(query, see_protected_petitioners=True)} == {1, 2}


def test_score_parts_stay_within_bounds_and_another_petitioner_lowers_it():
    assert combine(1.0, 1.0, 5, 1, 1) == pytest.approx(1.0)
    assert combine(0.0, 0.0, 0, 1, 1) == 0
    assert combine(0.5, 0, 0, 0, 0, 1.0) < combine(0.5, 0, 0, 0, 0, 0.0)


def _all_scores(index: DuplicateIndex, docs: list[Doc]) -> dict[tuple[int, int], float]:
    scores = {}
    for d in docs:
        query = Query(features=d.features, strong=d.features[:3], identifiers=d.identifiers,
                      petitioner_keys={int(p): 1.0 for p in d.petitioner_keys.tolist()},
                      subject_area=d.subject_area, field=d.field)
        for hit in index.query(query, k=len(docs), candidates=len(docs), exclude_letters=frozenset({d.letter})):
            scores[d.letter, hit.letter] = hit.score
    return scores


def test_scores_do_not_depend_on_the_order_letters_arrived_in():
    """Issue 19: a score is a function of the two letters and the statistics snapshot, not of the index's
    history. Built at once, added one by one in two orders, or added after a build of half of them: the
    same scores, exactly (the old index fixed each added letter's norm at its arrival)."""
    docs, rng = random_collection(5, n=300)
    matters = np.array([d.matter for d in docs])
    keys = np.concatenate([d.features for d in docs])
    owners = np.repeat(np.arange(len(docs)), [len(d.features) for d in docs])
    stats = CorpusStats.compute(keys, matters[owners], letters=len(docs), version="v1")
    at_once = DuplicateIndex(stats)
    at_once.build(docs, stats)
    forward, backward, halves = DuplicateIndex(stats), DuplicateIndex(stats), DuplicateIndex(stats)
    for d in docs:
        forward.add(d)
    for d in reversed(docs):
        backward.add(d)
    halves.build(docs[::2], stats)
    for d in docs[1::2]:
        halves.add(d)
    expected = _all_scores(at_once, docs)
    assert len(expected) > 1000
    for other in (forward, backward, halves):
        assert _all_scores(other, docs) == expected
    # The same snapshot recomputed (a restart, a rebuild of the same letters) is the same statistic.
    again = CorpusStats.compute(keys[::-1].copy(), matters[owners][::-1].copy(), letters=len(docs), version="v1")
    assert np.array_equal(again.keys, stats.keys) and np.array_equal(again.df, stats.df)


def test_repeats_of_one_matter_do_not_make_its_words_weigh_less():
    """Document frequency is counted per matter and floored: a matter written five times keeps its weights."""
    filler = [doc(100 + i, [1000 + i, 5000]) for i in range(60)]
    once = [doc(1, [7, 8, 9], matter=1)]
    five_times = [doc(i, [7, 8, 9], matter=1) for i in range(1, 6)]
    a, b = DuplicateIndex(), DuplicateIndex()
    a.build(filler + once)
    b.build(filler + five_times)
    keys = np.array([7, 8, 9], dtype=np.uint32)
    assert np.array_equal(a.weights(keys), b.weights(keys)) and a.weights(keys)[0] > 0
    # …and four matters sharing a word do not dilute it either, while a word of most matters weighs 0.
    assert b.weights(np.array([5000], dtype=np.uint32))[0] == 0


def test_conflicting_identifiers_lower_a_score_and_agreeing_ones_do_not():
    decision_a, decision_b, plot = 0x100 | 0, 0x200 | 0, 0x300 | 1
    docs = [doc(1, [7, 8, 9]), doc(2, [7, 8, 9]), doc(3, [7, 8, 9]), *[doc(i, [i]) for i in range(10, 40)]]
    docs[0] = Doc(**{**docs[0].__dict__, "identifiers": np.array([decision_a], dtype=np.uint32)})
    docs[1] = Doc(**{**docs[1].__dict__, "identifiers": np.array([decision_b], dtype=np.uint32)})
    docs[2] = Doc(**{**docs[2].__dict__, "identifiers": np.array([plot], dtype=np.uint32)})
    index = DuplicateIndex()
    index.build(docs)
    query = Query(features=np.array([7, 8, 9], dtype=np.uint32), strong=np.zeros(0, np.uint32),
                  petitioner_keys={}, identifiers=np.array([decision_a, plot], dtype=np.uint32))
    hits = {h.letter: h for h in index.query(query)}
    assert hits[1].conflict == 0 and hits[3].conflict == 0  # the same decision; a plot only on one side
    assert hits[2].conflict == 1.0 and hits[2].score == pytest.approx(hits[1].score / 2)
    assert [h.letter for h in index.query(query)][-1] == 2
    assert ExactScan(index).top(query, k=3)[-1] == 2


def test_a_group_letter_is_not_lowered_for_another_signer():
    docs = [doc(1, [7, 8, 9], people=[50]), doc(2, [7, 8, 9], people=[51]), *[doc(i, [i]) for i in range(10, 40)]]
    docs[1] = Doc(**{**docs[1].__dict__, "group": True})
    index = DuplicateIndex()
    index.build(docs)
    query = Query(features=np.array([7, 8, 9], dtype=np.uint32), strong=np.zeros(0, np.uint32),
                  petitioner_keys={99: 1.0})
    hits = {h.letter: h for h in index.query(query)}
    assert hits[1].other_petitioner and not hits[2].other_petitioner
    assert hits[2].score > hits[1].score
    grouped = Query(features=query.features, strong=query.strong, petitioner_keys={99: 1.0}, group=True)
    assert not any(h.other_petitioner for h in index.query(grouped))
