"""Property-based fuzz of every page (issue 13): random and hostile values in every form field and every query
parameter of every view, as each role. Never a 5xx; a POST refused with a 4xx changes no row, history included.

The pages are found from the URL configuration, with the record-making factories of the outsider walk
(tests/<app>/scoping.py), so a new view is fuzzed the day it is added. Each page is opened as the role; every
form on it (its action, method and fields), every htmx request and every link with a query string is a target.
Each target gets a fixed sweep (all fields missing; each field a different hostile value), then hypothesis mixes
the page's own values with hostile ones (derandomized, no example database: CI reproduces the same run).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import Resolver404, get_resolver, resolve, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.test_outsiders import _named_patterns, url_factories

# Pages left out: Django's admin, the language switch and logging out (they only redirect).
SKIPPED_PREFIXES = ("/quan-tri/", "/i18n/", "/tai-khoan/dang-xuat/", "/static/", "/media/")

MEGABYTE_TEXT = "Đ" * 500_000  # 1 MB of UTF-8
HOSTILE = [
    MEGABYTE_TEXT, "²", "١٢٣", "𝟙𝟚", "9" * 40, "-" + "9" * 25, "1e309", "NaN", "-1", "0", "1.000.000", "1,5",
    "01/01/0001", "31/12/9999", "29/02/2100", "31/12/1899", "0001-01-01", "9999-12-31", "32/13/2026",
    "\x00", "a\x00b", "", " ", "\u200b", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "../../etc/passwd",
    unicodedata.normalize("NFD", "Đồng ý bồi thường"), "true", "on", "[]", "{}", "Đ" + "9" * 30,
]
MISSING = object()


@dataclass
class Target:
    method: str
    url: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)

    @property
    def key(self):
        return (self.method, self.url, tuple(sorted(self.fields)))


class _PageParser(HTMLParser):
    """Forms with their fields and values, htmx GETs with the fields they include, links with a query string."""

    def __init__(self, page_url: str):
        super().__init__()
        self.page_url = page_url
        self.targets: list[Target] = []
        self.form: Target | None = None
        self.select: str | None = None
        self.textarea: str | None = None
        self.hx: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.form = Target((a.get("method") or "get").upper(), a.get("action") or self.page_url)
            self.targets.append(self.form)
        if a.get("hx-get"):
            self.hx.append(a["hx-get"])
        for attr in ("href", "src"):
            if a.get(attr) and "?" in a[attr] and a[attr].startswith("/"):
                parts = urlsplit(a[attr])
                fields: dict[str, list[str]] = {}
                for name, value in parse_qsl(parts.query, keep_blank_values=True):
                    fields.setdefault(name, []).append(value)
                self.targets.append(Target("GET", parts.path, fields))
        if self.form is None or not a.get("name"):
            if tag == "option" and self.form is not None and self.select and "selected" in a:
                self.form.fields.setdefault(self.select, []).append(a.get("value", ""))
            return
        name = a["name"]
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind == "file":
                self.form.files.add(name)
                self.form.fields.setdefault(name, [])
            elif kind in ("checkbox", "radio"):
                values = self.form.fields.setdefault(name, [])
                if "checked" in a:
                    values.append(a.get("value", "on"))
            elif kind not in ("submit", "button", "reset", "image"):
                self.form.fields.setdefault(name, []).append(a.get("value", ""))
        elif tag == "select":
            self.select = name
            self.form.fields.setdefault(name, [])
        elif tag == "textarea":
            self.textarea = name
            self.form.fields.setdefault(name, [""])
        elif tag == "button" and a.get("value") is not None:
            self.form.fields.setdefault(name, []).append(a["value"])

    def handle_data(self, data):
        if self.form is not None and self.textarea:
            self.form.fields[self.textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            if self.hx:
                for url in self.hx:
                    self.targets.append(Target("GET", url, dict(self.form.fields)))
                self.hx = []
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def _ours(path: str) -> bool:
    if path.startswith(SKIPPED_PREFIXES):
        return False
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def page_urls(tree, owner) -> list[str]:
    factories = url_factories()
    urls = []
    for name, pattern in _named_patterns(get_resolver().url_patterns):
        kwargs = factories[name](tree, owner) if pattern.pattern.converters else {}
        url = reverse(name, kwargs=kwargs)
        if _ours(url):
            urls.append(url)
    return sorted(set(urls))


def discover(client, urls) -> list[Target]:
    """Every page as GET without parameters, and every form, htmx request and query link found on it."""
    targets = {}
    for url in urls:
        # "page" is read by every paginated list, whose links only show with more than one page of records.
        targets.setdefault(("GET", url, ("page",)), Target("GET", url, {"page": ["2"]}))
        response = client.get(url)
        assert response.status_code < 500, f"GET {url} answered {response.status_code}"
        if "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _PageParser(url)
        parser.feed(response.content.decode())
        for target in parser.targets:
            target.fields.pop("csrfmiddlewaretoken", None)
            if _ours(target.url):
                targets.setdefault(target.key, target)
    return list(targets.values())


def row_counts() -> dict[str, int]:
    """Rows of every table of danvan, history tables included, in one query."""
    models = [model for model in apps.get_models() if model.__module__.startswith("danvan.")]
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(m._meta.db_table)})" for m in models)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    return {model._meta.label: count for model, count in zip(models, row, strict=True)}


def send(client, target: Target, data: dict):
    if target.method == "GET":
        response = client.get(target.url, {k: v for k, v in data.items() if k not in target.files})
        assert response.status_code < 500, f"GET {target.url} {_short(data)} answered {response.status_code}"
        return response
    before = row_counts()
    response = client.post(target.url, data)
    assert response.status_code < 500, f"POST {target.url} {_short(data)} answered {response.status_code}"
    if response.status_code >= 400:
        after = row_counts()
        changed = {label: (before[label], after[label]) for label in before if before[label] != after[label]}
        assert not changed, f"POST {target.url} {_short(data)} answered {response.status_code} but changed {changed}"
    return response


def _short(data: dict) -> dict:
    return {k: (v[:40] + f"…({len(v)})" if isinstance(v, str) and len(v) > 40 else v) for k, v in data.items()}


def _value(target: Target, name: str, value):
    if name in target.files:
        return SimpleUploadedFile("tep.pdf" if value == "" else "x.exe", str(value).encode()[:2048])
    return value


def sweep(client, target: Target, rounds: int) -> None:
    """All fields missing; then each field a different hostile value, rotated so each field meets several."""
    send(client, target, {})
    names = sorted(target.fields)
    for shift in range(0, len(HOSTILE), -(-len(HOSTILE) // rounds))[:rounds]:
        data = {name: _value(target, name, HOSTILE[(index + shift) % len(HOSTILE)])
                for index, name in enumerate(names)}
        send(client, target, data)


hostile_values = st.one_of(
    st.sampled_from(HOSTILE[1:]),
    st.text(max_size=40),
    st.integers().map(str),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(lambda d: d.strftime("%d/%m/%Y")),
)


def fuzz(client, targets: list[Target], examples: int) -> None:
    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def one_request(data):
        target = data.draw(st.sampled_from(targets), label="target")
        sent = {}
        for name, own in sorted(target.fields.items()):
            choice = data.draw(st.sampled_from(["own", "hostile", "list", "missing"]), label=name)
            if choice == "own" and own:
                sent[name] = own if len(own) > 1 else own[0]
            elif choice == "hostile":
                sent[name] = _value(target, name, data.draw(hostile_values, label=name))
            elif choice == "list" and name not in target.files:
                sent[name] = data.draw(st.lists(hostile_values, min_size=2, max_size=3), label=name)
        send(client, target, sent)

    one_request()


# viewer, officer, head, superuser (tests/conftest.py), with the rounds of the sweep and the random examples: the
# officer and the superuser reach every form; the viewer is refused most and the head sees the officer's forms.
ROLES = [("bob", 1, 20), ("alice", 3, 60), ("hana", 1, 30), ("root", 2, 50)]


@pytest.mark.parametrize(("role", "rounds", "examples"), ROLES)
def test_no_page_answers_5xx_nor_changes_anything_on_refused_input(role, rounds, examples, request, tree, alice,
                                                                   client):
    user = request.getfixturevalue(role)
    urls = page_urls(tree, alice)
    client.raise_request_exception = True  # a crash fails the test with its traceback
    client.force_login(user, backend="danvan.accounts.backends.ScopedModelBackend")
    targets = discover(client, urls)
    assert len(targets) > len(urls)
    for target in targets:
        sweep(client, target, rounds)
    fuzz(client, targets, examples)


def test_the_login_form_with_hostile_input(client, tree, alice):
    client.raise_request_exception = True
    targets = [t for t in discover(client, [reverse("login")]) if t.method == "POST"]
    assert targets and {"username", "password"} <= set(targets[0].fields)
    for target in targets:
        sweep(client, target, 5)
    fuzz(client, targets, 20)
