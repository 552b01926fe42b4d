"""The component registers in the REST API: /api/v1/models, /datasets (with /provenance), /resources and
/competence-needs. Lists take `?organization=<slug>`; records are addressed by id."""

from ninja import Router

from aims.components.api.ai_models import router as models_router
from aims.components.api.competences import router as competences_router
from aims.components.api.datasets import router as datasets_router
from aims.components.api.resources import router as resources_router

router = Router()
router.add_router("", models_router)
router.add_router("", datasets_router)
router.add_router("", resources_router)
router.add_router("", competences_router)
