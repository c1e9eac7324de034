"""Security baseline of issue 2: Argon2, lockout, CSRF, CSP, secure cookies, secret key."""

import os
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD


def test_login_page_is_vietnamese_and_everything_else_needs_login(client, tree):
    response = client.get(reverse("login"))
    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in content and "Đăng nhập" in content and "Mật khẩu" in content
    assert client.get(reverse("home")).status_code == 302


def test_english_is_available(client, tree):
    client.cookies["django_language"] = "en"
    content = client.get(reverse("login")).content.decode()
    assert '<html lang="en">' in content and "Password" in content and "Mật khẩu" not in content


def test_passwords_are_hashed_with_argon2(alice):
    assert alice.password.startswith("argon2")


def test_login_then_logout(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_repeated_failures_lock_the_account(client, alice, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("login"), {"username": "alice", "password": "sai-mat-khau"})
        assert response.status_code in (200, 429)
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    assert Client().get(reverse("home")).status_code == 302


def test_csrf_is_enforced(alice):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 403


def test_content_security_policy_header(client, tree):
    policy = client.get(reverse("login"))["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def _settings_in_subprocess(env: dict[str, str], expression: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DANVAN_")}
    clean.update(env)
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    return subprocess.run(
        [sys.executable, "-c", code],
        env=clean | {"DJANGO_SETTINGS_MODULE": "danvan.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DANVAN_DEBUG": "false", "DANVAN_SECRET_KEY": "x" * 50}, "True True"),
        ({"DANVAN_DEBUG": "true"}, "False False"),
    ],
)
def test_cookies_are_secure_when_debug_is_off(env, expected, tmp_path):
    env = env | {"DANVAN_VAR_DIR": str(tmp_path)}
    result = _settings_in_subprocess(env, "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE")
    assert result.stdout.strip().replace("(", "").replace(")", "").replace(",", "") == expected, result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _settings_in_subprocess({"DANVAN_DEBUG": "false", "DANVAN_VAR_DIR": str(tmp_path)}, "1")
    assert result.returncode != 0 and "DANVAN_SECRET_KEY" in result.stderr


def test_development_key_is_generated_once_under_var(tmp_path):
    first = _settings_in_subprocess({"DANVAN_DEBUG": "true", "DANVAN_VAR_DIR": str(tmp_path)}, "settings.SECRET_KEY")
    second = _settings_in_subprocess({"DANVAN_DEBUG": "true", "DANVAN_VAR_DIR": str(tmp_path)}, "settings.SECRET_KEY")
    assert first.stdout == second.stdout and len(first.stdout.strip()) > 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_booleans_are_parsed_strictly(tmp_path):
    result = _settings_in_subprocess({"DANVAN_DEBUG": "yes", "DANVAN_VAR_DIR": str(tmp_path)}, "1")
    assert result.returncode != 0 and "DANVAN_DEBUG must be true or false" in result.stderr
