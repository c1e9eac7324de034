"""The process-wide index, fed from `LetterFingerprint` rows and kept in step with them.

Writes: a letter's fingerprint row is written in the same transaction as the letter (signals in
`apps.py`), so it is exactly as durable as the letter. Reads: before each query the process applies
the rows whose `revision` (a nanosecond timestamp) is newer than its previous sync, minus a margin
that covers transactions committing late; a revision already applied is skipped, so re-reading is
harmless. Another process's writes are therefore seen at its next query; a database restored or
rebuilt (`IndexGeneration` token changed) makes the process reload everything.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from django.db import connections, transaction
from django.db.models import Exists, OuterRef

from danvan.core.choices import Field
from danvan.duplicates.engine import CorpusStats, Doc, DuplicateIndex
from danvan.duplicates.features import (
    Identity,
    feature_hash,
    identifier_hashes,
    letter_features,
    petitioner_keys,
    speaks_for_a_group,
)
from danvan.duplicates.models import IndexGeneration, LetterFingerprint
from danvan.people.identity import record_is_protected

if TYPE_CHECKING:
    from danvan.letters.models import Letter

logger = logging.getLogger(__name__)

FIELD_CODES = {value: code for code, value in enumerate(Field.values)}
SYNC_MARGIN_NS = 120 * 10**9  # transactions that commit up to two minutes after their write are still seen
INLINE_FINGERPRINT_LIMIT = 20_000  # letters loaded in bulk (datagen) fingerprinted at first use up to this many
AREA_CACHE_SECONDS = 300


def letter_text(letter: Letter) -> str:
    return f"{letter.summary}\n{letter.content}"


def letter_identity(letter: Letter, citizens) -> Identity | None:
    """What must stay out of a protected letter's features (Luật Tố cáo 2018 Điều 8.3, 47)."""
    if not record_is_protected(letter.content_kind, citizens):
        return None
    names, numbers = [], []
    for citizen in citizens:
        names.append(citizen.full_name)
        numbers += [citizen.id_number, "".join(ch for ch in citizen.phone if ch.isdigit())]
        if citizen.birth_year:
            numbers.append(str(citizen.birth_year))
    return Identity(names=tuple(n for n in names if n), numbers=tuple(n for n in numbers if n))


# Filed among a letter's petitioner keys when it speaks for a group (several signers, households): never a
# key a query looks up, it only tells the engine not to count another signer against the letter.
GROUP_KEY = feature_hash("nhom:")
GROWTH_REFRESH_MIN = 1000  # statistics are refreshed when the active letters pass twice the snapshot's (and this)


def stored_petitioner_keys(citizens, *, group: bool = False) -> list[int]:
    keys: set[int] = set()
    for citizen in citizens:
        keys |= {feature_hash(k) for k in petitioner_keys(full_name=citizen.full_name, id_number=citizen.id_number,
                                                           birth_year=citizen.birth_year, stored=True)}
    if group:
        keys.add(GROUP_KEY)
    return sorted(keys)


def is_group(text: str, citizens) -> bool:
    return len(citizens) > 1 or speaks_for_a_group(text)


def analyse(letter: Letter, citizens) -> tuple:
    """(features, extra strong strings, group) of a letter: its text's features plus the communes its addresses
    name, old units read as today's (issue 18). A protected letter's addresses are left out with its name."""
    from danvan.duplicates.addresses import address_features

    protected = record_is_protected(letter.content_kind, citizens)
    text = letter_text(letter)
    features = letter_features(text, identity=letter_identity(letter, citizens))
    places = set() if protected else address_features([text, *(c.address for c in citizens if c.address)])
    return features, places, is_group(text, citizens)


def _to_blob(values) -> bytes:
    return np.asarray(sorted(set(values)), dtype="<u4").tobytes()


def _from_blob(blob) -> np.ndarray:
    return np.frombuffer(bytes(blob), dtype="<u4").astype(np.uint32)


