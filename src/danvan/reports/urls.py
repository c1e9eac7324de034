from django.urls import path

from danvan.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("bieu-do/", views.chart, name="chart"),
    path("van-ban/", views.document, name="document"),
    path("bao-cao-da-lap/", views.report_list, name="report_list"),
    path("bao-cao-da-lap/<int:pk>/", views.report_detail, name="report_detail"),
    path("bao-cao-da-lap/<int:pk>/tai-ve/", views.report_download, name="report_download"),
    path("bao-cao-da-lap/<int:pk>/ban-hanh/", views.report_issue, name="report_issue"),
    path("bao-cao-da-lap/<int:pk>/thay-the/", views.report_replace, name="report_replace"),
    path("thiet-lap/", views.settings_page, name="settings"),
    path("nhap-so-lieu/", views.entry, name="entry"),
    path("chi-tieu/", views.indicators, name="indicators"),
]
