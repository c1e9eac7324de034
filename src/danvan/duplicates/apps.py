from django.apps import AppConfig


class DuplicatesConfig(AppConfig):
    name = "danvan.duplicates"
    verbose_name = "Đơn trùng"
