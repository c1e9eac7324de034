"""Each request's cost (CPU, queries, bytes) written by view when DANVAN_COST_LOG names a file (issue 23)."""

import json
import statistics

import pytest
from django.test import override_settings

from danvan.ops import cost


@pytest.mark.django_db
def test_each_request_writes_its_view_cpu_queries_and_bytes(tmp_path, alice, client_for):
    path = tmp_path / "cost.jsonl"
    client = client_for(alice)
    with override_settings(DANVAN_COST_LOG=str(path)):
        client.get("/don-thu/")
        client.get("/don-thu/")
        page = client.get("/tai-khoan/dang-nhap/")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["view"] for r in records] == ["letters:letter_list", "letters:letter_list", "login"]
    assert all(r["queries"] >= 1 and r["cpu_ms"] > 0 for r in records[:2])
    assert records[2]["bytes"] == len(page.content)
    rows = {r["view"]: r for r in cost.read(path)}
    assert rows["letters:letter_list"]["requests"] == 2
    # The second view reads the list's count from the cache (ADR 0030): the summary gives the median of the two.
    assert rows["letters:letter_list"]["queries_median"] == statistics.median(r["queries"] for r in records[:2])


def test_nothing_is_written_when_the_setting_is_empty(tmp_path, client):
    with override_settings(DANVAN_COST_LOG=""):
        client.get("/healthz")
    assert list(tmp_path.iterdir()) == []


def test_the_summary_puts_the_costliest_view_first():
    lines = [json.dumps({"view": v, "method": "GET", "status": 200, "cpu_ms": c, "wall_ms": c, "queries": q,
                         "bytes": 1000}) for v, c, q in
             [("a", 5, 3), ("b", 50, 9), ("a", 7, 3), ("b", 70, 11), ("a", 6, 3)]]
    rows = cost.summarise(lines)
    assert [r["view"] for r in rows] == ["b", "a"]
    assert rows[0]["cpu_ms_median"] == 60 and rows[0]["queries_median"] == 10 and rows[1]["requests"] == 3
