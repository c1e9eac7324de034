"""Hostile and mistyped input (issue 13): a Vietnamese message naming the field, nothing changed, never a 500.

Numbers are read from the digits 0-9 only ("²".isdigit() is True but int("²") fails), dates lie in 1900-2099,
a letter cannot be received tomorrow, texts are capped, input is NFC-normalised once for every view.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import unicodedata
from wsgiref.util import is_hop_by_hop

import pytest
from django import forms as django_forms
from django.urls import reverse
from django.utils import timezone

import danvan
from danvan.core.forms import GuardedInput, ascii_id, ascii_int
from danvan.letters.models import Letter
from danvan.mobilisation.models import Dialogue
from danvan.reports.models import EnteredValue
from tests.letters.test_views import intake_data, nothing_saved


@pytest.fixture
def web(client):
    """A client that answers a crash with a 500 page, as a server would, instead of raising in the test."""
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(("text", "expected"), [
    ("12", 12), (" 12 ", 12), ("-3", -3), ("+7", 7), ("0012", 12),
    ("²", None), ("١٢", None), ("1_000", None), ("1.000", None), ("12a", None), ("", None), (None, None),
    ("9" * 30, int("9" * 30)), ("9" * 5000, None), ("\x00", None),
])
def test_ascii_int_reads_only_the_digits_0_to_9(text, expected):
    assert ascii_int(text) == expected


def test_ascii_id_is_a_positive_bigint():
    assert ascii_id("1000000") == 1_000_000
    assert ascii_id("0") is None and ascii_id("-1") is None and ascii_id(str(2**63)) is None


def test_every_form_of_danvan_goes_through_the_guard():
    for module in pkgutil.walk_packages(danvan.__path__, "danvan."):
        if module.name.endswith(".forms"):
            importlib.import_module(module.name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = {cls for cls in subclasses(django_forms.BaseForm) if cls.__module__.startswith("danvan.")
            and not inspect.isabstract(cls)}
    assert len(ours) > 40
    unguarded = sorted(f"{cls.__module__}.{cls.__name__}" for cls in ours if not issubclass(cls, GuardedInput))
    assert not unguarded, f"derive these from danvan.core.forms.Form or ModelForm: {unguarded}"


@pytest.mark.parametrize("url", ["/don-thu/?q=²", "/don-thu/?q=Đ" + "9" * 30, "/don-thu/?unit=²",
                                 "/bao-cao/?don_vi=²", "/thoi-han/lich-nghi/?year=²",
                                 "/don-thu/doi-chieu-nguoi-viet-don/?petitioner_birth_year=²&petitioner_name=An",
                                 "/tiep-cong-dan/doi-chieu-cong-dan/?birth_year=²&full_name=An",
                                 "/dan-van/tuyen-truyen/nhap-nhieu/?dong=²"])
def test_hostile_query_parameters_never_give_a_500(url, alice, web):
    web.force_login(alice, backend="danvan.accounts.backends.ScopedModelBackend")
    response = web.get(url)
    assert response.status_code in (200, 400, 404), response.status_code


def test_a_far_report_date_is_refused_with_a_message_naming_the_field(alice, web):
    web.force_login(alice, backend="danvan.accounts.backends.ScopedModelBackend")
    response = web.get("/bao-cao/", {"tu_ngay": "01/01/0001", "den_ngay": "31/12/9999"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "«Từ ngày» phải trong khoảng 01/01/1900 – 31/12/2099." in html
    assert "«Đến ngày» phải trong khoảng 01/01/1900 – 31/12/2099." in html


def test_an_invalid_list_filter_is_ignored_with_a_visible_message(alice, web):
    web.force_login(alice, backend="danvan.accounts.backends.ScopedModelBackend")
    html = web.get("/dan-van/doi-thoai/", {"start": "31/12/9999"}).content.decode()
    assert "Bộ lọc có giá trị không hợp lệ nên chưa được áp dụng" in html and "«Từ ngày» phải trong khoảng" in html


@pytest.mark.parametrize(("overrides", "message"), [
    ({"petitioner_birth_year": "²"}, "Nhập một số nguyên cho «Năm sinh», chỉ dùng các chữ số 0–9"),
    ({"petitioner_birth_year": "9" * 40}, "«Năm sinh» không được lớn hơn 2100."),
    ({"received_on": "01/01/2100"}, "«Ngày nhận đơn» phải trong khoảng 01/01/1900 – 31/12/2099."),
    ({"received_on": "31/12/1899"}, "«Ngày nhận đơn» phải trong khoảng 01/01/1900 – 31/12/2099."),
    ({"received_on": "31/12/9999"}, "«Ngày nhận đơn» phải trong khoảng 01/01/1900 – 31/12/2099."),
    ({"received_on": "01/01/0001"}, "«Ngày nhận đơn» phải trong khoảng 01/01/1900 – 31/12/2099."),
    ({"received_on": (timezone.localdate() + dt.timedelta(days=1)).strftime("%d/%m/%Y")},
     "«Ngày nhận đơn» không được sau ngày hôm nay"),
    ({"content": "đ" * 20_001}, "«Nội dung đơn» dài 20.001 ký tự, vượt quá giới hạn 20.000 ký tự."),
])
def test_hostile_intake_names_the_field_and_saves_nothing(tree, alice, web, overrides, message):
    web.force_login(alice, backend="danvan.accounts.backends.ScopedModelBackend")
    response = web.post(reverse("letters:letter_create"), intake_data(tree, **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert nothing_saved()


def test_a_figure_in_other_digits_on_the_entry_page_is_refused(tree, alice, web):
    web.force_login(alice, backend="danvan.accounts.backends.ScopedModelBackend")
    base = {"co_quan": tree.ubnd_hoa_an.pk, "ky": "2025-Q1", "chot": "calendar"}
    for raw, message in (("²", "“²” không phải là số nguyên không âm."),
                         ("9" * 25, "lớn hơn mức tối đa 2.147.483.647.")):
        response = web.post(reverse("reports:entry"), base | {"v-TCD_LUOT": raw})
        assert response.status_code == 400 and message in response.content.decode()
    assert not EnteredValue.objects.exists()


def test_a_decomposed_topic_is_saved_composed_and_found_by_search(tree, alice, client_for):
    topic = "Đối thoại về bồi thường giải phóng mặt bằng"
    decomposed = unicodedata.normalize("NFD", topic)
    assert decomposed != topic
    client = client_for(alice)
    response = client.post(reverse("mobilisation:dialogue_create"), {
        "organisation": tree.board_cb.pk, "held_on": "05/03/2026", "topic": decomposed + "\x00",
        "place": "Hội trường", "chair_name": "Nông Văn Chủ", "chair_role": "secretary", "chair_position": "Bí thư",
        "participants": "40"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Dialogue.objects.get().topic == topic
    html = client.get(reverse("mobilisation:dialogue_list"), {"q": "bồi thường"}).content.decode()
    assert topic in html
    typed_decomposed = client.get(reverse("mobilisation:dialogue_list"),
                                  {"q": unicodedata.normalize("NFD", "giải phóng")}).content.decode()
    assert topic in typed_decomposed


def test_a_body_over_the_upload_limit_is_refused_before_it_is_read(tree, alice, client_for, settings):
    settings.DANVAN_MAX_UPLOAD_MB = 1
    client = client_for(alice)

    class Unreadable:
        def read(self, *args):
            raise AssertionError("the body was read")

        readline = read

    response = client.generic("POST", reverse("letters:letter_create"), "", content_type="multipart/form-data; "
                              "boundary=x", **{"CONTENT_LENGTH": str(300 * 1024 * 1024), "wsgi.input": Unreadable()})
    assert response.status_code == 413
    assert not any(is_hop_by_hop(name) for name in response.headers)  # a WSGI server refuses them with a 500
    html = response.content.decode()
    assert "Dữ liệu gửi lên quá lớn" in html and "tối đa 1 MB" in html and 'href="/don-thu/tiep-nhan/"' in html
    assert not Letter.objects.exists()


def test_a_10_mb_letter_content_is_refused_without_reaching_the_form(tree, alice, web):
    web.force_login(alice, backend="danvan.accounts.backends.ScopedModelBackend")
    response = web.post(reverse("letters:letter_create"), intake_data(tree, content="Đơn " * 2_500_000))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Yêu cầu không hợp lệ" in html and "Không có gì được thay đổi" in html
    assert nothing_saved()


def test_a_password_is_compared_as_typed_not_normalised(tree, client):
    from tests.conftest import make_user

    secret = unicodedata.normalize("NFD", "mật khẩu Đồng Văn 2026")
    user = make_user("dong", tree.board_cb, "officer")
    user.set_password(secret)
    user.save()
    assert client.post(reverse("login"), {"username": "dong", "password": secret}).status_code == 302


def test_clean_input_composes_and_drops_nul():
    from danvan.core.text import clean_input

    assert clean_input(unicodedata.normalize("NFD", "Hòa An\x00")) == "Hòa An"
    assert clean_input("plain ascii") == "plain ascii"
