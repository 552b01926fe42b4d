from django.urls import path

from aims.monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("", views.metric_list, name="metric_list"),
    path("new/", views.metric_create, name="metric_create"),
    path("<int:pk>/", views.metric_detail, name="metric_detail"),
    path("<int:pk>/edit/", views.metric_edit, name="metric_edit"),
    path("<int:pk>/measurements/", views.measurement_add, name="measurement_add"),
    path(
        "<int:pk>/measurements/<int:mpk>/nonconformity/",
        views.measurement_nonconformity,
        name="measurement_nonconformity",
    ),
]
