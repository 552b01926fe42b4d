from django.apps import AppConfig


class ChangesConfig(AppConfig):
    name = "aims.changes"
    label = "changes"
    verbose_name = "Planned changes"

    def ready(self) -> None:
        from aims.changes import readiness, reminders, review_inputs
        from aims.readiness.registry import register_rules
        from aims.reminders.registry import register_provider
        from aims.reviews.registry import register_input

        register_provider(reminders.KIND, reminders.due_changes)
        register_input("changes", review_inputs.section, order=25)
        register_rules(readiness.RULES)
