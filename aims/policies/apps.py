from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "aims.policies"
    label = "policies"
    verbose_name = "AI policy and leadership"

    def ready(self) -> None:
        from aims.policies import readiness
        from aims.policies.reminders import KIND, due_reviews
        from aims.readiness.registry import register_rules
        from aims.reminders.registry import register_provider

        register_provider(KIND, due_reviews)
        register_rules(readiness.RULES)
