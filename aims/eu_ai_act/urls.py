from django.urls import path

from aims.eu_ai_act import views

app_name = "eu_ai_act"

urlpatterns = [
    path("", views.classification_list, name="classification_list"),
]
