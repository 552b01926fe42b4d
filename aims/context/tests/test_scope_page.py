from aims.context.models import ScopeStatement
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

URL = "/o/acme/context/scope/"
DATA = {"boundaries": "The lending business", "ai_roles": ["provider"], "exclusions": "HR: uses no AI"}


def test_every_member_reads_the_scope(personas, chatbot):
    assert_permission_matrix(personas, "GET", URL, ROLES)
    assert "AIS-001" in personas.client("viewer").get(URL).content.decode()


def test_an_editor_drafts_and_another_manager_approves(personas, chatbot):
    assert_refused(personas, "POST", URL, ("anonymous", "outsider", "viewer", "auditor"), data=DATA)
    assert not ScopeStatement.objects.exists()
    assert personas.client("manager").post(URL, DATA).status_code == 302
    scope = ScopeStatement.objects.get()
    assert list(scope.exclusions.values_list("what", "reason")) == [("HR", "uses no AI")]
    approve = f"/o/acme/context/scope/{scope.pk}/approve/"
    assert_refused(personas, "POST", approve, ("anonymous", "outsider", "viewer", "auditor", "contributor"))
    assert personas.client("manager").post(approve).status_code == 409  # the author
    assert personas.client("owner").post(approve).status_code == 302
    scope.refresh_from_db()
    assert scope.is_approved
    assert "Current" in personas.client("viewer").get(URL).content.decode()


def test_bad_scope_input_shows_errors_and_writes_nothing(personas):
    client = personas.client("manager")
    assert client.post(URL, {**DATA, "exclusions": "no reason here"}).status_code == 422
    assert client.post(URL, {**DATA, "boundaries": ""}).status_code == 422
    assert not ScopeStatement.objects.exists()
