"""Browser tests: Playwright drives Debian's chromium (never a downloaded browser) against live_server.

Pages are screenshotted into test-artifacts/ so a person can look at what the test saw.

Browser tests need `transaction=True` (the live server reads what the test wrote) and
`serialized_rollback=True`: a transactional test ends by flushing every table, which would also wipe
the rows migrations ship (holiday decisions, the indicator catalogue) for the tests that follow.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the test itself
# (setting up data) are synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    # Each is transactional with serialized_rollback=True, which tests/conftest.py checks for every test.
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Browser tests need Debian's chromium: apt-get install chromium (make test does it as root)")
    from django.db import connections

    serialized = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with sync_playwright() as pw:
        # Once Playwright's event loop runs in this thread, Django hands the thread new connection objects,
        # without the contents serialized at set-up: give them back, or serialized_rollback silently
        # restores nothing and every browser test after the first finds the shipped rows gone.
        for alias, contents in serialized.items():
            if contents is not None and not hasattr(connections[alias], "_test_serialized_contents"):
                connections[alias]._test_serialized_contents = contents
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, settings):
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    context = browser.new_context(base_url=live_server.url, locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def login(page, username: str, password: str) -> None:
    page.goto("/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "dang-nhap" not in url)


def pick(page, label: str, text: str, search: str | None = None) -> None:
    """Choose `text` in a searchable picker (core.pickers, ADR 0020) as a user does: type in its search box,
    then click the matching row of the answer."""
    box = page.get_by_label(label)
    # Typed right after the page loads, the text would reach the box before the web component listens to it.
    box.evaluate("() => customElements.whenDefined('autocomplete-select-input')")
    box.click()
    # Key by key, as a user types: a single `fill` was sometimes not seen by the component (no answer drawn).
    box.fill("")
    box.press_sequentially(search or text, delay=15)
    # The answer is drawn outside a form given as `page` (a Locator): look for it in the whole page.
    results = page.page if hasattr(page, "page") else page
    results.locator(".autocomplete-light-box [data-value]", has_text=text).first.click()
