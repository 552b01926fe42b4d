"""/api/v1/monitoring: metrics, measurements, thresholds and trends (9.1)."""

from ninja import Router

router = Router(tags=["monitoring"])
