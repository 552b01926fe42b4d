"""Forms of the document pages. They parse and explain (help from the models); the actions write."""

from __future__ import annotations

from typing import Any

from django import forms

from aims.documents.actions.common import DOCUMENT_FIELDS
from aims.documents.models import HELP, Document, DocumentVersion
from aims.documents.queries import ALL, REVIEW_DUE, SORTS, DocumentFilter, members_of
from aims.documents.uploads import ALLOWED
from aims.organizations.models import Organization

FILE_HELP = f"{HELP['file']} Accepted: {ALLOWED}; checked by content, stored with its SHA-256."


class DocumentForm(forms.Form):
    """The document's metadata; on creation also the text of version 1 and an optional file."""

    def __init__(
        self,
        data: Any = None,
        files: Any = None,
        *,
        organization: Organization,
        instance: Document | None = None,
    ) -> None:
        initial = None
        if instance is not None:
            initial = forms.model_to_dict(instance, fields=[*DOCUMENT_FIELDS, "distribution"])
        super().__init__(data, files, initial=initial)
        self.fields.update(forms.fields_for_model(Document, fields=[*DOCUMENT_FIELDS, "distribution"]))
        people = members_of(organization)
        self.fields["owner"].queryset = people  # type: ignore[attr-defined]
        self.fields["distribution"].queryset = people  # type: ignore[attr-defined]
        self.fields["distribution"].widget = forms.CheckboxSelectMultiple(
            choices=self.fields["distribution"].choices  # type: ignore[attr-defined]
        )
        self.fields["description"].widget = forms.Textarea(attrs={"rows": 3})
        self.fields["reference"].required = False
        self.fields["reference"].help_text += " Leave empty and aims picks the next number for the kind."
        if instance is None:
            self.fields["body"] = forms.CharField(
                required=False, strip=False, widget=forms.Textarea(attrs={"rows": 14}), help_text=HELP["body"]
            )
            self.fields["change_summary"] = forms.CharField(
                required=False, max_length=300, help_text=HELP["change_summary"]
            )
            self.fields["upload"] = forms.FileField(required=False, label="File", help_text=FILE_HELP)

    def metadata(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in DOCUMENT_FIELDS}

    def distribution(self) -> list[Any]:
        return list(self.cleaned_data["distribution"])

    def creation(self) -> dict[str, Any]:
        """Everything `create_document` takes, besides actor and organisation."""
        values = self.metadata()
        values["reference"] = values["reference"] or ""
        values["description"] = values["description"] or ""
        return values | {
            "distribution": self.distribution(),
            "body": self.cleaned_data["body"],
            "change_summary": self.cleaned_data["change_summary"],
            "upload": self.cleaned_data["upload"],
        }


class VersionForm(forms.Form):
    """The text, summary and file of a draft."""

    body = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 18}), help_text=HELP["body"])
    change_summary = forms.CharField(required=False, max_length=300, help_text=HELP["change_summary"])
    upload = forms.FileField(required=False, label="File", help_text=FILE_HELP + " Empty keeps the file.")

    def __init__(
        self, data: Any = None, files: Any = None, *, version: DocumentVersion | None = None
    ) -> None:
        initial = {"body": version.body, "change_summary": version.change_summary} if version else None
        super().__init__(data, files, initial=initial)


class CommentForm(forms.Form):
    comment = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For the author: what is good, or what must change (required when asking for changes).",
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why the document is no longer in force, e.g. which document replaces it (clause 7.5.3).",
    )


class ReviewForm(forms.Form):
    notes = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the review looked at; the next review date moves on by the review interval.",
    )


def _blank(label: str, choices: Any) -> list[tuple[str, str]]:
    return [("", label), *choices]


_STAGES = [
    (state, label)
    for state, label in DocumentVersion.State.choices
    if state not in (DocumentVersion.State.PUBLISHED, DocumentVersion.State.SUPERSEDED)
]


class FilterForm(forms.Form):
    q = forms.CharField(
        required=False,
        label="Search",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Reference or title"}),
    )
    kind = forms.ChoiceField(required=False, choices=_blank("Any kind", Document.Kind.choices))
    status = forms.ChoiceField(
        required=False, choices=[*Document.Status.choices, (ALL, "All")], initial=Document.Status.ACTIVE
    )
    stage = forms.ChoiceField(required=False, label="Version in progress", choices=_blank("Any", _STAGES))
    owner = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    review = forms.ChoiceField(
        required=False, label="Review", choices=_blank("Any date", list(REVIEW_DUE.items()))
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[
            choice
            for key, label in SORTS.items()
            for choice in ((key, label), (f"-{key}", f"{label}, reversed"))
        ],
    )

    def __init__(self, data: Any = None, *, organization: Organization) -> None:
        super().__init__(data)
        people = members_of(organization).values_list("pk", "full_name", "email")
        self.fields["owner"].choices = [  # type: ignore[attr-defined]
            ("", "Anyone"),
            *((pk, name or email) for pk, name, email in people),
        ]

    def document_filter(self) -> DocumentFilter:
        data = self.cleaned_data if self.is_bound else {}
        return DocumentFilter(
            q=(data.get("q") or "").strip(),
            kind=data.get("kind") or "",
            status=data.get("status") or Document.Status.ACTIVE,
            stage=data.get("stage") or "",
            owner_id=data.get("owner"),
            review=data.get("review") or "",
            sort=data.get("sort") or "reference",
        )
