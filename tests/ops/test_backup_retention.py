"""deploy/danvan-backup (run nightly by the systemd timer or cron): one archive a night, nightly ones kept
DANVAN_BACKUP_KEEP_DAYS, the first of each month kept DANVAN_BACKUP_KEEP_MONTHS months."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "deploy" / "danvan-backup"
DAY = 86400


def run(tmp_path, **env):
    fake = tmp_path / "danvan"  # stands for `danvan backup -o FILE`
    fake.write_text('#!/bin/sh\n[ "$1" = backup ] && [ "$2" = -o ] && echo archive > "$3"\n')
    fake.chmod(0o755)
    environment = {**os.environ, "DANVAN_BIN": str(fake), "DANVAN_BACKUP_DIR": str(tmp_path / "backups"), **env}
    return subprocess.run(["sh", str(SCRIPT)], env=environment, capture_output=True, text=True, check=True).stdout


def aged(path: Path, days: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("old")
    then = time.time() - days * DAY
    os.utime(path, (then, then))


def test_a_night_writes_one_archive_and_keeps_the_month_first(tmp_path):
    written = Path(run(tmp_path).strip())
    assert written.parent == tmp_path / "backups" / "daily" and written.read_text() == "archive\n"
    monthly = list((tmp_path / "backups" / "monthly").iterdir())
    assert len(monthly) == 1 and monthly[0].read_text() == "archive\n"
    run(tmp_path)  # a second run the same month does not replace the month's first
    assert list((tmp_path / "backups" / "monthly").iterdir()) == monthly
    assert len(list((tmp_path / "backups" / "daily").iterdir())) == 2


def test_old_archives_go_after_their_retention(tmp_path):
    backups = tmp_path / "backups"
    aged(backups / "daily" / "danvan-old.tar.gz", 31)
    aged(backups / "daily" / "danvan-recent.tar.gz", 29)
    aged(backups / "monthly" / "danvan-202401.tar.gz", 400)
    aged(backups / "monthly" / "danvan-202511.tar.gz", 300)
    aged(backups / "daily" / "notes.txt", 400)  # not ours: left alone
    run(tmp_path, DANVAN_BACKUP_KEEP_DAYS="30", DANVAN_BACKUP_KEEP_MONTHS="12")
    daily = {p.name for p in (backups / "daily").iterdir()}
    monthly = {p.name for p in (backups / "monthly").iterdir()}
    assert "danvan-old.tar.gz" not in daily and {"danvan-recent.tar.gz", "notes.txt"} <= daily
    assert "danvan-202401.tar.gz" not in monthly and "danvan-202511.tar.gz" in monthly
