from django.apps import AppConfig


class AISystemsConfig(AppConfig):
    name = "aims.ai_systems"
    label = "ai_systems"
    verbose_name = "AI systems"

    def ready(self) -> None:
        from aims.ai_systems import readiness
        from aims.readiness.registry import register_rules

        register_rules(readiness.RULES)
