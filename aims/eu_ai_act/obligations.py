"""What the EU AI Act then asks of the organisation, article by article, in our own short words.

Each function returns the obligations of one group (AI literacy, high-risk provider, deployer, transparency,
general-purpose models, …); `rules.classify` decides which groups apply and says why.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from aims.eu_ai_act.questions import Option


@dataclass(frozen=True)
class Obligation:
    article: str
    title: str
    why: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


PROVIDER_HIGH_RISK = (
    ("Art. 9", "Risk management system: identify, assess and reduce the system's risks throughout its life"),
    (
        "Art. 10",
        "Data governance: training, validation and test data that are relevant, representative "
        "and examined for bias",
    ),
    ("Art. 11", "Technical documentation (Annex IV), drawn up before it goes on the market and kept current"),
    ("Art. 12", "Record-keeping: the system logs events automatically over its lifetime"),
    ("Art. 13", "Instructions for use that tell deployers its purpose, accuracy, limits and oversight"),
    ("Art. 14", "Human oversight: designed so that people can understand, override and stop it"),
    ("Art. 15", "Accuracy, robustness and cybersecurity, declared and kept at an appropriate level"),
    ("Art. 16", "Provider duties: your name and contact on the system, and everything listed here"),
    ("Art. 17", "Quality management system, written down as policies and procedures"),
    ("Art. 18", "Keep the documentation for 10 years after the system is placed on the market"),
    ("Art. 19", "Keep the logs the system generates, while under your control, for at least 6 months"),
    ("Art. 20", "Corrective action: fix, withdraw or recall a non-conforming system; tell those concerned"),
    ("Art. 21", "Cooperate with the authorities and give them information and logs on request"),
    ("Art. 22", "Appoint an authorised representative in the EU, if you are established outside it"),
    ("Art. 47", "Draw up the EU declaration of conformity (Annex V) and keep it for 10 years"),
    ("Art. 48", "Put the CE marking on the system, its packaging or its documentation"),
    ("Art. 72", "Post-market monitoring: a plan and a system that collect and analyse its performance data"),
    (
        "Art. 73",
        "Report serious incidents to the market surveillance authority: within 15 days at the "
        "latest, 10 after a death, 2 for a widespread infringement or critical-infrastructure disruption",
    ),
)

TRANSPARENCY = {
    # case: (role whose duty it is, article, title)
    "interacts_with_people": ("provider", "Art. 50(1)", "Tell people they are dealing with an AI system, "
                              "at the latest at the first interaction, unless it is obvious"),
    "synthetic_content": ("provider", "Art. 50(2)", "Mark generated audio, images, video and text, in a "
                          "machine-readable way, as made by AI"),
    "emotion_or_biometric_categorisation": ("deployer", "Art. 50(3)", "Tell the people exposed to it that it "
                                            "is operating, and process their personal data lawfully"),
    "deep_fake": ("deployer", "Art. 50(4)", "Disclose that the images, audio or video were generated or "
                  "altered by AI"),
    "public_interest_text": ("deployer", "Art. 50(4)", "Disclose that the text was generated or altered by "
                             "AI, unless a person reviewed it and holds editorial responsibility"),
}  # fmt: skip


def ai_literacy(role: str) -> list[Obligation]:
    if role not in ("provider", "deployer"):
        return []
    return [
        Obligation(
            "Art. 4",
            "AI literacy: make sure the people who build, run or use the system know enough about AI",
            f"Every {role} of an AI system, whatever its class, since 2 February 2025.",
        )
    ]


def prohibited(practices: list[Option]) -> list[Obligation]:
    return [
        Obligation(
            f"Art. {practice.article}",
            "Stop: this practice is banned in the EU since 2 February 2025",
            f"You said the system: {practice.label.lower()}. Fines reach €35 million or 7% of worldwide "
            "turnover (Art. 99(3)).",
        )
        for practice in practices
    ]


def high_risk_provider(basis: str, *, annex_i: bool, annex_iii: bool) -> list[Obligation]:
    why = f"High-risk ({basis}) and you are its provider."
    found = [Obligation(article, title, why) for article, title in PROVIDER_HIGH_RISK]
    if annex_i:
        found.append(
            Obligation(
                "Art. 43(3)",
                "Conformity assessment within the procedure of the product's own EU law",
                f"{why} The notified body under that law also checks the AI requirements.",
            )
        )
    if annex_iii:
        found.append(
            Obligation(
                "Art. 43(1)-(2)",
                "Conformity assessment before placing it on the market: internal control (Annex VI), or a "
                "notified body for biometric systems without harmonised standards (Annex VII)",
                why,
            )
        )
        found.append(
            Obligation(
                "Art. 49(1)", "Register yourself and the system in the EU database before placing it", why
            )
        )
    return sorted(found, key=_article_order)


def high_risk_deployer(basis: str, *, annex_iii: list[Option], public_service: bool) -> list[Obligation]:
    why = f"High-risk ({basis}) and you deploy it."
    found = [
        Obligation(
            "Art. 26",
            "Use it as its instructions say; have trained people oversee it; check the input data you "
            "control; monitor it; keep its logs 6 months or more; tell the provider of serious incidents",
            why,
        ),
        Obligation(
            "Art. 26(7)",
            "Inform workers and their representatives before using it at work",
            f"{why} Applies when you use it at the workplace.",
        ),
    ]
    about_people = [use for use in annex_iii if use.id != "critical_infrastructure"]  # Art. 27(1), 86(1)
    if about_people:
        found += _annex_iii_deployer(about_people, public_service, why)
    return found


def _annex_iii_deployer(annex_iii: list[Option], public_service: bool, why: str) -> list[Obligation]:
    found = [
        Obligation(
            "Art. 26(11)",
            "Tell the people it makes, or helps make, decisions about that it is used on them",
            why,
        ),
        Obligation(
            "Art. 86",
            "Explain, on request, the role the system played in a decision that affects someone",
            why,
        ),
    ]
    fria_uses = [o for o in annex_iii if o.id in ("credit_scoring", "life_health_insurance")]
    if public_service or fria_uses:
        reason = (
            "You are a public body or provide a public service."
            if public_service
            else f"It is used for {', '.join(o.article for o in fria_uses)}."
        )
        found.append(
            Obligation(
                "Art. 27",
                "Fundamental rights impact assessment before first use, and notify the market surveillance "
                "authority of its results",
                f"{why} {reason}",
            )
        )
    if public_service:
        found.append(
            Obligation(
                "Art. 26(8), 49(3)",
                "Register your use of the system in the EU database before using it",
                f"{why} Applies if you are a public authority (or an EU institution).",
            )
        )
    return found


def importer(basis: str) -> list[Obligation]:
    return [
        Obligation(
            "Art. 23",
            "Before placing it on the market, check its conformity assessment, technical documentation, CE "
            "marking and authorised representative; put your name on it; keep the papers for 10 years",
            f"High-risk ({basis}) and you import it.",
        )
    ]


def distributor(basis: str) -> list[Obligation]:
    return [
        Obligation(
            "Art. 24",
            "Before making it available, check its CE marking, declaration of conformity and instructions; "
            "do not supply it if you think it does not conform",
            f"High-risk ({basis}) and you distribute it.",
        )
    ]


def exception_documented(uses: str, exceptions: list[Option]) -> list[Obligation]:
    why = (
        f"It is meant for {uses}, but the exception of Art. "
        f"{', '.join(o.article for o in exceptions)} applies and it does not profile people."
    )
    return [
        Obligation(
            "Art. 6(4)",
            "Write down why the system is not high-risk before placing it on the market; show it to the "
            "authorities on request",
            why,
        ),
        Obligation("Art. 49(2)", "Register yourself and the system in the EU database even so", why),
    ]


def transparency(role: str, cases: list[Option]) -> list[Obligation]:
    found = []
    for case in cases:
        duty_of, article, title = TRANSPARENCY[case.id]
        if duty_of == role:
            found.append(
                Obligation(article, title, f"You said: {case.label.lower()}; the {role} must do it.")
            )
    return found


def general_purpose_model(*, systemic: bool) -> list[Obligation]:
    why = "You provide a general-purpose AI model."
    found = [
        Obligation(
            "Art. 53",
            "Technical documentation of the model (Annex XI), information for those who build on it (Annex "
            "XII), a copyright policy, and a public summary of the training content",
            why,
        ),
        Obligation(
            "Art. 54",
            "Appoint an authorised representative in the EU, if you are established outside it",
            why,
        ),
    ]
    if systemic:
        why = "Your general-purpose model has systemic risk."
        found += [
            Obligation("Art. 52", "Notify the Commission within two weeks of reaching the threshold", why),
            Obligation(
                "Art. 55",
                "Evaluate the model (adversarial testing included), assess and reduce systemic risks, "
                "report serious incidents, and keep it cybersecure",
                why,
            ),
        ]
    return found


def _article_order(obligation: Obligation) -> tuple[int, str]:
    number = obligation.article.removeprefix("Art. ").split("(")[0]
    return int(number) if number.isdigit() else 999, obligation.article
