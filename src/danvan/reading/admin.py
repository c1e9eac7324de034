from django.contrib import admin

from danvan.reading.models import IndicatorPhrase
from danvan.reports.admin import NoDeleteAdmin


@admin.register(IndicatorPhrase)
class IndicatorPhraseAdmin(NoDeleteAdmin):
    list_display = ("indicator", "phrase", "disaggregation_key", "archived_at")
    list_filter = ("indicator__group",)
    search_fields = ("phrase", "indicator__code", "indicator__name")
