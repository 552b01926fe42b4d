from django import forms

from aims.readiness.actions import SETTING_FIELDS
from aims.readiness.models import ReadinessSettings


class SettingsForm(forms.ModelForm[ReadinessSettings]):
    class Meta:
        model = ReadinessSettings
        fields = SETTING_FIELDS
        labels = {
            "acknowledgement_percent": "Policy acknowledged by (per cent of members)",
            "risk_assessment_months": "Risk assessments stay current for (months)",
            "impact_assessment_months": "Impact assessments stay current for (months)",
            "management_review_months": "A management review is held at least every (months)",
            "audit_cycle_months": "Internal audit cycle (months)",
            "due_soon_days": "The cockpit lists what falls due within (days)",
        }


class RuleFilterForm(forms.Form):
    STAGES = [("", "All rules"), ("1", "Stage 1 blockers"), ("2", "Blockers and Stage 2 nonconformities")]
    STATUSES = [("failing", "Failing only"), ("all", "Passing and failing")]

    stage = forms.ChoiceField(choices=STAGES, required=False, label="Stage")
    clause = forms.CharField(
        required=False, max_length=20, label="Clause or control", help_text="Such as 9.3"
    )
    status = forms.ChoiceField(choices=STATUSES, required=False, label="Status")
