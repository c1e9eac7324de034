from django.apps import AppConfig


class ReceptionConfig(AppConfig):
    name = "danvan.reception"
    verbose_name = "Tiếp công dân"
