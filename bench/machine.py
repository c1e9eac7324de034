"""The machine and database a benchmark ran on, for the JSON results."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _code() -> str:
    """The commit measured, "+changes" when the working tree differs from it: a result says which code it is of."""
    root = Path(__file__).resolve().parent.parent
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True,
                                timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{commit}+changes" if commit and dirty else (commit or "unknown")


def describe_machine() -> dict:
    return {
        "code": _code(),
        "cpu_count": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "memory_gib": _memory_gib(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        # The machine is shared: the load average when the run started says how contended the timings are.
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


# A fixed piece of pure-Python work (strings, dicts, sorting: what a Django view spends its time on), independent of
# danvan's code so that it is the same for an old tree and a new one. Its CPU time says how fast the machine is at
# that moment. On the shared machine of sessions 8-14 the same 14 ms of work took 14 to 37 ms from one second to
# the next, and the same code's CPU per request moved by 1,7x between two hours (session 13): a figure from a slow
# hour cannot be compared with one from a fast hour without knowing which it was.
_PROBE = """
import sys, time
def work():
    d = {}
    for i in range(40000):
        k = f"k{i % 997}:{i % 13}"
        d[k] = d.get(k, 0) + len(k)
    return sum(v for _, v in sorted(d.items()))
work()
while True:
    t = time.thread_time()
    work()
    print(round((time.thread_time() - t) * 1000, 2), flush=True)
    time.sleep(float(sys.argv[1]))
"""


class SpeedSampler:
    """The probe run once every `every` seconds, in its own interpreter under `pin` (the server's `taskset -c 1`),
    while a benchmark runs: about 1,5 % of that core at the default second. `summary()`: the samples' median and
    spread in CPU milliseconds; the smaller the median, the faster the machine was during the run."""

    def __init__(self, pin: list[str] | None = None, every: float = 1.0):
        self.command = [*(pin or []), sys.executable, "-c", _PROBE, str(every)]
        self.process: subprocess.Popen[str] | None = None
        self.samples: list[float] = []

    def __enter__(self) -> SpeedSampler:
        try:
            self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, text=True)
        except OSError:
            self.process = None
        return self

    def __exit__(self, *exc) -> None:
        if self.process is None:
            return
        self.process.terminate()
        out, _ = self.process.communicate(timeout=30)
        for line in out.split():
            try:
                self.samples.append(float(line))
            except ValueError:
                pass  # a line cut short when the probe was stopped

    def summary(self) -> dict | None:
        if not self.samples:
            return None
        ordered = sorted(self.samples)
        at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
        return {"samples": len(ordered), "median_ms": round(statistics.median(ordered), 2), "p10_ms": at(0.1),
                "p90_ms": at(0.9)}


def describe_database(connection) -> dict:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT version()")
            version = cursor.fetchone()[0]
        else:
            cursor.execute("SELECT sqlite_version()")
            version = "SQLite " + cursor.fetchone()[0]
    return {"vendor": connection.vendor, "version": version, "name": str(connection.settings_dict["NAME"])}
