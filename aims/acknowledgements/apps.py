from django.apps import AppConfig


class AcknowledgementsConfig(AppConfig):
    name = "aims.acknowledgements"
    label = "acknowledgements"
    verbose_name = "Acknowledgements"
