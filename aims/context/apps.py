from django.apps import AppConfig


class ContextConfig(AppConfig):
    name = "aims.context"
    label = "context"
    verbose_name = "Context of the organisation"

    def ready(self) -> None:
        from aims.context import readiness
        from aims.context.panels import register_panels
        from aims.readiness.registry import register_rules

        register_panels()
        register_rules(readiness.RULES)
