"""The pickers of bodies and places (core.pickers, ADR 0020): searched folded, scoped by `restrict()`,
offering first the user's own body and the units one level below it."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Q, Value, When

from danvan.core.pickers import PickerSource, picker_view
from danvan.units.models import Area, AreaLevel, Organisation


def _scope_paths(user) -> list[str]:
    """The path of the user's own area; for a superuser without a body, the roots'."""
    if user.scope_path:
        return [user.scope_path]
    if user.is_superuser:
        return list(Area.objects.filter(parent__isnull=True).values_list("path", flat=True))
    return []


def _near(user, prefix: str = "") -> Q:
    """Records of the user's own area or of the areas one level below it."""
    condition = Q(pk__in=[])
    for path in _scope_paths(user):
        condition |= Q(**{f"{prefix}path": path}) | Q(**{f"{prefix}parent__path": path})
    return condition


# ------------------------------------------------------------------------------------------------ bodies

def organisations(user):
    return Organisation.objects.restrict(user).filter(active=True)


def _phrase_first(qs, condition: Q):
    """Names holding the words as typed, side by side ("hoa an" in "xa hoa an"), before the others."""
    return qs.annotate(phrase=Case(When(condition, then=Value(0)), default=Value(1), output_field=IntegerField()))


def _search_organisations(qs, words, raw, user):
    # "ubnd hoa an": the body's name holds the phrase, or its area's name the last words (after "ubnd").
    qs = _phrase_first(qs, Q(search_name__contains=" ".join(words))
                       | Q(area__search_name__contains=" ".join(words[-2:])))
    for word in words:
        # "UBND Hòa An": the short name counts, as officers type it.
        qs = qs.filter(Q(search_name__contains=word) | Q(area__search_name__contains=word)
                       | Q(short_name__iexact=word))
    return qs.order_by("phrase", "area__path", "name")


def _own_first(qs, user):
    own = Case(When(pk=user.organisation_id or 0, then=Value(0)), default=Value(1), output_field=IntegerField())
    return qs.filter(_near(user, "area__")).annotate(own=own).order_by("own", "area__path", "name")


def organisation_label(org: Organisation) -> str:
    area = org.area.name
    return org.name if area and area.casefold() in org.name.casefold() else f"{org.name} — {area}"


ORGANISATIONS = PickerSource("units:organisation_picker", organisations, _search_organisations,
                             organisation_label, _own_first, related=("area",))


# ------------------------------------------------------------------------------------------------ places

def communes(user):
    """Today's communes (xã, phường, đặc khu) of the user's scope: where a letter's matter arose."""
    return Area.objects.restrict(user).current().filter(level=AreaLevel.COMMUNE)


def places(user):
    """Today's communes and villages of the user's scope: where a visit's matter arose."""
    return Area.objects.restrict(user).current().filter(level__in=(AreaLevel.COMMUNE, AreaLevel.VILLAGE))


def _search_areas(qs, words, raw, user):
    qs = _phrase_first(qs, Q(search_name__contains=" ".join(words)))
    for word in words:
        qs = qs.filter(Q(search_name__contains=word) | Q(parent__search_name__contains=word))
    return qs.order_by("phrase", "search_name", "path")


def _areas_near(qs, user):
    near = qs.filter(_near(user, "parent__"))
    return near.order_by("search_name", "path")


def area_label(area: Area) -> str:
    parent = area.parent.name if area.parent_id and area.parent else ""
    return f"{area.name}, {parent}" if parent else area.name


def province_communes(user):
    """Today's communes of the user's province (every commune for a central body): where a letter received in
    that province may have arisen, a neighbouring commune included."""
    qs = Area.objects.current().filter(level=AreaLevel.COMMUNE)
    segments = [part for part in (user.scope_path or "").split("/") if part]
    if len(segments) >= 2:
        qs = qs.filter(path__startswith="/".join(segments[:2]) + "/")
    elif not (user.is_superuser or user.scope_path):
        qs = qs.none()
    return qs


def units(user):
    """Today's units of the user's scope down to the communes (nation, provinces, communes): what a list or a
    statistic is narrowed to ("Đơn vị")."""
    return Area.objects.restrict(user).current().filter(level__in=(AreaLevel.NATION, AreaLevel.PROVINCE,
                                                                   AreaLevel.COMMUNE))


def _units_near(qs, user):
    # The user's own unit first, then the units one level below it.
    return qs.filter(_near(user)).order_by("level", "search_name", "path")


UNITS = PickerSource("units:unit_picker", units, _search_areas, area_label, _units_near, related=("parent",))
PROVINCE_COMMUNES = PickerSource("units:province_commune_picker", province_communes, _search_areas, area_label,
                                 lambda qs, user: qs.order_by("search_name", "path"), related=("parent",))
COMMUNES = PickerSource("units:commune_picker", communes, _search_areas, area_label, _areas_near,
                        related=("parent",))
PLACES = PickerSource("units:place_picker", places, _search_areas, area_label, _areas_near, related=("parent",))

organisation_picker = picker_view(ORGANISATIONS)
commune_picker = picker_view(COMMUNES)
unit_picker = picker_view(UNITS)
province_commune_picker = picker_view(PROVINCE_COMMUNES)
place_picker = picker_view(PLACES)


def address_hint(target: str) -> dict[str, str]:
    """The htmx attributes of an address field whose old-form text is read as today's unit (units:address_hint),
    shown in the element `target`; also on load, for a form sent back with an error."""
    from django.urls import reverse

    return {"hx-get": reverse("units:address_hint"), "hx-trigger": "input changed delay:500ms, load",
            "hx-target": target, "hx-swap": "innerHTML", "autocomplete": "off"}
