from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "aims.incidents"
    label = "incidents"
    verbose_name = "AI incidents"

    def ready(self) -> None:
        from aims.incidents.panels import register_panels

        register_panels()
