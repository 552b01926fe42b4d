"""The number of queries an import makes does not grow with the number of rows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from aims.interchange.tests.inventory_files import MODEL_HEADERS, SYSTEM_HEADERS, run_import, xlsx


def workbook(count, prefix):
    systems = [
        [
            f"{prefix}-{n}",
            f"System {n}",
            "Purpose.",
            "design_development",
            "manager@acme.test",
            "provider",
            "yes",
        ]
        for n in range(count)
    ]
    models = [[f"M{prefix}-{n}", f"Model {n}", "other", "1", f"{prefix}-{n}"] for n in range(count)]
    return xlsx({"AI systems": [SYSTEM_HEADERS, *systems], "Models": [MODEL_HEADERS, *models]})


def queries_for(personas, count, prefix):
    with CaptureQueriesContext(connection) as captured:
        run_import(personas.contributor, personas.org, workbook(count, prefix), "inventory.xlsx")
    return len(captured)


def test_importing_new_rows_takes_the_same_queries_for_5_or_60_rows(personas, django_assert_max_num_queries):
    few = queries_for(personas, 5, "A")
    with django_assert_max_num_queries(few):
        run_import(personas.contributor, personas.org, workbook(60, "B"), "inventory.xlsx")


def test_updating_rows_takes_the_same_queries_for_5_or_60_rows(personas, django_assert_max_num_queries):
    run_import(personas.contributor, personas.org, workbook(60, "C"), "inventory.xlsx")
    few = queries_for(personas, 5, "C")
    with django_assert_max_num_queries(few + 2):  # the audit chain may need creating the first time
        run_import(personas.contributor, personas.org, workbook(60, "C"), "inventory.xlsx")
