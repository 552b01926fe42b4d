from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "aims.monitoring"
    label = "monitoring"
    verbose_name = "Monitoring and measurement"
