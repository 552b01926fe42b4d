from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "aims.policies"
    label = "policies"
    verbose_name = "AI policy and leadership"
