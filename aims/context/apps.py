from django.apps import AppConfig


class ContextConfig(AppConfig):
    name = "aims.context"
    label = "context"
    verbose_name = "Context of the organisation"

    def ready(self) -> None:
        from aims.context.panels import register_panels

        register_panels()
