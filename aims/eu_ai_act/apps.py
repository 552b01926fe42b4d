from django.apps import AppConfig


class EUAIActConfig(AppConfig):
    name = "aims.eu_ai_act"
    label = "eu_ai_act"
    verbose_name = "EU AI Act classification"

    def ready(self) -> None:
        from aims.ai_systems.panels import register_panel
        from aims.eu_ai_act.panels import eu_ai_act_panel

        register_panel("eu_ai_act", eu_ai_act_panel, order=10)
