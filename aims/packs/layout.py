"""The fixed names and fields of an evidence pack, shared by the writer and the (database-free) verifier."""

FORMAT = "aims-evidence-pack"
FORMAT_VERSION = 1

PUBLIC_KEY = "public-key.pem"
"""The first member: the installation's public key, not listed (the manifest names its fingerprint)."""
MANIFEST = "manifest.json"
"""After every file it lists: each file's path, SHA-256 and size, and the audit chain head."""
SIGNATURE = "manifest.sig"
"""The last member: the Ed25519 signature of the exact bytes of manifest.json, in base64."""
UNLISTED = frozenset({PUBLIC_KEY, MANIFEST, SIGNATURE})

EVENTS = "audit/events.jsonl"
HEAD = "audit/head.json"
REQUIRED = (EVENTS, HEAD)

EVENT_FIELDS = frozenset(
    {
        "seq",
        "organization_id",
        "actor_label",
        "verb",
        "target_type",
        "target_id",
        "target_label",
        "before",
        "after",
        "data",
        "created_at",
    }
)
"""The fields an audit event's hash covers (`aims.audit.models.event_payload`); each line of events.jsonl has
these and its `prev_hash` and `hash`."""
