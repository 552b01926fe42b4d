"""The packaged ISO/IEC 42001:2023 catalogue has every clause, control, objective and risk source."""

from aims.catalog.models import CatalogItem, Framework

SUB_CLAUSES = [
    "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3",
    "6.1", "6.1.1", "6.1.2", "6.1.3", "6.1.4", "6.2", "6.3",
    "7.1", "7.2", "7.3", "7.4", "7.5", "7.5.1", "7.5.2", "7.5.3",
    "8.1", "8.2", "8.3", "8.4",
    "9.1", "9.2", "9.2.1", "9.2.2", "9.3", "9.3.1", "9.3.2", "9.3.3",
    "10.1", "10.2",
]  # fmt: skip

CONTROLS = [
    "A.2.2", "A.2.3", "A.2.4", "A.3.2", "A.3.3", "A.4.2", "A.4.3", "A.4.4", "A.4.5", "A.4.6",
    "A.5.2", "A.5.3", "A.5.4", "A.5.5", "A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.4",
    "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8", "A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6",
    "A.8.2", "A.8.3", "A.8.4", "A.8.5", "A.9.2", "A.9.3", "A.9.4", "A.10.2", "A.10.3", "A.10.4",
]  # fmt: skip


def refs(**filters: object) -> list[str]:
    return list(CatalogItem.objects.filter(**filters).order_by("position").values_list("ref", flat=True))


def test_framework_is_recorded_with_its_data_version(catalog):
    framework = Framework.objects.get()
    assert (framework.code, framework.name, framework.edition) == ("iso42001", "ISO/IEC 42001", "2023")
    assert framework.data_version == 1
    assert catalog.data_version == 1
    assert catalog.previous_version is None


def test_every_clause_and_sub_clause_is_present_in_order(catalog):
    assert refs(kind="clause", parent__isnull=True) == ["4", "5", "6", "7", "8", "9", "10"]
    assert refs(kind="clause", parent__isnull=False) == SUB_CLAUSES
    assert refs(parent__ref="6.1") == ["6.1.1", "6.1.2", "6.1.3", "6.1.4"]
    assert refs(parent__ref="9.3") == ["9.3.1", "9.3.2", "9.3.3"]
    assert CatalogItem.objects.get(ref="10.2").title == "Nonconformity and corrective action"


def test_annex_a_has_nine_objectives_and_38_controls_under_them(catalog):
    assert refs(kind="objective", annex="A") == [f"A.{n}" for n in range(2, 11)]
    assert refs(kind="control") == CONTROLS
    assert CatalogItem.objects.filter(kind="control", annex="A").count() == 38
    for control in CatalogItem.objects.filter(kind="control").select_related("parent"):
        assert control.parent is not None
        group = ".".join(control.ref.split(".")[:2])
        assert control.parent.ref == group, control.ref


def test_a6_sub_objectives_are_described_not_separate_items(catalog):
    a6 = CatalogItem.objects.get(ref="A.6")
    assert "A.6.1" in a6.summary
    assert "A.6.2" in a6.summary
    assert not CatalogItem.objects.filter(ref__in=["A.6.1", "A.6.2"]).exists()
    assert refs(parent__ref="A.6")[:3] == ["A.6.1.2", "A.6.1.3", "A.6.2.2"]


def test_annex_c_has_eleven_objectives_and_seven_risk_sources(catalog):
    assert refs(kind="objective", annex="C") == [f"C.2.{n}" for n in range(1, 12)]
    assert refs(kind="risk_source") == [f"C.3.{n}" for n in range(1, 8)]
    assert not CatalogItem.objects.filter(annex="C", parent__isnull=False).exists()
    assert not CatalogItem.objects.filter(ref__in=["C.2", "C.3"]).exists()


def test_documented_information_is_recorded_where_the_standard_requires_it(catalog):
    with_di = set(
        CatalogItem.objects.filter(kind="clause")
        .exclude(documented_information="")
        .values_list("ref", flat=True)
    )
    assert with_di == {
        "4.3", "5.2", "6.1.1", "6.1.2", "6.1.3", "6.1.4", "6.2", "7.2",
        "8.1", "8.2", "8.3", "8.4", "9.1", "9.2.2", "9.3.3", "10.2",
    }  # fmt: skip
    assert "Statement of Applicability" in CatalogItem.objects.get(ref="6.1.3").documented_information


def test_every_item_has_a_summary_in_our_own_words(catalog):
    assert CatalogItem.objects.count() == 108
    assert not CatalogItem.objects.filter(summary="").exists()
