"""Audit entries are written inside the same unit of work as the change they describe."""

from __future__ import annotations

import getpass
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from kaunet_desk.store.models import AuditEntry


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (service account, odd container)
        return "unknown"


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """Fields whose value changed, as {field: [old, new]}."""
    return {
        key: [_plain(old.get(key)), _plain(new.get(key))]
        for key in sorted(set(old) | set(new))
        if old.get(key) != new.get(key)
    }


def record(
    session: Session,
    *,
    action: str,
    entity: str,
    entity_id: int,
    customer_id: int | None,
    changes: dict[str, list[Any]],
) -> None:
    session.add(
        AuditEntry(
            at=datetime.now(),
            user=current_user(),
            action=action,
            entity=entity,
            entity_id=entity_id,
            customer_id=customer_id,
            changes=json.dumps(changes, ensure_ascii=False, sort_keys=True),
        )
    )
