from django.apps import AppConfig


class DatagenConfig(AppConfig):
    name = "danvan.datagen"
    verbose_name = "Dữ liệu mẫu"
