"""The sign-in backend reads the user with the organisation and area every page needs (issue 23)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.accounts.backends import ScopedModelBackend


def test_a_signed_in_user_comes_with_organisation_and_area_in_one_query(alice):
    with CaptureQueriesContext(connection) as queries:
        user = ScopedModelBackend().get_user(alice.pk)
        assert user.scope_path == alice.organisation.area.path  # restrict() reads it on every page
        assert user.organisation.name == alice.organisation.name  # the top bar shows it
    assert len(queries) == 1


def test_a_deactivated_account_is_signed_out(alice):
    alice.is_active = False
    alice._change_reason = "test"
    alice.save()
    assert ScopedModelBackend().get_user(alice.pk) is None
    assert ScopedModelBackend().get_user(10**9) is None


def test_a_page_is_served_to_a_user_signed_in_with_it(client, alice):
    client.force_login(alice, backend="danvan.accounts.backends.ScopedModelBackend")
    response = client.get("/don-thu/")
    assert response.status_code == 200
    assert alice.organisation.name in response.content.decode()
