from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "aims.people"
    label = "people"
    verbose_name = "People: roles, competence, communication, concerns"
