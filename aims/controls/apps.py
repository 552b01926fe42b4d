from django.apps import AppConfig


class ControlsConfig(AppConfig):
    name = "aims.controls"
    label = "controls"
    verbose_name = "Controls and Statement of Applicability"

    def ready(self) -> None:
        from aims.controls import readiness
        from aims.readiness.registry import register_family, register_rules

        register_rules(readiness.RULES)
        register_family("annex_a", readiness.annex_a)
