from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from aims.accounts.admin_login import admin_login
from aims.api import api
from aims.organizations import views as organization_views

# The admin signs in through allauth only, so that two-factor and the login rate limits hold there too.
admin.site.login = admin_login  # type: ignore[method-assign]

urlpatterns = [
    path("", organization_views.home, name="home"),
    path("", include("aims.organizations.urls")),
    path("accounts/", include("allauth.urls")),
    path("account/", include("aims.accounts.urls")),
    path("api/v1/", api.urls),
    path("catalog/", include("aims.catalog.urls")),
    path("o/<slug:org>/audit/", include("aims.audit.urls")),
    path("o/<slug:org>/readiness/", include("aims.readiness.urls")),
    path("o/<slug:org>/pack/", include("aims.packs.urls")),
    path("o/<slug:org>/systems/", include("aims.ai_systems.urls")),
    path("o/<slug:org>/components/", include("aims.components.urls")),
    path("o/<slug:org>/third-parties/", include("aims.third_parties.urls")),
    path("o/<slug:org>/eu-ai-act/", include("aims.eu_ai_act.urls")),
    path("o/<slug:org>/inventory/", include("aims.interchange.urls")),
    path("o/<slug:org>/inventory/bom/", include("aims.interchange.urls_bom")),
    path("o/<slug:org>/context/", include("aims.context.urls")),
    path("o/<slug:org>/documents/", include("aims.documents.urls")),
    path("o/<slug:org>/policy/", include("aims.policies.urls")),
    path("o/<slug:org>/acknowledgements/", include("aims.acknowledgements.urls")),
    path("o/<slug:org>/risks/", include("aims.risks.urls")),
    path("o/<slug:org>/impact-assessments/", include("aims.impact_assessments.urls")),
    path("o/<slug:org>/controls/", include("aims.controls.urls")),
    path("o/<slug:org>/evidence/", include("aims.evidence.urls")),
    path("o/<slug:org>/incidents/", include("aims.incidents.urls")),
    path("o/<slug:org>/improvement/", include("aims.improvement.urls")),
    path("o/<slug:org>/internal-audits/", include("aims.internal_audits.urls")),
    path("o/<slug:org>/objectives/", include("aims.objectives.urls")),
    path("o/<slug:org>/monitoring/", include("aims.monitoring.urls")),
    path("o/<slug:org>/changes/", include("aims.changes.urls")),
    path("o/<slug:org>/management-reviews/", include("aims.reviews.urls")),
    path("o/<slug:org>/notices/", include("aims.reminders.urls")),
    path("o/<slug:org>/people/", include("aims.people.urls")),
    path("report/", include("aims.people.public_urls")),
    path("adverse-impact/", include("aims.incidents.public_urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:  # pragma: no cover - development only
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
