"""The registers that can be imported from and exported to spreadsheets, in the order they are imported:
AI systems first, so that models and datasets in the same workbook can link to them."""

from __future__ import annotations

from aims.interchange.registers.ai_models import AIModels
from aims.interchange.registers.ai_systems import AISystems
from aims.interchange.registers.base import ImportContext, Plan, Progress, Register
from aims.interchange.registers.datasets import Datasets
from aims.interchange.registers.suppliers import Suppliers

REGISTERS: dict[str, Register] = {
    register.name: register for register in (AISystems(), AIModels(), Datasets(), Suppliers())
}
BY_SHEET: dict[str, Register] = {register.sheet.lower(): register for register in REGISTERS.values()}

__all__ = ["BY_SHEET", "REGISTERS", "ImportContext", "Plan", "Progress", "Register"]
