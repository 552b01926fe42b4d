"""The people app's models: roles and RACI (5.3, A.3.2), competence (7.2, 7.3), concerns (A.3.3)."""

from aims.people.models.communication import CommunicationLog, CommunicationPlanItem
from aims.people.models.competence import TrainingRecord
from aims.people.models.concerns import Concern, PublicConcernLink
from aims.people.models.roles import AIMSRole, Competence, RaciEntry, RoleAssignment

__all__ = [
    "AIMSRole",
    "CommunicationLog",
    "CommunicationPlanItem",
    "Competence",
    "Concern",
    "PublicConcernLink",
    "RaciEntry",
    "RoleAssignment",
    "TrainingRecord",
]
