"""Measurable AI objectives and the plans to reach them (6.2)."""
