"""The in-memory index of letters' features and the score of a suggestion (pure: numpy, no database).

Why an inverted index with a floored IDF, not MinHash LSH or pg_trgm: see ADR 0009.

Weights come from a versioned snapshot of document frequencies (`CorpusStats`), counted per matter: a
feature found in `df` matters weighs ``w = log(cutoff / max(df, RARE_DF))`` while below the cutoff and 0
from then on, with ``cutoff = max(MIN_CUTOFF, CUTOFF_SHARE × matters)``. The snapshot is taken from the
whole fingerprint table at a rebuild or a scheduled refresh (`index.refresh_statistics`), never updated
letter by letter: a score is a function of the two letters and the snapshot's version, the same whatever
the order the letters arrived in and before or after a restart (ADR 0009). What every letter of a kind
says (templates, boilerplate) weighs nothing, and a rare decision number, amount or place name weighs
most; a matter's own repeats (up to `RARE_DF`) do not make its words weigh less. Postings of features of
weight 0 are not kept: the pruned index computes the same cosine as a brute-force scan.

Score of a stored letter d for a query q (letter or draft), each part in [0, 1]:
- text: cosine of the weighted feature sets;
- petitioner: 1 for the same ID number, 0.9 for the same folded name and birth year, 0.75 for the name
  alone (a name without birth year or ID still counts); never for a protected denouncer unless the viewer
  may see identities (Luật Tố cáo 2018 Điều 47);
- shared strong signals: decision numbers, dates, plots, amounts, long numbers (two or more count fully);
evidence = 0.6·text + 0.25·petitioner + 0.15·strong, then raised by 10 % for the same subject area
and 5 % for the same field, and divided by 1.15 so that the score stays in [0, 1]. Area and field
only ever raise a letter that already shares text or a petitioner: alone they prove nothing.
Lowered: by a quarter when both letters name their one petitioner the viewer may compare, the names
differ, and neither letter is signed by a group (households, several signers); by half when both letters
name identifiers of one kind — individual decisions, land plots — and share none of them (a quarter for
amounts, or for two different subject areas): the same person's boilerplate complaint against another
decision is another matter.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field

import numpy as np

MIN_CUTOFF = 10
CUTOFF_SHARE = 0.005
RARE_DF = 3  # a feature found in at most this many matters weighs the most: a matter's own repeats do not dilute it
TEXT_WEIGHT, PETITIONER_WEIGHT, STRONG_WEIGHT = 0.6, 0.25, 0.15
STRONG_FULL = 2  # shared strong signals for the full strong part
SAME_AREA_BONUS, SAME_FIELD_BONUS = 0.10, 0.05
OTHER_PETITIONER_PENALTY = 0.25  # both letters name their one petitioner, they differ, and neither is a group
# Identifiers both letters name, of one kind, with none in common: two decisions, two plots, two amounts. The
# kinds are in the low two bits of an identifier's hash (`features.identifier_hash`).
KIND_DECISION, KIND_PLOT, KIND_AMOUNT = 0, 1, 2
CONFLICT_WEIGHTS = np.array([1.0, 1.0, 0.5, 0.0])  # by kind; the worst conflicting kind counts
CONFLICT_PENALTY = 0.5
# Both letters name where the matter arose, and the places differ: as much against as conflicting amounts.
AREA_CONFLICT = 0.5
RERANK_CANDIDATES = 200  # letters ranked by text before the full score picks the top k
# When at most this many letters the viewer may see (scope, date, exclusions) share a weighted feature with the
# query, every one of them gets the full score: the answer is the exact scan's, at less than its cost (issue 19,
# ADR 0009). Beyond, the `RERANK_CANDIDATES` best by text are scored. The choice changes which letters are
# scored, never a score.
EXACT_RANK_UP_TO = 3000
DENSE_SHARE = 0.3  # postings touched, as a share of the letters, from which one dense bincount is cheaper


def combine(text, petitioner, strong, same_area, same_field, other_petitioner=0.0, conflict=0.0):
    """The suggestion score (works on numbers and on numpy arrays alike)."""
    evidence = (TEXT_WEIGHT * text + PETITIONER_WEIGHT * petitioner
                + STRONG_WEIGHT * np.minimum(strong, STRONG_FULL) / STRONG_FULL)
    raised = evidence * (1 + SAME_AREA_BONUS * same_area + SAME_FIELD_BONUS * same_field)
    lowered = raised * (1 - OTHER_PETITIONER_PENALTY * other_petitioner) * (1 - CONFLICT_PENALTY * conflict)
    return lowered / (1 + SAME_AREA_BONUS + SAME_FIELD_BONUS)


@dataclass(frozen=True)
class CorpusStats:
    """A versioned snapshot of document frequencies: in how many *matters* each feature is found.

    Weights are a function of this snapshot alone, so a score is a function of the two letters and the
    snapshot's version, whatever the order the letters arrived in (ADR 0009). Counting matters, not letters,
    and flooring the count at `RARE_DF` keep a matter's repeats from making its own words common.
    Only features found in more than `RARE_DF` matters are kept: the others all weigh the most."""

    version: str
    letters: int
    matters: int
    keys: np.ndarray  # uint32, sorted
    df: np.ndarray  # int64, matters holding each key

    @property
    def cutoff(self) -> float:
        return float(max(MIN_CUTOFF, CUTOFF_SHARE * self.matters))

    @classmethod
    def empty(cls) -> CorpusStats:
        return cls("", 0, 0, np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int64))

    @classmethod
    def compute(cls, keys: np.ndarray, matters: np.ndarray, *, letters: int, version: str = "") -> CorpusStats:
        """From every stored (feature, matter of its letter) pair."""
        if len(keys) == 0:
            return cls(version, letters, 0, np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int64))
        # Sorts and run boundaries, not `np.unique`: its hash path took 30 s on 3 million pairs (numpy 2.3).
        distinct = np.sort(np.asarray(matters, dtype=np.int64))
        distinct = distinct[_run_starts(distinct)]
        rank = np.searchsorted(distinct, matters)
        packed = (keys.astype(np.uint64) << np.uint64(32)) | rank.astype(np.uint64)
        packed.sort()
        pair_keys = (packed[_run_starts(packed)] >> np.uint64(32)).astype(np.uint32)  # one per (key, matter)
        del packed
        starts = np.flatnonzero(_run_starts(pair_keys))
        counts = np.diff(np.append(starts, len(pair_keys)))
        common = counts > RARE_DF
        return cls(version, letters, len(distinct), pair_keys[starts][common], counts[common].astype(np.int64))

    def df_of(self, keys: np.ndarray) -> np.ndarray:
        if len(self.keys) == 0:
            return np.zeros(len(keys), dtype=np.int64)
        pos = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        return np.where(self.keys[pos] == keys, self.df[pos], 0)

    def weights(self, keys: np.ndarray) -> np.ndarray:
        """``log(cutoff / max(df, RARE_DF))`` while below the cutoff, 0 from then on."""
        df = np.maximum(self.df_of(np.asarray(keys, dtype=np.uint32)), RARE_DF).astype(np.float64)
        cutoff = self.cutoff
        return np.where(df < cutoff, np.log(cutoff / df), 0.0)

    def to_blobs(self) -> tuple[bytes, bytes]:
        return self.keys.astype("<u4").tobytes(), self.df.astype("<u4").tobytes()

    @classmethod
    def from_blobs(cls, version: str, letters: int, matters: int, keys: bytes, df: bytes) -> CorpusStats:
        return cls(version, letters, matters, np.frombuffer(bytes(keys), dtype="<u4").astype(np.uint32),
                   np.frombuffer(bytes(df), dtype="<u4").astype(np.int64))


def _run_starts(values: np.ndarray) -> np.ndarray:
    """For a sorted array: True where a run of equal values starts."""
    first = np.ones(len(values), dtype=bool)
    if len(values) > 1:
        np.not_equal(values[1:], values[:-1], out=first[1:])
    return first


def conflicts(query_idents: np.ndarray, owners: np.ndarray, idents: np.ndarray, n: int) -> np.ndarray:
    """For each of n letters, given its identifiers as (owner, identifier) pairs: the weight of the worst kind in
    which both it and the query name identifiers and share none (0 when none conflicts)."""
    if len(query_idents) == 0 or len(idents) == 0 or n == 0:
        return np.zeros(n)
    query_kinds = np.zeros(4, dtype=bool)
    query_kinds[(query_idents & np.uint32(3)).astype(np.intp)] = True
    kinds = (idents & np.uint32(3)).astype(np.int64)
    cell = owners.astype(np.int64) * 4 + kinds
    has = np.bincount(cell, minlength=4 * n).reshape(n, 4) > 0
    shared = np.bincount(cell, np.isin(idents, query_idents).astype(np.float64), minlength=4 * n).reshape(n, 4) > 0
    conflicting = has & ~shared & query_kinds[None, :]
    return (conflicting * CONFLICT_WEIGHTS[None, :]).max(axis=1)


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
    identifiers: np.ndarray = dc_field(default_factory=lambda: np.zeros(0, dtype=np.uint32))  # kind in the low 2 bits
    group: bool = False  # signed by several people, or on behalf of households

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
    identifiers: np.ndarray = dc_field(default_factory=lambda: np.zeros(0, dtype=np.uint32))
    group: bool = False


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
    conflict: float = 0.0
    other_area: bool = False  # both letters name where the matter arose, and the places differ


class Postings:
    """key → slots, as a sorted CSR built in bulk plus a dict of lists for later additions.

    `keep(unique keys) → mask`, when given, says which keys keep their postings (the others weigh 0).
    """

    def __init__(self, keep=None):
        self.keep = keep
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
        if self.keep is not None and len(unique):
            useful = self.keep(unique)
            slots = slots[np.repeat(useful, counts)]
            kept_counts = np.where(useful, counts, 0)
        else:
            kept_counts = counts
        self.keys = unique.astype(np.uint32)
        self.counts = counts.astype(np.int32)
        self.offsets = np.concatenate(([0], np.cumsum(kept_counts))).astype(np.int64)
        self.slots = slots
        self.extra, self.extra_counts = {}, {}

    def add(self, slot: int, keys: np.ndarray) -> None:
        useful = self.keep(keys) if self.keep is not None and len(keys) else np.ones(len(keys), dtype=bool)
        for key, kept in zip(keys.tolist(), useful.tolist(), strict=True):
            self.extra_counts[key] = self.extra_counts.get(key, 0) + 1
            if kept:
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
           "norm": np.float32, "group": np.bool_}


class DuplicateIndex:
    """Letters' features in memory: add, replace, remove (tombstone) and rank by the score above.

    Weights come from `stats` (a `CorpusStats` snapshot), never from the letters the index happens to hold."""

    def __init__(self, stats: CorpusStats | None = None):
        self.stats = stats or CorpusStats.empty()
        self.columns = {name: _Column(dtype) for name, dtype in COLUMNS.items()}
        self.slot_of: dict[int, int] = {}
        self.terms = Postings(keep=self._useful)
        self.petitioners = Postings()
        self.ident_offsets = np.zeros(1, dtype=np.int64)
        self.ident_keys = np.zeros(0, dtype=np.uint32)
        self.extra_idents: dict[int, np.ndarray] = {}
        self.built_size = 0

    # ------------------------------------------------------------------------------------ writing
    def __len__(self) -> int:
        return len(self.slot_of)

    @property
    def cutoff(self) -> float:
        return self.stats.cutoff

    def col(self, name: str) -> np.ndarray:
        return self.columns[name].view

    def weights(self, keys: np.ndarray) -> np.ndarray:
        """The weight of each feature key under the index's corpus statistics."""
        return self.stats.weights(keys)

    def _useful(self, keys: np.ndarray) -> np.ndarray:
        return self.stats.weights(keys) > 0

    def build(self, docs: list[Doc], stats: CorpusStats | None = None) -> None:
        """Replace the whole index; without `stats`, the statistics of these letters are computed."""
        n = len(docs)
        columns = {name: np.fromiter((getattr(d, name) for d in docs), dtype=COLUMNS[name], count=n)
                   for name in COLUMNS if name not in ("alive", "norm")}
        lengths = np.fromiter((len(d.features) for d in docs), dtype=np.int64, count=n)
        keys = np.concatenate([d.features for d in docs]).astype(np.uint32) if docs else np.zeros(0, np.uint32)
        p_lengths = np.fromiter((len(d.petitioner_keys) for d in docs), dtype=np.int64, count=n)
        p_keys = np.concatenate([d.petitioner_keys for d in docs]).astype(np.uint32) if docs else keys[:0]
        i_lengths = np.fromiter((len(d.identifiers) for d in docs), dtype=np.int64, count=n)
        i_keys = np.concatenate([d.identifiers for d in docs]).astype(np.uint32) if docs else keys[:0]
        slots = np.arange(n, dtype=np.int32)
        self.build_arrays(columns, keys, np.repeat(slots, lengths), p_keys, np.repeat(slots, p_lengths),
                          stats=stats, identifiers=(i_keys, i_lengths))

    def build_arrays(self, columns: dict[str, np.ndarray], keys: np.ndarray, owners: np.ndarray,
                     p_keys: np.ndarray, p_owners: np.ndarray, *, stats: CorpusStats | None = None,
                     identifiers: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        """Bulk build from flat arrays (the benchmark's million letters; no per-letter objects).

        `identifiers`: (keys, count per letter) in letter order."""
        n = len(columns["letter"])
        if stats is None:
            stats = CorpusStats.compute(keys, np.asarray(columns["matter"])[owners] if n else keys[:0], letters=n)
        self.stats = stats
        self.terms = Postings(keep=self._useful)
        self.petitioners = Postings()
        columns = dict(columns)
        columns.setdefault("has_petitioner", np.bincount(p_owners, minlength=n)[:n] > 0)
        columns.setdefault("group", np.zeros(n, dtype=bool))
        for name in COLUMNS:
            if name in columns:
                self.columns[name].set_all(columns[name])
        self.columns["alive"].set_all(np.ones(n, dtype=bool))
        self.slot_of = dict(zip(np.asarray(columns["letter"]).tolist(), range(n), strict=True))
        self._build_arrays(keys, owners, n)
        self.petitioners.build(p_keys, p_owners)
        i_keys, i_lengths = identifiers if identifiers is not None else (np.zeros(0, np.uint32),
                                                                         np.zeros(n, np.int64))
        self.ident_keys = np.asarray(i_keys, dtype=np.uint32)
        self.ident_offsets = np.concatenate(([0], np.cumsum(i_lengths))).astype(np.int64)
        self.extra_idents = {}
        self.built_size = n

    def _build_arrays(self, keys: np.ndarray, owners: np.ndarray, n: int) -> None:
        self.terms.build(keys, owners)
        # Each letter's norm under the snapshot's weights, from the kept postings (the keys dropped weigh 0):
        # the weight of each key repeated over its postings, summed per letter in key order by `bincount`,
        # exactly as `add` sums one letter's (so a letter has the same norm however it entered the index).
        w = self.weights(self.terms.keys)
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
        if len(doc.identifiers):
            self.extra_idents[slot] = np.unique(doc.identifiers.astype(np.uint32))
        w = self.weights(features)
        norm2 = np.bincount(np.zeros(len(features), dtype=np.intp), w * w, minlength=1)[0]
        self.columns["norm"].data[slot] = np.float32(np.sqrt(norm2))

    def identifiers_of(self, slots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(position in `slots`, identifier) pairs of the given slots: one gather from the bulk-built CSR, a
        loop only over the few slots added since the build."""
        slots = np.asarray(slots, dtype=np.int64)
        built = len(self.ident_offsets) - 1
        bulk = slots < built
        positions = np.flatnonzero(bulk)
        starts = self.ident_offsets[slots[positions]]
        lengths = self.ident_offsets[slots[positions] + 1] - starts
        total = int(lengths.sum())
        owners = [np.repeat(positions.astype(np.int64), lengths)]
        # Index of each pair in `ident_keys`: its letter's start plus its rank within the letter.
        within = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        keys = [self.ident_keys[np.repeat(starts, lengths) + within]]
        if self.extra_idents:
            for i in np.flatnonzero(~bulk).tolist():
                part = self.extra_idents.get(int(slots[i]))
                if part is not None and len(part):
                    keys.append(part)
                    owners.append(np.full(len(part), i, dtype=np.int64))
        if len(keys) == 1:
            return owners[0], keys[0].astype(np.uint32)
        return np.concatenate(owners), np.concatenate(keys).astype(np.uint32)

    def remove(self, letter: int) -> None:
        slot = self.slot_of.pop(letter, None)
        if slot is not None:
            self.columns["alive"].data[slot] = False

    def needs_rebuild(self) -> bool:
        """Too many tombstones (replaced or archived letters): worth a compact reload. Weights do not change."""
        tombstones = self.columns["letter"].size - len(self.slot_of)
        return tombstones > max(1000, len(self.slot_of))

    # ------------------------------------------------------------------------------------ reading
    def nbytes(self) -> int:
        columns = sum(c.data.nbytes for c in self.columns.values())
        idents = (self.ident_keys.nbytes + self.ident_offsets.nbytes
                  + sum(a.nbytes + 100 for a in self.extra_idents.values()))
        stats = self.stats.keys.nbytes + self.stats.df.nbytes
        return columns + self.terms.nbytes() + self.petitioners.nbytes() + len(self.slot_of) * 100 + idents + stats

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
        exact_up_to: int = EXACT_RANK_UP_TO,
    ) -> list[Hit]:
        """The k best stored letters for `query` by the score in the module docstring.

        `allowed_areas`: a boolean array indexed by area id (the viewer's scope), None for everything.
        Every eligible letter sharing text is scored when there are at most `exact_up_to` of them (the exact
        scan's answer), else the `candidates` best by text.
        """
        n = self.columns["letter"].size
        if n == 0:
            return []
        features = np.unique(query.features.astype(np.uint32))
        w = self.weights(features)
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
                          candidates=candidates, exact_up_to=exact_up_to)

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
        # `bincount` adds one term after the other, in key order within a slot, as the dense path and the exact
        # scan do; `np.add.reduceat` sums runs of 8 or more pairwise and differed from them in the last bit.
        run = np.cumsum(first) - 1
        sums = np.bincount(run, w2[(packed & np.uint64(0xFFFFFFFF)).astype(np.intp)], minlength=len(starts))
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
              candidates, exact_up_to=0) -> list[Hit]:
        keep = self._eligible(text_slots, allowed_areas, received_before, exclude_letters, exclude_matters,
                              exclude_pairs)
        text_candidates, candidate_sums = text_slots[keep], text_sums[keep]
        keep = self._eligible(pet_slots, allowed_areas, received_before, exclude_letters, exclude_matters,
                              exclude_pairs)
        if not see_protected_petitioners:
            keep &= ~self.col("protected")[pet_slots]
        pet_slots, pet_values = pet_slots[keep], pet_values[keep]
        norms = self.col("norm")
        if len(text_candidates) > max(candidates, exact_up_to):
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
        # A group of households and one of its residents may well write about the same matter.
        other &= ~self.col("group")[slots] & (not query.group)
        if not see_protected_petitioners:
            other &= ~self.col("protected")[slots]
        owners, idents = self.identifiers_of(slots)
        conflict = conflicts(np.unique(query.identifiers.astype(np.uint32)), owners, idents, len(slots))
        other_area = (self.col("subject_area")[slots] != query.subject_area) & (self.col("subject_area")[slots] != 0)
        other_area &= query.subject_area != 0
        conflict = np.maximum(conflict, AREA_CONFLICT * other_area)
        scores = combine(text, pet, strong.astype(np.float64), same_area.astype(np.float64),
                         same_field.astype(np.float64), other.astype(np.float64), conflict)
        # Ties broken by the most recent letter first, then the id, so that results are reproducible.
        order = np.lexsort((-self.col("letter")[slots], -self.col("received")[slots], -scores))[:k]
        return [
            Hit(letter=int(self.col("letter")[slots[i]]), matter=int(self.col("matter")[slots[i]]),
                score=float(scores[i]), text=float(text[i]), petitioner=float(pet[i]), strong=int(strong[i]),
                same_area=bool(same_area[i]), same_field=bool(same_field[i]), other_petitioner=bool(other[i]),
                conflict=float(conflict[i]), other_area=bool(other_area[i]))
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
        w = index.weights(keys) if len(keys) else np.zeros(0)
        useful = w > 0
        self.keys, self.owners, self.w2 = keys[useful], owners[useful], w[useful] ** 2
        self.pkeys, self.powners = self._pairs(index.petitioners)
        n = index.columns["letter"].size
        self.iowners, self.ikeys = index.identifiers_of(np.arange(n, dtype=np.int64))

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

    def top(self, query: Query, *, k: int = 10, **filters) -> list[int]:
        """The ids of the k best letters (`query`'s filters)."""
        return [hit.letter for hit in self.query(query, k=k, **filters)]

    def query(self, query: Query, *, k: int = 10, allowed_areas: np.ndarray | None = None,
              received_before: int | None = None, exclude_letters: frozenset[int] = frozenset(),
              exclude_matters: frozenset[int] = frozenset(), exclude_pairs: frozenset[int] = frozenset(),
              see_protected_petitioners: bool = False) -> list[Hit]:
        """The k best letters with their score and its parts, like `DuplicateIndex.query`."""
        idx = self.index
        n = idx.columns["letter"].size
        q = np.unique(query.features.astype(np.uint32))
        qw = idx.weights(q)
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
        other &= ~idx.col("group") & (not query.group)
        if not see_protected_petitioners:
            other &= ~protected
        conflict = conflicts(np.unique(query.identifiers.astype(np.uint32)), self.iowners, self.ikeys, n)
        other_area = (idx.col("subject_area") != query.subject_area) & (idx.col("subject_area") != 0)
        other_area &= query.subject_area != 0
        conflict = np.maximum(conflict, AREA_CONFLICT * other_area)
        same_area = (idx.col("subject_area") == query.subject_area) & (query.subject_area != 0)
        same_field = idx.col("field") == query.field
        score = combine(text, pet, strong, same_area.astype(float), same_field.astype(float), other.astype(float),
                        conflict)
        keep = idx.col("alive") & (score > 0)
        if allowed_areas is not None:
            areas = idx.col("scope_area")
            inside = areas < len(allowed_areas)
            keep &= inside & allowed_areas[np.where(inside, areas, 0)]
        if received_before is not None:
            keep &= idx.col("received") <= received_before
        if exclude_letters or exclude_pairs:
            keep &= ~np.isin(idx.col("letter"), np.fromiter(exclude_letters | exclude_pairs, dtype=np.int64))
        if exclude_matters:
            keep &= ~np.isin(idx.col("matter"), np.fromiter(exclude_matters, dtype=np.int64))
        slots = np.flatnonzero(keep)
        order = np.lexsort((-idx.col("letter")[slots], -idx.col("received")[slots], -score[slots]))[:k]
        return [
            Hit(letter=int(idx.col("letter")[s]), matter=int(idx.col("matter")[s]), score=float(score[s]),
                text=float(text[s]), petitioner=float(pet[s]), strong=int(strong[s]), same_area=bool(same_area[s]),
                same_field=bool(same_field[s]), other_petitioner=bool(other[s]), conflict=float(conflict[s]),
                other_area=bool(other_area[s]))
            for s in slots[order].tolist()
        ]
