from django.urls import path

from aims.reminders import views

app_name = "reminders"

urlpatterns = [
    path("", views.notice_list, name="notice_list"),
]
