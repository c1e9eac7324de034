"""Two app servers, each with its own in-memory duplicate index, stay in step through the database: a letter
written by one is suggested by the other at its next query, and a reindex (new generation) makes the other
reload (issue 22). Two real processes (tests/ops/worker.py) on one database."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def shared_database_url(tmp_path) -> str:
    """The test database as another process reaches it; SQLite's in-memory one is copied to a file first."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{path}"
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"


class Worker:
    def __init__(self, url: str):
        env = {**os.environ, "DATABASE_URL": url, "DANVAN_DEBUG": "true", "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen([sys.executable, "-m", "tests.ops.worker"], cwd=ROOT, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def __call__(self, command: str):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, f"worker died on {command!r}"
        return json.loads(line)

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture
def workers(transactional_db, alice, tmp_path, settings):
    url = shared_database_url(tmp_path)
    pair = Worker(url), Worker(url)
    yield pair
    for worker in pair:
        worker.stop()


def test_a_letter_written_by_one_server_is_suggested_by_the_other(workers):
    writer, reader = workers
    assert reader("suggest") == []
    generation = reader("token")

    code = writer("receive")
    assert reader("suggest") == [code]  # synced from the fingerprint rows, without a reload
    assert reader("token") == generation

    writer("reindex")
    assert reader("suggest") == [code]
    assert reader("token") != generation  # the new generation made it reload everything
