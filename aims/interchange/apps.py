from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    name = "aims.interchange"
    label = "interchange"
    verbose_name = "Import and export"

    def ready(self) -> None:
        from aims.interchange.panels import register_panels

        register_panels()
