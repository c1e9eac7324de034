"""The matter field of the intake forms (letters, reception visits)."""

from __future__ import annotations

from danvan.core.forms import ascii_id
from danvan.matters.models import Matter

MATTER_CHOICES = 200


def offer_recent_matters(form, user, field: str = "matter", limit: int | None = None) -> None:
    """Accept any active matter in the user's scope, but list only the `limit` most recent ones and the one
    already chosen: a province holds thousands (read newest-first off `matter_received_newest`)."""
    matters = Matter.objects.restrict(user).active().order_by("-first_received", "-pk")
    form.fields[field].queryset = matters
    chosen = form.data.get(form.add_prefix(field)) if form.is_bound else form.initial.get(field)
    chosen_pk = ascii_id(getattr(chosen, "pk", chosen))
    offered = list(matters[:limit or MATTER_CHOICES])
    if chosen_pk and all(m.pk != chosen_pk for m in offered):
        offered += list(matters.filter(pk=chosen_pk))
    form.fields[field].choices = [("", form.fields[field].empty_label)] + [(m.pk, str(m)) for m in offered]
