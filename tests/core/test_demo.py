"""`danvan demo` (what `make demo` runs before serving): the real units, the demo accounts, the demo
data with every letter ready for duplicate suggestions; a second run reuses what is there."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from danvan.accounts.models import User
from danvan.duplicates.models import LetterFingerprint
from danvan.letters.models import Letter
from danvan.units.models import Area, AreaLevel


@pytest.mark.django_db
def test_demo_prepares_units_accounts_and_data_once():
    out = StringIO()
    call_command("demo", stdout=out)
    printed = out.getvalue()
    assert Area.objects.filter(level=AreaLevel.PROVINCE, valid_to__isnull=True).count() == 34
    assert Area.objects.filter(level=AreaLevel.COMMUNE, valid_to__isnull=True).count() == 3321
    # And the units before 01/7/2025, with lineage to every current commune (issue 18, ADR 0019).
    before = Area.objects.filter(valid_to=dt.date(2025, 6, 30))
    assert before.filter(level=AreaLevel.PROVINCE).count() == 63
    assert before.filter(level=AreaLevel.COMMUNE).count() == 10035
    assert not Area.objects.filter(level=AreaLevel.COMMUNE, valid_to__isnull=True,
                                   predecessor_links__isnull=True).exists()
    assert "Đăng nhập: demo / danvan-demo" in printed and "Đăng nhập: canbo / danvan-demo" in printed
    assert User.objects.get(username="canbo").check_password("danvan-demo")
    letters = Letter.objects.count()
    assert 4000 <= letters <= 6000
    assert LetterFingerprint.objects.count() == letters  # suggestions work from the first letter page

    call_command("demo", stdout=StringIO())
    assert Letter.objects.count() == letters
    assert User.objects.filter(username__in=["demo", "canbo", "lanhdao"]).count() == 3
