"""Directives: configurable review schedule, who sees them, and which units have not filed a due review."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

from danvan.mobilisation import services
from danvan.mobilisation.choices import ReviewKind
from danvan.mobilisation.models import Directive, DirectiveReview
from danvan.mobilisation.models.directives import add_years
from danvan.units.models import OrganisationType
from tests.conftest import make_org, make_user
from tests.mobilisation import factories as make

D = dt.date


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [(D(2021, 7, 20), 5, D(2026, 7, 20)), (D(2020, 2, 29), 5, D(2025, 2, 28)), (D(2013, 6, 3), 10, D(2023, 6, 3))],
)
def test_add_years(day, years, expected):
    assert add_years(day, years) == expected


def test_schedule_is_configurable_per_directive(tree, alice):
    default = make.directive(alice, tree.board_cb, issued_on=D(2021, 7, 20))
    assert (default.due_on(ReviewKind.INTERIM), default.due_on(ReviewKind.FINAL)) == (D(2026, 7, 20), D(2031, 7, 20))
    other = make.directive(alice, tree.board_cb, code="25-NQ/TW", issued_on=D(2013, 6, 3), interim_after_years=3,
                           final_after_years=10)
    assert other.due_on(ReviewKind.INTERIM) == D(2016, 6, 3)
    with pytest.raises(ValidationError) as error:
        make.directive(alice, tree.board_cb, code="X", interim_after_years=10, final_after_years=5)
    assert "final_after_years" in error.value.message_dict


@pytest.fixture
def bound(tree, alice):
    """A directive of the Cao Bằng board, binding Party committees and boards in the province."""
    party_ql = make_org("Đảng ủy xã Quảng Lâm", OrganisationType.PARTY_COMMITTEE, tree.quang_lam)
    party_ha = make_org("Đảng ủy xã Hòa An", OrganisationType.PARTY_COMMITTEE, tree.hoa_an)
    directive = make.directive(alice, tree.board_cb, code="05-CT/TU", issued_on=D(2015, 1, 15))
    return directive, party_ql, party_ha


def test_missing_reviews_lists_units_that_have_not_filed_a_due_review(tree, alice, bound):
    directive, party_ql, party_ha = bound
    # 15/01/2020: interim due; final (15/01/2025) not yet.
    missing = services.missing_reviews(directive, tree.cao_bang, D(2020, 1, 15))
    assert [(m.organisation, m.kind) for m in missing] == [
        (tree.board_cb, "interim"), (party_ql, "interim"), (party_ha, "interim")]
    assert services.missing_reviews(directive, tree.cao_bang, D(2020, 1, 14)) == []

    services.file_review(alice, directive, organisation=party_ql, kind=ReviewKind.INTERIM, filed_on=D(2020, 1, 10),
                         summary="Sơ kết 5 năm")
    services.file_review(alice, directive, organisation=tree.board_cb, kind=ReviewKind.INTERIM,
                         filed_on=D(2020, 1, 12), summary="Sơ kết toàn tỉnh")
    missing = services.missing_reviews(directive, tree.cao_bang, D(2025, 2, 1))
    assert [(m.organisation, m.kind) for m in missing] == [
        (party_ha, "interim"), (tree.board_cb, "final"), (party_ql, "final"), (party_ha, "final")]
    # Restricted to a commune's subtree.
    assert [(m.organisation, m.kind) for m in services.missing_reviews(directive, tree.quang_lam, D(2025, 2, 1))] == [
        (party_ql, "final")]
    # A root outside the directive's subtree has nothing due.
    assert services.missing_reviews(directive, tree.ha_noi, D(2025, 2, 1)) == []


def test_a_unit_files_one_review_of_each_kind(tree, alice, bound):
    directive, party_ql, _ = bound
    services.file_review(alice, directive, organisation=party_ql, kind="interim", filed_on=D(2020, 1, 10),
                         summary="Sơ kết")
    with pytest.raises((ValidationError, IntegrityError)):
        services.file_review(alice, directive, organisation=party_ql, kind="interim", filed_on=D(2020, 2, 10),
                             summary="Lần hai")
    assert DirectiveReview.objects.count() == 1
    with pytest.raises(ValidationError) as error:
        services.file_review(alice, directive, organisation=party_ql, kind="final", filed_on=D(2014, 1, 1),
                             summary="Trước ngày ban hành")
    assert "filed_on" in error.value.message_dict


def test_a_provincial_directive_is_seen_below_but_changed_only_by_its_subtree(tree, alice, bob, charlie, bound):
    directive = bound[0]
    commune_officer = make_user("officer_ql", tree.ubnd_quang_lam, "officer")
    assert Directive.objects.restrict(bob).filter(pk=directive.pk).exists()
    assert not Directive.objects.restrict(commune_officer, "change").filter(pk=directive.pk).exists()
    assert not Directive.objects.restrict(charlie).filter(pk=directive.pk).exists()
    # The commune's officer files the commune's own review on it.
    review = services.file_review(commune_officer, directive, organisation=tree.ubnd_quang_lam, kind="interim",
                                  filed_on=D(2020, 1, 5), summary="Sơ kết ở xã")
    assert review.area == tree.quang_lam


def test_directive_page_lists_missing_reviews_and_files_one(tree, alice, client_for, bound):
    directive, party_ql, party_ha = bound
    client = client_for(alice)
    page = client.get(reverse("mobilisation:directive_detail", args=[directive.pk])).content.decode()
    assert "Đảng ủy xã Hòa An" in page and "15/01/2020" in page
    response = client.post(reverse("mobilisation:directive_file_review", args=[directive.pk]), {
        "organisation": party_ha.pk, "kind": "interim", "filed_on": "2020-01-10", "summary": "Sơ kết",
    })
    assert response.status_code == 302
    assert DirectiveReview.objects.get().organisation == party_ha
    response = client.post(reverse("mobilisation:directive_file_review", args=[directive.pk]), {
        "organisation": party_ha.pk, "kind": "interim", "filed_on": "2020-01-10", "summary": "Lần hai",
    })
    assert response.status_code == 400
    assert DirectiveReview.objects.count() == 1


def test_missing_reviews_page_covers_every_directive_in_scope(tree, alice, bob, charlie, client_for, bound):
    directive, party_ql, party_ha = bound  # issued 15/01/2015: interim and final both due by now
    for org in (tree.board_cb, party_ql, party_ha):
        services.file_review(alice, directive, organisation=org, kind=ReviewKind.INTERIM, filed_on=D(2020, 1, 10),
                             summary="Sơ kết")
    other = make.directive(alice, tree.board_cb, code="25-NQ/TW", issued_on=D(2013, 6, 3),
                           interim_after_years=5, final_after_years=30)
    make.directive(charlie, tree.board_hn, code="01-CT/TU", issued_on=D(2010, 1, 1))

    page = client_for(alice).get(reverse("mobilisation:missing_reviews")).content.decode()
    assert "05-CT/TU" in page and "25-NQ/TW" in page and "01-CT/TU" not in page
    # 05-CT/TU: three finals missing; 25-NQ/TW: three interims missing (its final is due in 2043).
    assert "6 báo cáo" in page
    assert page.count("Tổng kết") == 3 and "15/01/2025" in page and "03/06/2018" in page
    commune = client_for(bob).get(reverse("mobilisation:missing_reviews")).content.decode()
    assert "Đảng ủy xã Quảng Lâm" in commune and "Đảng ủy xã Hòa An" not in commune
    assert reverse("mobilisation:directive_detail", args=[other.pk]) in commune