def fingerprint_fields(letter: Letter) -> dict:
    citizens = [link.citizen for link in letter.petitioner_links.select_related("citizen")]
    features, places, group = analyse(letter, citizens)
    return {
        "matter_id": letter.matter_id,
        "scope_area_id": letter.area_id,
        "subject_area_id": letter.subject_area_id or 0,
        "field": letter.field,
        "received_on": letter.received_on,
        "protected": record_is_protected(letter.content_kind, citizens),
        "active": letter.archived_at is None,
        "features": _to_blob(features.hashes() + [feature_hash(p) for p in places]),
        "petitioner_keys": _to_blob(stored_petitioner_keys(citizens, group=group)),
        "strong": " ".join(sorted(features.strong | places)),
        "revision": time.time_ns(),
    }


def refresh_fingerprint(letter: Letter) -> LetterFingerprint:
    """Write (or rewrite) the fingerprint of one letter; the in-memory index picks it up at its next query."""
    values = fingerprint_fields(letter)
    fingerprint, _ = LetterFingerprint.objects.update_or_create(letter_id=letter.pk, defaults=values)
    state = _STATE
    if state.index is not None and state.token is not None:
        with state.lock:
            _apply(state, fingerprint.letter_id, values)
    return fingerprint


def _doc(letter_id: int, values: dict) -> Doc:
    people = _from_blob(values["petitioner_keys"])
    return Doc(letter=letter_id, matter=values["matter_id"], scope_area=values["scope_area_id"],
               subject_area=values["subject_area_id"], field=FIELD_CODES.get(values["field"], -1),
               received=values["received_on"].toordinal(), protected=values["protected"],
               features=_from_blob(values["features"]), petitioner_keys=people[people != GROUP_KEY],
               identifiers=np.array(identifier_hashes(values["strong"].split()), dtype=np.uint32),
               group=bool((people == GROUP_KEY).any()))


def _apply(state: _State, letter_id: int, values: dict) -> None:
    if state.revisions.get(letter_id) == values["revision"]:
        return
    if values["active"]:
        state.index.add(_doc(letter_id, values))
    else:
        state.index.remove(letter_id)
    state.revisions[letter_id] = values["revision"]
    state.recent[letter_id] = values["revision"]
    state.watermark = max(state.watermark, values["revision"])


ROW_FIELDS = ("letter_id", "matter_id", "scope_area_id", "subject_area_id", "field", "received_on", "protected",
              "active", "features", "petitioner_keys", "strong", "revision")


@dataclass
class _State:
    lock: threading.RLock = field(default_factory=threading.RLock)
    index: DuplicateIndex | None = None
    token: str | None = None
    watermark: int = 0
    last_sync: int = 0
    revisions: dict[int, int] = field(default_factory=dict)
    recent: dict[int, int] = field(default_factory=dict)  # letter → revision, for revisions inside the sync margin
    area_masks: dict[str, tuple[float, np.ndarray]] = field(default_factory=dict)


_STATE = _State()


def _current_token() -> str:
    token = IndexGeneration.objects.order_by("-pk").values_list("token", flat=True).first()
    if token is None:
        token = IndexGeneration.objects.create(token=uuid.uuid4().hex).token
    return token


def _stats_of(generation: IndexGeneration) -> CorpusStats | None:
    if generation.letters < 0:
        return None
    return CorpusStats.from_blobs(generation.token, generation.letters, generation.matters, generation.stats_keys,
                                  generation.stats_df)


def _save_stats(generation: IndexGeneration, stats: CorpusStats) -> CorpusStats:
    keys, df = stats.to_blobs()
    IndexGeneration.objects.filter(pk=generation.pk, letters__lt=0).update(
        letters=stats.letters, matters=stats.matters, stats_keys=keys, stats_df=df)
    generation.refresh_from_db()
    return _stats_of(generation)


def refresh_statistics() -> str:
    """A new generation whose corpus statistics are those of the active fingerprints now (ADR 0009): the
    scheduled refresh (`danvan reindex_duplicates --statistics`), also made when the letters have doubled.
    Every process reloads at its next query; until then it scores with the previous snapshot."""
    token = uuid.uuid4().hex
    IndexGeneration.objects.create(token=token)
    forget()
    return token


