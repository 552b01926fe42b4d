from django.apps import AppConfig


class AISystemsConfig(AppConfig):
    name = "aims.ai_systems"
    label = "ai_systems"
    verbose_name = "AI systems"
