"""The picker of the body a letter is forwarded to (core.pickers, ADR 0020): the registry's bodies a letter is
usually forwarded to (`forms.registry_bodies`), searched and labelled like the bodies of units.pickers."""

from __future__ import annotations

from danvan.core.pickers import PickerSource, picker_view
from danvan.units.pickers import ORGANISATIONS


def _registry(user):
    from danvan.papers.forms import registry_bodies

    return registry_bodies(user)


REGISTRY_BODIES = PickerSource("papers:body_picker", _registry, ORGANISATIONS.search, ORGANISATIONS.label,
                               ORGANISATIONS.default, related=("area",))

body_picker = picker_view(REGISTRY_BODIES)
