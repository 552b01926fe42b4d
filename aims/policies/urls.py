from django.urls import path

from aims.policies import views

app_name = "policies"

urlpatterns = [
    path("", views.policy_home, name="policy_home"),
    path("start/", views.policy_start, name="policy_start"),
    path("new-version/", views.policy_new_version, name="policy_new_version"),
    path("versions/<int:pk>/<slug:step>/", views.policy_version_step, name="policy_version_step"),
    path("aligned/new/", views.aligned_create, name="aligned_create"),
    path("aligned/<int:pk>/remove/", views.aligned_remove, name="aligned_remove"),
    path("reviews/", views.review_list, name="review_list"),
    path("reviews/new/", views.review_create, name="review_create"),
    path("commitment/", views.commitment_list, name="commitment_list"),
    path("commitment/new/", views.commitment_create, name="commitment_create"),
]
