from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "aims.reviews"
    label = "reviews"
    verbose_name = "Management review"

    def ready(self) -> None:
        from aims.readiness.registry import register_rules
        from aims.reviews import readiness
        from aims.reviews.inputs import register_builtin_inputs
        from aims.reviews.reminders import register_reminders

        register_builtin_inputs()
        register_reminders()
        register_rules(readiness.RULES)
