"""Internal audit programmes, audits, checklists, results and reports (9.2)."""
