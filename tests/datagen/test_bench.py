"""The benchmark harness (bench/) and the load test's accounts, without timing anything."""

import pytest

from bench.__main__ import percentile, print_table
from bench.scenarios import REGISTRY, scenario


def test_the_table_shows_every_scenario_with_its_baseline_ratio_and_errors(capsys):
    rows = [
        {"scenario": "count: a", "baseline": "SQL COUNT", "median_ms": 12.0, "p95_ms": 15.5,
         "baseline_median_ms": 4.0, "baseline_cpu_ms": 3.25, "ratio": 3.0, "agrees": True},
        {"scenario": "count: b", "baseline": "SQL SUM", "median_ms": 2.0, "p95_ms": 2.5,
         "baseline_median_ms": 2.0, "ratio": 1.0, "agrees": False},
        {"scenario": "page: c", "baseline": "SQL", "error": "AssertionError: GET /x/ -> 500"},
    ]
    print_table(rows, {"letters.Letter": 50_000, "reception.Visit": 40_000})
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:2] == ["scenario", "data"]
    a = next(line for line in out if line.startswith("count: a"))
    assert "50k đơn/40k lượt" in a and "12.0" in a and "15.5" in a and "SQL COUNT" in a and "3.0×" in a
    assert "3.2" in a.split("SQL COUNT")[1]  # the baseline's CPU ms: the stable figure on a shared machine
    assert a.rstrip().endswith("=")
    assert next(line for line in out if line.startswith("count: b")).rstrip().endswith("≠")
    c = next(line for line in out if line.startswith("page: c"))
    assert "LỖI" in c and "500" in c


def test_percentile_is_the_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 50) in (50, 51)
    assert percentile(values, 95) == 95
    assert percentile([7.0], 95) == 7.0


def test_a_scenario_whose_module_is_absent_is_not_registered():
    before = len(REGISTRY)

    @scenario("absent: duplicates", requires=("danvan.does_not_exist",))
    def absent(ctx):
        return 1

    assert len(REGISTRY) == before
    scenario("present: core", requires=("danvan.core",))(lambda ctx: 1)
    assert REGISTRY[-1].name == "present: core"
    REGISTRY.pop()


@pytest.mark.django_db
def test_load_test_officers_can_log_in_and_see_their_province(tree, client):
    from bench.load.setup import PASSWORD, ensure_officers
    names = ensure_officers("04", 3)
    assert names == ["load-officer-01", "load-officer-02", "load-officer-03"]
    assert ensure_officers("04", 3) == names  # a second run reuses the accounts
    # As locust does: the login form, then the letter list.
    response = client.post("/tai-khoan/dang-nhap/", {"username": "load-officer-02", "password": PASSWORD})
    assert response.status_code == 302
    from danvan.accounts.models import User

    user = User.objects.get(username="load-officer-02")
    assert user.organisation == tree.ubnd_cb and user.can_record
    assert client.get("/don-thu/").status_code == 200


def test_a_slow_scenario_gets_fewer_runs_within_its_budget_but_at_least_three():
    from bench.__main__ import measure

    calls = []

    def slow(ctx):
        calls.append(1)
        import time

        time.sleep(0.02)
        return "ok"

    times, result = measure(slow, None, repeat=15, budget=0.01)
    assert result == "ok" and len(times) == 3 and len(calls) == 4  # one warm-up, three timed
    times, _ = measure(lambda ctx: None, None, repeat=5, budget=60)
    assert len(times) == 5


@pytest.mark.django_db
def test_each_run_records_its_cpu_queries_and_page_bytes(tree, client, capsys):
    """The cost of a run, stable on a noisy machine: CPU of this process, queries sent, bytes of a page."""
    from bench.__main__ import Cost, measure
    from danvan.units.models import Area

    def page(ctx):
        list(Area.objects.all()[:3])
        list(Area.objects.all()[:1])
        return client.get("/tai-khoan/dang-nhap/")

    cost = Cost()
    times, response = measure(page, None, repeat=4, cost=cost)
    summary = cost.summary()
    assert len(cost.queries) == 4 and summary["queries"] >= 2  # the two queries above, whatever the page adds
    assert summary["bytes"] == len(response.content) > 0
    assert summary["cpu_ms"] > 0
    rows = [{"scenario": "page: login", "baseline": "", "median_ms": 5.0, "p95_ms": 6.0} | summary]
    print_table(rows, {"letters.Letter": 10})
    line = next(row for row in capsys.readouterr().out.splitlines() if row.startswith("page: login"))
    assert f" {summary['queries']} " in line and f"{summary['bytes'] / 1024:.0f}" in line


def test_the_speed_sampler_reports_the_machines_speed_while_a_benchmark_runs():
    """The load test records how fast the machine was during the run (bench.machine.SpeedSampler): samples of the
    fixed probe, their median and spread, in CPU milliseconds."""
    import time

    from bench.machine import SpeedSampler

    with SpeedSampler(every=0.05) as sampler:
        time.sleep(1.5)
    summary = sampler.summary()
    assert summary is not None and summary["samples"] >= 3
    assert 0 < summary["p10_ms"] <= summary["median_ms"] <= summary["p90_ms"]
    assert sampler.process is not None and sampler.process.returncode is not None  # stopped, not left running


def test_a_speed_sampler_that_could_not_start_reports_nothing():
    from bench.machine import SpeedSampler

    with SpeedSampler(pin=["/nonexistent/taskset"]) as sampler:
        pass
    assert sampler.summary() is None


def test_the_load_test_runs_on_a_duplicate_index_of_every_letter(tree, alice):
    """Letters written in bulk (the generator) have no fingerprint: the load test makes them, as
    `danvan reindex_duplicates` does on a server, so that the duplicate panel does not write one in each view."""
    from bench.load.setup import ensure_duplicate_index
    from danvan.duplicates.models import LetterFingerprint
    from danvan.letters.models import Letter
    from tests.letters.factories import receive

    for n in range(3):
        receive(alice, alice.organisation, summary=f"Đơn số {n} về đất đai")
    LetterFingerprint.objects.all().delete()  # derived data, as after a bulk import
    assert ensure_duplicate_index() == 3
    assert set(LetterFingerprint.objects.values_list("letter_id", flat=True)) == set(
        Letter.objects.values_list("pk", flat=True))
    assert ensure_duplicate_index() == 0  # already complete: nothing recomputed
