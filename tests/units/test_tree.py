import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from danvan.units.models import Area, AreaLevel
from danvan.units.services import record_merger
from tests.conftest import make_area


def test_paths_make_subtrees(tree):
    assert tree.quang_lam.path.startswith(tree.cao_bang.path)
    assert tree.village.path.startswith(tree.quang_lam.path)
    subtree = set(Area.objects.subtree(tree.cao_bang).values_list("name", flat=True))
    assert subtree == {"Tỉnh Cao Bằng", "Xã Quảng Lâm", "Xã Hòa An", "Thôn Nà Mạ"}


def test_search_ignores_diacritics_and_case(tree):
    assert list(Area.objects.search("QUANG LAM")) == [tree.quang_lam]
    assert list(Area.objects.search("hòa an")) == [tree.hoa_an]
    assert list(Area.objects.search("hoa an")) == [tree.hoa_an]


def test_a_unit_cannot_be_its_own_ancestor(tree):
    tree.cao_bang.parent = tree.village
    with pytest.raises(ValidationError) as error:
        tree.cao_bang.full_clean()
    assert "parent" in error.value.message_dict


def test_reparenting_moves_the_whole_subtree(tree):
    tree.quang_lam.parent = tree.ha_noi
    tree.quang_lam.save()
    tree.village.refresh_from_db()
    assert tree.village.path.startswith(tree.ha_noi.path)
    assert not tree.village.path.startswith(tree.cao_bang.path)


def test_merger_keeps_lineage_for_same_period_comparisons(tree):
    """Two communes merged on 01/7/2025: last year's figures of the new commune are theirs."""
    old_a = make_area(AreaLevel.COMMUNE, "01300", "Xã Cũ A", tree.cao_bang, valid_from=dt.date(2008, 1, 1))
    old_b = make_area(AreaLevel.COMMUNE, "01301", "Xã Cũ B", tree.cao_bang, valid_from=dt.date(2008, 1, 1))
    record_merger([old_a, old_b], tree.quang_lam, dt.date(2025, 7, 1), "Nghị quyết 1657/NQ-UBTVQH15")

    old_a.refresh_from_db()
    assert old_a.valid_to == dt.date(2025, 6, 30)
    assert set(tree.quang_lam.predecessors_on(dt.date(2024, 6, 1))) == {old_a, old_b}
    assert tree.quang_lam.predecessors_on(dt.date(2026, 1, 1)) == [tree.quang_lam]
    assert not old_a.is_current
    # Retired units stay in the province's subtree, so its officials keep seeing their records.
    assert old_a.path.startswith(tree.cao_bang.path)
    assert set(Area.objects.current(dt.date(2026, 1, 1)).subtree(tree.cao_bang).filter(level=AreaLevel.COMMUNE)) == {
        tree.quang_lam,
        tree.hoa_an,
    }
