"""Models, datasets, resources and competences of the demo organisation "Demo AI Ltd", made through
the actions people use, so their audit trail is real.

They attach to the demo's AI systems when those exist (found by words in their names: the credit-scoring
model, the customer-support chatbot, the CV-screening tool). Running it again changes nothing: a record whose
reference exists is left alone, and a system's competences are added only if it has none.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.components import actions
from aims.components.models import AIModel, CompetenceNeed, ComponentModel, Dataset, Resource
from aims.components.models import SpecialCategory as Special
from aims.organizations.models import Organization

CREDIT, CHATBOT, CV = ("credit", "scoring"), ("chatbot", "support"), ("cv", "screening")

# (reference, system words, data) for each register
MODELS: tuple[tuple[str, tuple[str, ...], dict[str, Any]], ...] = (
    (
        "MOD-001",
        CREDIT,
        {
            "name": "Credit scorecard (gradient boosting)",
            "model_type": AIModel.ModelType.CLASSICAL_ML,
            "version": "3.2.0",
            "provider": "Risk analytics team (in-house)",
            "licence": "Proprietary (in-house)",
            "description": "Estimates the probability of default of a consumer-loan applicant.",
            "training_approach": (
                "LightGBM on five years of loan applications and their 12-month outcomes; monotonic "
                "constraints on income and debt ratios; retrained every six months."
            ),
            "evaluation_results": [
                {"metric": "AUC", "value": 0.81, "dataset": "DS-002"},
                {"metric": "Gini", "value": 0.62, "dataset": "DS-002"},
                {
                    "metric": "Approval-rate gap, under 25 vs 25-60",
                    "value": "3.1 points",
                    "dataset": "DS-002",
                },
            ],
            "known_limitations": (
                "Less accurate for applicants with under 12 months of credit history; not validated for "
                "business loans or for amounts over EUR 50,000."
            ),
        },
    ),
    (
        "MOD-002",
        CHATBOT,
        {
            "name": "Hosted large language model",
            "model_type": AIModel.ModelType.FOUNDATION,
            "version": "2025-06 snapshot",
            "provider": "LLM vendor (hosted API)",
            "licence": "Commercial API terms",
            "description": (
                "The general-purpose language model behind the support chatbot, used through an API."
            ),
            "training_approach": (
                "Pre-trained and instruction-tuned by the vendor; we do not fine-tune it. Our product "
                "documentation is given to it at answer time (retrieval-augmented generation)."
            ),
            "evaluation_results": [
                {"metric": "Correct answers, 400 sampled questions", "value": "91%", "dataset": "DS-005"},
                {"metric": "Answers with invented facts", "value": "2.5%", "dataset": "DS-005"},
            ],
            "known_limitations": (
                "Can state wrong facts confidently; weaker in languages other than English and German; the "
                "vendor may change the model behind the snapshot name with notice."
            ),
        },
    ),
    (
        "MOD-003",
        CV,
        {
            "name": "CV ranking model",
            "model_type": AIModel.ModelType.RULES_ML,
            "version": "1.4",
            "provider": "People analytics team (in-house)",
            "licence": "Proprietary (in-house)",
            "description": (
                "Ranks applications for a vacancy by how well the CV matches the job's requirements."
            ),
            "training_approach": (
                "Must-have rules from the job description, then a logistic regression over skill matches, "
                "trained on past shortlisting decisions with names, photos, ages and addresses removed."
            ),
            "evaluation_results": [
                {"metric": "Recall of recruiter shortlist, top 20", "value": 0.77, "dataset": "DS-006"},
                {"metric": "Selection-rate ratio, women to men", "value": 0.91, "dataset": "DS-006"},
            ],
            "known_limitations": (
                "Learns from past decisions, which favoured some universities; career breaks lower the score;"
                " untested for roles outside engineering and sales."
            ),
        },
    ),
)

DATASETS: tuple[tuple[str, tuple[str, ...], dict[str, Any]], ...] = (
    (
        "DS-001",
        CREDIT,
        {
            "name": "Loan applications 2019-2024",
            "category": Dataset.Category.TRAINING,
            "provider": "Consumer lending operations",
            "source": "Loan origination system and credit bureau replies",
            "acquisition_method": Dataset.Acquisition.INTERNAL,
            "volume": "1.2 million applications, 140 columns",
            "data_updated_on": date(2025, 1, 15),
            "usage_rights": (
                "Contract with the applicant and legitimate interest for credit-risk models (GDPR 6(1)(b), "
                "(f))."
            ),
            "licence": "Internal data",
            "contains_personal_data": True,
            "known_bias": (
                "Few applicants under 21 or over 75; rejected applicants have no outcome (reject inference)."
            ),
            "quality_requirements": (
                "Under 1% missing income; outcomes known for every approved loan; no duplicates."
            ),
            "measured_quality": (
                "0.4% missing income, 0.02% duplicates removed (data quality report, Jan 2025)."
            ),
            "preparation_steps": (
                "Duplicates removed; income capped at the 99.5th percentile; categories one-hot encoded."
            ),
            "retention_until": date(2031, 12, 31),
            "disposal_method": "Deleted from the warehouse; backups expire 35 days later.",
        },
    ),
    (
        "DS-002",
        CREDIT,
        {
            "name": "Loan outcomes hold-out 2024",
            "category": Dataset.Category.TEST,
            "provider": "Risk analytics team",
            "source": "A random 20% of 2024 applications, kept out of training",
            "acquisition_method": Dataset.Acquisition.INTERNAL,
            "volume": "48,000 applications",
            "usage_rights": "As DS-001.",
            "contains_personal_data": True,
            "quality_requirements": "Same distribution as the live applications of the year.",
            "retention_until": date(2031, 12, 31),
            "disposal_method": "Deleted with DS-001.",
        },
    ),
    (
        "DS-003",
        CREDIT,
        {
            "name": "Live credit applications",
            "category": Dataset.Category.PRODUCTION,
            "source": "Loan origination system, in real time",
            "acquisition_method": Dataset.Acquisition.CUSTOMER,
            "usage_rights": "Contract with the applicant.",
            "contains_personal_data": True,
            "retention_until": date(2035, 12, 31),
            "disposal_method": "Kept with the loan file, deleted ten years after the loan ends.",
        },
    ),
    (
        "DS-004",
        CHATBOT,
        {
            "name": "Support knowledge base",
            "category": Dataset.Category.PRODUCTION,
            "provider": "Customer service",
            "source": "Help-centre articles and product terms",
            "acquisition_method": Dataset.Acquisition.INTERNAL,
            "volume": "2,300 articles",
            "usage_rights": "Our own content.",
            "preparation_steps": "Split into passages of about 300 words, embedded nightly.",
        },
    ),
    (
        "DS-005",
        CHATBOT,
        {
            "name": "Redacted chat transcripts for evaluation",
            "category": Dataset.Category.TEST,
            "source": "Chats of consenting customers, sampled monthly",
            "acquisition_method": Dataset.Acquisition.CUSTOMER,
            "volume": "400 conversations a month",
            "usage_rights": "Consent given in the chat window; withdrawal honoured within 30 days.",
            "contains_personal_data": True,
            "known_bias": "Mostly English-language chats; few from customers over 70.",
            "preparation_steps": (
                "Names, account numbers and addresses masked automatically, then checked by hand."
            ),
            "retention_until": date(2026, 12, 31),
            "disposal_method": "Deleted after 24 months.",
        },
    ),
    (
        "DS-006",
        CV,
        {
            "name": "Historical CVs and shortlisting decisions",
            "category": Dataset.Category.TRAINING,
            "provider": "Talent acquisition",
            "source": "Applicant tracking system, 2020-2024",
            "acquisition_method": Dataset.Acquisition.INTERNAL,
            "volume": "36,000 applications to 610 vacancies",
            "usage_rights": "Legitimate interest, with applicants informed in the privacy notice; DPIA done.",
            "contains_personal_data": True,
            "special_categories": [Special.HEALTH, Special.RACIAL_ETHNIC],
            "known_bias": (
                "Past shortlists favoured men for engineering roles and graduates of a few universities."
            ),
            "quality_requirements": (
                "Decision known for every application; CV text extracted for at least 98%."
            ),
            "measured_quality": "97.6% of CVs extracted; 1.1% without a recorded decision, left out.",
            "preparation_steps": (
                "Names, photos, dates of birth and addresses removed; disability and nationality mentions "
                "masked."
            ),
            "retention_until": date(2027, 6, 30),
            "disposal_method": "Deleted, with the derived features, when retention ends.",
        },
    ),
)

RESOURCES: tuple[tuple[str, tuple[str, ...], dict[str, Any]], ...] = (
    (
        "RES-001",
        CREDIT,
        {
            "name": "LightGBM and scikit-learn",
            "kind": Resource.Kind.TOOLING,
            "version": "LightGBM 4.5, scikit-learn 1.6",
            "provider": "Open source (MIT, BSD-3-Clause)",
            "description": "Training and evaluation libraries of the credit and CV models.",
        },
    ),
    (
        "RES-002",
        CREDIT,
        {
            "name": "MLflow tracking server",
            "kind": Resource.Kind.TOOLING,
            "location": Resource.Location.ON_PREMISES,
            "provider": "Platform team",
            "description": (
                "Experiment tracking and the model registry; every released model version is there."
            ),
        },
    ),
    (
        "RES-003",
        CREDIT,
        {
            "name": "Kubernetes cluster, EU-West",
            "kind": Resource.Kind.COMPUTING,
            "location": Resource.Location.CLOUD,
            "provider": "Cloud provider (EU region)",
            "description": "Runs model training jobs and the scoring service.",
            "energy_notes": (
                "About 1,800 kWh a month for training and serving; the region reports 100% renewable "
                "matching."
            ),
        },
    ),
    (
        "RES-004",
        CHATBOT,
        {
            "name": "LLM vendor API",
            "kind": Resource.Kind.COMPUTING,
            "location": Resource.Location.CLOUD,
            "provider": "LLM vendor",
            "description": "The vendor's hosted inference; we send prompts and receive answers.",
            "energy_notes": (
                "The vendor publishes no per-request energy figures; asked in the 2025 supplier review."
            ),
        },
    ),
)

PROVENANCE: dict[str, tuple[tuple[str, str, date, str], ...]] = {
    "DS-001": (
        ("created", "Consumer lending operations", date(2019, 1, 2), "Applications recorded as they arrive."),
        (
            "transferred",
            "Data platform team",
            date(2024, 11, 4),
            "Extract copied to the analytics warehouse.",
        ),
        ("transformed", "Risk analytics team", date(2025, 1, 15), "De-duplicated and features engineered."),
    ),
    "DS-006": (
        (
            "created",
            "Talent acquisition",
            date(2020, 1, 6),
            "Applications collected by the applicant tracker.",
        ),
        ("transformed", "People analytics team", date(2025, 2, 3), "Personal details removed, CVs parsed."),
        ("shared", "External fairness auditor", date(2025, 3, 10), "A 2,000-row sample shared under NDA."),
    ),
}

# (system words, competence, area, description, holder roles)
COMPETENCES: tuple[tuple[tuple[str, ...], str, str, str, tuple[str, ...]], ...] = (
    (CREDIT, "Credit-risk modelling", "data_science", "Builds, validates and retrains the scorecard.",
     ("contributor",)),
    (CREDIT, "Review of declined applications", "human_oversight", "Checks scores with their reasons.",
     ("manager",)),
    (CREDIT, "Consumer-credit and fair-lending law", "legal", "Advises on adverse-action notices.", ()),
    (CHATBOT, "Prompt and retrieval engineering", "engineering", "Keeps answers grounded in our articles.",
     ("contributor",)),
    (CHATBOT, "Privacy review of transcripts", "privacy", "Checks masking before transcripts are used.", ()),
    (CV, "Recruitment expertise", "domain", "Judges whether rankings make sense for the role.", ("manager",)),
    (CV, "Bias and fairness testing", "data_science", "Tests selection rates across groups.", ()),
)  # fmt: skip


def _system(organization: Organization, words: tuple[str, ...]) -> AISystem | None:
    match = Q()
    for word in words:
        match |= Q(name__icontains=word)
    return AISystem.objects.filter(organization=organization).filter(match).order_by("reference").first()


def _seed_register(
    organization: Organization,
    actor: User,
    model: type[ComponentModel],
    create: Any,
    rows: tuple[tuple[str, tuple[str, ...], dict[str, Any]], ...],
) -> None:
    existing = set(model.objects.filter(organization=organization).values_list("reference", flat=True))
    for reference, words, data in rows:
        if reference in existing:
            continue
        system = _system(organization, words)
        create(
            actor=actor,
            organization=organization,
            data={"reference": reference, **data},
            ai_systems=[system] if system else [],
        )


def _seed_provenance(organization: Organization, actor: User) -> None:
    for reference, events in PROVENANCE.items():
        dataset = Dataset.objects.filter(organization=organization, reference=reference).first()
        if dataset is None or dataset.provenance_events.exists():
            continue
        for kind, who, when, what in events:
            actions.record_provenance_event(
                actor=actor, dataset=dataset, kind=kind, actor_name=who, occurred_on=when, description=what
            )


def _seed_competences(organization: Organization, users: dict[str, User], actor: User) -> None:
    done: set[int] = set(
        CompetenceNeed.objects.filter(organization=organization).values_list("ai_system_id", flat=True)
    )
    for words, competence, area, description, roles in COMPETENCES:
        system = _system(organization, words)
        if system is None or system.pk in done:
            continue
        actions.create_competence_need(
            actor=actor,
            ai_system=system,
            data={"competence": competence, "area": area, "description": description},
            holders=[users[role] for role in roles if role in users],
        )


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """Fill the demo's component registers; `users` maps roles ("owner", "contributor", …) to people."""
    actor = users.get("contributor") or users["owner"]
    _seed_register(organization, actor, AIModel, actions.create_ai_model, MODELS)
    _seed_register(organization, actor, Dataset, actions.create_dataset, DATASETS)
    _seed_register(organization, actor, Resource, actions.create_resource, RESOURCES)
    _seed_provenance(organization, actor)
    _seed_competences(organization, users, users.get("manager") or actor)
