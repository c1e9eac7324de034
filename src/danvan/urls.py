from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("danvan.core.urls")),
    path("tai-khoan/", include("danvan.accounts.urls")),
    path("don-vi/", include("danvan.units.urls")),
    path("thoi-han/", include("danvan.legal.urls")),
    path("tiep-cong-dan/", include("danvan.reception.urls")),
    path("don-thu/", include("danvan.letters.urls")),
    path("dan-van/", include("danvan.mobilisation.urls")),
    path("bao-cao/", include("danvan.reports.urls")),
    path("doc-bao-cao/", include("danvan.reading.urls")),
    path("don-trung/", include("danvan.duplicates.urls")),
    path("vu-viec/", include("danvan.matters.urls")),
    path("giay-to/", include("danvan.papers.urls")),
    path("nhac-viec/", include("danvan.workqueue.urls")),
    path("diem-nong/", include("danvan.hotspots.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", admin.site.urls),
    path("", include("danvan.ops.urls")),
]

# Vietnamese error pages in the app's layout (core.errors); the CSRF failure view is set in settings.
handler400 = "danvan.core.errors.bad_request"
handler403 = "danvan.core.errors.permission_denied"
handler404 = "danvan.core.errors.page_not_found"
handler500 = "danvan.core.errors.server_error"
