from django.apps import AppConfig


class RisksConfig(AppConfig):
    name = "aims.risks"
    label = "risks"
    verbose_name = "AI risks"
