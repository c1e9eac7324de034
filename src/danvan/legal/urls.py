from django.urls import path

from danvan.legal import views

app_name = "legal"
urlpatterns = [
    path("lich-nghi/", views.calendar, name="calendar"),
]
