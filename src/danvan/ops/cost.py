"""The cost of each request, for the load test and for an administrator chasing a slow page: this worker's CPU
milliseconds, the queries it sent and the bytes it answered, one JSON line per request appended to the file named
by DANVAN_COST_LOG (off when empty). Wall time depends on what else the machine does; these do not, so two runs on
a busy machine still compare (issue 23). `python -m bench.load` turns the file into a table by view."""

from __future__ import annotations

import json
import os
import statistics
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connections


class RequestCostMiddleware:
    def __init__(self, get_response):
        self.path = getattr(settings, "DANVAN_COST_LOG", "")
        if not self.path:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        sent = [0]

        def count(execute, sql, params, many, context):
            sent[0] += 1
            return execute(sql, params, many, context)

        wrapped = [connections[alias] for alias in connections]
        for connection in wrapped:
            connection.execute_wrappers.append(count)
        cpu = time.thread_time()  # this request's thread only (a threaded server runs others beside it)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
        finally:
            for connection in wrapped:
                connection.execute_wrappers.remove(count)
        match = getattr(request, "resolver_match", None)
        record = {
            "view": match.view_name if match else "-", "method": request.method,
            "status": response.status_code, "cpu_ms": round((time.thread_time() - cpu) * 1000, 2),
            "wall_ms": round((time.perf_counter() - started) * 1000, 2), "queries": sent[0],
            "bytes": None if response.streaming else len(response.content),
        }
        # One short line per write in append mode: lines from several workers do not interleave.
        with open(self.path, "a", encoding="utf-8") as log:
            log.write(json.dumps(record, ensure_ascii=False) + "\n")
        return response


def summarise(lines: Iterable[str]) -> list[dict]:
    """Per view and method: requests, median and p95 CPU ms, median queries and bytes; costliest first."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for line in lines:
        line = line.strip()
        if line:
            record = json.loads(line)
            groups[(record["view"], record["method"])].append(record)
    rows = []
    for (view, method), records in groups.items():
        cpu = sorted(r["cpu_ms"] for r in records)
        sizes = [r["bytes"] for r in records if r["bytes"] is not None]
        rows.append({
            "view": view, "method": method, "requests": len(records),
            "cpu_ms_median": statistics.median(cpu), "cpu_ms_p95": cpu[min(len(cpu) - 1, round(0.95 * (len(cpu) - 1)))],
            "queries_median": statistics.median(r["queries"] for r in records),
            "bytes_median": statistics.median(sizes) if sizes else None,
        })
    return sorted(rows, key=lambda r: r["cpu_ms_median"] * r["requests"], reverse=True)


def read(path: str | os.PathLike) -> list[dict]:
    file = Path(path)
    return summarise(file.read_text(encoding="utf-8").splitlines()) if file.exists() else []
