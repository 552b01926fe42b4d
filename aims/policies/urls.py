from django.urls import path

from aims.policies import views

app_name = "policies"

urlpatterns = [
    path("", views.policy_home, name="policy_home"),
]
