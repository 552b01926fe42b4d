from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from aims.objectives import actions
from aims.objectives.models import Objective
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("objectives", *args, stdout=out)
    return out.getvalue()


def test_list_and_show(personas: Personas, active: Objective) -> None:
    actions.add_plan_item(actor=personas.manager, objective=active, what="Re-weight the sample")
    listed = _run("list", "--org", "acme", "--user", "viewer@acme.test")
    assert "OBJ-001" in listed
    assert "active" in listed
    assert "OBJ-001" not in _run("list", "--org", "acme", "--user", "viewer@acme.test", "--status", "draft")
    shown = _run("show", "OBJ-001", "--org", "acme", "--user", "viewer@acme.test")
    assert "Fair credit decisions" in shown
    assert "Plan (1):" in shown
    assert "Re-weight the sample" in shown
    assert '"plan": [' in _run(
        "show", "obj-001", "--org", "acme", "--user", "viewer@acme.test", "--format", "json"
    )


def test_usage_errors(personas: Personas, active: Objective) -> None:
    for args in (
        ("show", "OBJ-404", "--org", "acme", "--user", "viewer@acme.test"),
        ("list", "--org", "acme", "--user", "outsider@globex.test"),
        ("list", "--org", "acme", "--user", "viewer@acme.test", "--status", "nonsense"),
    ):
        with pytest.raises(CommandError) as error:
            _run(*args)
        assert error.value.returncode == 2
