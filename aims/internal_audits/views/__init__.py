"""The internal audit pages: programmes, the audit register, one audit with its checklist, and the report."""
