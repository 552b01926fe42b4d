from django.apps import AppConfig


class ThirdPartiesConfig(AppConfig):
    name = "aims.third_parties"
    label = "third_parties"
    verbose_name = "Suppliers and customers"

    def ready(self) -> None:
        from aims.ai_systems.panels import register_panel
        from aims.third_parties.panels import relationships_panel

        register_panel("third_parties", relationships_panel, order=40)
