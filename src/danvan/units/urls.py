from django.urls import path

from danvan.units import pickers, views

app_name = "units"
urlpatterns = [
    path("", views.browse, name="browse"),
    path("tim-kiem/", views.search, name="search"),
    path("<int:pk>/", views.area_detail, name="area_detail"),
    path("dia-chi-cu/", views.address_hint, name="address_hint"),
    path("chon/co-quan/", pickers.organisation_picker, name="organisation_picker"),
    path("chon/xa-phuong/", pickers.commune_picker, name="commune_picker"),
    path("chon/dia-ban/", pickers.place_picker, name="place_picker"),
    path("chon/don-vi/", pickers.unit_picker, name="unit_picker"),
    path("chon/xa-phuong-trong-tinh/", pickers.province_commune_picker, name="province_commune_picker"),
]
