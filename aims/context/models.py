"""The organisation's context (clause 4): issues, interested parties, requirements, obligations, scope.

Kept standard-neutral so that ISO/IEC 27001, 27701 and 9001 can share the same records later.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models

from aims.ai_systems.models import AISystem
from aims.organizations.models import Organization

HELP = {
    "reference": "Your identifier, unique in the organisation (e.g. ISS-004), so other records can cite it.",
    "kind_issue": "Internal issues arise inside the organisation (culture, skills); external ones outside "
    "it (law, market, climate) (clause 4.1).",
    "category": "The kind of issue, to group and review similar issues together (clause 4.1).",
    "title": "A short name for the record.",
    "description": "What it is, in plain words.",
    "effect_on_aims": "How it affects the AI management system's ability to achieve its intended results "
    "(clause 4.1).",
    "is_climate_related": "Tick if climate change is relevant to this issue: the 2024 amendment "
    "to clause 4.1 asks you to decide whether climate change is a relevant issue.",
    "ai_systems": "The AI systems this record concerns (A.4.2: the inventory).",
    "owner": "The member who keeps this record up to date and answers for it. Must be a member.",
    "review_on": "When the record is next reviewed (clause 9.3: inputs to management review).",
    "status": "Active while it applies; archived once it no longer does (kept for the record).",
    "party_name": 'Who the interested party is: a group ("Loan applicants") or a body ("Data protection '
    'authority") (clause 4.2).',
    "kind_party": "The kind of party, so that similar parties are reviewed together (clause 4.2).",
    "req_description": "What the party needs or expects from the organisation (clause 4.2 b).",
    "is_addressed": "Tick if the AI management system addresses this requirement (clause 4.2 c).",
    "rationale": "Why the requirement is, or is not, addressed through the AI management system "
    "(clause 4.2 c).",
    "obligation": "The obligation that makes this requirement binding, if there is one.",
    "kind_obligation": "Legal (a law), regulatory (a regulator's rule), contractual (a contract you signed) "
    "or voluntary (a commitment you chose) (clause 4.2; A.8.5).",
    "source": 'Where it comes from, precisely enough to look up: e.g. "EU AI Act Art. 26", "GDPR Art. 22", '
    '"MSA with Bank X §12".',
    "jurisdiction": "Where it applies (e.g. EU, UK, Germany); empty for contracts and voluntary commitments.",
    "applicability": "Whether it applies to the organisation; the Statement of Applicability "
    "cites applicable obligations as reasons for controls.",
    "applicability_rationale": "Why it applies, does not apply, or is still under review.",
    "boundaries": "The organisational, physical and technical boundaries of the AI management system: which "
    "units, sites, processes and systems it covers (clause 4.3).",
    "ai_roles": "The organisation's roles with respect to AI (clause 4.1): provider, producer, customer, …",
    "what": "What is left out of the scope.",
    "reason": "Why it is left out; an auditor will ask (clause 4.3).",
}


class Status(models.TextChoices):
    ACTIVE = "active", "Active"
    ARCHIVED = "archived", "Archived"


class RegisterRecord(models.Model):
    """The fields an issue and an obligation share."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    reference = models.CharField(max_length=40, help_text=HELP["reference"])
    title = models.CharField(max_length=200, help_text=HELP["title"])
    description = models.TextField(blank=True, help_text=HELP["description"])
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["owner"],
    )
    review_on = models.DateField("next review", null=True, blank=True, help_text=HELP["review_on"])
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.ACTIVE, help_text=HELP["status"]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


class ContextIssue(RegisterRecord):
    """An internal or external issue relevant to the organisation's purpose and its AIMS (clause 4.1)."""

    evidences: ClassVar[tuple[str, ...]] = ("4.1",)

    class Kind(models.TextChoices):
        INTERNAL = "internal", "Internal"
        EXTERNAL = "external", "External"

    class Category(models.TextChoices):
        LEGAL = "legal", "Legal and regulatory"
        TECHNOLOGICAL = "technological", "Technological"
        ECONOMIC = "economic", "Economic and market"
        SOCIAL = "social", "Social and cultural"
        ENVIRONMENTAL = "environmental", "Environmental"
        CLIMATE = "climate_change", "Climate change"
        POLITICAL = "political", "Political"
        ORGANISATIONAL = "organisational", "Organisational"
        PEOPLE = "people", "People and skills"
        ETHICAL = "ethical", "Ethical"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=20, choices=Kind.choices, help_text=HELP["kind_issue"])
    category = models.CharField(max_length=30, choices=Category.choices, help_text=HELP["category"])
    effect_on_aims = models.TextField("effect on the AIMS", blank=True, help_text=HELP["effect_on_aims"])
    is_climate_related = models.BooleanField(
        "climate-related", default=False, help_text=HELP["is_climate_related"]
    )
    ai_systems = models.ManyToManyField(
        AISystem, blank=True, related_name="context_issues", help_text=HELP["ai_systems"]
    )

    class Meta:
        ordering = ("reference",)
        constraints = [
            models.UniqueConstraint(fields=["organization", "reference"], name="ctx_issue_unique_reference")
        ]
        indexes = [
            models.Index(fields=["organization", "status", "reference"], name="ctx_issue_org_status"),
            models.Index(fields=["organization", "kind", "category"], name="ctx_issue_org_kind"),
            models.Index(fields=["organization", "review_on"], name="ctx_issue_org_review"),
        ]


