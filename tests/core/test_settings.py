"""Settings are read strictly and every variable danvan reads is documented (issue 14)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from danvan.env import envbool

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("value", ["1", "0", "True", "FALSE", "yes", "on", " true"])
def test_a_boolean_variable_refuses_anything_but_true_or_false(monkeypatch, value):
    monkeypatch.setenv("DANVAN_SOME_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match="DANVAN_SOME_FLAG must be true or false"):
        envbool("DANVAN_SOME_FLAG", False)


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("false", False), ("", True)])
def test_a_boolean_variable_reads_the_two_documented_words(monkeypatch, value, expected):
    monkeypatch.setenv("DANVAN_SOME_FLAG", value)
    assert envbool("DANVAN_SOME_FLAG", True) is expected


def _variables_read() -> set[str]:
    names = set()
    for path in (ROOT / "src" / "danvan").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r'env(?:str|bool|int|list)\(\s*"(DANVAN_[A-Z0-9_]+|DATABASE_[A-Z_]+)"', text))
        names |= set(re.findall(r'environ(?:\.get\(|\[)\s*"(DANVAN_[A-Z0-9_]+)"', text))
    return names


def _documented(readme: str) -> set[str]:
    """The names in the first column of the README's tables (a cell may name several: `A` / `B`)."""
    names = set()
    for cell in re.findall(r"^\| ([^|]+)\|", readme, flags=re.MULTILINE):
        names |= set(re.findall(r"`([A-Z][A-Z0-9_]+)`", cell))
    return names


def test_every_variable_danvan_reads_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = _documented(readme)
    read = _variables_read()
    assert read, "the scan found no variables: the pattern is wrong"
    assert read - documented == set(), "read but not documented in README.md"


def test_every_documented_variable_is_read():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = {name for name in _documented(readme) if name.startswith("DANVAN_")}
    # A `*_FILE` variant is read by envstr for every variable that has one.
    documented = {name.removesuffix("_FILE") for name in documented}
    read = {name.removesuffix("_FILE") for name in _variables_read()}
    assert documented - read == set(), "documented in README.md but never read"
