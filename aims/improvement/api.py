"""/api/v1/improvement: nonconformities, corrective actions and improvement opportunities (10.1, 10.2)."""

from ninja import Router

router = Router(tags=["improvement"])
