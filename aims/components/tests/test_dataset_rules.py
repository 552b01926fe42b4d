"""What a dataset record must say about personal data and retention (A.7.2, A.4.3)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from aims.components import actions
from aims.components.models import Dataset
from aims.components.tests.conftest import DATASET_DATA


def _create(personas, **changes):
    return actions.create_dataset(
        actor=personas.owner, organization=personas.org, data={**DATASET_DATA, **changes}
    )


def test_special_categories_are_personal_data(personas):
    with pytest.raises(ValidationError) as caught:
        _create(personas, contains_personal_data=False, special_categories=["health"])
    assert "contains_personal_data" in caught.value.message_dict
    assert not Dataset.objects.exists()


def test_special_categories_come_from_the_gdpr_list(personas):
    with pytest.raises(ValidationError) as caught:
        _create(personas, special_categories=["shoe size"])
    assert "special_categories" in caught.value.message_dict
    assert not Dataset.objects.exists()


def test_a_retention_date_needs_a_disposal_method(personas):
    with pytest.raises(ValidationError) as caught:
        _create(personas, retention_until=date(2030, 1, 1), disposal_method=" ")
    assert "disposal_method" in caught.value.message_dict
    dataset = _create(personas, retention_until=date(2030, 1, 1), disposal_method="Deleted.")
    assert dataset.retention_until == date(2030, 1, 1)


def test_special_category_labels_are_readable(personas):
    dataset = _create(personas, special_categories=["health", "biometric"])
    assert dataset.special_category_labels == ["Health", "Biometric data used to identify a person"]
