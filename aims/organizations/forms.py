from django import forms
from django.conf import settings

from aims.organizations.models import INTERNAL_ROLES, Organization, Role

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


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
    expires_on = forms.DateField(
        required=False,
        widget=_DATE,
        label="Access ends on",
        help_text=(
            "External auditors only, and required for them: the last day of their access, at most "
            f"{settings.AIMS_EXTERNAL_AUDIT_MAX_DAYS} days ahead."
        ),
    )


class RoleForm(forms.Form):
    """The roles of the organisation's own people; external auditors get access with an end date."""

    role = forms.ChoiceField(choices=[(role.value, role.label) for role in INTERNAL_ROLES])


class AccessEndForm(forms.Form):
    expires_on = forms.DateField(
        required=False,
        widget=_DATE,
        label="Access ends on",
        help_text=f"The last day of access, at most {settings.AIMS_EXTERNAL_AUDIT_MAX_DAYS} days ahead.",
    )
