from django.urls import path

from danvan.matters import pickers

app_name = "matters"
urlpatterns = [
    path("chon/", pickers.matter_picker, name="matter_picker"),
]
