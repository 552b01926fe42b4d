"""/api/v1/internal-audits: internal audit programmes, audits, checklists, results and reports (9.2)."""

from ninja import Router

router = Router(tags=["internal-audits"])
