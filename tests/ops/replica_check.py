"""Routing against a real PostgreSQL streaming replica (run by tests/ops/replica_ci.sh, which starts one).

    DATABASE_URL=<primary> DATABASE_REPLICA_URL=<replica> DANVAN_REPLICA_MAX_LAG_SECONDS=1 \
    REPLICA_STOP_COMMAND='…' python -m tests.ops.replica_check

A report page reads from the replica; a write is seen there once replayed; a replica whose replay is paused
falls behind and the primary answers; a replica that is stopped is skipped and the page still loads.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from danvan.accounts.models import Role, User  # noqa: E402
from danvan.ops import routers  # noqa: E402
from danvan.units.models import Area, AreaLevel  # noqa: E402


def check(condition: bool, message: str) -> None:
    if not condition:
        print(f"REPLICA CHECK FAILED: {message}", file=sys.stderr)
        sys.exit(1)
    print(f"  ok  {message}")


def routed_alias() -> str:
    routers.forget_health()
    with routers.reads_from_replica():
        return routers.ReplicaRouter().db_for_read(Area) or "default"


def eventually(condition, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def on_replica(code: str) -> bool:
    return Area.objects.using("replica").filter(code=code).exists()


def main() -> None:
    setup_test_environment()
    call_command("migrate", verbosity=0)
    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        check(cursor.fetchone()[0], "DATABASE_REPLICA_URL is a standby")

    code = uuid.uuid4().hex[:8]
    Area.objects.create(level=AreaLevel.NATION, code=code, name="Việt Nam")
    check(eventually(lambda: on_replica(code)), "a write on the primary is replayed on the replica")
    check(routed_alias() == "replica", "report reads go to the replica while it is caught up")

    root = User.objects.create(username=f"root-{code}", role=Role.ADMINISTRATOR, is_superuser=True, is_staff=True)
    check(eventually(lambda: User.objects.using("replica").filter(pk=root.pk).exists()), "the account is replayed")
    client = Client()
    client.force_login(root, backend="danvan.accounts.backends.ScopedModelBackend")
    routers.forget_health()
    with CaptureQueriesContext(connections["replica"]) as on_standby:
        status = client.get(reverse("reports:dashboard")).status_code
    check(status == 200 and len(on_standby) > 1, f"the dashboard reads from the replica ({len(on_standby)} queries)")
    with CaptureQueriesContext(connections["replica"]) as on_standby:
        status = client.get(reverse("letters:letter_list")).status_code
    check(status == 200 and len(on_standby) == 0, "the letter list does not")

    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")
    late = uuid.uuid4().hex[:8]
    Area.objects.create(level=AreaLevel.NATION, code=late, name="Việt Nam")
    time.sleep(2.5)
    check(routed_alias() == "default", "a replica paused 2,5 s behind (limit 1 s) is skipped")
    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_resume()")
    check(eventually(lambda: routed_alias() == "replica"), "and used again once it has caught up")

    subprocess.run(os.environ["REPLICA_STOP_COMMAND"], shell=True, check=True)
    connections["replica"].close()
    check(routed_alias() == "default", "a replica that is down is skipped")
    routers.forget_health()
    check(client.get(reverse("reports:dashboard")).status_code == 200, "and the dashboard loads from the primary")
    print("replica routing passed")


if __name__ == "__main__":
    main()
