from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "aims.accounts"
    label = "accounts"
    verbose_name = "Accounts"
