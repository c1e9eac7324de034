"""/healthz, the request id and /metrics (issue 22)."""

from __future__ import annotations

import json
import logging

import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from danvan.ops import views


@pytest.fixture(autouse=True)
def fresh_migration_check():
    views._migrations_ok_at = 0.0
    yield
    views._migrations_ok_at = 0.0


def test_healthz_answers_ok_without_login(db, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "migrations": "ok", "media": "ok"}}
    assert "no-cache" in response["Cache-Control"]
    assert not list((tmp_path / "media").iterdir())  # its probe file is gone


def test_healthz_is_503_when_media_is_not_writable(db, client, settings, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    settings.MEDIA_ROOT = blocker / "media"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "migrations": "ok", "media": "fail"}
    assert str(tmp_path) not in response.content.decode()  # the reason goes to the log, not to the caller


def test_healthz_is_503_when_a_migration_is_not_applied(db, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    MigrationRecorder.Migration.objects.filter(app="letters").order_by("-id").first().delete()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "fail"


def test_healthz_is_503_when_the_database_is_unreachable(db, client, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path

    def broken():
        raise connection.Database.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setitem(views.CHECKS, "database", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "fail"
    assert "server closed" not in response.content.decode()


def test_every_response_carries_a_request_id_found_in_the_logs(db, client, caplog, settings, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    settings.MEDIA_ROOT = blocker / "media"
    handler = logging.getLogger().handlers[0]
    caplog.handler.addFilter(handler.filters[0])
    response = client.get("/healthz")
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    failure = next(r for r in caplog.records if "health check media failed" in r.getMessage())
    assert failure.request_id == request_id
    assert client.get("/healthz")["X-Request-ID"] != request_id


def test_a_proxy_request_id_is_kept_and_a_forged_one_replaced(db, client):
    assert client.get("/tai-khoan/dang-nhap/", HTTP_X_REQUEST_ID="abc123def")["X-Request-ID"] == "abc123def"
    forged = client.get("/tai-khoan/dang-nhap/", HTTP_X_REQUEST_ID="x\nERROR fake line")["X-Request-ID"]
    assert "\n" not in forged and len(forged) == 32


def test_json_log_lines_carry_the_request_id():
    from danvan.ops.requestid import JsonFormatter, RequestIdFilter, _current

    token = _current.set("req-42")
    try:
        record = logging.LogRecord("danvan", logging.WARNING, __file__, 1, "Đơn %s", ("A-1",), None)
        RequestIdFilter().filter(record)
    finally:
        _current.reset(token)
    entry = json.loads(JsonFormatter().format(record))
    assert entry["request_id"] == "req-42" and entry["message"] == "Đơn A-1" and entry["level"] == "WARNING"


def test_metrics_counts_requests_for_a_local_scraper(db, client):
    client.get("/healthz")
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 200
    body = response.content.decode()
    assert "django_http_requests_total_by_method_total" in body
    assert "django_http_requests_latency_seconds_by_view_method_bucket" in body


def test_metrics_are_hidden_from_outside_and_through_the_proxy(db, client):
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 404
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 404


def test_metrics_with_a_token_need_it(db, client, settings):
    settings.DANVAN_METRICS_TOKEN = "s3cret-token"
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong", REMOTE_ADDR="203.0.113.9").status_code == 404
    ok = client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token", REMOTE_ADDR="203.0.113.9")
    assert ok.status_code == 200


def test_django_own_not_found_line_carries_the_request_id(db, client, caplog):
    caplog.handler.addFilter(logging.getLogger().handlers[0].filters[0])
    response = client.get("/healthz", REMOTE_ADDR="127.0.0.1", HTTP_X_REQUEST_ID="nginx-id-7")
    assert response["X-Request-ID"] == "nginx-id-7"
    client.get("/metrics", REMOTE_ADDR="203.0.113.9", HTTP_X_REQUEST_ID="nginx-id-8")
    line = next(r for r in caplog.records if r.name == "django.request" and "Not Found" in r.getMessage())
    assert line.request_id == "nginx-id-8"
