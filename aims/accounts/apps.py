from typing import Any

from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_table(using: str = "default", **_: Any) -> None:
    """The database cache's table (settings.CACHES), made with the schema: idempotent, so every migrate may
    run it. Redis, when configured, needs none and the command does nothing."""
    call_command("createcachetable", database=using, verbosity=0)


class AccountsConfig(AppConfig):
    name = "aims.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        post_migrate.connect(create_cache_table, sender=self)
