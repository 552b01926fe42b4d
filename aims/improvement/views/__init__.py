"""Nonconformities, corrective actions and improvement opportunities (10.1, 10.2)."""
