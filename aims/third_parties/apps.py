from django.apps import AppConfig


class ThirdPartiesConfig(AppConfig):
    name = "aims.third_parties"
    label = "third_parties"
    verbose_name = "Suppliers and customers"
