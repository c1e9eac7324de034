from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "danvan.people"
    verbose_name = "Công dân"
