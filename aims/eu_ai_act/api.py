from ninja import Router

router = Router(tags=["eu-ai-act"])
