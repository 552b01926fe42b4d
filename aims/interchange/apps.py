from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    name = "aims.interchange"
    label = "interchange"
    verbose_name = "Import and export"
