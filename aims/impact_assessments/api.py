from ninja import Router

router = Router(tags=["impact assessments"])
