from django import forms


class PackForm(forms.Form):
    since = forms.DateField(
        required=False,
        label="Audit events and evidence from",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Optional: the start of the period under audit. Leave empty for the whole history; the "
        "registers, documents and reports are always as they stand today.",
    )
