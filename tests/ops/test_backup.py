"""`danvan backup` / `danvan restore` round trip, on whichever database the suite runs (SQLite, or PostgreSQL
when DATABASE_URL is set): counts, a sample of records and every attachment come back equal."""

from __future__ import annotations

import io
import json
import shutil
import tarfile

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from danvan.core.choices import ContentKind
from danvan.letters.models import Letter, LetterAttachment
from danvan.ops.backup import BackupError, create_backup, office_data_tables, restore_backup
from tests.letters.factories import accepted, receive

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40


@pytest.fixture
def office(transactional_db, tree, alice, hana, settings, tmp_path):
    """Committed data (the backup reads it from another connection or process) with attachments."""
    settings.MEDIA_ROOT = tmp_path / "media"
    receive(alice, tree.board_cb, summary="Khiếu nại thu hồi đất ở Quảng Lâm",
            attachments=[SimpleUploadedFile("don-khieu-nai.pdf", PDF)])
    receive(alice, tree.board_cb, kind=ContentKind.DENUNCIATION, name="Lê Thị Hoa", summary="Tố cáo cán bộ xã",
            attachments=[SimpleUploadedFile("to-cao.pdf", PDF + b"%%EOF"),
                         SimpleUploadedFile("ảnh chụp.png", b"\x89PNG\r\n\x1a\n" + b"\x01" * 300)])
    accepted(alice, tree.ubnd_quang_lam, name="Trần Văn Bình", handler=hana)
    return settings.MEDIA_ROOT


def danvan_models():
    # Restore adds an IndexGeneration row on purpose (running processes reload their duplicate index).
    return [m for m in apps.get_models()
            if m.__module__.startswith("danvan.") and m._meta.label != "duplicates.IndexGeneration"]


def snapshot(media_root) -> dict:
    counts = {model._meta.label: model._default_manager.count() for model in danvan_models()}
    sample = list(Letter.objects.order_by("pk").values())
    history = list(Letter.history.order_by("history_id").values("history_id", "id", "status", "history_type"))
    files = {a.file.name: (a.original_name, a.size, (media_root / a.file.name).read_bytes())
             for a in LetterAttachment.objects.all()}
    return {"counts": counts, "letters": sample, "history": history, "files": files}


def wipe(media_root) -> None:
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media_root)


def test_round_trip_gives_back_every_count_record_and_attachment(office, tmp_path):
    before = snapshot(office)
    assert len(before["files"]) == 3 and before["counts"]["letters.Letter"] == 3
    archive = tmp_path / "danvan.tar.gz"
    call_command("backup", "-o", str(archive), stdout=io.StringIO())

    wipe(office)
    assert Letter.objects.count() == 0 and not office.exists()
    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)

    assert "đã khôi phục" in out.getvalue()
    assert snapshot(office) == before


def test_the_manifest_names_version_vendor_and_checksums(office, tmp_path):
    from django.db import connection

    archive = tmp_path / "danvan.tar"
    manifest = create_backup(archive)
    with tarfile.open(archive) as tar:
        stored = json.load(tar.extractfile("manifest.json"))
        names = set(tar.getnames())
    assert stored == manifest
    assert stored["vendor"] == connection.vendor and stored["danvan_version"] and stored["created_at"]
    assert {m["name"] for m in stored["members"]} | {"manifest.json"} == names
    assert sum(m["name"].startswith("media/") for m in stored["members"]) == 3
    assert all(len(m["sha256"]) == 64 for m in stored["members"])
    assert "letters" in stored["migrations"]


def test_restore_refuses_a_database_that_holds_data_unless_forced(office, tmp_path, tree, alice):
    archive = tmp_path / "danvan.tar"
    create_backup(archive)
    receive(alice, tree.board_cb, summary="Đơn nhận sau khi sao lưu")

    with pytest.raises(CommandError, match="đã có dữ liệu"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert Letter.objects.count() == 4  # nothing changed

    call_command("restore", str(archive), "--force", stdout=io.StringIO())
    assert Letter.objects.count() == 3
    assert not Letter.objects.filter(summary="Đơn nhận sau khi sao lưu").exists()


def test_a_freshly_migrated_database_counts_as_empty(transactional_db):
    # The data migrations load holiday decisions and the report catalogue: reference data, not an office's.
    assert office_data_tables() == {}


def test_a_damaged_archive_is_refused_and_changes_nothing(office, tmp_path):
    archive, damaged = tmp_path / "danvan.tar", tmp_path / "damaged.tar"
    create_backup(archive)
    with tarfile.open(archive) as source, tarfile.open(damaged, "w") as target:
        for info in source:
            data = source.extractfile(info).read()
            if info.name.endswith("to-cao.pdf"):
                data = data[:-1] + bytes([data[-1] ^ 1])
            target.addfile(info, io.BytesIO(data))
    wipe(office)

    with pytest.raises(BackupError, match="sai mã kiểm tra"):
        restore_backup(damaged)
    assert Letter.objects.count() == 0 and not office.exists()


def test_a_backup_of_a_newer_danvan_is_refused(office, tmp_path):
    archive, newer = tmp_path / "danvan.tar", tmp_path / "newer.tar"
    create_backup(archive)
    with tarfile.open(archive) as source, tarfile.open(newer, "w") as target:
        for info in source:
            data = source.extractfile(info).read()
            if info.name == "manifest.json":
                manifest = json.loads(data)
                manifest["migrations"]["letters"].append("9999_from_the_future")
                data = json.dumps(manifest).encode()
                info.size = len(data)
            target.addfile(info, io.BytesIO(data))
    wipe(office)
    with pytest.raises(BackupError, match="danvan mới hơn"):
        restore_backup(newer)
