"""One archive holds a whole office: the database, the attachments and a manifest with checksums (ADR 0016).

Layout of the tar archive (gzip when the file name ends in .gz):

    manifest.json           format, danvan version, database vendor, created-at, the applied migrations,
                            and the SHA-256 and size of every other member
    database.sqlite3        SQLite: a copy made through SQLite's online backup API (consistent while the
                            server writes; WAL included)
    database.pgdump         PostgreSQL: `pg_dump --format=custom` (one consistent snapshot)
    media/<path>            every file under MEDIA_ROOT

The database is copied first, the attachments second: an attachment's file is written before its row
commits and files are never deleted (records are archived, not deleted), so every row of the copy finds its
file in the archive; a file uploaded during the backup is carried along harmlessly.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder

import danvan

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.pgdump"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the operator."""


@dataclass(frozen=True)
class Member:
    name: str
    sha256: str
    size: int


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def vendor(alias: str = DEFAULT_DB_ALIAS) -> str:
    return connections[alias].vendor  # "sqlite" or "postgresql"


# ------------------------------------------------------------------------------------------ PostgreSQL tools

def _major(version_text: str) -> int:
    match = re.search(r"(\d+)(?:\.\d+)?", version_text)
    if not match:
        raise BackupError(f"không đọc được số phiên bản trong {version_text!r}")
    return int(match.group(1))


def pg_tool(name: str, server_major: int) -> str:
    """The `pg_dump`/`pg_restore` to use: the one of the server's major version under /usr/lib/postgresql
    (Debian keeps one per version), else the newest there, else the one on PATH. A client older than the
    server cannot dump it: refused here with the versions named."""
    candidates: list[tuple[int, str]] = []
    for binary in Path("/usr/lib/postgresql").glob(f"*/bin/{name}"):
        if binary.parent.parent.name.isdigit():
            candidates.append((int(binary.parent.parent.name), str(binary)))
    on_path = shutil.which(name)
    if on_path:
        output = subprocess.run([on_path, "--version"], capture_output=True, text=True, check=False).stdout
        candidates.append((_major(output.partition("(PostgreSQL)")[2] or output), on_path))
    if not candidates:
        raise BackupError(f"không tìm thấy {name}: cài gói postgresql-client (apt-get install postgresql-client)")
    exact = [path for major, path in candidates if major == server_major]
    if exact:
        return exact[0]
    major, path = max(candidates)
    if major < server_major:
        raise BackupError(f"{name} {major} không làm việc được với máy chủ PostgreSQL {server_major}: "
                          f"cài gói postgresql-client-{server_major}")
    return path


def _pg_env_and_args(alias: str) -> tuple[dict, list[str]]:
    conn = connections[alias]
    params = conn.get_connection_params()
    env = dict(os.environ)
    args = []
    if params.get("host"):
        args += ["--host", str(params["host"])]
    if params.get("port"):
        args += ["--port", str(params["port"])]
    if params.get("user"):
        args += ["--username", str(params["user"])]
    if params.get("password"):
        env["PGPASSWORD"] = str(params["password"])
    for option in ("sslmode", "sslrootcert", "sslcert", "sslkey"):
        if params.get(option):
            env[f"PG{option.upper()}"] = str(params[option])
    env.pop("PGOPTIONS", None)
    return env, args + ["--dbname", str(params.get("dbname") or conn.settings_dict["NAME"])]


def _server_major(alias: str) -> int:
    conn = connections[alias]
    conn.ensure_connection()
    return conn.pg_version // 10000


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} lỗi ({result.returncode}): {result.stderr.strip()[-2000:]}")


# ------------------------------------------------------------------------------------------ backup

def _dump_database(alias: str, directory: Path) -> Path:
    conn = connections[alias]
    if conn.vendor == "sqlite":
        target = directory / SQLITE_MEMBER
        conn.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            # The online backup API copies a consistent snapshot page by page while others go on writing.
            conn.connection.backup(destination)
        finally:
            destination.close()
        return target
    if conn.vendor == "postgresql":
        target = directory / POSTGRES_MEMBER
        env, args = _pg_env_and_args(alias)
        tool = pg_tool("pg_dump", _server_major(alias))
        _run([tool, "--format=custom", "--no-owner", "--no-privileges", "--file", str(target), *args], env)
        return target
    raise BackupError(f"chưa hỗ trợ sao lưu cơ sở dữ liệu {conn.vendor}")


