from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from danvan.core.forms import SearchForm
from danvan.core.scope import scope_roots as _roots
from danvan.core.views import paginate, scoped_object_or_404
from danvan.units.models import Area, Organisation


@require_GET
def browse(request: HttpRequest) -> HttpResponse:
    roots = list(_roots(request.user))
    if len(roots) == 1:
        return area_detail(request, roots[0].pk)
    return render(request, "units/browse.html", {"roots": roots})


@require_GET
def area_detail(request: HttpRequest, pk: int) -> HttpResponse:
    area = scoped_object_or_404(Area, request.user, pk=pk)
    show_retired = request.GET.get("cu") == "1"
    children = area.children.all() if show_retired else area.children.current()
    ancestors = [
        a for a in area.ancestors() if a.pk != area.pk and Area.objects.restrict(request.user).filter(pk=a.pk).exists()
    ]
    context = {
        "area": area,
        "ancestors": ancestors,
        "children": paginate(request, children.order_by("search_name"), per_page=200),
        "organisations": Organisation.objects.filter(area=area).order_by("type", "name"),
        "predecessors": area.predecessor_links.select_related("predecessor"),
        "successors": area.successor_links.select_related("successor"),
        "show_retired": show_retired,
    }
    return render(request, "units/area_detail.html", context)


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    results = (
        Area.objects.restrict(request.user).search(query).select_related("parent").order_by("level", "name")[:100]
        if query
        else []
    )
    template = "units/_search_results.html" if request.htmx else "units/search.html"
    return render(request, template, {"query": query, "results": results, "errors": form.errors.get("q")})


# The address fields whose text the intake pages send for a hint (letters: petitioner_address; reception: address).
ADDRESS_PARAMETERS = ("petitioner_address", "address")


@require_GET
def address_hint(request: HttpRequest) -> HttpResponse:
    """htmx, beside an address typed at intake: "nay là Xã Hải Châu, Tỉnh Nghệ An" when the text names a unit
    as it was before 01/7/2025 (`units.addresses.read_old_address`; national reference data, no record)."""
    from danvan.core.forms import SEARCH_MAX_CHARS
    from danvan.units.addresses import read_old_address

    text = next((request.GET[name] for name in ADDRESS_PARAMETERS if request.GET.get(name)), "")[:SEARCH_MAX_CHARS]
    found = read_old_address(text)
    return render(request, "units/_address_hint.html", {"found": found if found and found.new else None})
