"""The columns of the 変更履歴 table: one descriptor each (the pattern of Anki's browser)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kaunet_desk.formatting import format_date
from kaunet_desk.i18n import N_, _
from kaunet_desk.store.services.audit_log import AuditRecord
from kaunet_desk.ui.audit.labels import action_label, kind_label, summary, target_label


def when_text(record: AuditRecord) -> str:
    return _("{date} {time}").format(date=format_date(record.at.date()),
                                     time=f"{record.at:%H:%M:%S}")


def customer_text(record: AuditRecord) -> str:
    if record.customer_id is None:
        return ""
    return record.customer_name or _("(お客さま #{id})").format(id=record.customer_id)


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # marked with N_, translated when shown
    text: Callable[[AuditRecord], str]
    width: int


COLUMNS: tuple[Column, ...] = (
    Column("at", N_("日時"), when_text, 150),
    Column("user", N_("担当者"), lambda r: r.user, 90),
    Column("kind", N_("種類"), lambda r: kind_label(r.kind), 110),
    Column("action", N_("操作"), lambda r: action_label(r.action), 50),
    Column("customer", N_("お客さま"), customer_text, 180),
    Column("target", N_("対象"), target_label, 130),
    Column("changes", N_("変更内容"), summary, 360),
)

COLUMN_KEYS = tuple(c.key for c in COLUMNS)


def column_index(key: str) -> int:
    return COLUMN_KEYS.index(key)
