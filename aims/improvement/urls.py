from django.urls import path

from aims.improvement import views

app_name = "improvement"

urlpatterns = [
    path("", views.nonconformity_list, name="nonconformity_list"),
]
