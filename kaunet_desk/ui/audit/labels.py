"""The audit log in the clerk's words: kinds, actions, field names and stored values.

Stored values are JSON (dates as ISO text, amounts as int yen, states as codes); they are
shown the way the tabs show them — through formatting.py and each tab's own labels.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kaunet_desk.domain import rates
from kaunet_desk.domain.enums import CustomerStatus
from kaunet_desk.formatting import format_date, format_month, format_number, format_yen
from kaunet_desk.i18n import N_, _
from kaunet_desk.store.services.audit_log import AuditKind, AuditRecord, FieldChange
from kaunet_desk.ui.customers import labels as customer_labels
from kaunet_desk.ui.purchases import labels as order_labels

KIND = {
    AuditKind.CUSTOMER: N_("お客さま"),
    AuditKind.KAUNET_ACCOUNT: N_("カウネット ID"),
    AuditKind.ORDER: N_("注文"),
    AuditKind.LIMIT: N_("上限"),
    AuditKind.DEALER_CHANGE: N_("販売店変更 FAX"),
    AuditKind.RATE: N_("レート"),
    AuditKind.IMPORT: N_("取込"),
    AuditKind.OTHER: N_("その他"),
}

# The kinds the filter offers, in the order of the tabs.
FILTER_KINDS = (
    AuditKind.CUSTOMER,
    AuditKind.KAUNET_ACCOUNT,
    AuditKind.ORDER,
    AuditKind.LIMIT,
    AuditKind.DEALER_CHANGE,
    AuditKind.RATE,
    AuditKind.IMPORT,
)

ACTION = {
    "create": N_("登録"),
    "update": N_("変更"),
    "delete": N_("削除"),
    "import": N_("取込"),
}

# What each entity's record is called in the 対象 column.
TARGET = {
    "customer": N_("お客さま"),
    "kaunet_account": N_("カウネット ID"),
    "order": N_("注文"),
    "dealer_change_request": N_("販売店変更 FAX"),
    "rate": N_("レート"),
    "import": N_("取込"),
}

_FIELDS: dict[str, dict[str, str]] = {
    "customer": {
        "status": N_("契約状態"),
        "catalogue_stopped_on": N_("カタログ停止日"),
        "cancelled_on": N_("解約日"),
    },
    "kaunet_account": {
        "kaunet_id": N_("カウネット ID"),
        "application_status": N_("申込状況"),
        "applied_on": N_("申込日"),
    },
    "order": {
        "order_no": N_("注文番号"),
        "total_yen": N_("合計(税込)"),
        "status": N_("状態"),
        "payment": N_("支払方法"),
        "order_date": N_("注文日"),
        "shipped_on": N_("発送日"),
    },
    "dealer_change_request": {
        "customer_id": N_("お客さま番号"),
        "kaunet_account_id": N_("カウネット ID 番号"),
        "fax_sent_on": N_("FAX 送付日"),
        "deadline": N_("返送期限"),
        "returned_on": N_("返送日"),
        "effective_month": N_("変更月"),
        "notification_seen_on": N_("通知メール確認日"),
        "logo_confirmed_on": N_("ロゴ確認日"),
        "closed_on": N_("期限切れで終了した日"),
    },
    # One entry per import run (services.bulk_import): counts and the file, not the rows.
    "import": {
        "kind": N_("取込の種類"),
        "file": N_("ファイル"),
        "encoding": N_("文字コード"),
        "rows_read": N_("読んだ行数"),
        "imported": N_("取り込んだ件数"),
        "rejected_rows": N_("取り込まなかった行数"),
        "valid_only": N_("正しい行だけ取り込む"),
    },
    "rate": {
        "key": N_("項目"),
        "effective_from": N_("適用開始日"),
        "value": N_("値"),
    },
}

RATE_KEYS = {
    rates.TAX_STANDARD_PCT: N_("消費税率(標準、%)"),
    rates.TAX_REDUCED_PCT: N_("消費税率(軽減、%)"),
    rates.FEE_SLIP_YEN: N_("払込取扱票発行等手数料(円、税抜)"),
    rates.FEE_COUNTER_YEN: N_("窓口取扱等手数料(円、税抜)"),
    rates.REBATE_COMBINED_YEN: N_("まとめて請求の割引額(円、税抜)"),
    rates.INTEREST_LATE_ANNUAL_PCT: N_("延滞利息の年率(%)"),
    rates.INTEREST_GRACE_DAYS: N_("延滞利息がかからない日数"),
    rates.INTEREST_DAYS_PER_YEAR: N_("延滞利息の 1 年の日数"),
    rates.SURCHARGE_MULTIPLIER: N_("割増金の倍率"),
    rates.CALENDAR_CLOSED_DAYS: N_("年末年始の休業日"),
    rates.LIMIT_WARNING_PCT: N_("上限の注意表示(%)"),
}

_IMPORT_KIND = {
    "customers": N_("お客さま"),
    "orders": N_("注文"),
}

_CUSTOMER_STATUS = {
    CustomerStatus.ACTIVE.value: N_("契約中"),
    CustomerStatus.CANCELLED.value: N_("解約"),
}

_DATE_FIELDS = frozenset({
    "catalogue_stopped_on", "cancelled_on", "applied_on", "order_date", "shipped_on",
    "fax_sent_on", "deadline", "returned_on", "notification_seen_on", "logo_confirmed_on",
    "effective_from", "changed_on", "closed_on",
})
_MONTH_FIELDS = frozenset({"effective_month"})


def kind_label(kind: AuditKind) -> str:
    return _(KIND[kind])


def action_label(action: str) -> str:
    return _(ACTION[action]) if action in ACTION else action


def field_label(entity: str, field: str) -> str:
    own = _FIELDS.get(entity, {})
    if field in own:
        return _(own[field])
    return customer_labels.field_label(field)


def target_label(record: AuditRecord) -> str:
    name = _(TARGET[record.entity]) if record.entity in TARGET else record.entity
    if record.entity == "import":
        return name  # an import run has no row of its own (entity_id 0)
    return _("{name} #{id}").format(name=name, id=record.entity_id)


def _iso_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def value_text(entity: str, field: str, value: Any) -> str:
    """A stored value as the tabs show it; "" for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("はい") if value else _("いいえ")
    if field.endswith("_yen") and isinstance(value, int):
        return format_yen(value)
    day = _iso_date(value)
    if day is not None and field in _MONTH_FIELDS:
        return format_month(day)
    if day is not None and field in _DATE_FIELDS:
        return format_date(day)
    if isinstance(value, int) and field in ("rows_read", "imported", "rejected_rows"):
        return format_number(value)
    text = str(value)
    if field == "kind" and entity == "import":
        return _(_IMPORT_KIND[text]) if text in _IMPORT_KIND else text
    if field == "kind":
        return customer_labels.kind_label(text)
    if field == "invoice_payment":
        return customer_labels.payment_label(text)
    if field == "application_status":
        return customer_labels.application_label(text)
    if field == "status" and entity == "customer":
        return _(_CUSTOMER_STATUS[text]) if text in _CUSTOMER_STATUS else text
    if field == "status" and entity == "order":
        return order_labels.status_label(text)
    if field == "payment" and entity == "order":
        return order_labels.payment_label(text)
    if field == "key" and entity == "rate":
        return _(RATE_KEYS[text]) if text in RATE_KEYS else text
    return text


