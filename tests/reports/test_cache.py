"""The dashboard's figures computed once per unit, period, day and data version (issue 23)."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.reports import cache as report_cache
from danvan.reports.periods import Period, PeriodKind
from tests.letters.factories import receive


def _period():
    return Period(PeriodKind.YEAR, dt.date(2026, 1, 1), dt.date(2026, 12, 31), year=2026)


def test_a_second_view_recounts_nothing_until_something_changes(alice, tree):
    today = dt.date(2026, 11, 30)
    first = report_cache.cached_report(tree.cao_bang, _period(), today)
    with CaptureQueriesContext(connection) as queries:
        again = report_cache.cached_report(tree.cao_bang, _period(), today)
    assert len(queries) == 1  # the data version only
    assert again.total.current == first.total.current
    # Any record anyone writes moves the version: the next view counts it.
    receive(alice, alice.organisation, received_on=dt.date(2026, 3, 2))
    after = report_cache.cached_report(tree.cao_bang, _period(), today)
    changed = [code for code, figure in after.total.current.items() if figure.value != first.total.current[code].value]
    assert changed, "a new letter must change some figure of the year"


def test_the_version_moves_with_an_audited_change_that_adds_no_row(alice):
    from danvan.letters import services

    letter = receive(alice, alice.organisation, received_on=dt.date(2026, 3, 2))
    before = report_cache.data_version()
    services.amend_letter(alice, letter, reason="Sửa tóm tắt", summary="Khiếu nại việc bồi thường")
    assert report_cache.data_version() != before  # the history row of the change


def test_the_dashboard_shows_a_letter_received_since_the_last_view(alice, client_for):
    client = client_for(alice)
    url = reverse("reports:dashboard")
    before = {code: f.value for code, f in client.get(url).context["report"].total.current.items()}
    receive(alice, alice.organisation, received_on=dt.date.today())
    with CaptureQueriesContext(connection) as cold:
        response = client.get(url)
    after = {code: f.value for code, f in response.context["report"].total.current.items()}
    assert after != before  # not the figures cached before the letter came
    with CaptureQueriesContext(connection) as warm:
        again = client.get(url)
    assert {code: f.value for code, f in again.context["report"].total.current.items()} == after
    assert len(warm) < len(cold)  # the second view reads the cached figures


def test_the_charts_are_drawn_once_per_data_version(alice, client_for, monkeypatch):
    from danvan.reports import charts

    drawn = []
    real = charts.comparison_chart

    def counting(report, fmt="svg"):
        drawn.append(fmt)
        return real(report, fmt)

    monkeypatch.setattr(charts, "comparison_chart", counting)
    client = client_for(alice)
    url = reverse("reports:dashboard")
    client.get(url)
    client.get(url)
    assert len(drawn) == 1
    receive(alice, alice.organisation, received_on=dt.date.today())
    client.get(url)
    assert len(drawn) == 2  # the new letter is drawn


def test_a_report_kept_in_the_process_lives_and_dies_with_the_caches_entry(alice, tree):
    """The last reports are kept as objects (not unpickled again on every view), but only while the cache holds
    them: emptied, the cache makes the next view count again."""
    from django.core.cache import cache

    today = dt.date(2026, 11, 30)
    first = report_cache.cached_report(tree.cao_bang, _period(), today)
    assert report_cache.cached_report(tree.cao_bang, _period(), today) is first  # nothing unpickled
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        again = report_cache.cached_report(tree.cao_bang, _period(), today)
    assert again is not first and len(queries) > 1  # counted again


def test_with_a_cache_directory_a_report_one_worker_counted_serves_another(alice, tree, settings, tmp_path,
                                                                           monkeypatch):
    """DANVAN_CACHE_DIR: gunicorn's workers share the cached reports. A worker that did not count the report (its
    own memory is empty) reads it from the directory instead of counting it again."""
    import importlib

    import danvan.settings as project_settings
    from danvan.reports import rollup

    monkeypatch.setenv("DANVAN_CACHE_DIR", str(tmp_path / "cache"))
    try:
        settings.CACHES = importlib.reload(project_settings).CACHES
    finally:
        monkeypatch.delenv("DANVAN_CACHE_DIR")
        importlib.reload(project_settings)
    assert settings.CACHES["default"]["BACKEND"].endswith("FileBasedCache")

    today = dt.date(2026, 11, 30)
    receive(alice, alice.organisation, received_on=dt.date(2026, 3, 2))
    first = report_cache.cached_report(tree.cao_bang, _period(), today)
    assert any((tmp_path / "cache").iterdir())

    report_cache._RECENT.clear()  # another worker: nothing in its memory

    def counted_again(*args, **kwargs):
        raise AssertionError("the report was counted again")

    monkeypatch.setattr(rollup, "build_report", counted_again)
    with CaptureQueriesContext(connection) as queries:
        other = report_cache.cached_report(tree.cao_bang, _period(), today)
    assert len(queries) == 1  # the data version only
    assert other is not first and other.total.current == first.total.current
    assert other.total.current["DT_NHAN"].value >= 1
