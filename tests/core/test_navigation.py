"""The navigation bar (core.context_processors.navigation): its links are reversed once, its labels read per page."""

from django.test import RequestFactory
from django.urls import set_script_prefix
from django.utils import translation

from danvan.core.context_processors import navigation


def _bar(path="/don-thu/"):
    return navigation(RequestFactory().get(path))["nav_modules"]


def test_the_bar_links_every_module_and_marks_the_one_open():
    entries = _bar("/don-thu/12/")
    assert [e["url"] for e in entries][:3] == ["/", "/tiep-cong-dan/", "/don-thu/"]
    assert [e["url"] for e in entries if e["active"]] == ["/don-thu/"]
    assert [e["url"] for e in _bar("/") if e["active"]] == ["/"]


def test_the_labels_are_in_the_readers_language_on_each_page():
    with translation.override("en"):
        english = [str(e["label"]) for e in _bar()]
    with translation.override("vi"):
        vietnamese = [str(e["label"]) for e in _bar()]
    assert "Letters" in english and "Đơn thư" in vietnamese


def test_a_deployment_under_a_prefix_gets_its_own_links():
    """The links are kept per script prefix: danvan served under /danvan/ links there, and the root does not."""
    try:
        set_script_prefix("/danvan/")
        assert all(e["url"].startswith("/danvan/") for e in _bar("/danvan/don-thu/"))
    finally:
        set_script_prefix("/")
    assert _bar()[2]["url"] == "/don-thu/"
