"""Runs after the other browser tests (file name): the rows migrations ship must still be there, or the
browser tests after a flush would see a holiday calendar without the Government's decisions and reports
without indicators (serialized_rollback, see conftest.browser)."""

import pytest

from danvan.legal.models import HolidayDecision
from danvan.reports.models import Indicator


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_shipped_catalogue_and_holiday_decisions_survive_the_browser_tests(browser):
    assert Indicator.objects.filter(key_figure=True).exists()
    assert HolidayDecision.objects.filter(year=2026).exists()
