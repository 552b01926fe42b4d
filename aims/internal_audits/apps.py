from django.apps import AppConfig


class InternalAuditsConfig(AppConfig):
    name = "aims.internal_audits"
    label = "internal_audits"
    verbose_name = "Internal audit"
