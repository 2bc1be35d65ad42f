"""The filtered audit log as a CSV file for Excel — no Qt here.

UTF-8 with a BOM: Japanese Excel opens it by double-click without garbling, and nothing is
lost to cp932 (a name with 髙 or an emoji in a note survives). One line per changed field,
so Excel's filter can pick out, say, every address change. The file is written beside the
target and renamed into place: a cancelled or failed export leaves no half file.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path

from kaunet_desk.i18n import N_, _
from kaunet_desk.store.services.audit_log import AuditRecord
from kaunet_desk.ui.audit.columns import customer_text, when_text
from kaunet_desk.ui.audit.labels import (
    action_label,
    change_texts,
    kind_label,
    ordered_changes,
    target_label,
)

ENCODING = "utf-8-sig"
HEADERS = (
    N_("日時"), N_("担当者"), N_("種類"), N_("操作"), N_("お客さま番号"), N_("お客さま"),
    N_("対象"), N_("項目"), N_("変更前"), N_("変更後"),
)
# Excel runs a cell starting with these as a formula (CSV injection); a leading ' keeps it
# text. A plain negative amount (-￥200, -12) is left alone.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^-[￥¥]?[\d,]+(\.\d+)?$")


def _cell(text: str) -> str:
    if text.startswith(_FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text


def csv_lines(record: AuditRecord) -> list[list[str]]:
    common = [
        when_text(record), record.user, kind_label(record.kind), action_label(record.action),
        "" if record.customer_id is None else str(record.customer_id), customer_text(record),
        target_label(record),
    ]
    changes = [change_texts(record, c) for c in ordered_changes(record)] or [("", "", "")]
    return [[_cell(text) for text in (*common, *change)] for change in changes]


def write_csv(path: Path, records: Iterable[AuditRecord]) -> int:
    """Write ``records`` to ``path``; returns the number of entries written."""
    partial = path.with_name(path.name + ".partial")
    count = 0
    try:
        with partial.open("w", encoding=ENCODING, newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow([_(header) for header in HEADERS])
            for record in records:
                writer.writerows(csv_lines(record))
                count += 1
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count
