from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "danvan.units"
    verbose_name = "Đơn vị hành chính"
