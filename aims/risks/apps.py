from django.apps import AppConfig


class RisksConfig(AppConfig):
    name = "aims.risks"
    label = "risks"
    verbose_name = "AI risks"

    def ready(self) -> None:
        from aims.controls.reliance import register_reliance
        from aims.readiness.registry import register_rules
        from aims.reminders.registry import register_provider
        from aims.risks import readiness, reminders
        from aims.risks.panels import register_panels
        from aims.risks.reliance import risks_relying_on

        register_panels()
        register_reliance(risks_relying_on)
        register_provider(reminders.REVIEW, reminders.due_reviews)
        register_provider(reminders.ACTION, reminders.due_actions)
        register_provider(reminders.ACCEPTANCE, reminders.due_acceptances)
        register_rules(readiness.RULES)
