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
