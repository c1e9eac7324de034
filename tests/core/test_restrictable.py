"""Every audited record is restrictable (issue 14): a model with an audit history answers `restrict()`,
children included, so no view ever looks a record up unscoped and checks its parent afterwards."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from simple_history.models import HistoricalChanges

from danvan.core.models import ScopedChild
from danvan.letters.models import LetterAttachment, LetterPause, LetterPetitioner
from danvan.reports.models import DocumentSequence
from tests.letters.factories import receive

pytestmark = pytest.mark.django_db


def audited_models():
    return sorted(
        (m for m in apps.get_models()
         if hasattr(m, "history") and not issubclass(m, HistoricalChanges)
         and getattr(getattr(m, "history", None), "model", None) is not None),
        key=lambda m: m._meta.label,
    )


def test_the_scan_finds_the_audited_models():
    labels = {m._meta.label for m in audited_models()}
    assert {"letters.Letter", "letters.LetterAttachment", "accounts.User", "legal.HolidayDay"} <= labels


@pytest.mark.parametrize("model", audited_models(), ids=lambda m: m._meta.label)
def test_every_audited_model_is_restrictable_and_shows_an_outsider_nothing(model, tree):
    queryset = model._default_manager.all()
    assert hasattr(queryset, "restrict"), f"{model._meta.label} has no restrict(): add a scoped manager"
    assert list(queryset.restrict(AnonymousUser())) == []
    assert list(queryset.restrict(None)) == []


def test_letter_children_are_scoped_through_their_letter(tree, alice, charlie):
    letter = receive(alice, tree.board_cb)
    for model in (LetterPetitioner, LetterAttachment, LetterPause):
        assert issubclass(model, ScopedChild)
        assert model.scope_field == "letter__area"
    links = LetterPetitioner.objects.filter(letter=letter)
    assert links.exists()
    assert links.restrict(alice).count() == links.count()
    assert links.restrict(charlie).count() == 0


def test_a_bodys_number_register_is_seen_in_its_subtree_only(tree, alice, charlie, bob):
    sequence = DocumentSequence.objects.create(organisation=tree.board_cb, numbering="yearly")
    assert DocumentSequence.objects.restrict(alice).filter(pk=sequence.pk).exists()
    assert not DocumentSequence.objects.restrict(charlie).filter(pk=sequence.pk).exists()
    # A commune viewer below the province does not see the province board's register.
    assert not DocumentSequence.objects.restrict(bob).filter(pk=sequence.pk).exists()


def test_accounts_are_seen_in_scope_and_changed_by_administrators_only(tree, alice, hana, charlie, root):
    from danvan.accounts.models import User

    assert set(User.objects.restrict(alice)) >= {alice, hana}
    assert charlie not in set(User.objects.restrict(alice))
    assert list(User.objects.restrict(alice, "change")) == []
    assert set(User.objects.restrict(root, "change")) >= {alice, charlie}
