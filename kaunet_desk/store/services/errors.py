"""Errors services raise for the UI to turn into a sentence."""

from __future__ import annotations

from kaunet_desk.domain.customer_fields import FieldProblem


class NotFound(LookupError):
    def __init__(self, entity: str, entity_id: int | str) -> None:
        super().__init__(f"{entity} {entity_id} not found")
        self.entity = entity
        self.entity_id = entity_id


class ValidationFailed(ValueError):
    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = problems


class Duplicate(ValueError):
    """A unique value already taken (another clerk may have saved it meanwhile)."""

    def __init__(self, entity: str, field: str, value: str) -> None:
        super().__init__(f"{entity}.{field} {value!r} already exists")
        self.entity = entity
        self.field = field
        self.value = value