class Obligation(RegisterRecord):
    """A legal, regulatory, contractual or voluntary requirement the organisation must meet (4.2, A.8.5)."""

    evidences: ClassVar[tuple[str, ...]] = ("4.2", "A.8.5")

    class Kind(models.TextChoices):
        LEGAL = "legal", "Legal"
        REGULATORY = "regulatory", "Regulatory"
        CONTRACTUAL = "contractual", "Contractual"
        VOLUNTARY = "voluntary", "Voluntary"

    class Applicability(models.TextChoices):
        APPLIES = "applies", "Applies"
        DOES_NOT_APPLY = "does_not_apply", "Does not apply"
        UNDER_REVIEW = "under_review", "Under review"

    kind = models.CharField(max_length=20, choices=Kind.choices, help_text=HELP["kind_obligation"])
    source = models.CharField(max_length=200, help_text=HELP["source"])
    jurisdiction = models.CharField(max_length=100, blank=True, help_text=HELP["jurisdiction"])
    applicability = models.CharField(
        max_length=20,
        choices=Applicability.choices,
        default=Applicability.UNDER_REVIEW,
        help_text=HELP["applicability"],
    )
    applicability_rationale = models.TextField(blank=True, help_text=HELP["applicability_rationale"])
    ai_systems = models.ManyToManyField(
        AISystem, blank=True, related_name="obligations", help_text=HELP["ai_systems"]
    )

    class Meta:
        ordering = ("reference",)
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "reference"], name="ctx_obligation_unique_reference"
            )
        ]
        indexes = [
            models.Index(fields=["organization", "status", "reference"], name="ctx_obl_org_status"),
            models.Index(fields=["organization", "kind", "applicability"], name="ctx_obl_org_kind"),
            models.Index(fields=["organization", "review_on"], name="ctx_obl_org_review"),
        ]


class InterestedParty(models.Model):
    """A person or body with an interest in the organisation's AI (clause 4.2)."""

    evidences: ClassVar[tuple[str, ...]] = ("4.2",)

    class Kind(models.TextChoices):
        CUSTOMERS = "customers", "Customers"
        USERS = "users", "Users of AI systems"
        AFFECTED = "affected_people", "Affected people"
        EMPLOYEES = "employees", "Employees"
        REGULATORS = "regulators", "Regulators and authorities"
        SUPPLIERS = "suppliers", "Suppliers and partners"
        INVESTORS = "investors", "Investors and owners"
        SOCIETY = "society", "Society and civil society"
        OTHER = "other", "Other"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=200, help_text=HELP["party_name"])
    kind = models.CharField(max_length=30, choices=Kind.choices, help_text=HELP["kind_party"])
    description = models.TextField(blank=True, help_text=HELP["description"])
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.ACTIVE, help_text=HELP["status"]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("name",)
        verbose_name_plural = "interested parties"
        constraints = [models.UniqueConstraint(fields=["organization", "name"], name="ctx_party_unique_name")]
        indexes = [models.Index(fields=["organization", "kind", "name"], name="ctx_party_org_kind")]

    def __str__(self) -> str:
        return self.name


class Requirement(models.Model):
    """One need or expectation of an interested party, addressed by the AIMS or not, and why (4.2 b, c)."""

    party = models.ForeignKey(InterestedParty, on_delete=models.CASCADE, related_name="requirements")
    description = models.TextField(help_text=HELP["req_description"])
    is_addressed = models.BooleanField("addressed by the AIMS", default=True, help_text=HELP["is_addressed"])
    rationale = models.TextField(help_text=HELP["rationale"])
    obligation = models.ForeignKey(
        Obligation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requirements",
        help_text=HELP["obligation"],
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("pk",)

    def __str__(self) -> str:
        return self.description[:80]


class ScopeStatement(models.Model):
    """One version of the scope of the AIMS (clause 4.3). Approved versions never change."""

    evidences: ClassVar[tuple[str, ...]] = ("4.3",)

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField()
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    boundaries = models.TextField(help_text=HELP["boundaries"])
    ai_roles = models.JSONField(default=list, blank=True, help_text=HELP["ai_roles"])
    systems_in_scope = models.JSONField(
        default=list,
        blank=True,
        help_text="References of the AI systems in scope when this version was saved.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-version",)
        constraints = [
            models.UniqueConstraint(fields=["organization", "version"], name="ctx_scope_unique_version")
        ]

    def __str__(self) -> str:
        return f"Scope v{self.version}"

    @property
    def is_approved(self) -> bool:
        return self.state == self.State.APPROVED


class ScopeExclusion(models.Model):
    """Something left out of a scope version, with the reason."""

    scope = models.ForeignKey(ScopeStatement, on_delete=models.CASCADE, related_name="exclusions")
    what = models.CharField(max_length=300, help_text=HELP["what"])
    reason = models.TextField(help_text=HELP["reason"])

    class Meta:
        ordering = ("pk",)

    def __str__(self) -> str:
        return self.what
