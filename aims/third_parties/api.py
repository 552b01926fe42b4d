from ninja import Router

router = Router(tags=["third-parties"])
