"""`danvan demo` (what `make demo` runs before serving): the real units, the demo accounts, the demo
data with every letter ready for duplicate suggestions; a second run reuses what is there."""

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
    assert Area.objects.filter(level=AreaLevel.PROVINCE).count() == 34
    assert Area.objects.filter(level=AreaLevel.COMMUNE).count() == 3321
    assert "Đăng nhập: demo / danvan-demo" in printed and "Đăng nhập: canbo / danvan-demo" in printed
    assert User.objects.get(username="canbo").check_password("danvan-demo")
    letters = Letter.objects.count()
    assert 4000 <= letters <= 6000
    assert LetterFingerprint.objects.count() == letters  # suggestions work from the first letter page

    call_command("demo", stdout=StringIO())
    assert Letter.objects.count() == letters
    assert User.objects.filter(username__in=["demo", "canbo", "lanhdao"]).count() == 3
