"""The in-memory index of letters' features and the score of a suggestion (pure: numpy, no database).

Why an inverted index with a floored IDF, not MinHash LSH or pg_trgm: see ADR 0009.

Weights. A feature found in `df` of the stored letters weighs ``w = log(cutoff / df)`` while
``df < cutoff`` and 0 from then on, with ``cutoff = max(MIN_CUTOFF, CUTOFF_SHARE × letters)``.
What every letter of a kind says (templates, boilerplate) therefore weighs nothing, and a rare
decision number, amount or place name weighs most. Because a feature at the cutoff weighs exactly
0, its postings need not be kept: the pruned index computes the same cosine as a brute-force scan,
only over far fewer postings (the benchmark checks this against an exact scan).

Score of a stored letter d for a query q (letter or draft), each part in [0, 1]:
- text: cosine of the weighted feature sets;
- petitioner: 1 for the same ID number, 0.9 for the same folded name and birth year, 0.5 for the name;
  never for a protected denouncer unless the viewer may see identities (Luật Tố cáo 2018 Điều 47);
- shared strong signals: decision numbers, dates, long numbers (two or more count fully);
evidence = 0.6·text + 0.25·petitioner + 0.15·strong, then raised by 10 % for the same subject area
and 5 % for the same field, and divided by 1.15 so that the score stays in [0, 1]. Area and field
only ever raise a letter that already shares text or a petitioner: alone they prove nothing.
When both letters name a petitioner the viewer may compare and the names differ, the score is
lowered by a quarter: most repeats come from the same person (a protected denouncer's letter is
never compared for a viewer who may not see the identity, so the penalty reveals nothing).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

MIN_CUTOFF = 10
CUTOFF_SHARE = 0.005
TEXT_WEIGHT, PETITIONER_WEIGHT, STRONG_WEIGHT = 0.6, 0.25, 0.15
STRONG_FULL = 2  # shared strong signals for the full strong part
SAME_AREA_BONUS, SAME_FIELD_BONUS = 0.10, 0.05
OTHER_PETITIONER_PENALTY = 0.25  # both letters name their petitioner, and they differ
RERANK_CANDIDATES = 200  # letters ranked by text before the full score picks the top k
DENSE_SHARE = 0.3  # postings touched, as a share of the letters, from which one dense bincount is cheaper


def combine(text, petitioner, strong, same_area, same_field, other_petitioner=0.0):
    """The suggestion score (works on numbers and on numpy arrays alike)."""
    evidence = (TEXT_WEIGHT * text + PETITIONER_WEIGHT * petitioner
                + STRONG_WEIGHT * np.minimum(strong, STRONG_FULL) / STRONG_FULL)
    raised = evidence * (1 + SAME_AREA_BONUS * same_area + SAME_FIELD_BONUS * same_field)
    return raised * (1 - OTHER_PETITIONER_PENALTY * other_petitioner) / (1 + SAME_AREA_BONUS + SAME_FIELD_BONUS)


@dataclass(frozen=True)
class Doc:
    """One stored letter as the index knows it."""

    letter: int
    matter: int
    scope_area: int  # the owner's area: who may see it
    subject_area: int  # where the matter arose (0 unknown)
    field: int
    received: int  # date ordinal
    protected: bool
    features: np.ndarray  # uint32, unique
    petitioner_keys: np.ndarray  # uint32, unique

    @property
    def has_petitioner(self) -> bool:
        return len(self.petitioner_keys) > 0


@dataclass(frozen=True)
class Query:
    features: np.ndarray  # uint32
    strong: np.ndarray  # uint32, a subset of features
    petitioner_keys: dict[int, float]  # key hash → certainty
    subject_area: int = 0
    field: int = -1


@dataclass(frozen=True)
class Hit:
    letter: int
    matter: int
    score: float
    text: float
    petitioner: float
    strong: int
    same_area: bool
    same_field: bool
    other_petitioner: bool = False


class Postings:
    """key → slots, as a sorted CSR built in bulk plus a dict of lists for later additions.

    Keys whose document frequency reaches `cap` keep only their count (their weight is 0).
    """

    def __init__(self, cap: int | None = None):
        self.cap = cap
        self.keys = np.zeros(0, dtype=np.uint32)
        self.offsets = np.zeros(1, dtype=np.int64)
        self.slots = np.zeros(0, dtype=np.int32)
        self.counts = np.zeros(0, dtype=np.int32)  # df of each base key, capped keys included
        self.extra: dict[int, list[int]] = {}
        self.extra_counts: dict[int, int] = {}

    def build(self, keys: np.ndarray, slots: np.ndarray) -> None:
        """Postings sorted by key, then slot. One in-place sort of (key << 32 | slot) packed in 64 bits:
        at a million letters (50 million pairs) ten times faster than a stable argsort of the keys followed
        by `np.unique` (measured; see ADR 0009), and the same order."""
        total = len(keys)
        if total:
            packed = (keys.astype(np.uint64) << np.uint64(32)) | slots.astype(np.uint32).astype(np.uint64)
            packed.sort()
            keys = (packed >> np.uint64(32)).astype(np.uint32)
            slots = (packed & np.uint64(0xFFFFFFFF)).astype(np.int32)
            del packed
            first = np.empty(total, dtype=bool)
            first[0] = True
            np.not_equal(keys[1:], keys[:-1], out=first[1:])
            starts = np.flatnonzero(first)
            unique = keys[starts]
            counts = np.diff(np.append(starts, total))
        else:
            unique, counts, slots = np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int64), _EMPTY
        if self.cap is not None:
            keep = np.repeat(counts < self.cap, counts)
            kept_counts = np.where(counts < self.cap, counts, 0)
            slots = slots[keep]
        else:
            kept_counts = counts
        self.keys = unique.astype(np.uint32)
        self.counts = counts.astype(np.int32)
        self.offsets = np.concatenate(([0], np.cumsum(kept_counts))).astype(np.int64)
        self.slots = slots
        self.extra, self.extra_counts = {}, {}

    def add(self, slot: int, keys: np.ndarray) -> None:
        current = self.df(keys)
        for key, seen in zip(keys.tolist(), current.tolist(), strict=True):
            self.extra_counts[key] = self.extra_counts.get(key, 0) + 1
            if self.cap is None or seen < self.cap:
                self.extra.setdefault(key, []).append(slot)

    def _positions(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        pos = np.searchsorted(self.keys, keys)
        pos = np.minimum(pos, max(len(self.keys) - 1, 0))
        found = (self.keys[pos] == keys) if len(self.keys) else np.zeros(len(keys), dtype=bool)
        return pos, found

    def df(self, keys: np.ndarray) -> np.ndarray:
        pos, found = self._positions(keys)
        base = np.where(found, self.counts[pos] if len(self.counts) else 0, 0).astype(np.int64)
        if self.extra_counts:
            base = base + np.fromiter((self.extra_counts.get(k, 0) for k in keys.tolist()), dtype=np.int64,
                                      count=len(keys))
        return base

    def lookup(self, keys: np.ndarray) -> list[np.ndarray]:
        pos, found = self._positions(keys)
        result = []
        for key, p, f in zip(keys.tolist(), pos.tolist(), found.tolist(), strict=True):
            parts = []
            if f:
                parts.append(self.slots[self.offsets[p]:self.offsets[p + 1]])
            if key in self.extra:
                parts.append(np.asarray(self.extra[key], dtype=np.int32))
            result.append(np.concatenate(parts) if len(parts) > 1 else (parts[0] if parts else _EMPTY))
        return result

    def nbytes(self) -> int:
        extra = sum(len(v) for v in self.extra.values()) * 36 + len(self.extra_counts) * 100
        return self.keys.nbytes + self.offsets.nbytes + self.slots.nbytes + self.counts.nbytes + extra


_EMPTY = np.zeros(0, dtype=np.int32)
_EMPTY64 = np.zeros(0, dtype=np.int64)


class _Column:
    """A growable numpy column."""

    def __init__(self, dtype):
        self.data = np.zeros(1024, dtype=dtype)
        self.size = 0

    def set_all(self, values: np.ndarray) -> None:
        self.data = np.array(values, dtype=self.data.dtype)
        self.size = len(values)
        if self.size == 0:
            self.data = np.zeros(1024, dtype=self.data.dtype)

    def append(self, value) -> None:
        if self.size == len(self.data):
            self.data = np.concatenate((self.data, np.zeros(max(1024, self.size), dtype=self.data.dtype)))
        self.data[self.size] = value
        self.size += 1

    @property
    def view(self) -> np.ndarray:
        return self.data[:self.size]


COLUMNS = {"letter": np.int64, "matter": np.int64, "scope_area": np.int32, "subject_area": np.int32,
           "field": np.int8, "received": np.int32, "protected": np.bool_, "has_petitioner": np.bool_, "alive": np.bool_,
           "norm": np.float32}


class DuplicateIndex:
    """Letters' features in memory: add, replace, remove (tombstone) and rank by the score above."""

    def __init__(self, *, min_cutoff: int = MIN_CUTOFF, cutoff_share: float = CUTOFF_SHARE):
        self.min_cutoff = min_cutoff
        self.cutoff_share = cutoff_share
        self.cutoff = float(min_cutoff)
        self.columns = {name: _Column(dtype) for name, dtype in COLUMNS.items()}
        self.slot_of: dict[int, int] = {}
        self.terms = Postings(cap=min_cutoff)
        self.petitioners = Postings()
        self.built_size = 0

    # ------------------------------------------------------------------------------------ writing
    def __len__(self) -> int:
        return len(self.slot_of)

    def col(self, name: str) -> np.ndarray:
        return self.columns[name].view

    def weights(self, df: np.ndarray) -> np.ndarray:
        df = np.maximum(df, 1)
        return np.where(df < self.cutoff, np.log(self.cutoff / df), 0.0)

    def build(self, docs: list[Doc]) -> None:
        """Replace the whole index (the cutoff is fixed here, from the number of letters)."""
        self.cutoff = float(max(self.min_cutoff, self.cutoff_share * len(docs)))
        self.terms = Postings(cap=math.ceil(self.cutoff))
        self.petitioners = Postings()
        self.slot_of = {d.letter: i for i, d in enumerate(docs)}
        for name in COLUMNS:
            if name in ("alive", "norm"):
                continue
            self.columns[name].set_all(np.fromiter((getattr(d, name) for d in docs), dtype=COLUMNS[name],
                                                   count=len(docs)))
        self.columns["alive"].set_all(np.ones(len(docs), dtype=bool))
        lengths = np.fromiter((len(d.features) for d in docs), dtype=np.int64, count=len(docs))
        owners = np.repeat(np.arange(len(docs), dtype=np.int32), lengths)
        keys = np.concatenate([d.features for d in docs]).astype(np.uint32) if docs else np.zeros(0, np.uint32)
        self._build_arrays(keys, owners, len(docs))
        p_lengths = np.fromiter((len(d.petitioner_keys) for d in docs), dtype=np.int64, count=len(docs))
        p_keys = np.concatenate([d.petitioner_keys for d in docs]).astype(np.uint32) if docs else keys[:0]
        self.petitioners.build(p_keys, np.repeat(np.arange(len(docs), dtype=np.int32), p_lengths))
        self.built_size = len(docs)

    def build_arrays(self, columns: dict[str, np.ndarray], keys: np.ndarray, owners: np.ndarray,
                     p_keys: np.ndarray, p_owners: np.ndarray) -> None:
        """Bulk build from flat arrays (the benchmark's million letters; no per-letter objects)."""
        n = len(columns["letter"])
        self.cutoff = float(max(self.min_cutoff, self.cutoff_share * n))
        self.terms = Postings(cap=math.ceil(self.cutoff))
        self.petitioners = Postings()
        columns = dict(columns)
        columns.setdefault("has_petitioner", np.bincount(p_owners, minlength=n)[:n] > 0)
        for name in COLUMNS:
            if name in columns:
                self.columns[name].set_all(columns[name])
        self.columns["alive"].set_all(np.ones(n, dtype=bool))
        self.slot_of = dict(zip(columns["letter"].tolist(), range(n), strict=True))
        self._build_arrays(keys, owners, n)
        self.petitioners.build(p_keys, p_owners)
        self.built_size = n

    def _build_arrays(self, keys: np.ndarray, owners: np.ndarray, n: int) -> None:
        self.terms.build(keys, owners)
        # Each letter's norm under the weights of the whole collection, from the kept postings (the keys
        # dropped at the cap weigh 0): the weight of each key repeated over its postings, no lookup per pair.
        w = self.weights(self.terms.counts.astype(np.int64))
        w2 = np.repeat(w * w, np.diff(self.terms.offsets))
        norms = np.sqrt(np.bincount(self.terms.slots, w2, minlength=n)) if n else np.zeros(0)
        self.columns["norm"].set_all(norms.astype(np.float32))

    def add(self, doc: Doc) -> None:
        """Add a letter, or replace the one with the same id (the old entry becomes a tombstone)."""
        self.remove(doc.letter)
        slot = self.columns["letter"].size
        for name in COLUMNS:
            if name == "alive":
                self.columns[name].append(True)
            elif name == "norm":
                self.columns[name].append(0.0)
            else:
                self.columns[name].append(getattr(doc, name))
        self.slot_of[doc.letter] = slot
        features = np.unique(doc.features.astype(np.uint32))
        self.terms.add(slot, features)
        self.petitioners.add(slot, np.unique(doc.petitioner_keys.astype(np.uint32)))
        w = self.weights(self.terms.df(features))
        self.columns["norm"].data[slot] = float(np.sqrt(np.sum(w * w)))

    def remove(self, letter: int) -> None:
        slot = self.slot_of.pop(letter, None)
        if slot is not None:
            self.columns["alive"].data[slot] = False

    def needs_rebuild(self) -> bool:
        """After the collection has doubled, the cutoff fixed at the last build is too low."""
        grown = len(self.slot_of) > 2 * max(self.built_size, self.min_cutoff / self.cutoff_share)
        tombstones = self.columns["letter"].size - len(self.slot_of)
        return grown or tombstones > max(1000, len(self.slot_of))

    # ------------------------------------------------------------------------------------ reading
    def nbytes(self) -> int:
        columns = sum(c.data.nbytes for c in self.columns.values())
        return columns + self.terms.nbytes() + self.petitioners.nbytes() + len(self.slot_of) * 100

    def query(
        self,
        query: Query,
        *,
        k: int = 10,
        allowed_areas: np.ndarray | None = None,
        received_before: int | None = None,
        exclude_letters: frozenset[int] = frozenset(),
        exclude_matters: frozenset[int] = frozenset(),
        exclude_pairs: frozenset[int] = frozenset(),
        see_protected_petitioners: bool = False,
        candidates: int = RERANK_CANDIDATES,
    ) -> list[Hit]:
        """The k best stored letters for `query` by the score in the module docstring.

        `allowed_areas`: a boolean array indexed by area id (the viewer's scope), None for everything.
        """
        n = self.columns["letter"].size
        if n == 0:
            return []
        features = np.unique(query.features.astype(np.uint32))
        w = self.weights(self.terms.df(features))
        q_norm = float(np.sqrt(np.sum(w * w)))
        useful = w > 0
        keys = features[useful]
        lists = self.terms.lookup(keys)
        text_slots, text_sums = self._accumulate(lists, w[useful] ** 2, n)
        strong = np.isin(keys, query.strong.astype(np.uint32))
        strong_lists = [slots for slots, is_strong in zip(lists, strong.tolist(), strict=True) if is_strong]
        pet_slots, pet_values = self._petitioner_matches(query.petitioner_keys)
        return self._rank(query, q_norm, text_slots, text_sums, pet_slots, pet_values, strong_lists, k=k,
                          allowed_areas=allowed_areas, received_before=received_before,
                          exclude_letters=exclude_letters, exclude_matters=exclude_matters,
                          exclude_pairs=exclude_pairs, see_protected_petitioners=see_protected_petitioners,
                          candidates=candidates)

    @staticmethod
    def _accumulate(lists: list[np.ndarray], w2: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Σ w² over the postings of the query's keys, per slot: (slots sorted, sums).

        Few postings (the usual case): one in-place sort of (slot << 32 | key number) packed in 64 bits, then
        a sum per run of equal slots; cost in the postings touched, not in the letters stored. Many postings
        (≥ `DENSE_SHARE` of the letters): one `bincount` over every slot. Both add in key order, so both give
        the same sums as the exact scan (measured: ADR 0009)."""
        lens = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        total = int(lens.sum()) if len(lens) else 0
        if total == 0:
            return _EMPTY64, np.zeros(0)
        ids = np.concatenate(lists)
        key_of = np.repeat(np.arange(len(lists), dtype=np.uint64), lens)
        if total >= DENSE_SHARE * n:
            acc = np.bincount(ids, w2[key_of.astype(np.intp)], minlength=n)
            slots = np.flatnonzero(acc)
            return slots, acc[slots]
        packed = (ids.astype(np.uint64) << np.uint64(32)) | key_of
        packed.sort()
        sorted_slots = (packed >> np.uint64(32)).astype(np.int64)
        first = np.empty(total, dtype=bool)
        first[0] = True
        np.not_equal(sorted_slots[1:], sorted_slots[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        sums = np.add.reduceat(w2[(packed & np.uint64(0xFFFFFFFF)).astype(np.intp)], starts)
        return sorted_slots[starts], sums

    def _petitioner_matches(self, petitioner_keys: dict[int, float]) -> tuple[np.ndarray, np.ndarray]:
        """Slots filed under one of the query's petitioner keys, each with its best certainty (slots sorted)."""
        if not petitioner_keys:
            return _EMPTY64, np.zeros(0)
        keys = np.fromiter(petitioner_keys, dtype=np.uint32, count=len(petitioner_keys))
        certainty = np.fromiter(petitioner_keys.values(), dtype=np.float64, count=len(petitioner_keys))
        lists = self.petitioners.lookup(keys)
        lens = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        if not lens.sum():
            return _EMPTY64, np.zeros(0)
        slots = np.concatenate(lists).astype(np.int64)
        values = np.repeat(certainty, lens)
        order = np.lexsort((-values, slots))
        slots, values = slots[order], values[order]
        first = np.empty(len(slots), dtype=bool)
        first[0] = True
        np.not_equal(slots[1:], slots[:-1], out=first[1:])
        return slots[first], values[first]

    def _eligible(self, slots: np.ndarray, allowed_areas, received_before, exclude_letters, exclude_matters,
                  exclude_pairs) -> np.ndarray:
        """Which of `slots` may be suggested (a boolean mask)."""
        keep = self.col("alive")[slots]
        if len(slots) == 0:
            return keep
        if allowed_areas is not None:
            areas = self.col("scope_area")[slots]
            inside = areas < len(allowed_areas)
            keep &= inside & allowed_areas[np.where(inside, areas, 0)]
        if received_before is not None:
            keep &= self.col("received")[slots] <= received_before
        excluded = exclude_letters | exclude_pairs
        if excluded:
            keep &= ~np.isin(self.col("letter")[slots], np.fromiter(excluded, dtype=np.int64))
        if exclude_matters:
            keep &= ~np.isin(self.col("matter")[slots], np.fromiter(exclude_matters, dtype=np.int64))
        return keep

    def _rank(self, query, q_norm, text_slots, text_sums, pet_slots, pet_values, strong_lists, *, k, allowed_areas,
              received_before, exclude_letters, exclude_matters, exclude_pairs, see_protected_petitioners,
              candidates) -> list[Hit]:
        keep = self._eligible(text_slots, allowed_areas, received_before, exclude_letters, exclude_matters,
                              exclude_pairs)
        text_candidates, candidate_sums = text_slots[keep], text_sums[keep]
        keep = self._eligible(pet_slots, allowed_areas, received_before, exclude_letters, exclude_matters,
                              exclude_pairs)
        if not see_protected_petitioners:
            keep &= ~self.col("protected")[pet_slots]
        pet_slots, pet_values = pet_slots[keep], pet_values[keep]
        norms = self.col("norm")
        if len(text_candidates) > candidates:
            text_scores = candidate_sums / np.maximum(norms[text_candidates], 1e-9)
            top = np.argpartition(-text_scores, candidates - 1)[:candidates]
            text_candidates = text_candidates[top]
        slots = np.union1d(text_candidates, pet_slots).astype(np.int64)
        if len(slots) == 0:
            return []
        acc = _take(text_slots, text_sums, slots)
        text = np.where(q_norm > 0, acc / np.maximum(q_norm * norms[slots], 1e-9), 0.0)
        text = np.minimum(text, 1.0)
        pet = _take(pet_slots, pet_values, slots)
        if not see_protected_petitioners:
            pet = np.where(self.col("protected")[slots], 0.0, pet)
        strong = np.zeros(len(slots), dtype=np.int64)
        hits = np.concatenate(strong_lists) if strong_lists else _EMPTY
        if len(hits):
            unique, counts = np.unique(hits, return_counts=True)
            strong = _take(unique.astype(np.int64), counts, slots)
        same_area = (self.col("subject_area")[slots] == query.subject_area) & (query.subject_area != 0)
        same_field = self.col("field")[slots] == query.field
        # Both letters name a petitioner the viewer may compare, and they differ: most repeats come from
        # the same person, so the score is lowered (a letter of another signer may still be the same matter).
        other = (pet == 0) & self.col("has_petitioner")[slots] & bool(query.petitioner_keys)
        if not see_protected_petitioners:
            other &= ~self.col("protected")[slots]
        scores = combine(text, pet, strong.astype(np.float64), same_area.astype(np.float64),
                         same_field.astype(np.float64), other.astype(np.float64))
        # Ties broken by the most recent letter first, then the id, so that results are reproducible.
        order = np.lexsort((-self.col("letter")[slots], -self.col("received")[slots], -scores))[:k]
        return [
            Hit(letter=int(self.col("letter")[slots[i]]), matter=int(self.col("matter")[slots[i]]),
                score=float(scores[i]), text=float(text[i]), petitioner=float(pet[i]), strong=int(strong[i]),
                same_area=bool(same_area[i]), same_field=bool(same_field[i]), other_petitioner=bool(other[i]))
            for i in order
        ]


def _take(keys: np.ndarray, values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """values[i] where keys[i] == w, for each w of `wanted` (0 where absent); `keys` sorted."""
    if len(keys) == 0:
        return np.zeros(len(wanted), dtype=values.dtype)
    pos = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return np.where(keys[pos] == wanted, values[pos], 0).astype(values.dtype)


class ExactScan:
    """Brute force for the benchmark: the same score for every stored letter, by scanning every (letter,
    feature) pair of the index, without postings lookup, candidate pruning or re-ranking.

    Features of weight 0 add nothing to any score, so the pairs the index keeps are all the pairs that count.
    """

    def __init__(self, index: DuplicateIndex):
        self.index = index
        keys, owners = self._pairs(index.terms)
        w = index.weights(index.terms.df(keys)) if len(keys) else np.zeros(0)
        useful = w > 0
        self.keys, self.owners, self.w2 = keys[useful], owners[useful], w[useful] ** 2
        self.pkeys, self.powners = self._pairs(index.petitioners)

    @staticmethod
    def _pairs(postings: Postings) -> tuple[np.ndarray, np.ndarray]:
        keys = [np.repeat(postings.keys, np.diff(postings.offsets))]
        owners = [postings.slots]
        for key, slots in postings.extra.items():
            keys.append(np.full(len(slots), key, dtype=np.uint32))
            owners.append(np.asarray(slots, dtype=np.int32))
        return np.concatenate(keys).astype(np.uint32), np.concatenate(owners).astype(np.int64)

    def nbytes(self) -> int:
        return self.keys.nbytes + self.owners.nbytes + self.w2.nbytes + self.pkeys.nbytes + self.powners.nbytes

    def top(self, query: Query, *, k: int = 10, allowed_areas: np.ndarray | None = None,
            received_before: int | None = None, exclude_letters: frozenset[int] = frozenset(),
            see_protected_petitioners: bool = False) -> list[int]:
        idx = self.index
        n = idx.columns["letter"].size
        q = np.unique(query.features.astype(np.uint32))
        qw = idx.weights(idx.terms.df(q))
        q_norm = float(np.sqrt(np.sum(qw * qw)))
        hit = np.isin(self.keys, q)
        acc = np.bincount(self.owners[hit], self.w2[hit], minlength=n)
        text = np.minimum(acc / np.maximum(q_norm * idx.col("norm"), 1e-9), 1.0) if q_norm > 0 else np.zeros(n)
        strong_hit = hit & np.isin(self.keys, query.strong.astype(np.uint32))
        strong = np.bincount(self.owners[strong_hit], minlength=n).astype(np.float64)
        pet = np.zeros(n)
        for key, certainty in query.petitioner_keys.items():
            owners = self.powners[self.pkeys == np.uint32(key)]
            pet[owners] = np.maximum(pet[owners], certainty)
        protected = idx.col("protected")
        if not see_protected_petitioners:
            pet = np.where(protected, 0.0, pet)
        other = (pet == 0) & idx.col("has_petitioner") & bool(query.petitioner_keys)
        if not see_protected_petitioners:
            other &= ~protected
        same_area = (idx.col("subject_area") == query.subject_area) & (query.subject_area != 0)
        same_field = idx.col("field") == query.field
        score = combine(text, pet, strong, same_area.astype(float), same_field.astype(float), other.astype(float))
        keep = idx.col("alive") & (score > 0)
        if allowed_areas is not None:
            areas = idx.col("scope_area")
            inside = areas < len(allowed_areas)
            keep &= inside & allowed_areas[np.where(inside, areas, 0)]
        if received_before is not None:
            keep &= idx.col("received") <= received_before
        if exclude_letters:
            keep &= ~np.isin(idx.col("letter"), np.fromiter(exclude_letters, dtype=np.int64))
        slots = np.flatnonzero(keep)
        order = np.lexsort((-idx.col("letter")[slots], -idx.col("received")[slots], -score[slots]))[:k]
        return [int(idx.col("letter")[s]) for s in slots[order]]
