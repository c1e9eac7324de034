"""Benchmark: top-10 suggestions for a new letter among a million stored letters (issue 8).

    python -m danvan.duplicates.bench_scenarios --letters 1000000 --queries 200

The stored letters are synthetic feature sets built from the data generator's own texts
(`datagen.texts`: cases, duplicate chains with rewording, no diacritics, decision numbers written
another way), analysed by the same `features.letter_features` as real letters, then loaded into the
same `engine.DuplicateIndex` the application uses. Writing a million letters through the letters
app is not needed to measure the index; the database round trips of a real request (generation
token, fingerprint sync, scoped fetch of the suggested letters) are made against the configured
database (SQLite or PostgreSQL) in every query and counted in the latency.

Each query is compared, in the same run, with an exact brute-force scan: the same score computed for
every stored letter over the same features (`engine.ExactScan`). Reported: median and p95 latency, recall of
the index's top 10 relative to the exact top 10, the speed-up, the index's memory, build time.
The analysed corpus is cached under `var/bench-cache/` so that the SQLite and PostgreSQL runs share it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import time
from multiprocessing import Pool
from pathlib import Path

import numpy as np

SEED = 2026
CHAIN_SHARE = 0.16  # share of matters written more than once (as in datagen.generator)


# ------------------------------------------------------------------------------------------- corpus

def _places(rng: random.Random):
    from danvan.datagen import texts
    from danvan.datagen.places import Place

    places = []
    for province in range(1, 35):
        for commune in range(60):
            commune_id = province * 1000 + commune
            commune_name = f"Xã {rng.choice(texts.PLACE_WORDS)} {commune + 1}"
            for village in range(3):
                places.append(Place(commune_id * 10 + village, f"Thôn {rng.choice(texts.PLACE_WORDS)}", commune_id,
                                    commune_name, f"{province:02d}", f"Tỉnh số {province}", False))
    return places


def _letters(start: int, count: int, seed: int):
    """Letters `start`… of the corpus as dicts; chains stay inside one block, so blocks are independent."""
    from danvan.datagen import texts
    from danvan.datagen.names import make_person

    rng = random.Random(seed * 1_000_003 + start)
    places = _places(random.Random(seed))
    made = 0
    while made < count:
        place = rng.choice(places)
        day = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(3650))
        person = make_person(rng, province_code=place.province_code, year_now=day.year)
        topic = texts.pick_topic(rng)
        case = texts.make_case(rng, topic, person, place, day)
        length = 1 if rng.random() > CHAIN_SHARE else min(6, 2 + int(rng.expovariate(1 / 1.2)))
        previous = None
        chain = start + made
        for position in range(length):
            if made >= count:
                break
            letter = texts.write_letter(
                rng, case, "UBND", repeat=position, previous=day if previous else None, avoid=previous or "",
                no_diacritics=previous is not None and rng.random() < 0.22,
                decision_variant=rng.randrange(1, 6) if previous is not None and rng.random() < 0.5 else 0)
            yield {"chain": chain, "position": position, "text": f"{letter.summary}\n{letter.text}", "day": day,
                   "person": person,
                   "province": int(place.province_code), "commune": place.commune_id, "field": topic.field,
                   "kind": topic.kind}
            previous = letter.template_key
            made += 1
            day = day + dt.timedelta(days=rng.randrange(15, 240))


def _analyse_block(args):
    start, count, seed = args
    import django

    django.setup()
    from danvan.duplicates.features import feature_hash, letter_features, petitioner_keys
    from danvan.duplicates.index import FIELD_CODES

    cols = {k: [] for k in ("chain", "province", "commune", "field", "received", "protected")}
    keys, lengths, pkeys, plengths = [], [], [], []
    for row in _letters(start, count, seed):
        features = letter_features(row["text"])
        hashes = features.hashes()
        p = row["person"]
        stored = sorted({feature_hash(k) for k in petitioner_keys(full_name=p.full_name, id_number=p.id_number,
                                                                   birth_year=p.birth_year, stored=True)})
        cols["chain"].append(row["chain"])
        cols["province"].append(row["province"])
        cols["commune"].append(row["commune"])
        cols["field"].append(FIELD_CODES.get(row["field"], -1))
        cols["received"].append(row["day"].toordinal())
        cols["protected"].append(row["kind"] in ("denunciation", "several"))
        keys.append(np.asarray(hashes, dtype=np.uint32))
        lengths.append(len(hashes))
        pkeys.append(np.asarray(stored, dtype=np.uint32))
        plengths.append(len(stored))
    return ({k: np.asarray(v) for k, v in cols.items()}, np.concatenate(keys), np.asarray(lengths),
            np.concatenate(pkeys), np.asarray(plengths))


def build_corpus(n: int, seed: int = SEED, processes: int | None = None, cache_dir: Path | None = None) -> dict:
    """The analysed corpus as flat arrays (cached)."""
    cache_dir = cache_dir or Path(os.environ.get("DANVAN_VAR_DIR", "var")) / "bench-cache"
    path = cache_dir / f"duplicates-{n}-{seed}.npz"
    if path.exists():
        with np.load(path) as data:
            return {k: data[k] for k in data.files}
    jobs = [(s, min(BLOCK, n - s), seed) for s in range(0, n, BLOCK)]
    with Pool(processes or os.cpu_count() or 1) as pool:
        parts = pool.map(_analyse_block, jobs, chunksize=1)
    corpus = {k: np.concatenate([p[0][k] for p in parts]) for k in parts[0][0]}
    corpus["keys"] = np.concatenate([p[1] for p in parts]).astype(np.uint32)
    corpus["lengths"] = np.concatenate([p[2] for p in parts]).astype(np.int64)
    corpus["pkeys"] = np.concatenate([p[3] for p in parts]).astype(np.uint32)
    corpus["plengths"] = np.concatenate([p[4] for p in parts]).astype(np.int64)
    cache_dir.mkdir(parents=True, exist_ok=True)
    np.savez(path, **corpus)
    return corpus


# -------------------------------------------------------------------------------------------- run

def _rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} CPU, Python {platform.python_version()}, {platform.system()}"


def _db_round_trips(letter_ids: list[int], real_ids: np.ndarray):
    """What a real request asks the database besides the index (see services._suggest)."""
    from danvan.duplicates.models import IndexGeneration, LetterFingerprint
    from danvan.letters.models import Letter

    IndexGeneration.objects.order_by("-pk").values_list("token", flat=True).first()
    list(LetterFingerprint.objects.filter(revision__gte=time.time_ns() - 120 * 10**9).values("letter_id",
                                                                                               "revision"))
    from django.db.models import OuterRef, Prefetch, Subquery

    from danvan.letters.models import LetterPetitioner

    ids = [int(real_ids[i % len(real_ids)]) for i in letter_ids] if len(real_ids) else letter_ids
    strong = LetterFingerprint.objects.filter(letter_id=OuterRef("pk")).values("strong")[:1]
    list(Letter.objects.filter(pk__in=ids).select_related("matter", "subject_area").defer("content")
         .annotate(duplicate_strong=Subquery(strong))
         .prefetch_related(Prefetch("petitioner_links", LetterPetitioner.objects.select_related("citizen"))))


SHARED_DF_SHARE = 0.001  # features in at least this share of the base letters are vocabulary, shared by every tile


def tile(base: dict, times: int) -> dict:
    """`times` copies of an analysed corpus, each a set of other cases: the vocabulary (features found in
    at least `SHARED_DF_SHARE` of the base letters: topic words, boilerplate left, common places) is shared
    by every copy, as in a larger real collection; the rare features (names, numbers, decision numbers,
    amounts) and the petitioners are salted per copy, so no two copies share a case or a person. Copy 0 is
    the base itself. Analysing a million letters takes an hour of CPU; tiling 20.000 takes seconds."""
    n0 = len(base["lengths"])
    unique, counts = np.unique(base["keys"], return_counts=True)
    shared = np.isin(base["keys"], unique[counts >= max(2, SHARED_DF_SHARE * n0)])
    keys, pkeys, columns = [], [], {name: [] for name in ("chain", "province", "commune", "field", "received",
                                                          "protected")}
    chains = int(base["chain"].max()) + 1
    for t in range(times):
        salt = np.uint32((t * 0x9E3779B1) & 0xFFFFFFFF)
        keys.append(np.where(shared, base["keys"], base["keys"] ^ salt).astype(np.uint32))
        pkeys.append((base["pkeys"] ^ salt).astype(np.uint32))
        for name in columns:
            columns[name].append(base[name] + (t * chains if name == "chain" else 0))
    corpus = {name: np.concatenate(values) for name, values in columns.items()}
    corpus.update(keys=np.concatenate(keys), pkeys=np.concatenate(pkeys),
                  lengths=np.tile(base["lengths"], times), plengths=np.tile(base["plengths"], times))
    return corpus


def run(letters: int = 1_000_000, queries: int = 200, seed: int = SEED, k: int = 10, exact: bool = True,
        tile_from: int | None = None) -> dict:
    from django.db import connection

    from danvan.duplicates.engine import DuplicateIndex, ExactScan, Query
    from danvan.duplicates.features import feature_hash, letter_features, petitioner_keys
    from danvan.duplicates.index import FIELD_CODES
    from danvan.letters.models import Letter

    t0 = time.perf_counter()
    if tile_from:
        corpus = tile(build_corpus(tile_from, seed), letters // tile_from)
        letters = len(corpus["lengths"])
    else:
        corpus = build_corpus(letters, seed)
    analyse_seconds = time.perf_counter() - t0
    n = letters
    stored_lengths = corpus["lengths"][:n]
    n_keys = int(stored_lengths.sum())
    n_pkeys = int(corpus["plengths"][:n].sum())
    stored = {"keys": corpus["keys"][:n_keys], "lengths": stored_lengths,
              "pkeys": corpus["pkeys"][:n_pkeys], "plengths": corpus["plengths"][:n]}
    rss_before = _rss_bytes()
    t0 = time.perf_counter()
    index = DuplicateIndex()
    columns = {
        "letter": np.arange(1, n + 1, dtype=np.int64), "matter": corpus["chain"][:n].astype(np.int64),
        "scope_area": corpus["province"][:n], "subject_area": corpus["commune"][:n], "field": corpus["field"][:n],
        "received": corpus["received"][:n], "protected": corpus["protected"][:n],
    }
    index.build_arrays(columns, stored["keys"], np.repeat(np.arange(n, dtype=np.int32), stored_lengths),
                       stored["pkeys"], np.repeat(np.arange(n, dtype=np.int32), stored["plengths"]))
    build_seconds = time.perf_counter() - t0
    index_bytes = index.nbytes()
    rss_index = _rss_bytes() - rss_before
    scan = ExactScan(index) if exact else None

    new_letters = list(_letters_for_queries(tile_from or n, queries, seed))
    real_ids = np.fromiter(Letter.objects.values_list("pk", flat=True)[:1000], dtype=np.int64)
    latencies, index_only, exact_times, recalls, found_chain = [], [], [], [], []
    cpu_request, cpu_index, cpu_exact = [], [], []  # CPU time: the stable figure on a shared machine
    for row in new_letters:
        started, cpu_started = time.perf_counter(), time.process_time()
        features = letter_features(row["text"])
        p = row["person"]
        pk = {feature_hash(key): c for key, c in petitioner_keys(full_name=p.full_name, id_number=p.id_number,
                                                                 birth_year=p.birth_year).items()}
        query = Query(features=np.asarray(features.hashes(), dtype=np.uint32),
                      strong=np.asarray(features.strong_hashes(), dtype=np.uint32), petitioner_keys=pk,
                      subject_area=row["commune"], field=FIELD_CODES.get(row["field"], -1))
        before = row["day"].toordinal()
        t_index, c_index = time.perf_counter(), time.process_time()
        hits = index.query(query, k=k, received_before=before, exclude_letters=frozenset({row["slot"] + 1}))
        index_only.append(time.perf_counter() - t_index)
        cpu_index.append(time.process_time() - c_index)
        _db_round_trips([h.letter for h in hits], real_ids)
        latencies.append(time.perf_counter() - started)
        cpu_request.append(time.process_time() - cpu_started)
        if scan is not None:
            t_exact, c_exact = time.perf_counter(), time.process_time()
            truth = scan.top(query, k=k, received_before=before, exclude_letters=frozenset({row["slot"] + 1}))
            exact_times.append(time.perf_counter() - t_exact)
            cpu_exact.append(time.process_time() - c_exact)
            if truth:
                recalls.append(len({h.letter for h in hits} & set(truth)) / len(truth))
        if row["position"] > 0:
            found_chain.append(any(columns["matter"][h.letter - 1] == row["chain"] for h in hits[:5]))

    def ms(values, q=0.5):
        return round(float(np.quantile(values, q)) * 1000, 2) if values else None

    result = {
        "scenario": "duplicates.top10_suggestions",
        "database": connection.vendor,
        "stored_letters": n,
        "queries": len(new_letters),
        "data": "synthetic feature sets analysed from datagen.texts letters (chains, rewording, no diacritics)"
        + (f", {tile_from} analysed letters tiled ×{letters // tile_from} (see `tile`)" if tile_from else ""),
        "machine": _machine(),
        "analyse_or_load_corpus_s": round(analyse_seconds, 1),
        "index_build_s": round(build_seconds, 1),
        "index_bytes": index_bytes,
        "index_gib": round(index_bytes / 2**30, 3),
        "rss_growth_gib": round(rss_index / 2**30, 3),
        "cutoff_df": index.cutoff,
        "latency_median_ms": ms(latencies),
        "latency_p95_ms": ms(latencies, 0.95),
        "index_only_median_ms": ms(index_only),
        "exact_median_ms": ms(exact_times),
        "latency_median_cpu_ms": ms(cpu_request),
        "index_only_median_cpu_ms": ms(cpu_index),
        "exact_median_cpu_ms": ms(cpu_exact),
        "speedup_vs_exact": round(statistics.median(exact_times) / statistics.median(index_only), 1)
        if exact_times else None,
        "recall_vs_exact_at_10": round(float(np.mean(recalls)), 4) if recalls else None,
        "queries_with_earlier_chain_letter": len(found_chain),
        "earlier_chain_letter_in_top5": round(float(np.mean(found_chain)), 4) if found_chain else None,
    }
    return result


BLOCK = 5000


def _letters_for_queries(n: int, queries: int, seed: int):
    """New letters to query with: letters of a few blocks of the corpus (regenerated from the same seed),
    half of them later letters of a duplicate chain. Each is left out of its own results, and only
    letters received on or before it are searched, so it stands for a letter arriving now."""
    rng = random.Random(seed + 1)
    blocks = sorted(rng.sample(range(0, n // BLOCK), k=max(1, min(n // BLOCK, 4))))
    per_block = -(-queries // len(blocks))
    rows = []
    for b in blocks:
        start = b * BLOCK
        block_rows = [dict(row, slot=start + i) for i, row in enumerate(_letters(start, min(BLOCK, n - start), seed))]
        repeats = [r for r in block_rows if r["position"] > 0]
        firsts = [r for r in block_rows if r["position"] == 0]
        chosen = rng.sample(repeats, k=min(len(repeats), per_block // 2))
        chosen += rng.sample(firsts, k=per_block - len(chosen))
        rows += chosen
    return rows[:queries]


def main(argv=None) -> None:
    import django

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--no-exact", action="store_true")
    parser.add_argument("--tile-from", type=int, default=None, help="analyse this many letters and tile them")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    django.setup()
    result = run(args.letters, args.queries, args.seed, exact=not args.no_exact, tile_from=args.tile_from)
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
