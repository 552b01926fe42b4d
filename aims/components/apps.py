from django.apps import AppConfig


class ComponentsConfig(AppConfig):
    name = "aims.components"
    label = "components"
    verbose_name = "AI system components"
