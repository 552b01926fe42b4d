from django.apps import AppConfig


class InternalAuditsConfig(AppConfig):
    name = "aims.internal_audits"
    label = "internal_audits"
    verbose_name = "Internal audit"

    def ready(self) -> None:
        from aims.internal_audits import readiness, reminders, review_input
        from aims.readiness.registry import register_rules
        from aims.reminders.registry import register_provider
        from aims.reviews.registry import register_input

        register_provider(reminders.START_KIND, reminders.audits_starting)
        register_provider(reminders.REPORT_KIND, reminders.audits_to_report)
        register_input(review_input.KEY, review_input.audit_results, order=45)
        register_rules(readiness.RULES)
