"""The EU AI Act classification questionnaire, as data (Regulation (EU) 2024/1689).

Each question has a stable id (stored in a classification's answers), a short plain-words text, a help text,
its kind (yes/no or multi-select) and the articles it relates to. A question with `depends_on` is asked
only when the answer to that question is yes (or, for a multi-select, ticks something); otherwise its answer
is dropped. The wording is ours; the article numbers are the Act's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

RULES_VERSION = 1  # raise when the questions or the rules change the outcome for the same answers


class Kind(StrEnum):
    YES_NO = "yes_no"
    MULTI = "multi"


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    article: str
    help: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    section: str
    text: str
    help: str
    kind: Kind
    articles: tuple[str, ...]
    options: tuple[Option, ...] = ()
    depends_on: str = ""

    def option(self, option_id: str) -> Option | None:
        return next((option for option in self.options if option.id == option_id), None)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    intro: str
    questions: tuple[Question, ...] = field(default_factory=tuple)


_PROHIBITED = (
    Option("manipulation", "Uses subliminal, manipulative or deceptive techniques that distort people's "
           "behaviour and can cause them significant harm", "5(1)(a)"),
    Option("exploiting_vulnerabilities", "Exploits people's vulnerabilities (age, disability, social or "
           "economic situation) to distort their behaviour harmfully", "5(1)(b)"),
    Option("social_scoring", "Scores people on their social behaviour or personality, leading to unfair or "
           "unrelated detrimental treatment", "5(1)(c)"),
    Option("crime_prediction", "Predicts whether a person will commit a crime based only on profiling or "
           "personality traits", "5(1)(d)"),
    Option("face_scraping", "Builds or expands facial-recognition databases by untargeted scraping of faces "
           "from the internet or CCTV", "5(1)(e)"),
    Option("emotion_at_work_or_school", "Recognises the emotions of people at work or in education (not "
           "for medical or safety reasons)", "5(1)(f)"),
    Option("sensitive_biometric_categorisation", "Sorts people by their biometric data to infer race, "
           "political opinions, union membership, religion or beliefs, sex life or sexual orientation",
           "5(1)(g)"),
    Option("realtime_remote_biometric_id", "Identifies people remotely, in real time, in publicly "
           "accessible spaces, for law enforcement, outside the few authorised cases", "5(1)(h)",
           "The authorised cases: searching for victims or missing persons, preventing an imminent threat "
           "or terrorist attack, locating suspects of serious crimes; each with prior authorisation."),
)  # fmt: skip

_ANNEX_III = (
    Option("biometrics", "Biometrics: remote identification of people, categorising them by sensitive "
           "attributes, or recognising their emotions", "Annex III 1",
           "Not mere verification that a person is who they claim to be (such as unlocking a phone)."),
    Option("critical_infrastructure", "Safety component of critical infrastructure: digital "
           "infrastructure, road traffic, water, gas, heating or electricity", "Annex III 2"),
    Option("education", "Education and training: admission, assigning students, grading, deciding the "
           "level of education, or watching for cheating in tests", "Annex III 3"),
    Option("employment", "Employment: recruiting or selecting candidates (job ads, CV filtering, "
           "evaluation), or decisions on promotion, termination, task allocation or monitoring of workers",
           "Annex III 4"),
    Option("public_benefits", "Public services: deciding who gets, keeps or loses public assistance "
           "benefits and services, health care included", "Annex III 5(a)"),
    Option("credit_scoring", "Credit: evaluating people's creditworthiness or credit score (fraud detection "
           "excluded)", "Annex III 5(b)"),
    Option("life_health_insurance", "Insurance: risk assessment and pricing for people's life or health "
           "insurance", "Annex III 5(c)"),
    Option("emergency_services", "Emergencies: evaluating and classifying emergency calls, dispatching "
           "police, fire-fighters or medical aid, or triage of patients", "Annex III 5(d)"),
    Option("law_enforcement", "Law enforcement: assessing victim or offending risk, polygraphs, "
           "evaluating evidence, or profiling in investigations", "Annex III 6"),
    Option("migration_border", "Migration, asylum and border control: polygraphs, risk assessment of "
           "people entering, examining asylum, visa or residence applications, detecting people",
           "Annex III 7"),
    Option("justice_democracy", "Justice and democracy: helping judges or arbitrators apply the law to "
           "facts, or influencing elections or people's votes", "Annex III 8"),
)  # fmt: skip

_ART_6_3 = (
    Option("narrow_procedural_task", "It only performs a narrow procedural task (such as turning "
           "unstructured data into structured data, or sorting documents into categories)", "6(3)(a)"),
    Option("improves_human_work", "It only improves the result of an activity a person has already "
           "completed (such as polishing the language of a finished document)", "6(3)(b)"),
    Option("detects_patterns", "It only detects decision patterns or deviations from earlier patterns, "
           "and does not replace or sway the human assessment without proper human review", "6(3)(c)"),
    Option("preparatory_task", "It only performs a preparatory task for an assessment that a person makes "
           "(such as indexing, searching or translating files)", "6(3)(d)"),
)  # fmt: skip

_ART_50 = (
    Option("interacts_with_people", "It talks or chats with people directly (a chatbot, a voice "
           "assistant)", "50(1)"),
    Option("synthetic_content", "It generates synthetic audio, images, video or text", "50(2)"),
    Option("emotion_or_biometric_categorisation", "It recognises emotions or categorises people from "
           "biometric data", "50(3)"),
    Option("deep_fake", "It generates or alters images, audio or video that look like real people, "
           "objects, places or events (a deep fake)", "50(4)"),
    Option("public_interest_text", "It generates or alters text published to inform the public on "
           "matters of public interest", "50(4)"),
)  # fmt: skip

SECTIONS: tuple[Section, ...] = (
    Section(
        "role",
        "Your role",
        "Who you are for this system decides which duties fall on you.",
        (
            Question(
                "takes_provider_role",
                "role",
                "Have you put your name or trademark on the system, substantially modified it, or changed "
                "its intended purpose?",
                "If you did that to a high-risk system, the Act treats you as its provider (Article 25(1)). "
                "Answer no if you are the provider already.",
                Kind.YES_NO,
                ("25",),
            ),
        ),
    ),
    Section(
        "prohibited",
        "Prohibited practices",
        "Article 5 bans a few uses of AI outright since 2 February 2025. Tick any the system does.",
        (
            Question(
                "prohibited_practices",
                "prohibited",
                "Does the system do any of the following?",
                "Tick every practice that applies, or 'None of these'. One is enough to make the system "
                "prohibited in the EU.",
                Kind.MULTI,
                ("5",),
                _PROHIBITED,
            ),
        ),
    ),
    Section(
        "products",
        "Products under EU safety law",
        "AI in a product covered by the EU product laws of Annex I can be high-risk through that law.",
        (
            Question(
                "annex_i_product",
                "products",
                "Is the system a product, or a safety component of a product, covered by the EU laws "
                "listed in Annex I?",
                "Annex I lists laws on machinery, toys, recreational craft, lifts, equipment for explosive "
                "atmospheres, radio equipment, pressure equipment, cableways, personal protective "
                "equipment, gas appliances, medical and in-vitro diagnostic devices, vehicles, aircraft, "
                "marine equipment and rail.",
                Kind.YES_NO,
                ("6(1)", "Annex I"),
            ),
            Question(
                "annex_i_third_party_assessment",
                "products",
                "Must that product pass a conformity assessment by a third party (a notified body) under "
                "that law?",
                "If yes, the system is high-risk (Article 6(1)). Answer only if you answered yes above.",
                Kind.YES_NO,
                ("6(1)(b)", "43(3)"),
                depends_on="annex_i_product",
            ),
        ),
    ),
    Section(
        "high_risk_uses",
        "High-risk uses",
        "Annex III lists eight areas where an AI system is high-risk (Article 6(2)), unless one of the "
        "narrow exceptions of Article 6(3) applies.",
        (
            Question(
                "annex_iii_uses",
                "high_risk_uses",
                "Is the system intended for any of these uses?",
                "Tick each use that matches the system's intended purpose, or 'None of these'.",
                Kind.MULTI,
                ("6(2)", "Annex III"),
                _ANNEX_III,
            ),
            Question(
                "art6_3_conditions",
                "high_risk_uses",
                "Does the system only do one of these things, without materially influencing the outcome "
                "of decisions?",
                "These are the Article 6(3) exceptions. If one applies you must document your assessment "
                "before the system goes on the market (Article 6(4)). Answer only if you ticked a use above.",
                Kind.MULTI,
                ("6(3)", "6(4)"),
                _ART_6_3,
                depends_on="annex_iii_uses",
            ),
            Question(
                "profiles_people",
                "high_risk_uses",
                "Does the system profile people?",
                "Profiling: automatically evaluating personal aspects such as work performance, economic "
                "situation, health, preferences, interests, reliability, behaviour, location or movements. "
                "A system that profiles people stays high-risk even if an exception applies.",
                Kind.YES_NO,
                ("6(3)",),
                depends_on="annex_iii_uses",
            ),
            Question(
                "public_service",
                "high_risk_uses",
                "Are you a public body, or a private organisation providing a public service?",
                "Such deployers must assess the impact on fundamental rights before use (Article 27) and "
                "register their use (Article 26(8), 49(3)).",
                Kind.YES_NO,
                ("26(8)", "27", "49(3)"),
                depends_on="annex_iii_uses",
            ),
        ),
    ),
    Section(
        "transparency",
        "Transparency cases",
        "Article 50 requires people to be told when they deal with AI or AI-made content. These duties "
        "apply whatever the risk class.",
        (
            Question(
                "transparency_cases",
                "transparency",
                "Does any of these describe the system?",
                "Tick each that applies, or 'None of these'.",
                Kind.MULTI,
                ("50",),
                _ART_50,
            ),
        ),
    ),
    Section(
        "gpai",
        "General-purpose AI models",
        "Providers of general-purpose AI models (such as large language models) have duties of their own "
        "(Articles 51 to 55), apart from any system built on them.",
        (
            Question(
                "gpai_model_provider",
                "gpai",
                "Do you develop a general-purpose AI model and place it on the EU market, inside this "
                "system or on its own?",
                "A model trained on broad data that can do many distinct tasks. Answer no if you only use "
                "someone else's model (through an API, for instance).",
                Kind.YES_NO,
                ("51", "53"),
            ),
            Question(
                "gpai_systemic_risk",
                "gpai",
                "Was the model trained with more than 10^25 floating-point operations, or designated by "
                "the Commission as having systemic risk?",
                "Such models have systemic risk and extra duties (Articles 52 and 55). Answer only if you "
                "answered yes above.",
                Kind.YES_NO,
                ("51", "52", "55"),
                depends_on="gpai_model_provider",
            ),
        ),
    ),
)

QUESTIONS: tuple[Question, ...] = tuple(question for section in SECTIONS for question in section.questions)
QUESTION_BY_ID: dict[str, Question] = {question.id: question for question in QUESTIONS}


def answer_label(question: Question, value: object) -> str:
    """An answer in words, for pages and diffs."""
    if value is None:
        return "not asked"
    if question.kind == Kind.YES_NO:
        return "Yes" if value else "No"
    if not value:
        return "None of these"
    labels = []
    for option_id in value if isinstance(value, list) else []:
        option = question.option(option_id)
        labels.append(f"{option.label} ({option.article})" if option else option_id)
    return "; ".join(labels)
