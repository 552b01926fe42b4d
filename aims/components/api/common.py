"""What the component endpoints share: AI systems named by id in a request body."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError

from aims.accounts.models import User
from aims.ai_systems.models import AISystem


def systems_by_id(user: User, ids: Iterable[int], field: str) -> list[AISystem]:
    """The AI systems with these ids that the user can see; any other id is an input error (422), whether it
    does not exist or belongs to an organisation the user is not in."""
    wanted = list(dict.fromkeys(ids))
    found = {system.pk: system for system in AISystem.objects.visible_to(user).filter(pk__in=wanted)}
    missing = [str(pk) for pk in wanted if pk not in found]
    if missing:
        raise ValidationError({field: f"No AI system with the id(s) {', '.join(missing)}."})
    return [found[pk] for pk in wanted]
