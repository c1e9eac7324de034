"""Issue 16, accessibility in the HTML itself (the browser tests run axe-core on top of this)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

FORM_PAGES = ["/don-thu/tiep-nhan/", "/dan-van/doi-thoai/them/", "/dan-van/van-ban-chi-dao/them/",
              "/bao-cao/nhap-so-lieu/", "/tiep-cong-dan/buoi-tiep/moi/"]


@pytest.mark.parametrize("url", FORM_PAGES)
def test_every_aria_describedby_names_an_element_of_the_page(tree, alice, client_for, url):
    response = client_for(alice).get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    described = {name for value in re.findall(r'aria-describedby="([^"]+)"', html) for name in value.split()}
    assert described, f"{url}: no help text found, the test would prove nothing"
    assert described - ids == set(), url


def test_the_language_changes_by_a_button_not_on_selection(tree, alice, client_for):
    html = client_for(alice).get("/").content.decode()
    form = re.search(r'<form action="/i18n/setlang/".*?</form>', html, re.S).group(0)
    assert "data-autosubmit" not in form and "onchange" not in form
    assert re.search(r'<button type="submit"[^>]*>Đổi<span class="wide"> ngôn ngữ</span></button>', form)


def test_a_skip_link_leads_to_the_main_content(tree, alice, client_for):
    html = client_for(alice).get("/don-thu/").content.decode()
    body = html[html.index("<body>"):]
    first_link = re.search(r"<a [^>]*>", body).group(0)
    assert 'href="#main"' in first_link
    assert '<main id="main" tabindex="-1">' in html


def test_the_visit_form_sent_with_errors_has_a_summary_linking_to_the_fields(tree, alice, client_for):
    from django.utils import timezone

    from tests.reception.conftest import open_session

    session = open_session(alice, tree.board_cb, date=timezone.localdate())
    response = client_for(alice).post(f"/tiep-cong-dan/buoi-tiep/{session.pk}/luot-tiep/", {})
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary" id="visit-errors".*?</div>', html, re.S)
    assert summary, response.status_code
    assert "data-focus-on-load" in summary.group(0)
    assert re.search(r'<a href="#id_[a-z_]+">', summary.group(0))


@pytest.fixture
def back_to_vietnamese():
    """The test client's requests activate English in this thread; the next tests expect Vietnamese."""
    from django.utils import translation

    yield
    translation.activate("vi")


def test_the_dashboard_speaks_english(tree, alice, client_for, back_to_vietnamese):
    client = client_for(alice)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/bao-cao/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    figures = re.search(r'<section class="figures".*?</section>', html, re.S).group(0)
    assert "Visits" in figures and "Letters received" in figures
    assert "Lượt tiếp" not in figures and "cùng kỳ" not in figures
    assert "same as the same period last year" in figures
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert heading.startswith("Report From ") or heading.startswith("Report Year")
