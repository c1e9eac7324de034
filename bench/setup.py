"""Point Django at the benchmark database (before `django.setup()`), create it, migrate, fill it."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_PG = "postgres://postgres@127.0.0.1:55432/danvan_bench_{scale}"


def database_url(db: str, scale: str, url: str | None) -> str:
    if url:
        return url
    if db == "postgres":
        return DEFAULT_PG.format(scale=scale)
    var = Path(os.environ.get("DANVAN_VAR_DIR") or Path(__file__).resolve().parent.parent / "var")
    var.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{var / f'bench-{scale}.sqlite3'}"


def create_postgres_database(url: str) -> None:
    """CREATE DATABASE if it does not exist (connecting to the server's `postgres` database)."""
    import dj_database_url
    import psycopg

    cfg = dj_database_url.parse(url)
    with psycopg.connect(host=cfg["HOST"], port=cfg["PORT"] or 5432, user=cfg["USER"], password=cfg["PASSWORD"] or None,
                         dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [cfg["NAME"]]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{cfg["NAME"]}"')


def prepare(db: str, scale: str, url: str | None) -> str:
    url = database_url(db, scale, url)
    if url.startswith("postgres"):
        create_postgres_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DANVAN_DEBUG", "true")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    return url


def ensure_data(scale: str, seed: int, out) -> float | None:
    """Migrate, then generate `scale` if the database holds no letters; returns the generation time."""
    import time

    from django.core.management import call_command

    from danvan.datagen.generator import is_empty

    call_command("migrate", verbosity=0, interactive=False)
    if not is_empty():
        return None
    out.write(f"Chưa có dữ liệu: sinh dữ liệu quy mô {scale} (seed {seed})…\n")
    started = time.perf_counter()
    call_command("generate", scale=scale, seed=seed, stdout=out)
    return time.perf_counter() - started
