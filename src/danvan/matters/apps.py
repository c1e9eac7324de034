from django.apps import AppConfig


class MattersConfig(AppConfig):
    name = "danvan.matters"
    verbose_name = "Vụ việc"
