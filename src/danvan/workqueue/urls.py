from django.urls import path

from danvan.workqueue import views

app_name = "workqueue"

urlpatterns = [
    path("", views.reminders, name="reminders"),
]
