"""/o/<org>/inventory/bom/: CycloneDX ML-BOM and Hugging Face model-card interchange."""

from django.urls import path

from aims.interchange import views_bom

app_name = "interchange_bom"

urlpatterns = [
    path("", views_bom.bom_import, name="bom_import"),
    path("cyclonedx/", views_bom.bom_upload, name="bom_upload"),
    path("model-card/", views_bom.model_card_upload, name="model_card_upload"),
    path("systems/<int:pk>.cdx.json", views_bom.bom_download, name="bom_download"),
]
