from django.urls import path

from aims.objectives import views

app_name = "objectives"

urlpatterns = [
    path("", views.objective_list, name="objective_list"),
    path("new/", views.objective_create, name="objective_create"),
    path("<int:pk>/", views.objective_detail, name="objective_detail"),
    path("<int:pk>/edit/", views.objective_edit, name="objective_edit"),
    path("<int:pk>/activate/", views.objective_activate, name="objective_activate"),
    path("<int:pk>/outcome/", views.objective_outcome, name="objective_outcome"),
    path("<int:pk>/withdraw/", views.objective_withdraw, name="objective_withdraw"),
    path("<int:pk>/plan/", views.plan_item_add, name="plan_item_add"),
    path("<int:pk>/plan/<int:item_id>/edit/", views.plan_item_edit, name="plan_item_edit"),
    path("<int:pk>/plan/<int:item_id>/complete/", views.plan_item_complete, name="plan_item_complete"),
]
