from aims.risks.models.criteria import RiskCriteria, RiskLevel, ScaleAxis, ScalePointRow
from aims.risks.models.risk import HELP, Risk, RiskAssessment, TreatmentAction

__all__ = [
    "HELP",
    "Risk",
    "RiskAssessment",
    "RiskCriteria",
    "RiskLevel",
    "ScaleAxis",
    "ScalePointRow",
    "TreatmentAction",
]
