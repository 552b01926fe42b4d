from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "aims.monitoring"
    label = "monitoring"
    verbose_name = "Monitoring and measurement"

    def ready(self) -> None:
        from aims.monitoring import readiness, reminders, review_input
        from aims.readiness.registry import register_rules
        from aims.reminders.registry import register_provider
        from aims.reviews.registry import register_input

        register_provider("metric_measurement", reminders.due_measurements)
        register_input(review_input.KEY, review_input.monitoring_results, order=35)
        register_rules(readiness.RULES)