def _fingerprint_missing(limit: int) -> int:
    """Letters written in bulk, without signals (the data generator): fingerprint a bounded number inline."""
    from danvan.letters.models import Letter

    # NOT EXISTS, not NOT IN: PostgreSQL plans NOT IN (subquery) as a subplan rescanned per row once the ids
    # outgrow work_mem (a million letters: minutes); NOT EXISTS is an anti-join.
    missing = Letter.objects.filter(~Exists(LetterFingerprint.objects.filter(letter_id=OuterRef("pk"))))
    waiting = missing[: limit + 1].count()
    if waiting > limit:
        logger.warning("More than %d letters have no fingerprint: run `danvan reindex_duplicates`.", limit)
        return 0
    if not waiting:
        return 0
    count = 0
    for letter in missing.select_related("matter").iterator(chunk_size=500):
        refresh_fingerprint(letter)
        count += 1
    return count


LOAD_CHUNK = 50_000
LOAD_FIELDS = ("letter_id", "matter_id", "scope_area_id", "subject_area_id", "field", "received_on", "protected",
               "features", "petitioner_keys", "strong", "revision")
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


def _raw_rows(queryset) -> list[tuple]:
    """The rows of a `values_list` queryset as the driver returns them, without Django's per-value converters
    (a sixth of the load time of a million fingerprints); the caller converts whole columns at once."""
    sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _day_ordinals(values: list) -> np.ndarray:
    """Dates (`datetime.date` from PostgreSQL, "yyyy-mm-dd" from SQLite) → ordinals, in one numpy conversion."""
    days = np.array(values, dtype="datetime64[D]").astype(np.int64)
    return (days + _EPOCH_ORDINAL).astype(np.int32)


def _full_load(state: _State, token: str) -> None:
    """Every active fingerprint into flat arrays, then one bulk build (no object per letter).

    Read in chunks of `LOAD_CHUNK` by `letter_id` (its unique index), each chunk transposed into columns
    by `zip`; blobs joined once and read by `np.frombuffer`."""
    from danvan.duplicates.engine import COLUMNS

    _fingerprint_missing(INLINE_FINGERPRINT_LIMIT)
    state.last_sync = time.time_ns()
    raw: list[list] = [[] for _ in LOAD_FIELDS]
    last = None
    while True:
        chunk = LetterFingerprint.objects.filter(active=True)
        if last is not None:
            chunk = chunk.filter(letter_id__gt=last)
        rows = _raw_rows(chunk.order_by("letter_id").values_list(*LOAD_FIELDS)[:LOAD_CHUNK])
        if not rows:
            break
        for column, values in zip(raw, zip(*rows, strict=True), strict=True):
            column.extend(values)
        last = rows[-1][0]
    letters, matters, scopes, subjects, fields, received, protected, blobs, p_blobs, strongs, revision_list = raw
    arrays = {
        "letter": np.asarray(letters, dtype=COLUMNS["letter"]), "matter": np.asarray(matters, dtype=COLUMNS["matter"]),
        "scope_area": np.asarray(scopes, dtype=COLUMNS["scope_area"]),
        "subject_area": np.asarray(subjects, dtype=COLUMNS["subject_area"]),
        "field": np.asarray([FIELD_CODES.get(f, -1) for f in fields], dtype=COLUMNS["field"]),
        "received": _day_ordinals(received), "protected": np.asarray(protected, dtype=COLUMNS["protected"]),
    }
    lengths = np.fromiter(map(len, blobs), dtype=np.int64, count=len(blobs)) // 4
    p_lengths = np.fromiter(map(len, p_blobs), dtype=np.int64, count=len(p_blobs)) // 4
    keys = np.frombuffer(b"".join(blobs), dtype="<u4").astype(np.uint32)
    del blobs, raw
    p_keys = np.frombuffer(b"".join(p_blobs), dtype="<u4").astype(np.uint32)
    owners = np.arange(len(letters), dtype=np.int32)
    p_owners = np.repeat(owners, p_lengths)
    grouped = p_keys == GROUP_KEY
    arrays["group"] = np.bincount(p_owners[grouped], minlength=len(letters)).astype(bool)
    p_keys, p_owners = p_keys[~grouped], p_owners[~grouped]
    idents = [identifier_hashes(text.split()) if text else [] for text in strongs]
    i_lengths = np.fromiter(map(len, idents), dtype=np.int64, count=len(idents))
    i_keys = np.fromiter((k for part in idents for k in part), dtype=np.uint32, count=int(i_lengths.sum()))
    key_owners = np.repeat(owners, lengths)
    generation = IndexGeneration.objects.get(token=token)
    stats = _stats_of(generation)
    if stats is None:  # a new generation: its snapshot, from the fingerprints as they are now
        stats = _save_stats(generation, CorpusStats.compute(keys, arrays["matter"][key_owners], letters=len(letters),
                                                            version=token))
    index = DuplicateIndex(stats)
    index.build_arrays(arrays, keys, key_owners, p_keys, p_owners, stats=stats, identifiers=(i_keys, i_lengths))
    revisions = dict(zip(letters, revision_list, strict=True))
    state.index, state.token, state.revisions = index, token, revisions
    since = state.last_sync - 2 * SYNC_MARGIN_NS
    state.recent = {letter: revision for letter, revision in revisions.items() if revision >= since}
    state.watermark = max(revision_list, default=0)


