from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "aims.people"
    label = "people"
    verbose_name = "People: roles, competence, communication, concerns"

    def ready(self) -> None:
        from aims.people import readiness
        from aims.readiness.registry import register_rules

        register_rules(readiness.RULES)
