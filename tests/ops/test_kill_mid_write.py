"""kill -9 of a server in the middle of a write leaves nothing half-written (issue 22): a letter is received
with its matter, petitioner, attachment, history and fingerprint in one transaction; the process is killed
after the attachment is stored and before the commit; afterwards none of those rows exists, on either database,
and the database is usable."""

from __future__ import annotations

import json
import os
import signal

from tests.ops.test_two_processes import Worker, shared_database_url


def test_a_server_killed_mid_write_leaves_no_row_behind(transactional_db, alice, tmp_path):
    url = shared_database_url(tmp_path)
    os.environ["DANVAN_MEDIA_ROOT"] = str(tmp_path / "media")
    try:
        observer, victim = Worker(url), Worker(url)
    finally:
        del os.environ["DANVAN_MEDIA_ROOT"]
    before = observer("counts")

    victim.process.stdin.write("receive-and-hang\n")
    victim.process.stdin.flush()
    stored = json.loads(victim.process.stdout.readline())["mid-write"]
    assert (tmp_path / "media" / stored).exists()  # the file is on disk, its row not committed
    os.kill(victim.process.pid, signal.SIGKILL)
    victim.process.wait(timeout=30)

    assert observer("counts") == before
    code = observer("receive")  # the database took no harm: the next write goes through
    after = observer("counts")
    assert code and after["Letter"] == before["Letter"] + 1
    observer.stop()


def letters_in_archive(archive, tmp_path) -> int:
    import sqlite3
    import subprocess
    import tarfile

    from danvan.ops.backup import pg_tool

    with tarfile.open(archive) as tar:
        names = tar.getnames()
        tar.extractall(tmp_path / "extracted", filter="data")
    if "database.sqlite3" in names:
        db = sqlite3.connect(tmp_path / "extracted" / "database.sqlite3")
        return db.execute("SELECT count(*) FROM letters_letter").fetchone()[0]
    from django.db import connection

    tool = pg_tool("pg_restore", connection.pg_version // 10000)
    sql = subprocess.run([tool, "--data-only", "--table=letters_letter", "-f", "-",
                          str(tmp_path / "extracted" / "database.pgdump")], capture_output=True, text=True, check=True)
    body = sql.stdout.split("COPY public.letters_letter", 1)[1].split("\n\\.\n", 1)[0]
    return len(body.splitlines()) - 1


def test_a_backup_taken_while_a_write_is_open_is_not_blocked_and_holds_only_committed_rows(
        transactional_db, alice, tmp_path):
    url = shared_database_url(tmp_path)
    os.environ["DANVAN_MEDIA_ROOT"] = str(tmp_path / "media")
    try:
        server, backup = Worker(url), Worker(url)
    finally:
        del os.environ["DANVAN_MEDIA_ROOT"]
    server("receive")  # one committed letter
    server.process.stdin.write("receive-and-hang\n")
    server.process.stdin.flush()
    json.loads(server.process.stdout.readline())  # a second letter written, not committed

    archive = tmp_path / "during.tar"
    assert backup(f"backup {archive}") in ("sqlite", "postgresql")
    os.kill(server.process.pid, signal.SIGKILL)
    server.process.wait(timeout=30)
    backup.stop()
    assert letters_in_archive(archive, tmp_path) == 1


def test_a_bulk_entry_killed_half_way_records_no_row(transactional_db, alice, tmp_path):
    url = shared_database_url(tmp_path)
    observer, victim = Worker(url), Worker(url)
    before = observer("counts")
    victim.process.stdin.write("import-and-hang\n")
    victim.process.stdin.flush()
    assert json.loads(victim.process.stdout.readline()) == {"mid-write": 50}
    os.kill(victim.process.pid, signal.SIGKILL)
    victim.process.wait(timeout=30)
    assert observer("counts") == before
    observer.stop()
