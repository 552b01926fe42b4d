"""Files built to exhaust the reader are refused with a reason, write nothing, and never end the server's
process: the attacks of the hardening issue (a cell at XFD1048576, a deflate bomb) and their kind.

Every test here runs the real reader: had the workbook reached calamine in this process, pytest itself
would have been aborted.
"""

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.interchange.tests import hostile_files

API = "/api/v1/inventory/import?organization=acme"
PAGE = "/o/acme/inventory/"

HOSTILE: dict[str, tuple[Callable[[], bytes], str, str]] = {
    "a cell at the far corner": (
        hostile_files.corner_cell,
        "inventory.xlsx",
        "A sheet spans 1,048,576 rows by 16,384 columns (from A1 to XFD1048576)",
    ),
    "cells placed without references": (
        hostile_files.cells_without_references,
        "inventory.xlsx",
        "The workbook needs more than the 1,024 MB of memory",
    ),
    "a deflate bomb": (
        hostile_files.deflate_bomb,
        "inventory.xlsx",
        "The workbook expands to more than 250 MB when unpacked",
    ),
    "nested XML entities": (
        hostile_files.entity_expansion,
        "inventory.xlsx",
        "it declares XML entities or a document type",
    ),
    "a CSV cell past the field limit": (
        hostile_files.csv_with_a_huge_cell,
        "systems.csv",
        "The CSV file cannot be read: field larger than field limit",
    ),
}


def upload(data, name):
    return {"file": SimpleUploadedFile(name, data)}


@pytest.mark.parametrize("case", HOSTILE)
def test_the_api_refuses_a_hostile_file_with_422_and_writes_nothing(personas, case):
    make, name, reason = HOSTILE[case]
    url = API + ("&register=ai_systems" if name.endswith(".csv") else "")
    response = personas.client("contributor").post(url, upload(make(), name))
    assert response.status_code == 422, response.content
    errors = response.json()["error"]["report"]["errors"]
    assert any(reason in error["message"] for error in errors), errors
    assert not AISystem.objects.exists()
    assert not AuditEvent.objects.filter(verb="inventory.imported").exists()


@pytest.mark.parametrize("case", ["a cell at the far corner", "a deflate bomb"])
def test_the_import_page_refuses_a_hostile_workbook_and_says_why(personas, case):
    make, name, reason = HOSTILE[case]
    response = personas.client("contributor").post(PAGE, upload(make(), name) | {"register": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "inventory.xlsx was not imported" in page
    assert f"<p>{reason}" in page  # a problem with the whole file is said in words, not as a row of dashes
    assert "<td>—</td>" not in page
    assert not AISystem.objects.exists()


def test_the_server_still_reads_an_honest_workbook_after_a_hostile_one(personas):
    from aims.interchange.tests.inventory_files import inventory_workbook

    client = personas.client("contributor")
    assert client.post(API, upload(hostile_files.corner_cell(), "inventory.xlsx")).status_code == 422
    response = client.post(API, upload(inventory_workbook(), "inventory.xlsx"))
    assert response.status_code == 200
    assert AISystem.objects.filter(organization=personas.org).count() == 2
