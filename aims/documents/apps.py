from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "aims.documents"
    label = "documents"
    verbose_name = "Documented information"
