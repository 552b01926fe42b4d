"""The REST API at /api/v1/: OpenAPI 3.1 at /api/v1/openapi.json, docs at /api/v1/docs (served locally)."""

from ninja import NinjaAPI

from aims.accounts.api import router as accounts_router
from aims.acknowledgements.api import router as acknowledgements_router
from aims.ai_systems.api import router as ai_systems_router
from aims.audit.api import router as audit_router
from aims.catalog.api import router as catalog_router
from aims.changes.api import router as changes_router
from aims.components.api import router as components_router
from aims.context.api import router as context_router
from aims.controls.api import router as controls_router
from aims.documents.api import router as documents_router
from aims.eu_ai_act.api import router as eu_ai_act_router
from aims.evidence.api import router as evidence_router
from aims.impact_assessments.api import router as impact_assessments_router
from aims.improvement.api import router as improvement_router
from aims.incidents.api import router as incidents_router
from aims.interchange.api import router as inventory_router
from aims.interchange.api_bom import router as inventory_bom_router
from aims.internal_audits.api import router as internal_audits_router
from aims.monitoring.api import router as monitoring_router
from aims.objectives.api import router as objectives_router
from aims.organizations.api import router as organizations_router
from aims.packs.api import router as packs_router
from aims.people.api import router as people_router
from aims.policies.api import router as policies_router
from aims.readiness.api import router as readiness_router
from aims.reminders.api import router as reminders_router
from aims.reviews.api import router as reviews_router
from aims.risks.api import router as risks_router
from aims.third_parties.api import router as third_parties_router
from aims.web.api import ActiveSessionAuth, TokenAuth, install_error_handlers

api = NinjaAPI(
    title="aims API",
    version="1",
    description=(
        "The REST API of aims, an AI Management System for ISO/IEC 42001. Authenticate with a personal "
        "API token (`Authorization: Bearer aims_…`) or a browser session (with the CSRF header on writes). "
        'Every list takes `page` and `page_size`; every error answers `{"error": {"code", "message", '
        '"fields"}}`. See docs/api.md.'
    ),
    auth=[TokenAuth(), ActiveSessionAuth()],
    urls_namespace="api",
)
install_error_handlers(api)
api.add_router("/", accounts_router)
api.add_router("/organizations", organizations_router)
api.add_router("/audit-events", audit_router)
api.add_router("/catalog", catalog_router)
api.add_router("/ai-systems", ai_systems_router)
api.add_router("/", components_router)
api.add_router("/third-parties", third_parties_router)
api.add_router("/eu-ai-act", eu_ai_act_router)
api.add_router("/inventory", inventory_router)
api.add_router("/inventory", inventory_bom_router)
api.add_router("/context", context_router)
api.add_router("/documents", documents_router)
api.add_router("/people", people_router)
api.add_router("/policies", policies_router)
api.add_router("/acknowledgements", acknowledgements_router)
api.add_router("/risks", risks_router)
api.add_router("/impact-assessments", impact_assessments_router)
api.add_router("/controls", controls_router)
api.add_router("/evidence", evidence_router)
api.add_router("/incidents", incidents_router)
api.add_router("/improvement", improvement_router)
api.add_router("/internal-audits", internal_audits_router)
api.add_router("/objectives", objectives_router)
api.add_router("/monitoring", monitoring_router)
api.add_router("/changes", changes_router)
api.add_router("/management-reviews", reviews_router)
api.add_router("/notices", reminders_router)
api.add_router("/readiness", readiness_router)
api.add_router("/packs", packs_router)
