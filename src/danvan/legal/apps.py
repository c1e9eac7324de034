from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "danvan.legal"
    verbose_name = "Thời hạn pháp lý"
