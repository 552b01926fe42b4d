from django.urls import path

from aims.reminders import views

app_name = "reminders"

urlpatterns = [
    path("", views.notice_list, name="notice_list"),
    path("badge/", views.notice_badge, name="notice_badge"),
    path("read-all/", views.notice_read_all, name="notice_read_all"),
    path("<int:pk>/read/", views.notice_read, name="notice_read"),
]
