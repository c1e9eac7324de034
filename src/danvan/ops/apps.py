from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running danvan: backup and restore, health, request ids, metrics, database routing."""

    name = "danvan.ops"
    verbose_name = "Vận hành"
