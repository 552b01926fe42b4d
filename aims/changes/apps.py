from django.apps import AppConfig


class ChangesConfig(AppConfig):
    name = "aims.changes"
    label = "changes"
    verbose_name = "Planned changes"
