from django.apps import AppConfig


class AcknowledgementsConfig(AppConfig):
    name = "aims.acknowledgements"
    label = "acknowledgements"
    verbose_name = "Acknowledgements"

    def ready(self) -> None:
        from aims.acknowledgements import readiness
        from aims.readiness.registry import register_rules

        register_rules(readiness.RULES)
