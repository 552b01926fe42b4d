from django.apps import AppConfig


class ImpactAssessmentsConfig(AppConfig):
    name = "aims.impact_assessments"
    label = "impact_assessments"
    verbose_name = "AI system impact assessments"

    def ready(self) -> None:
        from aims.impact_assessments import readiness
        from aims.impact_assessments.panels import register_panels
        from aims.impact_assessments.reminders import KIND, due_assessments
        from aims.readiness.registry import register_rules
        from aims.reminders.registry import register_provider

        register_panels()
        register_provider(KIND, due_assessments)
        register_rules(readiness.RULES)