def _applied_migrations(alias: str) -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connections[alias]).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def media_files(root: Path) -> list[tuple[str, Path]]:
    """Every regular file under the media root, by its archive name (`media/` + the POSIX relative path)."""
    if not root.exists():
        return []
    files = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            files.append(("media/" + path.relative_to(root).as_posix(), path))
    return files


def create_backup(output: Path, *, alias: str = DEFAULT_DB_ALIAS) -> dict:
    """Write the archive to `output` (via a temporary file renamed at the end) and return its manifest."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    created_at = dt.datetime.now(dt.UTC)
    with tempfile.TemporaryDirectory(prefix="danvan-backup-", dir=output.parent) as tmp:
        database = _dump_database(alias, Path(tmp))
        members = [Member(database.name, sha256_of(database), database.stat().st_size)]
        files = media_files(Path(settings.MEDIA_ROOT))
        # Checksums and sizes of the files as they are read into the archive (below), not as listed here.
        manifest = {
            "format": FORMAT,
            "danvan_version": danvan.__version__,
            "vendor": vendor(alias),
            "created_at": created_at.isoformat(timespec="seconds"),
            "migrations": _applied_migrations(alias),
        }
        partial = output.with_name(f".{output.name}.{uuid.uuid4().hex}.part")
        # gzip level 6 (zlib's default) rather than tarfile's 9: see ADR 0016 for the measurement.
        options = {"mode": "w:gz", "compresslevel": 6} if output.name.endswith(".gz") else {"mode": "w"}
        try:
            with tarfile.open(partial, **options) as archive:
                archive.add(database, arcname=database.name, recursive=False)
                for name, path in files:
                    members.append(_add_file(archive, name, path))
                manifest["members"] = [member.__dict__ for member in members]
                body = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = len(body), int(created_at.timestamp()), 0o600
                archive.addfile(info, _BytesReader(body))
            with open(partial, "rb") as handle:
                os.fsync(handle.fileno())
            partial.chmod(0o600)
            partial.replace(output)
        finally:
            partial.unlink(missing_ok=True)
    return manifest


def _add_file(archive: tarfile.TarFile, name: str, path: Path) -> Member:
    """Add one file, hashing exactly the bytes written (a file growing meanwhile is cut at its listed size)."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = size, int(path.stat().st_mtime), 0o600
        reader = _HashingReader(handle)
        archive.addfile(info, reader)
        return Member(name, reader.digest.hexdigest(), size)


class _HashingReader:
    def __init__(self, handle):
        self.handle, self.digest = handle, hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        block = self.handle.read(size)
        self.digest.update(block)
        return block


class _BytesReader:
    def __init__(self, data: bytes):
        self.data, self.position = data, 0

    def read(self, size: int = -1) -> bytes:
        end = len(self.data) if size < 0 else self.position + size
        block, self.position = self.data[self.position:end], min(end, len(self.data))
        return block


# ------------------------------------------------------------------------------------------ restore

