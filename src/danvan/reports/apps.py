from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "danvan.reports"
    verbose_name = "Báo cáo"
