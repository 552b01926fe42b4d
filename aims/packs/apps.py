from django.apps import AppConfig


class PacksConfig(AppConfig):
    name = "aims.packs"
    label = "packs"
    verbose_name = "Evidence packs"
