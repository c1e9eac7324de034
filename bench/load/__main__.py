"""`python -m bench.load`: the load test. Serves danvan with gunicorn on 127.0.0.1 against PostgreSQL with
the province data (generated on first use), runs locust headless — 50 officers arriving over 50 seconds, then
working for the rest of 3 minutes; the figures count from the last arrival (`--reset-stats`) — then stops
both, prints p50/p95 and the error count, and writes JSON under bench/results/.

locust and gunicorn are not dependencies of danvan: they come from a separate virtual environment
(`--tools`, default var/load-venv, made with `python3 -m venv var/load-venv && var/load-venv/bin/pip
install locust gunicorn`). gunicorn runs under danvan's own interpreter, with that environment appended
to its path, so the application is exactly the installed one. The server runs with DEBUG off (as in
production; DEBUG would also keep every SQL query in memory), persistent database connections
(DANVAN_DB_CONN_MAX_AGE, 60 s unless set) and plain-HTTP cookies.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
RESULTS = ROOT / "bench" / "results"
LOGIN = "đăng nhập"


def site_packages(venv: Path) -> Path:
    found = sorted(venv.glob("lib/python3*/site-packages"))
    if not found:
        raise SystemExit(f"Không thấy môi trường locust/gunicorn ở {venv}: python3 -m venv {venv} && "
                         f"{venv}/bin/pip install locust gunicorn")
    return found[0]


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status < 500:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn không trả lời ở {url} sau {seconds:.0f} giây")


def _memory_of(pid: str | int, field: str, source: str) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/{source}").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def worker_memory(master: int) -> tuple[list[int], list[int], int | None]:
    """Memory (bytes) of each gunicorn worker at the end of the run, when each has served every kind of page (the
    letter page loads the duplicate index, the reports their figures): resident (RSS) and proportional (PSS: a
    page shared by n processes counts 1/n, what `--preload` shares), and the master's PSS."""
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return [], [], None
    rss = [size for pid in children if (size := _memory_of(pid, "VmRSS", "status")) is not None]
    pss = [size for pid in children if (size := _memory_of(pid, "Pss", "smaps_rollup")) is not None]
    return rss, pss, _memory_of(master, "Pss", "smaps_rollup")


