from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "danvan.accounts"
    verbose_name = "Tài khoản"
