from django.urls import path

from danvan.units import views

app_name = "units"
urlpatterns = [
    path("", views.browse, name="browse"),
    path("tim-kiem/", views.search, name="search"),
    path("<int:pk>/", views.area_detail, name="area_detail"),
]
