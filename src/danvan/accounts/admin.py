from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from danvan.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin, SimpleHistoryAdmin):
    list_display = ("username", "first_name", "last_name", "organisation", "role", "is_active")
    list_filter = ("role", "is_active", "organisation__type")
    search_fields = ("username", "first_name", "last_name")
    autocomplete_fields = ("organisation",)
    fieldsets = BaseUserAdmin.fieldsets + ((None, {"fields": ("organisation", "role", "position")}),)
    add_fieldsets = BaseUserAdmin.add_fieldsets + ((None, {"fields": ("organisation", "role")}),)

    def has_delete_permission(self, request, obj=None):
        return False  # accounts are deactivated, never deleted
