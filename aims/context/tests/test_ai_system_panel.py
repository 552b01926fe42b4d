from aims.ai_systems.models import AISystem
from aims.context.panels import context_panel
from aims.context.tests.test_list_query_count import _fill


def test_the_ai_system_page_lists_the_systems_obligations_and_issues(personas, issue, obligation, chatbot):
    page = personas.client("viewer").get(f"/o/acme/systems/{chatbot.pk}/").content.decode()
    assert "Obligations and context issues" in page
    assert "EU AI Act Art. 26" in page
    assert "EU AI Act enters into force" in page


def test_the_panel_takes_two_queries_however_many_records(personas, django_assert_num_queries):
    _fill(personas, 30, 0)
    system = AISystem.objects.get(reference="S-0")
    with django_assert_num_queries(2):
        panel = context_panel(system, personas.viewer)
    assert len(panel.context["context_rows"]["obligations"]) == 10
