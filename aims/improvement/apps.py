from django.apps import AppConfig


class ImprovementConfig(AppConfig):
    name = "aims.improvement"
    label = "improvement"
    verbose_name = "Nonconformity and improvement"

    def ready(self) -> None:
        from aims.improvement import readiness, reminders, review_inputs
        from aims.readiness.registry import register_rules
        from aims.reminders.registry import register_provider
        from aims.reviews.registry import register_input

        register_provider(reminders.ACTION_KIND, reminders.corrective_actions_due)
        register_provider(reminders.NC_KIND, reminders.nonconformities_due)
        register_input("nonconformities", review_inputs.nonconformities, order=review_inputs.NC_ORDER)
        register_input("improvement", review_inputs.improvement, order=review_inputs.IMPROVEMENT_ORDER)
        register_rules(readiness.RULES)
