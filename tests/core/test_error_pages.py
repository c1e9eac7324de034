"""Error pages with debug off (issue 13): Vietnamese, in the app's layout, with a way back; the 500 page needs
neither the database nor a context processor."""

from __future__ import annotations

import pytest
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import connection
from django.test import Client, override_settings
from django.urls import path

from danvan.urls import urlpatterns as real_patterns


def _bad(request):
    raise BadRequest("hỏng")


def _denied(request):
    raise PermissionDenied


def _crash(request):
    raise RuntimeError("lỗi thử")


urlpatterns = [
    *real_patterns,
    path("thu-loi/400/", _bad),
    path("thu-loi/403/", _denied),
    path("thu-loi/500/", _crash),
]
handler400 = "danvan.core.errors.bad_request"
handler403 = "danvan.core.errors.permission_denied"
handler404 = "danvan.core.errors.page_not_found"
handler500 = "danvan.core.errors.server_error"

pytestmark = pytest.mark.urls(__name__)


@pytest.fixture
def web(client, alice, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    client.force_login(alice, backend="danvan.accounts.backends.ScopedModelBackend")
    return client


@pytest.mark.parametrize(("url", "status", "title"), [
    ("/thu-loi/400/", 400, "Yêu cầu không hợp lệ"),
    ("/thu-loi/403/", 403, "Không có quyền thực hiện"),
    ("/khong-co-trang-nay/", 404, "Không tìm thấy trang"),
    ("/don-thu/999999999/", 404, "Không tìm thấy trang"),
])
def test_client_errors_are_vietnamese_pages_in_the_layout_with_a_way_back(web, url, status, title):
    response = web.get(url, HTTP_REFERER="http://testserver/don-thu/")
    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="vi">' in html and title in html and f'data-error="{status}"' in html
    assert 'class="modules"' in html and "Đăng xuất" in html  # the app's layout, navigation and account
    assert 'href="/">Về trang chủ' in html and 'href="http://testserver/don-thu/">Quay lại trang trước' in html
    assert "Bad Request" not in html and "Not Found" not in html and "Forbidden" not in html


def test_a_way_back_only_to_this_site(web):
    html = web.get("/khong-co-trang-nay/", HTTP_REFERER="https://example.com/x").content.decode()
    assert "example.com" not in html and "Quay lại trang trước" not in html


def test_a_csrf_failure_is_a_vietnamese_page(alice, tree, settings):
    settings.DEBUG = False
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice, backend="danvan.accounts.backends.ScopedModelBackend")
    response = client.post("/don-thu/tiep-nhan/", {"summary": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Biểu mẫu đã hết hạn" in html and "Không có gì được lưu" in html and 'data-error="403-csrf"' in html
    assert "CSRF verification failed" not in html and 'class="modules"' in html


def test_the_500_page_is_vietnamese_and_needs_no_database(web, monkeypatch):
    def no_database(*args, **kwargs):
        raise AssertionError("the 500 page queried the database")

    with override_settings(TEMPLATES=_templates_with_failing_processor()), monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", no_database)
        response = web.get("/thu-loi/500/")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="vi">' in html and "Hệ thống gặp lỗi" in html and 'href="/">Về trang chủ' in html
    assert "Server Error" not in html


def _templates_with_failing_processor():
    from django.conf import settings

    templates = [dict(t, OPTIONS=dict(t["OPTIONS"])) for t in settings.TEMPLATES]
    templates[0]["OPTIONS"]["context_processors"] = [
        *templates[0]["OPTIONS"]["context_processors"], "tests.core.test_error_pages.failing_processor"]
    return templates


def failing_processor(request):
    raise RuntimeError("a context processor that fails")
