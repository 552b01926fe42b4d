"""How aims fields travel in a CycloneDX ML-BOM: as standard fields where CycloneDX has them, else as
component properties named "aims:<field>" (the CycloneDX property-taxonomy style).

CycloneDX 1.6 has no place for most of what ISO/IEC 42001 asks about a model or dataset (training approach,
known bias, retention, …), so each such field is one property whose value is text: lists are comma-separated
choice values, evaluation results are JSON, booleans are "true"/"false" and dates are ISO (YYYY-MM-DD).
An empty field is left out; a property left out means the field is empty.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

PREFIX = "aims:"


@dataclass(frozen=True)
class Codec:
    """How one kind of value becomes a property's text, and back (raising ValueError with a reason)."""

    kind: str  # text, list, json, bool, date
    default: Any = ""

    def encode(self, value: Any) -> str | None:
        if self.kind == "bool":
            return "true" if value else "false"
        if value in ("", None, []):
            return None
        if self.kind == "list":
            return ",".join(str(item) for item in value)
        if self.kind == "json":
            return json.dumps(value, sort_keys=True, ensure_ascii=False)
        if self.kind == "date":
            return str(value.isoformat())
        return str(value)

    def decode(self, text: str) -> Any:
        if self.kind == "bool":
            return _boolean(text)
        if self.kind == "list":
            return [part.strip() for part in text.split(",") if part.strip()]
        if self.kind == "json":
            return _json_list(text)
        if self.kind == "date":
            try:
                return date.fromisoformat(text.strip())
            except ValueError:
                raise ValueError(f"“{text}” is not a date as YYYY-MM-DD") from None
        return text

    def empty(self) -> Any:
        return list(self.default) if isinstance(self.default, list) else self.default


def _boolean(text: str) -> bool:
    value = text.strip().lower()
    if value not in {"true", "false"}:
        raise ValueError(f"“{text}” is not true or false")
    return value == "true"


def _json_list(text: str) -> list[Any]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg})") from None
    if not isinstance(value, list):
        raise ValueError("must be a JSON list")
    return value


TEXT = Codec("text")
LIST = Codec("list", [])
JSON = Codec("json", [])
DATE = Codec("date", None)
TRUE_BY_DEFAULT = Codec("bool", True)
FALSE_BY_DEFAULT = Codec("bool", False)

# The AI system (the BOM's metadata.component): name and description are standard fields, reference is a
# property of its own; the owner travels as an e-mail address (matched to a member on import).
SYSTEM_PROPERTIES: dict[str, Codec] = {
    "purpose": TEXT,
    "intended_use": TEXT,
    "foreseeable_misuse": TEXT,
    "ai_roles": LIST,
    "lifecycle_stage": TEXT,
    "deployment_environment": TEXT,
    "in_scope": TRUE_BY_DEFAULT,
    "owner": TEXT,
    "business_unit": TEXT,
    "affected_parties": TEXT,
    "automation_level": TEXT,
    "human_oversight": TEXT,
    "status": TEXT,
    "risk_class": TEXT,
    "next_review_on": DATE,
}

# Models and datasets: name, description, version (models), licence (licenses) and provider (supplier) are
# standard fields.
MODEL_PROPERTIES: dict[str, Codec] = {
    "model_type": TEXT,
    "training_approach": TEXT,
    "evaluation_results": JSON,
    "known_limitations": TEXT,
    "status": TEXT,
}
DATASET_PROPERTIES: dict[str, Codec] = {
    "category": TEXT,
    "source": TEXT,
    "acquisition_method": TEXT,
    "volume": TEXT,
    "data_updated_on": DATE,
    "usage_rights": TEXT,
    "contains_personal_data": FALSE_BY_DEFAULT,
    "special_categories": LIST,
    "known_bias": TEXT,
    "quality_requirements": TEXT,
    "measured_quality": TEXT,
    "preparation_steps": TEXT,
    "retention_until": DATE,
    "disposal_method": TEXT,
    "status": TEXT,
}


def encode_properties(codecs: dict[str, Codec], values: dict[str, Any]) -> list[tuple[str, str]]:
    """(name, text) pairs for the non-empty values, the reference first."""
    pairs = []
    for name, codec in {"reference": TEXT, **codecs}.items():
        text = codec.encode(values.get(name, codec.empty()))
        if text is not None:
            pairs.append((PREFIX + name, text))
    return pairs


def decode_properties(codecs: dict[str, Codec], pairs: list[tuple[str, str]], what: str) -> dict[str, Any]:
    """The field values from a component's properties; absent fields are empty. Other namespaces are
    ignored; an unknown or malformed aims property is an error naming the component and property."""
    known = {"reference": TEXT, **codecs}
    values = {name: codec.empty() for name, codec in known.items()}
    errors, seen = [], set()
    for name, text in pairs:
        if not name.startswith(PREFIX):
            continue
        field = name.removeprefix(PREFIX)
        if field not in known:
            errors.append(f"{what}: unknown property {name}.")
        elif field in seen:
            errors.append(f"{what}: the property {name} is given twice.")
        else:
            try:
                values[field] = known[field].decode(text)
            except ValueError as exc:
                errors.append(f"{what}: property {name}: {exc}.")
        seen.add(field)
    if errors:
        raise ValidationError(errors)
    return values