def read_stats(prefix: Path) -> list[dict]:
    with open(f"{prefix}_stats.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:55432/danvan_bench_province")
    parser.add_argument("--scale", default="province", help="generated if the database holds no letters")
    parser.add_argument("--province", default="04")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=1,
                        help="officers arriving per second (1: the 50 log in over 50 s, as an office starts its day; "
                             "the figures are reset once all have arrived, so they are those of the working load)")
    parser.add_argument("--time", default="3m", help="locust --run-time, arrivals included (it stops by itself)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--tools", type=Path, default=ROOT / "var" / "load-venv")
    parser.add_argument("--readers", action="store_true",
                        help="report readers instead of officers at work: each opens the report dashboard of its "
                             "province (or a commune of it) for a year, quarter or half-year, and now and then "
                             "downloads the Excel workbook (issue 23: 200 users on national data)")
    parser.add_argument("--preload", action="store_true",
                        help="gunicorn --preload with DANVAN_PRELOAD_DUPLICATES=true: the duplicate index loaded once "
                             "in the master and shared by the workers (national scale, ADR 0027)")
    parser.add_argument("--shared-cache", action="store_true",
                        help="DANVAN_CACHE_DIR set (a fresh directory under var/), as in the production example: "
                             "the workers share the cached reports instead of each counting them again")
    parser.add_argument("--no-pin", action="store_true",
                        help="do not pin gunicorn and locust to separate cores with taskset (pinned by default "
                             "when taskset exists and there are 2 cores or more)")
    args = parser.parse_args(argv)
    tools = site_packages(args.tools)

    from bench.setup import ensure_data, prepare

    prepare("postgres" if args.database_url.startswith("postgres") else "sqlite", args.scale, args.database_url)
    from django.db import connection

    from bench.load.setup import PASSWORD, ensure_duplicate_index, ensure_officers
    from bench.machine import SpeedSampler, describe_database, describe_machine

    ensure_data(args.scale, 2026, sys.stdout)
    ensure_officers(args.province, args.users)
    indexed_at = time.perf_counter()
    fingerprinted = ensure_duplicate_index()
    if fingerprinted:
        print(f"Đã lập chỉ mục đơn trùng cho {fingerprinted:,} đơn ({time.perf_counter() - indexed_at:.0f} s), như "
              "máy chủ sau `danvan reindex_duplicates`.")
    from danvan.duplicates.models import LetterFingerprint

    indexed = LetterFingerprint.objects.count()
    database = describe_database(connection)
    connection.close()

    env = os.environ | {
        "DATABASE_URL": args.database_url, "DANVAN_DEBUG": "false", "DANVAN_DEV_KEY": "true",
        "DANVAN_SECURE_COOKIES": "false", "DANVAN_LOGIN_THROTTLING": "false", "DANVAN_LOAD_PASSWORD": PASSWORD,
        # Persistent database connections, as a production server keeps them: otherwise every request pays
        # for a new PostgreSQL backend (a fork and an authentication) on the same two cores.
        "DANVAN_DB_CONN_MAX_AGE": os.environ.get("DANVAN_DB_CONN_MAX_AGE", "60"),
        # This tree's code first: the interpreter's own danvan (an editable install of another checkout, when an
        # older commit is measured from a worktree) would otherwise be served under this tree's commit.
        "DANVAN_LOAD_ACCOUNTS": str(args.users), "PYTHONPATH": os.pathsep.join((str(ROOT / "src"), str(ROOT))),
        "DANVAN_PRELOAD_DUPLICATES": "true" if args.preload else "false",
    }
    served = subprocess.run([sys.executable, "-c", "import danvan; print(danvan.__file__)"], env=env, check=True,
                            capture_output=True, text=True).stdout.strip()
    if not Path(served).resolve().is_relative_to((ROOT / "src").resolve()):
        raise SystemExit(f"gunicorn sẽ chạy mã ở {served}, không phải của {ROOT}: kết quả sẽ ghi sai phiên bản mã")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    RESULTS.mkdir(exist_ok=True)
    prefix = RESULTS / f"{stamp}-load"  # the JSON summary; locust's CSV files and the server logs go to var/
    logs = ROOT / "var" / f"load-{stamp}"
    host = f"http://127.0.0.1:{args.port}"
    # Each request's CPU, queries and bytes, by view (danvan.ops.cost): stable where wall time is not.
    cost_log = Path(f"{logs}-cost.jsonl")
    env["DANVAN_COST_LOG"] = str(cost_log)
    if args.shared_cache:
        env["DANVAN_CACHE_DIR"] = f"{logs}-cache"
    else:
        env.pop("DANVAN_CACHE_DIR", None)
    # gunicorn on the last core, locust on the first: the load generator does not steal the server's CPU.
    cores = os.cpu_count() or 1
    pin = not args.no_pin and cores >= 2 and shutil.which("taskset") is not None
    server_pin = ["taskset", "-c", str(cores - 1)] if pin else []
    client_pin = ["taskset", "-c", "0"] if pin else []
    gunicorn = subprocess.Popen(
        [*server_pin, sys.executable, "-c", f"import sys; sys.path.append({str(tools)!r}); "
         "from gunicorn.app.wsgiapp import run; sys.argv[0] = 'gunicorn'; run()",
         "danvan.wsgi:application", *(["--preload"] if args.preload else []),
         "--bind", f"127.0.0.1:{args.port}", "--workers", str(args.workers),
         "--timeout", "60", "--log-level", "warning", "--access-logfile", "-", "--access-logformat", "%(s)s %(r)s"],
        env=env, stdout=open(f"{logs}-access.log", "w"), stderr=open(f"{logs}-server.log", "w"),
        start_new_session=True)
    try:
        wait_until_up(f"{host}/tai-khoan/dang-nhap/", 600 if args.preload else 60)
        started = time.perf_counter()
        # The machine's speed on the server's core during the run (bench.machine): a slow hour and a fast one
        # differ by more than most changes to the code do.
        with SpeedSampler(server_pin) as sampler:
            locust = subprocess.run(
                [*client_pin, str(args.tools / "bin" / "locust"), "-f", str(Path(__file__).with_name("locustfile.py")),
                 "--headless",
                 "-u", str(args.users), "-r", str(args.spawn_rate), "--run-time", args.time, "--stop-timeout", "10",
                 "--reset-stats",
                 "--host", host, "--csv", str(logs), "--only-summary", "--exit-code-on-error", "0",
                 "ReportReader" if args.readers else "Officer"],
                env=env, timeout=3600)
        wall = time.perf_counter() - started
        workers_rss, workers_pss, master_pss = worker_memory(gunicorn.pid)
    finally:
        os.killpg(gunicorn.pid, signal.SIGTERM)
        try:
            gunicorn.wait(timeout=90)  # a worker busy loading the duplicate index finishes its request first
        except subprocess.TimeoutExpired:
            os.killpg(gunicorn.pid, signal.SIGKILL)
            gunicorn.wait(timeout=30)

    rows = read_stats(logs)
    total = next(r for r in rows if r["Name"] == "Aggregated")
    browsing = [r for r in rows if r["Name"] not in ("Aggregated", LOGIN, f"{LOGIN} (trang)")]
    figures = {
        "requests": int(total["Request Count"]), "errors": int(total["Failure Count"]),
        "p50_ms": float(total["50%"]), "p95_ms": float(total["95%"]), "p99_ms": float(total["99%"]),
        "rps": float(total["Requests/s"]),
        "p95_ms_without_login": max((float(r["95%"]) for r in browsing), default=0.0),
    }
    who = "người đọc báo cáo" if args.readers else "cán bộ"
    print(f"\nTải: {args.users} {who}, {args.time}, gunicorn {args.workers} tiến trình"
          f"{', bộ đệm dùng chung' if args.shared_cache else ''}, {database['version'][:40]}")
    print(f"  {figures['requests']} yêu cầu ({figures['rps']:.1f}/giây), lỗi: {figures['errors']}, "
          f"p50 {figures['p50_ms']:.0f} ms, p95 {figures['p95_ms']:.0f} ms, p99 {figures['p99_ms']:.0f} ms")
    print(f"  {'yêu cầu':40} {'số':>6} {'lỗi':>5} {'p50':>6} {'p95':>6}")
    for r in rows:
        print(f"  {r['Name'][:40]:40} {r['Request Count']:>6} {r['Failure Count']:>5} {r['50%']:>6} {r['95%']:>6}")
    if workers_rss:
        print(f"  Bộ nhớ mỗi tiến trình gunicorn cuối lượt tải: RSS "
              f"{', '.join(f'{b / 2**20:.0f} MiB' for b in workers_rss)}; PSS (trang dùng chung chia đều) "
              f"{', '.join(f'{b / 2**20:.0f} MiB' for b in workers_pss)}"
              + (f"; tiến trình chính {master_pss / 2**20:.0f} MiB" if master_pss else ""))
    from danvan.ops.cost import read as read_cost

    costs = read_cost(cost_log)
    pinning = "gunicorn và locust ghim vào hai lõi riêng" if pin else "không ghim lõi"
    print(f"\n  Chi phí phía máy chủ theo trang ({pinning}):")
    print(f"  {'trang':40} {'số':>6} {'CPU ms':>7} {'p95':>7} {'truy vấn':>8} {'KB':>6}")
    for c in costs:
        kb = f"{c['bytes_median'] / 1024:.0f}" if c["bytes_median"] is not None else ""
        print(f"  {(c['method'] + ' ' + c['view'])[:40]:40} {c['requests']:>6} {c['cpu_ms_median']:>7.1f} "
              f"{c['cpu_ms_p95']:>7.1f} {c['queries_median']:>8.0f} {kb:>6}")
    # The server's CPU per request, each view's median weighted by its requests, and the same in probes: the CPU a
    # request costs in units of the machine's speed at the time, comparable between a fast hour and a slow one.
    served = sum(c["requests"] for c in costs)
    cpu_per_request = round(sum(c["cpu_ms_median"] * c["requests"] for c in costs) / served, 2) if served else None
    speed = sampler.summary()
    in_probes = round(cpu_per_request / speed["median_ms"], 3) if cpu_per_request and speed else None
    if speed:
        print(f"\n  Tốc độ máy trong lượt tải (mẫu đo cố định trên lõi của máy chủ, {speed['samples']} lần): trung vị "
              f"{speed['median_ms']:.1f} ms CPU (p10 {speed['p10_ms']:.1f}, p90 {speed['p90_ms']:.1f}); "
              f"CPU mỗi yêu cầu {cpu_per_request} ms = {in_probes} lần mẫu đo")
    out = prefix.with_suffix(".json")
    out.write_text(json.dumps({
        "when": dt.datetime.now().isoformat(timespec="seconds"), "kind": "load", "users": args.users,
        "who": "report readers" if args.readers else "officers", "scale": args.scale, "province": args.province,
        "run_time": args.time, "gunicorn_workers": args.workers, "wall_s": round(wall, 1),
        "locust_exit": locust.returncode,
        "database": database, "machine": describe_machine(), "figures": figures, "requests": rows,
        "pinned": pin, "server_cost_by_view": costs, "worker_rss_bytes": workers_rss,
        "worker_pss_bytes": workers_pss, "master_pss_bytes": master_pss, "preload": args.preload,
        "shared_cache": args.shared_cache, "machine_speed": speed, "server_cpu_ms_per_request": cpu_per_request,
        "server_cpu_per_request_in_probes": in_probes,
        "duplicate_index_letters": indexed,
    }, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"Kết quả: {out.relative_to(ROOT)}")
    return 0 if figures["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
