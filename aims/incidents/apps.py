from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "aims.incidents"
    label = "incidents"
    verbose_name = "AI incidents"
