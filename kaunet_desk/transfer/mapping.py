"""Which column of the file feeds which field: guessed from the headers, or as the clerk
chose it once (the dialog remembers the choice by header text in QSettings)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kaunet_desk.transfer.columns import Column, header_key


@dataclass(frozen=True)
class ColumnMapping:
    """field key → index of the file column (a field absent from the dict is not mapped)."""

    indices: Mapping[str, int]

    def index(self, key: str) -> int | None:
        return self.indices.get(key)

    def missing_required(self, columns: tuple[Column, ...]) -> list[Column]:
        return [c for c in columns if c.required and c.key not in self.indices]

    def headers(self, header: list[str]) -> dict[str, str]:
        """field key → header text, the form a choice is remembered in."""
        return {key: header[i] for key, i in self.indices.items() if i < len(header)}


def guess_mapping(
    header: list[str],
    columns: tuple[Column, ...],
    remembered: Mapping[str, str] | None = None,
) -> ColumnMapping:
    """Remembered choices first (by header text), then the headers' own names and aliases.

    A file column feeds at most one field; a header that matches nothing is left unused.
    """
    positions: dict[str, int] = {}
    for index, text in enumerate(header):
        positions.setdefault(header_key(text), index)
    used: set[int] = set()
    indices: dict[str, int] = {}
    known = {c.key for c in columns}
    for key, text in (remembered or {}).items():
        index = positions.get(header_key(text))
        if key in known and index is not None and index not in used:
            indices[key] = index
            used.add(index)
    for column in columns:
        if column.key in indices:
            continue
        for name in (column.header, *column.aliases):
            index = positions.get(header_key(name))
            if index is not None and index not in used:
                indices[column.key] = index
                used.add(index)
                break
    return ColumnMapping(indices)
