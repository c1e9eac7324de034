from django.urls import path

from danvan.reading import views

app_name = "reading"
urlpatterns = [
    path("", views.read, name="read"),
]
