"""Login lockout behind a reverse proxy, and HTTPS settings behind a TLS proxy (issue 13)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import reverse

from danvan.core.proxy import parse_networks
from tests.conftest import PASSWORD

PROXY = "10.0.0.2"


@pytest.fixture
def behind_proxy(settings):
    settings.DANVAN_TRUSTED_PROXIES = parse_networks([PROXY])
    return settings


def _login(username: str, password: str, *, remote: str = PROXY, forwarded: str | None = None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return Client().post(reverse("login"), {"username": username, "password": password}, **meta)


def test_one_officers_failures_behind_the_proxy_lock_that_account_not_the_office(behind_proxy, alice, hana):
    for _ in range(behind_proxy.AXES_FAILURE_LIMIT):
        _login("alice", "sai-mat-khau", forwarded="192.168.1.10")
    # The colleague at the next desk, through the same proxy, logs in.
    assert _login("hana", PASSWORD, forwarded="192.168.1.11").status_code == 302
    # The account itself is locked wherever the next guess comes from.
    assert _login("alice", PASSWORD, forwarded="192.168.1.99").status_code == 429


def test_one_password_tried_across_many_usernames_is_throttled(behind_proxy, alice, hana):
    for number in range(behind_proxy.AXES_FAILURE_LIMIT):
        _login(f"can-bo-{number}", "123456", forwarded="192.168.1.66")
    locked = _login("hana", PASSWORD, forwarded="192.168.1.66")
    assert locked.status_code == 429 and "Tạm khóa đăng nhập" in locked.content.decode()
    # Another machine behind the same proxy is not affected.
    assert _login("alice", PASSWORD, forwarded="192.168.1.11").status_code == 302


def test_x_forwarded_for_is_ignored_from_an_untrusted_connection(settings, alice):
    """Without a trusted proxy, a forged header cannot spread guesses over invented addresses."""
    assert settings.DANVAN_TRUSTED_PROXIES == []
    for number in range(settings.AXES_FAILURE_LIMIT):
        _login(f"can-bo-{number}", "123456", remote="203.0.113.9", forwarded=f"198.51.100.{number}")
    assert _login("alice", PASSWORD, remote="203.0.113.9", forwarded="198.51.100.200").status_code == 429


def test_only_the_trusted_proxy_is_believed(behind_proxy):
    from django.test import RequestFactory

    from danvan.core.proxy import client_ip

    def ip(remote, forwarded):
        return client_ip(RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded))

    assert ip(PROXY, "192.168.1.10") == "192.168.1.10"
    assert ip(PROXY, "1.2.3.4, 192.168.1.10") == "192.168.1.10"  # the left part is the client's own claim
    assert ip("192.168.1.10", "1.2.3.4") == "192.168.1.10"  # not from the proxy: the header is ignored
    assert ip(PROXY, "rác") == PROXY


def _production_env(tmp_path) -> dict[str, str]:
    # Nothing of the test run's own environment (another test sets DJANGO_ALLOW_ASYNC_UNSAFE for playwright).
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DANVAN_", "DJANGO_")) and k != "DATABASE_URL"}
    return env | {
        "DANVAN_SECRET_KEY": secrets.token_urlsafe(60), "DANVAN_ALLOWED_HOSTS": "danvan.example.gov.vn",
        "DANVAN_BEHIND_TLS_PROXY": "true", "DANVAN_VAR_DIR": str(tmp_path),
        "DANVAN_TRUSTED_PROXIES": "10.0.0.0/8", "DJANGO_SETTINGS_MODULE": "danvan.settings",
    }


def test_deploy_check_is_clean_behind_a_tls_proxy(tmp_path):
    result = subprocess.run([sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
                            env=_production_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout and "WARNING" not in result.stderr


def test_https_is_enforced_behind_a_tls_proxy(tmp_path):
    code = ("import django; django.setup(); from django.test import Client; "
            "r = Client().get('/tai-khoan/dang-nhap/', HTTP_HOST='danvan.example.gov.vn'); "
            "s = Client().get('/tai-khoan/dang-nhap/', HTTP_HOST='danvan.example.gov.vn', "
            "HTTP_X_FORWARDED_PROTO='https'); "
            "print(r.status_code, r['Location'], s.get('Strict-Transport-Security'))")
    result = subprocess.run([sys.executable, "-c", code], env=_production_env(tmp_path), capture_output=True,
                            text=True, timeout=120)
    assert result.stdout.split(" ", 2) == ["301", "https://danvan.example.gov.vn/tai-khoan/dang-nhap/",
                                           "max-age=31536000; includeSubDomains\n"], result.stderr
