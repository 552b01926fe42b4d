from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "aims.evidence"
    label = "evidence"
    verbose_name = "Evidence"

    def ready(self) -> None:
        from aims.evidence.panels import register_panels

        register_panels()
