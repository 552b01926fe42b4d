from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "aims.documents"
    label = "documents"
    verbose_name = "Documented information"

    def ready(self) -> None:
        from aims.documents import readiness
        from aims.documents.reminders import KIND, due_reviews
        from aims.readiness.registry import register_rules
        from aims.reminders.registry import register_provider

        register_provider(KIND, due_reviews)
        register_rules(readiness.RULES)
