from django.urls import path

from aims.people import views

app_name = "people"

urlpatterns = [
    path("", views.role_list, name="role_list"),
]
