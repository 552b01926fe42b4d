import pytest

from aims.interchange.report import ImportRejected
from aims.interchange.tests.inventory_files import SUPPLIER_HEADERS, SUPPLIER_ROWS, csv_file, run_import
from aims.third_parties.models import ThirdParty


def test_suppliers_are_imported_with_their_categories_in_order(personas):
    data = csv_file([SUPPLIER_HEADERS, *SUPPLIER_ROWS])
    report = run_import(personas.manager, personas.org, data, "suppliers.csv", "suppliers")
    assert report.counts()["suppliers"]["created"] == 2
    llm = ThirdParty.objects.get(organization=personas.org, reference="SUP-001")
    assert llm.kind == ThirdParty.Kind.SUPPLIER
    assert llm.categories == ["model_provider", "cloud"]
    assert ThirdParty.objects.get(reference="SUP-002").kind == ThirdParty.Kind.BOTH


def test_a_customers_reference_is_refused_not_turned_into_a_supplier(personas):
    ThirdParty.objects.create(
        organization=personas.org, reference="SUP-001", name="Buyer", kind=ThirdParty.Kind.CUSTOMER
    )
    data = csv_file([SUPPLIER_HEADERS, SUPPLIER_ROWS[0]])
    with pytest.raises(ImportRejected) as rejected:
        run_import(personas.manager, personas.org, data, "suppliers.csv", "suppliers")
    assert "is a customer, not a supplier" in rejected.value.report.sheets[0].errors[0].message
    assert ThirdParty.objects.get(reference="SUP-001").kind == ThirdParty.Kind.CUSTOMER


def test_a_bad_website_is_a_row_error(personas):
    data = csv_file([SUPPLIER_HEADERS, ["SUP-003", "Odd", "supplier", "", "not a url"]])
    with pytest.raises(ImportRejected) as rejected:
        run_import(personas.manager, personas.org, data, "suppliers.csv", "suppliers")
    error = rejected.value.report.sheets[0].errors[0]
    assert (error.row, error.column) == (2, "website")
    assert not ThirdParty.objects.exists()
