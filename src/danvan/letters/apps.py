from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "danvan.letters"
    verbose_name = "Đơn thư"
