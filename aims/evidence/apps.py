from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "aims.evidence"
    label = "evidence"
    verbose_name = "Evidence"

    def ready(self) -> None:
        from aims.evidence.panels import register_panels
        from aims.evidence.reminders import KIND, due_expiries
        from aims.reminders.registry import register_provider

        register_panels()
        register_provider(KIND, due_expiries)
