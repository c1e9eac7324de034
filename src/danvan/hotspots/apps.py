from django.apps import AppConfig


class HotspotsConfig(AppConfig):
    name = "danvan.hotspots"
    verbose_name = "Điểm nóng, cảnh báo sớm"
