"""The installation's key for signing evidence packs: Ed25519, in the PEM file named by the setting
`AIMS_PACK_SIGNING_KEY_FILE`, made on first use (readable by its owner only) when it is not there.

The fingerprint that people compare is the SHA-256 of the raw 32-byte public key, in groups of four hex
digits. The private key never leaves the file; packs carry the public key and the manifest's signature.
"""

from __future__ import annotations

import base64
import hashlib
import os
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def installation_key() -> Ed25519PrivateKey:
    """The installation's private key, made on first use."""
    return load_or_create_key(Path(settings.AIMS_PACK_SIGNING_KEY_FILE))


def load_or_create_key(path: Path) -> Ed25519PrivateKey:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        data = _create(path)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured(f"{path} is not an unencrypted PEM private key: {exc}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured(f"{path} holds a private key, but not an Ed25519 one.")
    return key


def _create(path: Path) -> bytes:
    """Write a new key with mode 0600; if another process wrote one first, that one wins."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".pack-signing-key-")  # mode 0600
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(pem)
            file.flush()
            os.fsync(file.fileno())
        os.link(temporary, path)  # atomic, and refuses to replace a key that is already there
    except FileExistsError:
        return path.read_bytes()
    finally:
        os.unlink(temporary)
    return pem


def public_pem(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def public_key_from_pem(data: bytes) -> Ed25519PublicKey:
    """The Ed25519 public key in a PEM text; ValueError for anything else."""
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"not a PEM public key ({exc})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("a public key, but not an Ed25519 one")
    return key


def fingerprint(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """SHA-256 of the raw public key, as 16 groups of 4 hex digits: "3f2a 91c0 …"."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    digest = hashlib.sha256(raw).hexdigest()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    """The signature of `data`, as base64 text with a final newline (the content of manifest.sig)."""
    return base64.b64encode(key.sign(data)) + b"\n"
