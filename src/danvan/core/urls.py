from django.urls import path

from danvan.core import views

urlpatterns = [
    path("", views.home, name="home"),
    path("lich-su/<str:app_label>/<str:model_name>/<int:pk>/", views.history, name="history"),
]
