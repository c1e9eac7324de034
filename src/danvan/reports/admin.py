"""The catalogue, rules and document formats are edited here by superusers (ADR 0004); every change is
kept in the history (simple-history), and nothing is deleted: rows are archived instead (ADR 0003)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from danvan.reports.models import (
    DocumentFormat,
    DocumentSequence,
    EnteredValue,
    Indicator,
    IssuedDocument,
    ReportDocument,
    ReportSettings,
    ValidationRule,
)


class NoDeleteAdmin(SimpleHistoryAdmin):
    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Indicator)
class IndicatorAdmin(NoDeleteAdmin):
    list_display = ("code", "name", "unit", "group", "aggregation", "source", "registry_key", "key_figure")
    list_filter = ("group", "aggregation", "source")
    search_fields = ("code", "name")


@admin.register(ValidationRule)
class ValidationRuleAdmin(NoDeleteAdmin):
    list_display = ("code", "left", "operator", "right", "message")


@admin.register(DocumentFormat)
class DocumentFormatAdmin(NoDeleteAdmin):
    list_display = ("name", "style", "legal_basis", "in_use")


@admin.register(DocumentSequence)
class DocumentSequenceAdmin(NoDeleteAdmin):
    list_display = ("organisation", "document_type", "numbering", "term_start", "current_key", "last_number")
    raw_id_fields = ("organisation",)


@admin.register(EnteredValue)
class EnteredValueAdmin(NoDeleteAdmin):
    list_display = ("indicator", "organisation", "period_start", "period_end", "disaggregation_key", "value")
    list_filter = ("indicator__group",)
    # Entered through the entry page (services.enter_values, which checks the rules); here only read.
    readonly_fields = ("organisation", "indicator", "period_start", "period_end", "disaggregation_key", "value")

    def has_add_permission(self, request):
        return False


@admin.register(IssuedDocument)
class IssuedDocumentAdmin(NoDeleteAdmin):
    list_display = ("number_text", "subject", "organisation", "issued_on")
    raw_id_fields = ("organisation", "report_area", "sequence")


@admin.register(ReportSettings)
class ReportSettingsAdmin(NoDeleteAdmin):
    """Who signs the body's reports, in what capacity, and who receives them (each draft may change them)."""

    list_display = ("organisation", "authority", "authority_of", "signer_title", "signer_name")
    raw_id_fields = ("organisation",)


@admin.register(ReportDocument)
class ReportDocumentAdmin(NoDeleteAdmin):
    """Read only: drafts are edited and issued on the report pages (services.save_draft, issue_report)."""

    list_display = ("__str__", "organisation", "status", "issued_on")
    list_filter = ("status",)
    exclude = ("issued_file",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
