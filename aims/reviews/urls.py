from django.urls import path

from aims.reviews import views

app_name = "reviews"

urlpatterns = [
    path("", views.review_list, name="review_list"),
    path("new/", views.review_create, name="review_create"),
    path("actions/", views.action_list, name="action_list"),
    path("actions/<int:pk>/edit/", views.action_edit, name="action_edit"),
    path("actions/<int:pk>/complete/", views.action_complete, name="action_complete"),
    path("actions/<int:pk>/cancel/", views.action_cancel, name="action_cancel"),
    path("<int:pk>/", views.review_detail, name="review_detail"),
    path("<int:pk>/edit/", views.review_edit, name="review_edit"),
    path("<int:pk>/hold/", views.review_hold, name="review_hold"),
    path("<int:pk>/approve/", views.review_approve, name="review_approve"),
    path("<int:pk>/cancel/", views.review_cancel, name="review_cancel"),
    path("<int:pk>/minutes.pdf", views.review_minutes_pdf, name="review_minutes_pdf"),
    path("<int:pk>/attendees/", views.attendee_add, name="attendee_add"),
    path("<int:pk>/attendees/<int:attendee_id>/remove/", views.attendee_remove, name="attendee_remove"),
    path("<int:pk>/inputs/<slug:key>/notes/", views.discussion_save, name="discussion_save"),
    path("<int:pk>/decisions/", views.decision_add, name="decision_add"),
    path("<int:pk>/actions/", views.action_add, name="action_add"),
]
