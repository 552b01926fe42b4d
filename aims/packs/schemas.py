"""API shapes of evidence packs."""

from __future__ import annotations

from datetime import date

from ninja import Field, Schema


class PackQuery(Schema):
    organization: str = Field(..., description="The organisation's slug.")
    since: date | None = Field(
        None,
        description="Audit events and evidence from this day on (YYYY-MM-DD); the whole history without.",
    )


class OrganizationParam(Schema):
    organization: str = Field(..., description="The organisation's slug.")


class KeyOut(Schema):
    public_key_pem: str = Field(..., description="The installation's Ed25519 public key (PEM).")
    fingerprint: str = Field(
        ...,
        description="SHA-256 of the raw public key in groups of four hex digits, as verify shows.",
    )
    algorithm: str = Field("Ed25519", description="The signature algorithm of manifest.sig.")
