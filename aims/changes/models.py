"""Planned changes to the AI management system and its AI systems (6.3, 8.1)."""
