from django.apps import AppConfig


class RisksConfig(AppConfig):
    name = "aims.risks"
    label = "risks"
    verbose_name = "AI risks"

    def ready(self) -> None:
        from aims.controls.reliance import register_reliance
        from aims.risks.panels import register_panels
        from aims.risks.reliance import risks_relying_on

        register_panels()
        register_reliance(risks_relying_on)
