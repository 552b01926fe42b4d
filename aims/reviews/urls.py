from django.urls import path

from aims.reviews import views

app_name = "reviews"

urlpatterns = [
    path("", views.review_list, name="review_list"),
]
