from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "aims.evidence"
    label = "evidence"
    verbose_name = "Evidence"