def office_data_tables(alias: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Tables holding an office's own records, with their row counts, for those that have rows.

    An office's data is its accounts and every scoped record (letters, visits, citizens, matters, …: every
    subclass of `ScopedModel`, so a new kind of record is covered the day it is added). Reference data that
    the migrations or `load_units` write (holiday decisions, the report catalogue, the unit tree) does not
    make a database non-empty: a freshly migrated database is empty."""
    from danvan.core.models import ScopedModel

    connection = connections[alias]
    existing = set(connection.introspection.table_names())
    counts = {}
    for model in apps.get_models():
        if not (issubclass(model, ScopedModel) or model is apps.get_model(settings.AUTH_USER_MODEL)):
            continue
        table = model._meta.db_table
        if table not in existing:
            continue
        count = model._default_manager.using(alias).count()
        if count:
            counts[table] = count
    return counts


def _safe_member_name(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and name == path.as_posix()


def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        handle = archive.extractfile(MANIFEST)
    except KeyError as exc:
        raise BackupError("không phải bản sao lưu danvan: thiếu manifest.json") from exc
    manifest = json.load(handle)
    if manifest.get("format") != FORMAT:
        raise BackupError(f"không đọc được định dạng sao lưu {manifest.get('format')!r} (phiên bản này đọc {FORMAT})")
    return manifest


def verify_and_extract(source: Path, directory: Path) -> dict:
    """Extract the archive into `directory`, checking every member against the manifest; raise on any mismatch."""
    with tarfile.open(source, "r:*") as archive:
        manifest = read_manifest(archive)
        expected = {member["name"]: member for member in manifest.get("members", [])}
        seen = set()
        for info in archive:
            if info.name == MANIFEST:
                continue
            if info.name not in expected or not info.isfile() or not _safe_member_name(info.name):
                raise BackupError(f"tệp sao lưu có thành phần lạ: {info.name!r}")
            target = directory / info.name
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with archive.extractfile(info) as handle, target.open("wb") as out:
                while block := handle.read(CHUNK):
                    digest.update(block)
                    out.write(block)
            if digest.hexdigest() != expected[info.name]["sha256"] or info.size != expected[info.name]["size"]:
                raise BackupError(f"sai mã kiểm tra SHA-256 của {info.name}: tệp sao lưu bị hỏng")
            seen.add(info.name)
        missing = sorted(set(expected) - seen)
        if missing:
            raise BackupError(f"tệp sao lưu thiếu {len(missing)} thành phần ghi trong manifest: {missing[:5]}")
    return manifest


def _known_migrations() -> set[tuple[str, str]]:
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def restore_backup(source: Path, *, force: bool = False, alias: str = DEFAULT_DB_ALIAS) -> dict:
    """Restore the archive into the configured database and MEDIA_ROOT; return its manifest.

    Refuses, changing nothing: a damaged archive (any checksum), a backup of another database vendor, a
    backup made by a newer danvan (migrations this code does not know), and a database that already holds
    an office's data unless `force`."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source}: không có tệp này")
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="danvan-restore-") as tmp:
        work = Path(tmp)
        manifest = verify_and_extract(source, work)
        if manifest["vendor"] != vendor(alias):
            raise BackupError(f"đây là bản sao lưu {manifest['vendor']}; "
                              f"cơ sở dữ liệu đang cấu hình là {vendor(alias)}")
        unknown = {(app, name) for app, names in manifest["migrations"].items() for name in names}
        unknown -= _known_migrations()
        if unknown:
            raise BackupError(f"bản sao lưu của danvan mới hơn ({manifest['danvan_version']}): cài phiên bản đó "
                              f"trước (migration chưa biết: {sorted(unknown)[:3]})")
        occupied = office_data_tables(alias)
        if occupied and not force:
            listed = ", ".join(f"{table} ({count})" for table, count in sorted(occupied.items()))
            raise BackupError(f"cơ sở dữ liệu đã có dữ liệu ({listed}); hãy khôi phục vào cơ sở dữ liệu trống, "
                              "hoặc thêm --force để thay thế")
        _restore_database(alias, work, manifest)
        for member in manifest["members"]:
            if member["name"].startswith("media/"):
                relative = PurePosixPath(member["name"]).relative_to("media")
                target = media_root.joinpath(*relative.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(work / member["name"], target)
    _new_index_generation(alias)
    return manifest


def _restore_database(alias: str, work: Path, manifest: dict) -> None:
    conn = connections[alias]
    if conn.vendor == "sqlite":
        conn.ensure_connection()
        source = sqlite3.connect(work / SQLITE_MEMBER)
        try:
            # The backup API again, in the other direction: the whole database is replaced page by page, in
            # one step, under SQLite's own lock (stop the server first; a running one would keep old pages).
            source.backup(conn.connection)
        finally:
            source.close()
        conn.close()
        return
    env, args = _pg_env_and_args(alias)
    tool = pg_tool("pg_restore", _server_major(alias))
    conn.close()
    # One transaction: a failing restore leaves the database as it was. --clean drops what the dump
    # recreates (the tables of a freshly migrated database, or the data being replaced under --force).
    _run([tool, "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
          "--exit-on-error", *args, str(work / POSTGRES_MEMBER)], env)


def _new_index_generation(alias: str) -> None:
    """Running processes hold the duplicate index of the old data: a new generation makes each reload."""
    from danvan.duplicates.models import IndexGeneration

    IndexGeneration.objects.using(alias).create(token=uuid.uuid4().hex)
