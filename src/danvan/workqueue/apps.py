from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkqueueConfig(AppConfig):
    name = "danvan.workqueue"
    verbose_name = _("Việc cần làm")
