from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "aims.incidents"
    label = "incidents"
    verbose_name = "AI incidents"

    def ready(self) -> None:
        from aims.incidents import readiness
        from aims.incidents.panels import register_panels
        from aims.incidents.reminders import KIND, due_reports
        from aims.readiness.registry import register_rules
        from aims.reminders.registry import register_provider

        register_panels()
        register_provider(KIND, due_reports)
        register_rules(readiness.RULES)
