from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.components.models import AIModel, Dataset
from aims.interchange.tests.inventory_files import inventory_workbook, run_import
from aims.third_parties.models import ThirdParty


def test_a_workbook_imports_every_register_systems_first(personas):
    report = run_import(personas.manager, personas.org, inventory_workbook(), "inventory.xlsx")
    assert [sheet.register for sheet in report.sheets] == ["ai_systems", "ai_models", "datasets", "suppliers"]
    assert {name: counts["created"] for name, counts in report.counts().items()} == {
        "ai_systems": 2,
        "ai_models": 2,
        "datasets": 2,
        "suppliers": 2,
    }
    # The models link to systems added by the same file.
    scorer = AIModel.objects.get(organization=personas.org, reference="MOD-001")
    assert list(scorer.ai_systems.values_list("reference", flat=True)) == ["AIS-001"]
    assert AISystem.objects.filter(organization=personas.org).count() == 2
    assert Dataset.objects.filter(organization=personas.org).count() == 2
    assert ThirdParty.objects.filter(organization=personas.org).count() == 2
    assert AuditEvent.objects.filter(verb="inventory.imported").count() == 1


def test_the_columns_sheet_of_a_template_is_ignored(personas):
    from aims.interchange.actions import import_template

    report = run_import(personas.manager, personas.org, import_template(), "template.xlsx")
    assert report.ok
    assert all(sheet.created == 0 for sheet in report.sheets)
