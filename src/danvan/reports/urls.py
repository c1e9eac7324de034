from django.urls import path

from danvan.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("bieu-do/", views.chart, name="chart"),
    path("van-ban/", views.document, name="document"),
    path("nhap-so-lieu/", views.entry, name="entry"),
    path("chi-tieu/", views.indicators, name="indicators"),
]
