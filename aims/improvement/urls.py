from django.urls import path

from aims.improvement.views import nonconformities as nc
from aims.improvement.views import opportunities as imp
from aims.improvement.views import workflow as wf

app_name = "improvement"

urlpatterns = [
    path("", nc.nonconformity_list, name="nonconformity_list"),
    path("new/", nc.nonconformity_create, name="nonconformity_create"),
    path(
        "from-incident/<int:incident_pk>/", nc.nonconformity_from_incident, name="nonconformity_from_incident"
    ),
    path("<int:pk>/", nc.nonconformity_detail, name="nonconformity_detail"),
    path("<int:pk>/edit/", nc.nonconformity_edit, name="nonconformity_edit"),
    path("<int:pk>/correction/", wf.nonconformity_correction, name="nonconformity_correction"),
    path("<int:pk>/root-cause/", wf.nonconformity_cause, name="nonconformity_cause"),
    path("<int:pk>/actions/new/", wf.action_add, name="action_add"),
    path("<int:pk>/actions/<int:action_pk>/edit/", wf.action_edit, name="action_edit"),
    path("<int:pk>/actions/<int:action_pk>/complete/", wf.action_complete, name="action_complete"),
    path("<int:pk>/actions/<int:action_pk>/cancel/", wf.action_cancel, name="action_cancel"),
    path(
        "<int:pk>/request-verification/",
        wf.nonconformity_request_verification,
        name="nonconformity_request_verification",
    ),
    path("<int:pk>/verify/", wf.nonconformity_verify, name="nonconformity_verify"),
    path("<int:pk>/close/", wf.nonconformity_close, name="nonconformity_close"),
    path("<int:pk>/reopen/", wf.nonconformity_reopen, name="nonconformity_reopen"),
    path("opportunities/", imp.opportunity_list, name="opportunity_list"),
    path("opportunities/new/", imp.opportunity_create, name="opportunity_create"),
    path("opportunities/<int:pk>/", imp.opportunity_detail, name="opportunity_detail"),
    path("opportunities/<int:pk>/edit/", imp.opportunity_edit, name="opportunity_edit"),
    path("opportunities/<int:pk>/decide/", imp.opportunity_decide, name="opportunity_decide"),
    path("opportunities/<int:pk>/start/", imp.opportunity_start, name="opportunity_start"),
    path("opportunities/<int:pk>/complete/", imp.opportunity_complete, name="opportunity_complete"),
]
