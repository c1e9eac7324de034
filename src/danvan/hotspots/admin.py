"""The early-warning rules are tuned here by administrators (ADR 0023); every change is kept in the history and
nothing is deleted (ADR 0003): a rule is switched off with "Đang áp dụng"."""

from django.contrib import admin

from danvan.hotspots.models import AlertRule
from danvan.reports.admin import NoDeleteAdmin


@admin.register(AlertRule)
class AlertRuleAdmin(NoDeleteAdmin):
    list_display = ("kind", "active", "threshold", "window_days", "min_persons", "history_years", "p_value")
    list_editable = ("active", "threshold", "window_days", "min_persons", "history_years", "p_value")
    fields = ("kind", "active", "threshold", "window_days", "min_persons", "history_years", "p_value", "description")
    readonly_fields = ("kind",)

    def has_add_permission(self, request):
        return False  # one row per kind, shipped by migration hotspots 0002