def _sync_row(since: int) -> tuple[str | None, int, int]:
    """One round trip per query: the current generation's token, and the count and latest revision of the
    fingerprints written since `since` (the sync check of `current_index`)."""
    generations, fingerprints = IndexGeneration._meta.db_table, LetterFingerprint._meta.db_table
    with connections[LetterFingerprint.objects.db].cursor() as cursor:
        cursor.execute(f'SELECT (SELECT "token" FROM "{generations}" ORDER BY "id" DESC LIMIT 1), COUNT("id"), '
                       f'MAX("revision") FROM "{fingerprints}" WHERE "revision" >= %s', [since])
        token, n, top = cursor.fetchone()
    return token, int(n or 0), int(top or 0)


def preload() -> None:
    """Load the index in gunicorn's master before it forks its workers (`gunicorn --preload` with
    DANVAN_PRELOAD_DUPLICATES=true, ADR 0027). At national scale (a million letters) a load takes 26 s and
    4,7 GiB at its peak, 1,2 GiB after: each of three workers loading its own at its first letter page took
    them past gunicorn's timeout, and three peaks at once are 14 GiB. Loaded once, the workers share the
    arrays' pages (copy-on-write; new letters go to each worker's small additions, not into the arrays) and
    bring it up to date from the fingerprint table at their first request, as after any pause."""
    from django.db import connections

    current_index()
    connections.close_all()  # a connection opened before the fork must not be shared by the workers


def current_index() -> DuplicateIndex:
    """The index of this process, brought up to date with the fingerprint table."""
    state = _STATE
    with state.lock:
        # A row committed since the last sync was written at most SYNC_MARGIN_NS before it was committed.
        now, since = time.time_ns(), state.last_sync - SYNC_MARGIN_NS
        token, n, top = _sync_row(since)
        if token is None:
            token = _current_token()
        if state.index is None or state.token != token or state.index.needs_rebuild():
            _full_load(state, token)
            return state.index
        if len(state.index) > 2 * max(state.index.stats.letters, GROWTH_REFRESH_MIN):
            # The letters have doubled since the snapshot: a new one, the same for every process.
            _full_load(state, refresh_statistics())
            return state.index
        # Only (letter, revision) pairs first: after a bulk load the margin covers thousands of rows already
        # applied, and their features need not be read again at every query.
        state.last_sync = now
        state.recent = {letter: revision for letter, revision in state.recent.items() if revision >= since}
        # When the database holds exactly the revisions this process applied in the margin (the usual case,
        # and right after a bulk load, when the margin covers thousands of rows), nothing to read.
        if n == len(state.recent) and top <= state.watermark:
            return state.index
        window = LetterFingerprint.objects.filter(revision__gte=since)
        recent = window.values_list("letter_id", "revision")
        changed = [letter for letter, revision in recent if state.revisions.get(letter) != revision]
        for start in range(0, len(changed), 500):
            for row in LetterFingerprint.objects.filter(letter_id__in=changed[start:start + 500]).values(*ROW_FIELDS):
                _apply(state, row["letter_id"], row)
        return state.index


