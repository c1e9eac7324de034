from django.apps import AppConfig


class MobilisationConfig(AppConfig):
    name = "danvan.mobilisation"
    verbose_name = "Công tác dân vận"
