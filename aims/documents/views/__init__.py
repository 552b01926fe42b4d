"""HTML pages of the document register. Each parses its form and calls one action."""

from aims.documents.views.documents import (
    document_create,
    document_detail,
    document_edit,
    document_list,
    document_reviewed,
    document_withdraw,
)
from aims.documents.views.versions import (
    version_create,
    version_detail,
    version_diff,
    version_edit,
    version_file,
    version_pdf,
    version_transition,
)

__all__ = [
    "document_create",
    "document_detail",
    "document_edit",
    "document_list",
    "document_reviewed",
    "document_withdraw",
    "version_create",
    "version_detail",
    "version_diff",
    "version_edit",
    "version_file",
    "version_pdf",
    "version_transition",
]
