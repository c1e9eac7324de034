"""The duplicate index loaded in gunicorn's master before it forks (DANVAN_PRELOAD_DUPLICATES, ADR 0027)."""

import datetime as dt

import pytest
from django.db import connections

from danvan.duplicates import index as dup_index
from danvan.duplicates import services
from tests.duplicates.test_suggestions import PIGS, fresh_index  # noqa: F401  (the fixture, autouse there too)
from tests.letters.factories import receive


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_preload_loads_the_index_and_hands_no_connection_to_the_workers(tree, alice):
    first = receive(alice, tree.ubnd_quang_lam, received_on=dt.date(2024, 6, 3), **PIGS)
    dup_index.preload()
    assert dup_index._STATE.index is not None and first.pk in dup_index._STATE.revisions
    # A connection opened before the fork would be one socket for every worker: none is left open.
    assert all(connection.connection is None for connection in connections.all(initialized_only=True)
               if not connection.settings_dict["NAME"].startswith(("file:memorydb", ":memory:")))
    # The index serves the next request as it is (a sync, no second load).
    loaded = dup_index._STATE.index
    again = receive(alice, tree.ubnd_quang_lam, received_on=dt.date(2024, 9, 1), **PIGS)
    assert first.code in [s.letter.code for s in services.suggestions_for_letter(alice, again)]
    assert dup_index._STATE.index is loaded
