"""Transactional tests (the browser tests) keep the large ids of tests/conftest.py: their closing flush
deletes rows but resets no sequence, so a page they drive never sees an id below 1.000.000."""

import pytest

from danvan.units.models import AreaLevel
from tests.conftest import make_area


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("attempt", [1, 2])  # the second runs after the first's flush
def test_transactional_tests_get_large_ids_too(attempt):
    area = make_area(AreaLevel.NATION, f"X{attempt}", "Việt Nam", valid_from=None)
    assert area.pk >= 1_000_000
