"""The one scoping rule: records of one's own area's subtree, nothing else."""

from danvan.core import services
from danvan.core.models import Action
from danvan.people.models import Citizen


def test_restrict_follows_the_area_subtree(alice, bob, charlie, root, tree):
    province = services.create(Citizen, alice, organisation=tree.board_cb, full_name="Ở tỉnh")
    commune = services.create(Citizen, alice, organisation=tree.ubnd_quang_lam, full_name="Ở xã Quảng Lâm")
    other_commune = services.create(Citizen, alice, organisation=tree.ubnd_hoa_an, full_name="Ở xã Hòa An")
    ha_noi = services.create(Citizen, charlie, organisation=tree.board_hn, full_name="Ở Hà Nội")

    def names(user, action=Action.VIEW):
        return set(Citizen.objects.restrict(user, action).values_list("full_name", flat=True))

    assert names(alice) == {"Ở tỉnh", "Ở xã Quảng Lâm", "Ở xã Hòa An"}
    assert names(bob) == {"Ở xã Quảng Lâm"}
    assert names(bob, Action.CHANGE) == set()  # a viewer reads only
    assert names(charlie) == {"Ở Hà Nội"}
    assert names(root) == {"Ở tỉnh", "Ở xã Quảng Lâm", "Ở xã Hòa An", "Ở Hà Nội"}
    assert {province.area, commune.area, other_commune.area, ha_noi.area} == {
        tree.cao_bang,
        tree.quang_lam,
        tree.hoa_an,
        tree.ha_noi,
    }


def test_anonymous_and_unattached_users_see_nothing(tree, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    services.create(Citizen, None, organisation=tree.board_cb, full_name="Ai đó")
    assert not Citizen.objects.restrict(AnonymousUser()).exists()
    loose = django_user_model.objects.create(username="loose")
    assert not Citizen.objects.restrict(loose).exists()