def _field_order(entity: str) -> list[str]:
    # The order the form shows the fields in: 〒 before the address, the address before
    # the phone — not the alphabetical order the JSON was stored in.
    if entity == "customer":
        return [*customer_labels.FIELD, *_FIELDS["customer"]]
    return list(_FIELDS.get(entity, {}))


def ordered_changes(record: AuditRecord) -> tuple[FieldChange, ...]:
    order = _field_order(record.entity)
    rank = {name: index for index, name in enumerate(order)}
    return tuple(sorted(record.changes, key=lambda c: rank.get(c.field, len(order))))


def change_texts(record: AuditRecord, change: FieldChange) -> tuple[str, str, str]:
    """(項目, 変更前, 変更後) of one change, as the details pane and the CSV show them."""
    return (
        field_label(record.entity, change.field),
        value_text(record.entity, change.field, change.old),
        value_text(record.entity, change.field, change.new),
    )


def summary(record: AuditRecord) -> str:
    """The 変更内容 cell: one change in full, several by their field names."""
    if record.entity == "import":
        return _import_summary(record)
    changes = ordered_changes(record)
    if len(changes) == 1:
        label, old, new = change_texts(record, changes[0])
        if old:
            return _("{field}: {old} → {new}").format(field=label, old=old, new=new)
        return _("{field}: {new}").format(field=label, new=new)
    names = [field_label(record.entity, c.field) for c in changes]
    return _("、").join(names)


def _import_summary(record: AuditRecord) -> str:
    """「お客さま customers.csv: 1,000 件取込、3 行除外」"""
    values = {c.field: c.new for c in record.changes}
    kind = value_text("import", "kind", values.get("kind"))
    imported = values.get("imported")
    rejected = values.get("rejected_rows")
    text = _("{kind} {file}").format(kind=kind, file=values.get("file") or "").strip()
    if isinstance(imported, int):
        text += _(": {count} 件取込").format(count=format_number(imported))
    if isinstance(rejected, int) and rejected:
        text += _("、{count} 行除外").format(count=format_number(rejected))
    return text
