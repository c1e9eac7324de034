"""Shared fixtures: a small real-shaped unit tree and named personas (style.md: alice, bob, charlie).

- alice: officer of the mobilisation board of Cao Bằng province (sees the whole province);
- hana: head of the same board (may see denouncers' identities);
- rita: officer of the same board who receives the denouncers of the protection tests (she may see them);
- bob: viewer at the People's Committee of Xã Quảng Lâm, a commune of Cao Bằng;
- charlie: officer in Hà Nội, an outsider to everything in Cao Bằng;
- root: a superuser.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import pytest

from danvan.accounts.models import Role, User
from danvan.units.models import Area, AreaLevel, DocumentStyle, Organisation, OrganisationType

REFORM = dt.date(2025, 7, 1)
PASSWORD = "mat-khau-thu-nghiem-2026"


def pytest_collection_modifyitems(items):
    """Every transactional test (`transaction=True`) also has `serialized_rollback=True`. Without it, its closing
    flush wipes the rows migrations ship (holiday decisions, the indicator catalogue) for the tests after it, and
    recreates the content types under new ids, so the next serialized test fails to restore them (UNIQUE
    constraint failed: django_content_type): the suite passed or failed by the order its files ran in."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(f"{item.nodeid}: a transactional test needs "
                                    "@pytest.mark.django_db(transaction=True, serialized_rollback=True)")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """One test database per pytest process, so concurrent runs on one PostgreSQL never collide."""
    from django.conf import settings

    for alias in settings.DATABASES.values():
        if alias["ENGINE"].endswith("postgresql"):
            alias.setdefault("TEST", {})
            alias["TEST"]["NAME"] = f"test_{alias['NAME']}_{os.getpid()}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every table's ids start at 1.000.000 or more, each table in its own range (tests/ids.py), so an id
    printed as "1.000" or taken from the wrong table fails a test instead of passing by luck.

    Set once after the test databases are created and migrated: the rows migrations ship keep their small
    ids. Ordinary tests roll back inside the ranges; transactional tests (browser tests) end with a flush
    that deletes rows but resets no sequence (Django's default), so they keep large ids too.
    """
    from django.db import connections

    from tests.ids import start_large_ids

    with django_db_blocker.unblock():
        for connection in connections.all():
            start_large_ids(connection)


@dataclass
class Tree:
    nation: Area
    cao_bang: Area
    quang_lam: Area
    hoa_an: Area
    ha_noi: Area
    hoan_kiem: Area
    village: Area
    board_cb: Organisation
    ubnd_cb: Organisation
    ubnd_quang_lam: Organisation
    ubnd_hoa_an: Organisation
    board_hn: Organisation
    ubnd_hoan_kiem: Organisation


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: tests roll back, and a rolled-back id comes back in the next test,
    so a data version (reports.cache) could repeat across tests with other data. Ids never come back in use."""
    from django.core.cache import cache

    cache.clear()
    yield


def make_area(level, code, name, parent=None, **extra) -> Area:
    area = Area(level=level, code=code, name=name, parent=parent, valid_from=extra.pop("valid_from", REFORM), **extra)
    area.save()
    return area


def make_org(name, type_, area, style=DocumentStyle.STATE, short_name="") -> Organisation:
    org = Organisation(name=name, type=type_, area=area, document_style=style, short_name=short_name)
    org.save()
    return org


@pytest.fixture
def tree(db) -> Tree:
    nation = make_area(AreaLevel.NATION, "VN", "Việt Nam", valid_from=None)
    cao_bang = make_area(AreaLevel.PROVINCE, "04", "Tỉnh Cao Bằng", nation, division_type="tỉnh")
    quang_lam = make_area(AreaLevel.COMMUNE, "01279", "Xã Quảng Lâm", cao_bang, division_type="xã", remote=True)
    hoa_an = make_area(AreaLevel.COMMUNE, "01576", "Xã Hòa An", cao_bang, division_type="xã")
    ha_noi = make_area(AreaLevel.PROVINCE, "01", "Thành phố Hà Nội", nation, division_type="thành phố trung ương")
    hoan_kiem = make_area(AreaLevel.COMMUNE, "00070", "Phường Hoàn Kiếm", ha_noi, division_type="phường")
    village = make_area(AreaLevel.VILLAGE, "QL-01", "Thôn Nà Mạ", quang_lam)
    return Tree(
        nation=nation,
        cao_bang=cao_bang,
        quang_lam=quang_lam,
        hoa_an=hoa_an,
        ha_noi=ha_noi,
        hoan_kiem=hoan_kiem,
        village=village,
        board_cb=make_org(
            "Ban Tuyên giáo và Dân vận Tỉnh ủy Cao Bằng",
            OrganisationType.MOBILISATION_BOARD,
            cao_bang,
            DocumentStyle.PARTY,
            "BTGDVTU",
        ),
        ubnd_cb=make_org(
            "Ủy ban nhân dân tỉnh Cao Bằng", OrganisationType.PEOPLES_COMMITTEE, cao_bang, short_name="UBND"
        ),
        ubnd_quang_lam=make_org(
            "Ủy ban nhân dân xã Quảng Lâm", OrganisationType.PEOPLES_COMMITTEE, quang_lam, short_name="UBND"
        ),
        ubnd_hoa_an=make_org(
            "Ủy ban nhân dân xã Hòa An", OrganisationType.PEOPLES_COMMITTEE, hoa_an, short_name="UBND"
        ),
        board_hn=make_org(
            "Ban Tuyên giáo và Dân vận Thành ủy Hà Nội",
            OrganisationType.MOBILISATION_BOARD,
            ha_noi,
            DocumentStyle.PARTY,
            "BTGDVTU",
        ),
        ubnd_hoan_kiem=make_org(
            "Ủy ban nhân dân phường Hoàn Kiếm", OrganisationType.PEOPLES_COMMITTEE, hoan_kiem, short_name="UBND"
        ),
    )


def make_user(username: str, organisation: Organisation | None, role: str, **extra) -> User:
    user = User(username=username, organisation=organisation, role=role, **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def alice(tree) -> User:
    return make_user("alice", tree.board_cb, Role.OFFICER, first_name="Alice", last_name="Nguyễn")


@pytest.fixture
def hana(tree) -> User:
    return make_user("hana", tree.board_cb, Role.HEAD, first_name="Hà", last_name="Nông")


@pytest.fixture
def rita(tree) -> User:
    """An officer of alice's board who receives letters and visits: she typed a denouncer in, so she may see them
    (ADR 0011); alice, her colleague, may not."""
    return make_user("rita", tree.board_cb, Role.OFFICER, first_name="Rita", last_name="Lò")


@pytest.fixture
def bob(tree) -> User:
    return make_user("bob", tree.ubnd_quang_lam, Role.VIEWER)


@pytest.fixture
def charlie(tree) -> User:
    return make_user("charlie", tree.board_hn, Role.OFFICER)


@pytest.fixture
def root(tree) -> User:
    return make_user("root", None, Role.ADMINISTRATOR, is_superuser=True, is_staff=True)


@pytest.fixture
def client_for(client):
    """Log a persona in: `client_for(alice)` returns a client with alice's session."""

    def login(user: User):
        client.force_login(user, backend="danvan.accounts.backends.ScopedModelBackend")
        return client

    return login
