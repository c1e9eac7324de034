"""The WSGI entry point gunicorn loads (`danvan.wsgi`): a worker is ready to serve when it starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import gc, json, sys
import danvan.wsgi
frozen = gc.get_freeze_count()
gc.collect()
print(json.dumps({"frozen": frozen, "tracked_after": len(gc.get_objects()),
                  "views": sorted(m for m in sys.modules if m.startswith("danvan.") and m.endswith(".views"))}))
"""


def test_a_worker_starts_with_every_view_imported_and_its_long_lived_objects_out_of_the_collector(tmp_path):
    """Every view's module is imported at start (not on a worker's first request), and what is loaded by then is
    frozen (gc.freeze): a full collection no longer walks Django and every module, a pause of about 120 ms once in
    every few hundred requests of a worker under load (ADR 0035)."""
    env = os.environ | {"DANVAN_DEBUG": "false", "DANVAN_SECRET_KEY": "test-wsgi-probe",
                        "DANVAN_ALLOWED_HOSTS": "localhost", "DANVAN_PRELOAD_DUPLICATES": "false",
                        "DATABASE_URL": f"sqlite:///{tmp_path / 'probe.sqlite3'}"}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120,
                         check=True).stdout
    probe = json.loads(out.strip().splitlines()[-1])
    assert {"danvan.letters.views", "danvan.reception.views", "danvan.duplicates.views",
            "danvan.reports.views"} <= set(probe["views"])
    # Most of what the process holds is frozen; a full collection then sees only what came after.
    assert probe["frozen"] > 100_000
    assert probe["tracked_after"] < probe["frozen"] / 4
