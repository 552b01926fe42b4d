from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "aims.reminders"
    label = "reminders"
    verbose_name = "Reminders and notices"
