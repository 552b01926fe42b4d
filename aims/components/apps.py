from django.apps import AppConfig


class ComponentsConfig(AppConfig):
    name = "aims.components"
    label = "components"
    verbose_name = "AI system components"

    def ready(self) -> None:
        from aims.components.panels import register_panels

        register_panels()
