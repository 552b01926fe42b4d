from django.apps import AppConfig


class EUAIActConfig(AppConfig):
    name = "aims.eu_ai_act"
    label = "eu_ai_act"
    verbose_name = "EU AI Act classification"
