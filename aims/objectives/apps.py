from django.apps import AppConfig


class ObjectivesConfig(AppConfig):
    name = "aims.objectives"
    label = "objectives"
    verbose_name = "AI objectives"

    def ready(self) -> None:
        from aims.objectives import readiness, reminders
        from aims.readiness.registry import register_rules
        from aims.reminders.registry import register_provider

        register_provider("objective_due", reminders.due_objectives)
        register_provider("objective_plan_item", reminders.due_plan_items)
        register_rules(readiness.RULES)
