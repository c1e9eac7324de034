"""`danvan generate` is all or nothing, and never doubles data unasked (issue 13).

Real processes on a real SQLite file: the run is killed with SIGKILL half-way, as a power cut or the OOM
killer would; the database must be as before, and the next run must give exactly a clean run's data.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ARGS = ["generate", "--scale", "tiny", "--seed", "7", "--until", "2026-10-31", "--letters", "2000",
        "--visits", "1500"]
TABLES = ("letters_letter", "reception_visit", "people_citizen", "matters_matter", "units_area",
          "datagen_generationrun", "mobilisation_dialogue")


def _env(db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DANVAN_") and k != "DATABASE_URL"}
    return env | {"DANVAN_DEBUG": "true", "DANVAN_VAR_DIR": str(db.parent), "DATABASE_URL": f"sqlite:///{db}",
                  "DJANGO_SETTINGS_MODULE": "danvan.settings"}


def _danvan(db: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "django", *args], env=_env(db), capture_output=True, text=True,
                          timeout=600, **kwargs)


def _state(db: Path) -> dict:
    with sqlite3.connect(db) as conn:
        counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608
        counts["citizen names"] = conn.execute("SELECT group_concat(full_name, '|') FROM "
                                               "(SELECT full_name FROM people_citizen ORDER BY id)").fetchone()[0]
        counts["letter summaries"] = conn.execute("SELECT group_concat(summary, '|') FROM "
                                                  "(SELECT summary FROM letters_letter ORDER BY id)").fetchone()[0]
    return counts


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("generate") / "template.sqlite3"
    result = _danvan(db, "migrate", "-v0")
    assert result.returncode == 0, result.stderr
    return db


def _copy(template: Path, name: str) -> Path:
    db = template.parent / name
    shutil.copy(template, db)
    return db


def test_a_run_killed_half_way_leaves_nothing_and_the_rerun_equals_a_clean_run(migrated):
    clean = _copy(migrated, "clean.sqlite3")
    result = _danvan(clean, *ARGS, "--no-progress")
    assert result.returncode == 0, result.stderr
    expected = _state(clean)
    assert expected["letters_letter"] == 2000

    killed = _copy(migrated, "killed.sqlite3")
    before = _state(killed)
    log = killed.parent / "progress.log"
    with open(log, "w") as err:
        process = subprocess.Popen([sys.executable, "-m", "django", *ARGS], env=_env(killed),
                                   stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.monotonic() + 300
        # Killed once the letters are being written: the villages, visits and citizens are done by then.
        while "Đơn thư" not in log.read_text(errors="replace") and process.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    assert _state(killed) == before  # no run record, no villages, no half of the data

    result = _danvan(killed, *ARGS, "--no-progress")
    assert result.returncode == 0, result.stderr
    assert _state(killed) == expected


def test_a_second_run_is_refused_without_a_flag(migrated):
    db = _copy(migrated, "twice.sqlite3")
    assert _danvan(db, *ARGS, "--letters", "30", "--visits", "20", "--no-progress").returncode == 0
    first = _state(db)
    again = _danvan(db, *ARGS, "--letters", "30", "--visits", "20", "--no-progress")
    assert again.returncode != 0 and "tránh nhân đôi dữ liệu" in again.stderr and "--add" in again.stderr
    assert _state(db) == first
    skipped = _danvan(db, *ARGS, "--letters", "30", "--visits", "20", "--no-progress", "--if-empty")
    assert skipped.returncode == 0 and "bỏ qua" in skipped.stdout and _state(db) == first
    added = _danvan(db, *ARGS, "--letters", "30", "--visits", "20", "--no-progress", "--add")
    assert added.returncode == 0, added.stderr
    assert _state(db)["letters_letter"] == 2 * first["letters_letter"]
