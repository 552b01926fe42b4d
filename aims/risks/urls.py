from django.urls import path

from aims.risks import views

app_name = "risks"

urlpatterns = [
    path("", views.risk_list, name="risk_list"),
]
