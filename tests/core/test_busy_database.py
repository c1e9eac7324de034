"""A bulk job holds SQLite's write lock: pages wait a little, then say "hệ thống đang bận" — never a 500;
a page that only reads does not wait at all (issue 13).

Real processes on a real SQLite file: a second connection (sqlite3, as a bulk job would) holds the write lock
with BEGIN IMMEDIATE while Django answers requests, with a busy timeout of two seconds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent('''
    import datetime as dt, sqlite3, sys, threading, time
    import django
    django.setup()
    from django.core.management import call_command
    from django.conf import settings
    call_command("migrate", verbosity=0)
    from django.test import Client
    from django.urls import reverse
    from danvan.accounts.models import Role
    from danvan.core.choices import ContentKind, Field
    from danvan.letters import services
    from danvan.people.models import IdentityReveal
    from danvan.units.models import AreaLevel, OrganisationType
    from tests.conftest import PASSWORD, make_area, make_org, make_user

    nation = make_area(AreaLevel.NATION, "VN", "Việt Nam", valid_from=None)
    province = make_area(AreaLevel.PROVINCE, "04", "Tỉnh Cao Bằng", nation, division_type="tỉnh")
    board = make_org("Ban Dân vận Tỉnh ủy Cao Bằng", OrganisationType.MOBILISATION_BOARD, province)
    alice = make_user("alice", board, Role.OFFICER)
    hana = make_user("hana", board, Role.HEAD)
    rita = make_user("rita", board, Role.OFFICER)
    # Received by rita: alice is neither its receiver nor its handler, so her list reveals nothing (ADR 0011).
    services.receive_letter(rita, board, received_on=dt.date(2026, 3, 2), summary="Tố cáo cán bộ thôn",
                            content_kind=ContentKind.DENUNCIATION, field=Field.LAND_HOUSING,
                            new_petitioners=[{"full_name": "Bế Văn Tố"}])
    head, officer = Client(raise_request_exception=False), Client(raise_request_exception=False)
    head.force_login(hana, backend="danvan.accounts.backends.ScopedModelBackend")
    officer.force_login(alice, backend="danvan.accounts.backends.ScopedModelBackend")
    letters = reverse("letters:letter_list")

    job = sqlite3.connect(settings.DATABASES["default"]["NAME"], isolation_level=None, check_same_thread=False)
    def hold(seconds):
        job.execute("BEGIN IMMEDIATE")
        job.execute("UPDATE accounts_user SET first_name = first_name")
        if seconds:
            threading.Timer(seconds, lambda: job.execute("COMMIT")).start()

    def show(name, response, started):
        body = response.content.decode()
        print(name, response.status_code, "bận" if "Hệ thống đang bận" in body else "-",
              "Bế Văn Tố" in body, round(time.monotonic() - started, 1), flush=True)

    # 1. The lock is held for longer than anyone waits.
    hold(None)
    started = time.monotonic()
    show("login", Client(raise_request_exception=False).post(reverse("login"),
         {"username": "alice", "password": PASSWORD}), started)
    started = time.monotonic()
    show("head-list", head.get(letters), started)
    started = time.monotonic()
    show("officer-list", officer.get(letters), started)
    job.execute("COMMIT")
    reveals = IdentityReveal.objects.count()

    # 2. The lock is released within the busy timeout: the requests wait for it and succeed.
    hold(0.5)
    started = time.monotonic()
    show("login-wait", Client(raise_request_exception=False).post(reverse("login"),
         {"username": "alice", "password": PASSWORD}), started)
    time.sleep(0.6)
    hold(0.5)
    started = time.monotonic()
    show("head-list-wait", head.get(letters), started)
    print("reveals", reveals, IdentityReveal.objects.count(), flush=True)
''')


@pytest.fixture(scope="module")
def outcome(tmp_path_factory) -> dict[str, list[str]]:
    var = tmp_path_factory.mktemp("busy")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DANVAN_") and k != "DATABASE_URL"}
    env |= {"DANVAN_DEBUG": "true", "DANVAN_VAR_DIR": str(var), "DATABASE_URL": f"sqlite:///{var / 'db.sqlite3'}",
            "DANVAN_SQLITE_BUSY_SECONDS": "2", "DANVAN_ALLOWED_HOSTS": "testserver",
            "DJANGO_SETTINGS_MODULE": "danvan.settings",
            "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    return {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line.strip()}


def test_a_login_while_the_database_is_locked_says_busy_not_500(outcome):
    status, busy, _shown, seconds = outcome["login"]
    assert (status, busy) == ("503", "bận")
    assert 1.5 <= float(seconds) < 10  # waited the busy timeout, not longer


def test_a_head_reading_the_letter_list_gets_busy_and_no_identity_unaudited(outcome):
    status, busy, shown, _seconds = outcome["head-list"]
    assert (status, busy, shown) == ("503", "bận", "False")  # no identity shown without its audit row
    assert outcome["reveals"][0] == "0"


def test_a_page_that_only_reads_does_not_wait_for_the_lock(outcome):
    status, busy, shown, seconds = outcome["officer-list"]
    assert (status, busy, shown) == ("200", "-", "False") and float(seconds) < 1.5


def test_writes_wait_for_a_short_lock_and_succeed(outcome):
    assert outcome["login-wait"][0] == "302"
    assert outcome["head-list-wait"][:3] == ["200", "-", "True"]
    assert int(outcome["reveals"][1]) == 1  # the head's reveal, written once the lock was free
