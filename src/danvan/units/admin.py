from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from danvan.units.models import Area, AreaLineage, Organisation


class LineageInline(admin.TabularInline):
    model = AreaLineage
    fk_name = "successor"
    extra = 0
    autocomplete_fields = ("predecessor",)


@admin.register(Area)
class AreaAdmin(SimpleHistoryAdmin):
    list_display = ("name", "code", "level", "parent", "valid_from", "valid_to", "remote")
    list_filter = ("level", "remote")
    search_fields = ("name", "search_name", "code")
    autocomplete_fields = ("parent",)
    inlines = [LineageInline]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "type", "area", "document_style", "active")
    list_filter = ("type", "document_style", "active")
    search_fields = ("name", "search_name", "short_name")
    autocomplete_fields = ("area", "superior")

    def has_delete_permission(self, request, obj=None):
        return False
