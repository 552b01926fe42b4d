from django import forms

from aims.catalog.models import CatalogItem


class ItemSearchForm(forms.Form):
    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Ref, title or words in the summary"}),
    )
    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "All kinds"), *CatalogItem.Kind.choices]
    )
