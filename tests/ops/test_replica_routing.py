"""Report pages read from the replica while it is close behind, from the primary otherwise (issue 22).

The routing decisions here; the same against a real streaming replica in `tests/ops/replica_check.py`, which
.ci/run starts with pg_basebackup."""

from __future__ import annotations

import pytest
from django.db import OperationalError
from django.urls import reverse

from danvan.letters.models import Letter
from danvan.ops import routers
from danvan.ops.routers import ReplicaRouter, reads_from_replica


@pytest.fixture
def replica(monkeypatch, settings):
    """A replica said to be configured, with a lag the test sets (None: unreachable)."""
    state = {"lag": 0.5, "asked": 0}

    def lag():
        state["asked"] += 1
        if state["lag"] is None:
            raise OperationalError("connection refused")
        return state["lag"]

    monkeypatch.setattr(routers, "replica_configured", lambda: True)
    monkeypatch.setattr(routers, "replica_lag", lag)
    monkeypatch.setattr(routers, "CHECK_SECONDS", 0.0)
    settings.DANVAN_REPLICA_MAX_LAG_SECONDS = 30
    routers.forget_health()
    yield state
    routers.forget_health()


def test_without_a_replica_everything_reads_from_the_primary():
    with reads_from_replica():
        assert ReplicaRouter().db_for_read(Letter) is None


def test_reports_read_from_a_replica_close_behind(replica):
    router = ReplicaRouter()
    assert router.db_for_read(Letter) is None  # outside a report: the primary
    with reads_from_replica():
        assert router.db_for_read(Letter) == "replica"
        assert router.db_for_write(Letter) == "default"
    assert not router.allow_migrate("replica", "letters")


def test_a_lagging_replica_is_skipped_until_it_catches_up(replica):
    router = ReplicaRouter()
    with reads_from_replica():
        replica["lag"] = 31.0
        assert router.db_for_read(Letter) is None
        replica["lag"] = 0.0
        assert router.db_for_read(Letter) == "replica"


def test_a_replica_that_is_down_falls_back_to_the_primary(replica):
    replica["lag"] = None
    with reads_from_replica():
        assert ReplicaRouter().db_for_read(Letter) is None


def test_the_lag_is_asked_at_most_every_few_seconds(replica, monkeypatch):
    monkeypatch.setattr(routers, "CHECK_SECONDS", 60.0)
    with reads_from_replica():
        for _ in range(5):
            ReplicaRouter().db_for_read(Letter)
    assert replica["asked"] == 1


def test_only_report_pages_read_from_the_replica(replica, alice, client_for):
    replica["lag"] = 99.0  # asked, then refused: the queries stay on the primary, which this test has
    client = client_for(alice)
    assert client.get(reverse("letters:letter_list")).status_code == 200
    assert replica["asked"] == 0
    assert client.get(reverse("reports:dashboard")).status_code == 200
    assert replica["asked"] >= 1
