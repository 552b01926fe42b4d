from ninja import Router

router = Router(tags=["ai-systems"])
