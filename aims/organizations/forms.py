from django import forms

from aims.organizations.models import Organization, Role


class OrganizationForm(forms.Form):
    name = forms.CharField(max_length=200, help_text="The organisation whose AI management system this is.")
    slug = forms.SlugField(
        max_length=60,
        required=False,
        help_text="Short name for web addresses; made from the name if left empty.",
    )
    ai_roles = forms.MultipleChoiceField(
        choices=Organization.AIRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="AI roles",
        help_text="Your roles with respect to AI (ISO/IEC 42001 clause 4.1; ISO/IEC 22989 roles).",
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(help_text="We send an invitation link to this address.")
    role = forms.ChoiceField(
        choices=Role.choices, initial=Role.VIEWER, help_text="What they may do; see below."
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)
