from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadingConfig(AppConfig):
    name = "danvan.reading"
    verbose_name = _("Đọc số liệu từ báo cáo")
