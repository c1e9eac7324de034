"""Every view that shows or changes one record answers 404 to an outsider (issue 2).

The test walks the URL configuration itself, so a new view is covered the day it is added: each
app registers, in `tests/<app>/scoping.py`, a factory that makes a record in Cao Bằng and returns
the URL's arguments. A URL without a factory fails this test rather than escaping it.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests

# Namespaces and names that do not show a record: Django's own admin (superusers only) and i18n.
NOT_RECORD_VIEWS = {"admin", "set_language"}


def _named_patterns(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            if ns in NOT_RECORD_VIEWS:
                continue
            full = f"{namespace}{ns}:" if ns else namespace
            yield from _named_patterns(entry.url_patterns, full)
        elif isinstance(entry, URLPattern) and entry.name and entry.name not in NOT_RECORD_VIEWS:
            yield f"{namespace}{entry.name}", entry


def record_url_names() -> list[str]:
    return sorted(
        {name for name, pattern in _named_patterns(get_resolver().url_patterns) if pattern.pattern.converters}
    )


def url_factories() -> dict:
    factories = {}
    for module in pkgutil.iter_modules(tests.__path__):
        if module.ispkg:
            try:
                scoping = importlib.import_module(f"tests.{module.name}.scoping")
            except ModuleNotFoundError:
                continue
            factories.update(scoping.URL_FACTORIES)
    return factories


def test_every_record_url_has_a_factory():
    missing = sorted(set(record_url_names()) - set(url_factories()))
    assert not missing, f"register these URLs in tests/<app>/scoping.py URL_FACTORIES: {missing}"


@pytest.mark.parametrize("url_name", record_url_names())
def test_outsider_gets_404_and_insider_gets_through(url_name, tree, alice, charlie, client):
    kwargs = url_factories()[url_name](tree, alice)
    url = reverse(url_name, kwargs=kwargs)

    client.force_login(charlie, backend="danvan.accounts.backends.ScopedModelBackend")
    statuses = {client.get(url).status_code, client.post(url).status_code}
    assert statuses <= {404, 405} and 404 in statuses, f"{url_name} answered {statuses} to an outsider"

    client.force_login(alice, backend="danvan.accounts.backends.ScopedModelBackend")
    insider = {client.get(url).status_code, client.post(url).status_code}
    assert insider & {200, 302, 400}, f"{url_name} answered {insider} to alice, who may see it"


# Views open without logging in, each with its reason. A view made public (login_not_required) that is not
# listed here fails the test below, so no page escapes the login by accident.
PUBLIC_VIEWS = {
    "login": "the login page itself",
    "admin:login": "Django admin's own login page, same authentication and lockout",
    "ops:healthz": "for the proxy and monitoring: names its three checks, shows no data (tests/ops/test_health.py)",
    "ops:metrics": "request counts and latencies; 404 unless a local scraper or the token (tests/ops/test_health.py)",
}


def _all_patterns(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _all_patterns(entry.url_patterns, f"{namespace}{entry.namespace}:" if entry.namespace
                                     else namespace)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", entry


def test_every_view_open_without_login_is_on_the_allow_list():
    public = {name for name, pattern in _all_patterns(get_resolver().url_patterns)
              if getattr(pattern.callback, "login_required", True) is False}
    assert public == set(PUBLIC_VIEWS)


@pytest.mark.parametrize("url_name", ["ops:healthz", "ops:metrics"])
def test_public_operations_urls_show_no_record_to_an_outsider(url_name, tree, alice, client):
    from tests.letters.factories import receive

    letter = receive(alice, tree.board_cb, name="Nguyễn Thị Bí Mật", summary="Tố cáo bí mật ở Quảng Lâm")
    body = client.get(reverse(url_name), REMOTE_ADDR="203.0.113.9").content.decode()
    assert "Bí Mật" not in body and "Quảng Lâm" not in body and letter.code not in body
