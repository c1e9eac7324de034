"""Accounts for the load test: `load-officer-01` … `-50`, officers of the province's People's Committee
(the office that receives citizens), all with the password of `DANVAN_LOAD_PASSWORD`."""

from __future__ import annotations

from django.db import transaction

from danvan.accounts.models import Role, User
from danvan.units.models import Organisation, OrganisationType

PASSWORD = "danvan-load"


@transaction.atomic
def ensure_officers(province_code: str, count: int, password: str = PASSWORD) -> list[str]:
    org = (Organisation.objects.filter(area__code=province_code, area__level=1, type=OrganisationType.PEOPLES_COMMITTEE)
           .order_by("pk").first())
    if org is None:
        raise ValueError(f"Không có Ủy ban nhân dân tỉnh mã {province_code}.")
    names = []
    for n in range(1, count + 1):
        username = f"load-officer-{n:02d}"
        user = User.objects.filter(username=username).first() or User(username=username)
        user.organisation = org
        user.role = Role.OFFICER
        user.is_active = True
        user.set_password(password)
        user._change_reason = "bench.load"
        user.save()
        names.append(username)
    return names


def ensure_duplicate_index() -> int:
    """Every letter fingerprinted, as on a server where `danvan reindex_duplicates` ran after the data was loaded
    (the generator writes letters in bulk, without the signals that fingerprint them). Without it each letter
    page's duplicate panel fingerprints its letter on the spot, a write in a read, and the workers' index holds only
    the letters opened so far: the panel's cost and the workers' memory would not be a real office's. Returns how
    many letters were fingerprinted (0 when all already were)."""
    from danvan.duplicates.index import reindex_all
    from danvan.duplicates.models import LetterFingerprint
    from danvan.letters.models import Letter

    if LetterFingerprint.objects.count() == Letter.objects.count():
        return 0
    return reindex_all()
