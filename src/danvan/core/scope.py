"""The top of a user's scope, once for every view (letters, mobilisation, reports, units).

`restrict()` decides what a user may see; these say where their pages start:
- `scope_root`: the unit a page counts or reports on by default: the user's organisation's area; for a
  superuser without an organisation, the nation (the root of the tree); None for anybody else.
- `scope_roots`: the tops of the tree a user may browse: every root for a superuser (whatever their
  organisation, since they may see everything), their organisation's area otherwise, none without one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import Http404

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from danvan.units.models import Area


def scope_root(user: Any) -> Area | None:
    from danvan.units.models import Area

    if user.organisation_id:
        area: Area = user.organisation.area
        return area
    if user.is_superuser:
        # The nation when the tree has one; the lowest level first, then the oldest root.
        return Area.objects.filter(parent__isnull=True).order_by("level", "pk").first()
    return None


def scope_root_or_404(user: Any) -> Area:
    """`scope_root`, or 404 for a user who has none (a page that cannot show anything without a unit)."""
    root = scope_root(user)
    if root is None:
        raise Http404
    return root


def scope_roots(user: Any) -> QuerySet[Area]:
    from danvan.units.models import Area

    areas = Area.objects.restrict(user)
    if user.is_superuser or not user.scope_path:
        return areas.filter(parent__isnull=True)
    return areas.filter(path=user.scope_path)
