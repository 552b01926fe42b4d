from django.apps import AppConfig


class ObjectivesConfig(AppConfig):
    name = "aims.objectives"
    label = "objectives"
    verbose_name = "AI objectives"
