"""The helpers every view shares (core): the top of a user's scope and a service's errors on a form."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from danvan.accounts.models import Role
from danvan.core.forms import apply_errors
from danvan.core.scope import scope_root, scope_root_or_404, scope_roots
from tests.conftest import make_user


def test_a_users_pages_start_at_their_organisations_area(tree, alice, bob):
    assert scope_root(alice) == tree.cao_bang
    assert scope_root(bob) == tree.quang_lam
    assert list(scope_roots(alice)) == [tree.cao_bang]
    assert list(scope_roots(bob)) == [tree.quang_lam]


def test_a_superuser_without_an_organisation_starts_at_the_nation(tree, root):
    assert scope_root(root) == tree.nation
    assert scope_root_or_404(root) == tree.nation
    assert list(scope_roots(root)) == [tree.nation]


def test_a_superuser_of_an_organisation_counts_from_it_but_browses_the_whole_tree(tree):
    """Reports and counts start at the organisation; the units browser shows everything the superuser may see."""
    boss = make_user("boss", tree.board_cb, Role.ADMINISTRATOR, is_superuser=True)
    assert scope_root(boss) == tree.cao_bang
    assert list(scope_roots(boss)) == [tree.nation]


def test_a_user_without_an_organisation_has_no_scope(tree):
    from django.http import Http404

    loose = make_user("loose", None, Role.OFFICER)
    assert scope_root(loose) is None
    assert list(scope_roots(loose)) == []
    with pytest.raises(Http404):
        scope_root_or_404(loose)


def test_pages_of_a_user_without_a_scope_show_no_figures(tree, client_for, root):
    """The report dashboard refuses (404) and the letter statistics show no figures, not the country's."""
    loose = make_user("loose", None, Role.OFFICER)
    client = client_for(loose)
    assert client.get("/bao-cao/").status_code == 404
    response = client.get("/don-thu/thong-ke/")
    assert response.status_code == 200
    assert response.context["figures"] is None and response.context["root"] is None
    response = client_for(root).get("/don-thu/thong-ke/")
    assert response.context["root"] == tree.nation and response.context["figures"] is not None


class _Form(forms.Form):
    full_name = forms.CharField()
    forwarded_on = forms.DateField()


@pytest.mark.parametrize(("error", "aliases", "on_fields", "above"), [
    (ValidationError("Đơn đã đóng."), None, {}, ["Đơn đã đóng."]),
    (ValidationError({"full_name": "Nhập họ tên."}), None, {"full_name": ["Nhập họ tên."]}, []),
    (ValidationError({"citizen": "Không rõ công dân."}), None, {}, ["Không rõ công dân."]),
    (ValidationError({"decided_on": "Ngày chuyển sau ngày nhận."}), {"decided_on": "forwarded_on"},
     {"forwarded_on": ["Ngày chuyển sau ngày nhận."]}, []),
])
def test_a_services_error_goes_next_to_the_field_it_names_or_above_the_form(error, aliases, on_fields, above):
    form = _Form(data={"full_name": "Lò Văn A", "forwarded_on": "2025-06-01"})
    assert form.is_valid()
    apply_errors(form, error, aliases)
    assert {name: list(errors) for name, errors in form.errors.items() if name != "__all__"} == on_fields
    assert list(form.non_field_errors()) == above
    assert form.data["full_name"] == "Lò Văn A"  # what was typed is kept
