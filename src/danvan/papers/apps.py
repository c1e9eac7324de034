from django.apps import AppConfig


class PapersConfig(AppConfig):
    name = "danvan.papers"
    verbose_name = "Giấy tờ gửi công dân, sổ sách"
