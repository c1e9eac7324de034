"""Query counts of the hot pages, pinned in tests/query_baseline.json (NetBox's query_counts, zulip's
`assert_database_query_count`): a page that starts asking the database more often fails here, before a
province with ten thousand letters notices.

The dataset is fixed (a few letters at every step, two reception sessions, a dialogue) and each page is
asked twice; the second request is counted, so one-off caches (content types, the indicator catalogue) do
not blur the figure. The counts are pinned per database engine.

When a change lowers a count on purpose, or raises it for a reason worth its cost, rewrite the file:
    DANVAN_QUERY_BASELINE=update DANVAN_DEBUG=true .venv/bin/pytest tests/test_query_baseline.py
(once on SQLite, once with DATABASE_URL set to a PostgreSQL), and commit it with the reason.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.letters.models import Letter
from tests.reports.conftest import dialogue, letters_batch, visits

BASELINE = Path(__file__).with_name("query_baseline.json")
D = dt.date

PAGES = {
    "home": lambda: "/",
    "letter list": lambda: "/don-thu/",
    "letter page": lambda: f"/don-thu/{Letter.objects.order_by('pk').first().pk}/",
    "letter intake form": lambda: "/don-thu/tiep-nhan/",
    # The duplicate panel every letter page asks for (htmx), on the letter with the most earlier letters.
    "duplicate panel": lambda: f"/don-trung/thu/{Letter.objects.order_by('-received_on', '-pk').first().pk}/",
    "reception list": lambda: "/tiep-cong-dan/",
    "report page": lambda: "/bao-cao/?ky=2025",
    "mobilisation index": lambda: "/dan-van/",
}


def _measure(client) -> dict[str, int]:
    counts = {}
    for page, url in PAGES.items():
        path = url()
        assert client.get(path).status_code == 200, page
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, page
        counts[page] = len(captured.captured_queries)
    return counts


def test_the_hot_pages_ask_no_more_queries_than_the_baseline(tree, alice, client_for):
    letters_batch(alice, tree.board_cb, D(2025, 3, 3), within=3, accepted=2, resolved=1, not_qualifying=1)
    visits(alice, tree.board_cb, D(2025, 6, 6), [1, 6, 2])
    visits(alice, tree.ubnd_quang_lam, D(2025, 6, 9), [3])
    dialogue(alice, tree.board_cb, D(2025, 5, 5), 40, 2, 1)
    measured = _measure(client_for(alice))

    vendor = connection.vendor
    stored = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    if os.environ.get("DANVAN_QUERY_BASELINE") == "update":
        stored[vendor] = measured
        BASELINE.write_text(json.dumps(stored, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        pytest.skip(f"query baseline for {vendor} rewritten: {measured}")
    baseline = stored.get(vendor)
    assert baseline is not None, f"no query baseline for {vendor}: see this module's docstring to write one"
    assert set(baseline) == set(PAGES), "the baseline's pages differ from PAGES: rewrite the file (module docstring)"
    grown = {page: (baseline[page], n) for page, n in measured.items() if n > baseline[page]}
    assert not grown, (f"more queries than the baseline (page: (baseline, now)) on {vendor}: {grown}. Find the "
                       "query in a loop, or rewrite tests/query_baseline.json as this module's docstring says.")
    shrunk = {page: (baseline[page], n) for page, n in measured.items() if n < baseline[page]}
    assert not shrunk, (f"fewer queries than the baseline on {vendor}: {shrunk}. Well done: lower the baseline "
                        "(DANVAN_QUERY_BASELINE=update, see this module's docstring) so it keeps the gain.")
