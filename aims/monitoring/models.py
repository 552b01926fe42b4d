"""Metrics, measurements, thresholds and trends (9.1)."""
