from django.urls import path

from aims.risks import views

app_name = "risks"

urlpatterns = [
    path("", views.risk_list, name="risk_list"),
    path("new/", views.risk_create, name="risk_create"),
    path("heat-map/", views.heat_maps, name="heat_maps"),
    path("register.pdf", views.risk_report, name="risk_report"),
    path("criteria/", views.criteria, name="criteria"),
    path("criteria/<int:pk>/approve/", views.criteria_approve, name="criteria_approve"),
    path("criteria/<int:pk>/discard/", views.criteria_discard, name="criteria_discard"),
    path("<int:pk>/", views.risk_detail, name="risk_detail"),
    path("<int:pk>/edit/", views.risk_edit, name="risk_edit"),
    path("<int:pk>/assess/", views.risk_assess, name="risk_assess"),
    path("<int:pk>/treat/", views.risk_treat, name="risk_treat"),
    path("<int:pk>/accept/", views.risk_accept, name="risk_accept"),
    path("<int:pk>/close/", views.risk_close, name="risk_close"),
    path("<int:pk>/reopen/", views.risk_reopen, name="risk_reopen"),
    path("<int:pk>/actions/", views.action_create, name="action_create"),
    path("<int:pk>/actions/<int:action_id>/complete/", views.action_complete, name="action_complete"),
]
