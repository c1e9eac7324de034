"""Django admin for the yearly holiday decisions (superusers only, ADR 0004): a decision with its days inline."""

from django.contrib import admin, messages
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from danvan.legal import services
from danvan.legal.models import HolidayDay, HolidayDecision, LegalReading, RuleOverride


class HolidayDayInline(admin.TabularInline):  # type: ignore[type-arg]
    model = HolidayDay
    extra = 3
    fields = ("date", "kind", "occasion", "description")
    verbose_name = _("Ngày nghỉ hoặc ngày đi làm bù")
    verbose_name_plural = _("Các ngày trong văn bản")


@admin.register(HolidayDecision)
class HolidayDecisionAdmin(SimpleHistoryAdmin):
    list_display = ("year", "reference", "issued_on", "day_count", "archived_at")
    list_filter = ("year", ("archived_at", admin.EmptyFieldListFilter))
    search_fields = ("reference", "note")
    fields = ("year", "reference", "issued_on", "note")
    inlines = [HolidayDayInline]
    actions = ["archive_selected"]

    @admin.display(description=_("Số ngày"))
    def day_count(self, obj: HolidayDecision) -> int:
        return obj.days.count()

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False  # archived, never deleted (ADR 0003)

    @admin.action(description=_("Thu hồi (lưu trữ) văn bản đã chọn"))
    def archive_selected(self, request: HttpRequest, queryset: QuerySet[HolidayDecision]) -> None:
        count = 0
        for decision in queryset.filter(archived_at__isnull=True):
            services.archive_decision(request.user,  # type: ignore[arg-type]  # a superuser (admin)
                                      decision, reason=str(_("Thu hồi qua trang quản trị")))
            count += 1
        self.message_user(
            request,
            ngettext("Đã thu hồi %(count)d văn bản.", "Đã thu hồi %(count)d văn bản.", count) % {"count": count},
            messages.SUCCESS,
        )


@admin.register(RuleOverride)
class RuleOverrideAdmin(SimpleHistoryAdmin):
    """Corrections of a dated statutory period (ADR 0017): a letter counts by the version in force at its receipt."""

    list_display = ("rule", "version_from", "days", "article", "law", "confirmed", "archived_at")
    list_filter = ("rule", "confirmed")
    fields = ("rule", "version_from", "days", "law", "article", "confirmed", "source")

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(LegalReading)
class LegalReadingAdmin(SimpleHistoryAdmin):
    """The interpretation chosen where the law is unclear (ADR 0018)."""

    list_display = ("key", "value", "confirmed", "archived_at")
    fields = ("key", "value", "basis", "confirmed")

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
