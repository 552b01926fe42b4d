from django.urls import path

from aims.monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("", views.metric_list, name="metric_list"),
]
