from django.apps import AppConfig


class ImpactAssessmentsConfig(AppConfig):
    name = "aims.impact_assessments"
    label = "impact_assessments"
    verbose_name = "AI system impact assessments"

    def ready(self) -> None:
        from aims.impact_assessments.panels import register_panels

        register_panels()