def forget() -> None:
    """Drop this process's index (tests; after a rebuild the generation token does the same)."""
    from danvan.duplicates import addresses

    addresses.forget()
    with _STATE.lock:
        _STATE.index, _STATE.token, _STATE.revisions, _STATE.watermark, _STATE.last_sync = None, None, {}, 0, 0
        _STATE.recent = {}
        _STATE.area_masks.clear()


def allowed_areas(user) -> np.ndarray | None:
    """A boolean array indexed by area id: the areas in the user's scope (None: everything)."""
    from danvan.units.models import Area

    if user.is_superuser:
        return None
    scope = user.scope_path or ""
    now = time.monotonic()
    cached = _STATE.area_masks.get(scope)
    if cached and now - cached[0] < AREA_CACHE_SECONDS:
        return cached[1]
    ids = np.fromiter(Area.objects.filter(path__startswith=scope).values_list("pk", flat=True), dtype=np.int64) \
        if scope else np.zeros(0, dtype=np.int64)
    mask = np.zeros(int(ids.max()) + 1 if len(ids) else 1, dtype=bool)
    mask[ids] = True
    _STATE.area_masks[scope] = (now, mask)
    return mask


REINDEX_CHUNK = 2000


def _fingerprint_rows(letters: list[Letter]) -> list[LetterFingerprint]:
    """Fingerprints of a chunk of letters, their petitioners read in one query."""
    from danvan.letters.models import LetterPetitioner

    citizens: dict[int, list] = {}
    links = LetterPetitioner.objects.filter(letter_id__in=[letter.pk for letter in letters]).select_related("citizen")
    for link in links.order_by("letter_id", "position"):
        citizens.setdefault(link.letter_id, []).append(link.citizen)
    rows = []
    for letter in letters:
        people = citizens.get(letter.pk, [])
        features, places, group = analyse(letter, people)
        rows.append(LetterFingerprint(
            letter_id=letter.pk, matter_id=letter.matter_id, scope_area_id=letter.area_id,
            subject_area_id=letter.subject_area_id or 0, field=letter.field, received_on=letter.received_on,
            protected=record_is_protected(letter.content_kind, people), active=letter.archived_at is None,
            features=_to_blob(features.hashes() + [feature_hash(p) for p in places]),
            petitioner_keys=_to_blob(stored_petitioner_keys(people, group=group)),
            strong=" ".join(sorted(features.strong | places)), revision=time.time_ns(),
        ))
    return rows


def reindex_all(*, progress=None) -> int:
    """Recompute every letter's fingerprint and start a new generation (every process reloads).

    In chunks of `REINDEX_CHUNK` letters, by primary key: a million letters in a few bulk statements
    per chunk rather than three queries per letter. Each chunk is computed outside any transaction and
    written in its own short one (its old fingerprints replaced): on SQLite the offices' writes wait at most
    one chunk for the lock while a reindex runs, not the whole run (issue 13). Until the new generation is
    announced at the end, the index holds old and new fingerprints side by side, each of them valid."""
    from danvan.letters.models import Letter

    fields = ("pk", "summary", "content", "content_kind", "matter_id", "area_id", "subject_area_id", "field",
              "received_on", "archived_at")
    count, last = 0, 0
    while True:
        chunk = list(Letter.objects.filter(pk__gt=last).order_by("pk").only(*fields)[:REINDEX_CHUNK])
        if not chunk:
            break
        rows = _fingerprint_rows(chunk)
        with transaction.atomic():
            LetterFingerprint.objects.filter(letter_id__in=[letter.pk for letter in chunk]).delete()
            LetterFingerprint.objects.bulk_create(rows, batch_size=500)
        count += len(chunk)
        last = chunk[-1].pk
        if progress:
            progress(count)
    with transaction.atomic():
        # Fingerprints of letters no longer in the table (derived data; letters themselves are never deleted).
        # NOT EXISTS (an anti-join), not NOT IN: see `_fingerprint_missing`.
        LetterFingerprint.objects.filter(~Exists(Letter.objects.filter(pk=OuterRef("letter_id")))).delete()
        IndexGeneration.objects.create(token=uuid.uuid4().hex)
    forget()
    return count
