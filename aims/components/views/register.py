"""The three component registers described once, for the pages that serve them alike (URLs, views, templates).

Each `Register` names its model, forms, actions and words; the views in `views/registers.py` take one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aims.components import actions
from aims.components.forms import (
    AIModelFilterForm,
    AIModelForm,
    ComponentFilterForm,
    ComponentForm,
    DatasetFilterForm,
    DatasetForm,
    ResourceFilterForm,
    ResourceForm,
)
from aims.components.models import AIModel, Dataset, Resource

Component = AIModel | Dataset | Resource


@dataclass(frozen=True)
class Register:
    key: str  # URL names: components:<key>_list, <key>_detail, …
    model: type[Component]
    title: str
    singular: str
    intro: str
    form: type[ComponentForm]
    filter_form: type[ComponentFilterForm]
    create: Callable[..., Any]
    update: Callable[..., Any]
    archive: Callable[..., Any]
    restore: Callable[..., Any]
    record_argument: str  # the keyword the update/archive/restore actions take the record by

    def url_name(self, view: str) -> str:
        return f"components:{self.key}_{view}"

    @property
    def row_template(self) -> str:
        return f"components/rows/{self.key}.html"

    @property
    def fields_template(self) -> str:
        return f"components/fields/{self.key}.html"

    def on_record(self, action: Callable[..., Any], record: Component, **kwargs: Any) -> Any:
        return action(**{self.record_argument: record}, **kwargs)


MODELS = Register(
    key="model",
    model=AIModel,
    title="Models",
    singular="model",
    intro=(
        "Every trained model, foundation model or rule set inside your AI systems: what it is, who made it, "
        "how it was trained and evaluated, and where it falls short."
    ),
    form=AIModelForm,
    filter_form=AIModelFilterForm,
    create=actions.create_ai_model,
    update=actions.update_ai_model,
    archive=actions.archive_ai_model,
    restore=actions.restore_ai_model,
    record_argument="ai_model",
)
DATASETS = Register(
    key="dataset",
    model=Dataset,
    title="Datasets",
    singular="dataset",
    intro=(
        "The data your AI systems learn from, are tested on and work with: where it comes from, what you may "
        "do with it, its quality and bias, how it was prepared, how long you keep it, and its provenance."
    ),
    form=DatasetForm,
    filter_form=DatasetFilterForm,
    create=actions.create_dataset,
    update=actions.update_dataset,
    archive=actions.archive_dataset,
    restore=actions.restore_dataset,
    record_argument="dataset",
)
RESOURCES = Register(
    key="resource",
    model=Resource,
    title="Tooling and computing resources",
    singular="resource",
    intro=(
        "The software used to build, test and run your AI systems, and the hardware and hosting they run on, "
        "with where they run and what is known of their energy use."
    ),
    form=ResourceForm,
    filter_form=ResourceFilterForm,
    create=actions.create_resource,
    update=actions.update_resource,
    archive=actions.archive_resource,
    restore=actions.restore_resource,
    record_argument="resource",
)
REGISTERS = (MODELS, DATASETS, RESOURCES)
