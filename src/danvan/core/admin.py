from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# Django's admin does not know unit scopes, so it is for superusers (national administrators) only;
# everyone else works through the scoped views.
admin.site.has_permission = lambda request: request.user.is_active and request.user.is_superuser  # type: ignore[method-assign]
admin.site.site_header = _("Quản trị hệ thống Dân vận")
admin.site.site_title = _("Quản trị Dân vận")
