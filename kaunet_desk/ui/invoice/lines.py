"""The printed-invoice lines of a preview, as the clerk reads them to the customer.

Rules behind each line (the sums themselves are done by domain.invoice_preview):
- FAQ カウネットの請求: purchases shipped two months before the billing month; points
  as 「ポイント de ショッピングご利用分一式」 with a negative amount.
- 約款 第13条 / 第14条: slip and counter fees, exempt for a 法人 or with the disability
  discount — the exemption is said, not hidden.
- 約款 第9条の2: the まとめて請求 rebate; 第9条の4: late interest (見込み while unpaid).
- 適格請求書: subtotal and tax per rate; the reduced rate marked ※軽減税率対象.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kaunet_desk.domain.invoice_preview import POINTS_LABEL, ChargeLine, InvoicePreview
from kaunet_desk.formatting import format_date, format_month, format_yen
from kaunet_desk.i18n import _

REDUCED_MARK = "※"


class LineKind(StrEnum):
    HEADING = "heading"
    ITEM = "item"
    NOTE = "note"  # no amount: an exemption, "none this month"
    SUBTOTAL = "subtotal"
    TAX = "tax"
    POINTS = "points"
    INTEREST = "interest"
    TOTAL = "total"


@dataclass(frozen=True)
class InvoiceLine:
    kind: LineKind
    text: str
    day: str = ""
    rate: str = ""
    amount_yen: int | None = None
    estimated: bool = False


@dataclass(frozen=True)
class FeeFacts:
    """What decides the fee exemptions and the rebate's applicability for one customer."""

    corporate: bool
    disability_discount: bool
    combined_billing: bool


def _rate_label(pct: int, reduced: bool) -> str:
    return f"{pct}%{REDUCED_MARK}" if reduced else f"{pct}%"


def _rates(preview: InvoicePreview) -> tuple[int, int | None]:
    """(standard, reduced) from the preview's subtotals: the reduced rate is the lower one."""
    ordered = sorted(preview.subtotals, reverse=True)
    return ordered[0], (ordered[1] if len(ordered) > 1 else None)


def _purchase_lines(
    preview: InvoicePreview, standard: int, reduced: int | None
) -> list[InvoiceLine]:
    first, last = preview.period
    lines = [InvoiceLine(LineKind.HEADING, _("カウネットご利用分(発送日 {first}〜{last})").format(
        first=format_date(first), last=format_date(last)))]
    if not preview.purchases:
        lines.append(InvoiceLine(LineKind.NOTE, _("この期間に発送されたご利用はありません")))
    for p in preview.purchases:
        text = _("ご注文 {no}(注文日 {ordered})").format(
            no=p.order_no, ordered=format_date(p.order_date))
        day = format_date(p.shipped_on)
        if p.subtotal_10_yen or not p.subtotal_8_yen:
            lines.append(InvoiceLine(LineKind.ITEM, text, day, _rate_label(standard, False),
                                     p.subtotal_10_yen))
            text, day = _("ご注文 {no} 軽減税率対象分").format(no=p.order_no), ""
        if p.subtotal_8_yen and reduced is not None:
            lines.append(InvoiceLine(LineKind.ITEM, text, day, _rate_label(reduced, True),
                                     p.subtotal_8_yen))
    return lines


def _fee_line(
    charges: dict[str, ChargeLine], kind: str, name: str, facts: FeeFacts, standard: int
) -> InvoiceLine:
    charge = charges.get(kind)
    if charge is not None:
        return InvoiceLine(
            LineKind.ITEM,
            _("{name} {count} 回 × {unit}").format(
                name=name, count=charge.count, unit=format_yen(charge.unit_yen)),
            rate=_rate_label(standard, False), amount_yen=charge.amount_yen,
        )
    if facts.corporate:
        reason = _("法人のため免除")
    elif facts.disability_discount:
        reason = _("障がい者等に係る基本使用料の割引のため免除")
    else:
        reason = _("該当なし")
    return InvoiceLine(LineKind.NOTE, f"{name}: {reason}")


def _charge_lines(preview: InvoicePreview, facts: FeeFacts, standard: int) -> list[InvoiceLine]:
    charges = {c.kind: c for c in preview.charges}
    lines = [
        InvoiceLine(LineKind.HEADING, _("手数料・割引(税抜、{pct}%対象)").format(pct=standard)),
        _fee_line(charges, "slip_fee", _("払込取扱票発行等手数料(約款 第13条)"), facts, standard),
        _fee_line(charges, "counter_fee", _("窓口取扱等手数料(約款 第14条)"), facts, standard),
    ]
    name = _("KDDI まとめて請求の割引(約款 第9条の2)")
    rebate = charges.get("rebate")
    if rebate is not None:
        lines.append(InvoiceLine(LineKind.ITEM, name, rate=_rate_label(standard, False),
                                 amount_yen=rebate.amount_yen))
    elif not facts.combined_billing:
        lines.append(InvoiceLine(LineKind.NOTE, _("{name}: まとめて請求ではないため対象外").format(
            name=name)))
    else:
        lines.append(InvoiceLine(LineKind.NOTE, _("{name}: この月は条件に当たらず適用なし").format(
            name=name)))
    return lines


def _tax_lines(preview: InvoicePreview, standard: int, reduced: int | None) -> list[InvoiceLine]:
    lines = [InvoiceLine(LineKind.HEADING, _("税率ごとの合計(適格請求書)"))]
    for pct in (standard, reduced):
        if pct is None:
            continue
        is_reduced = pct != standard
        mark = _(" ※軽減税率対象") if is_reduced else ""
        lines.append(InvoiceLine(
            LineKind.SUBTOTAL, _("{pct}%対象 小計(税抜){mark}").format(pct=pct, mark=mark),
            rate=_rate_label(pct, is_reduced), amount_yen=preview.subtotals[pct]))
        lines.append(InvoiceLine(
            LineKind.TAX, _("消費税({pct}%)").format(pct=pct),
            rate=_rate_label(pct, is_reduced), amount_yen=preview.taxes.get(pct, 0)))
    return lines


def _interest_lines(preview: InvoicePreview) -> list[InvoiceLine]:
    if not preview.interest:
        return []
    lines = [InvoiceLine(LineKind.HEADING, _("延滞利息(約款 第9条の4、消費税はかかりません)"))]
    for i in preview.interest:
        if i.estimated:
            paid = _("本日お支払いの場合の見込み")
        else:
            paid = _("{day} お支払い").format(day=format_date(i.paid_on))
        text = _("{month}ご請求分 {amount}(支払期日 {due}、{paid})").format(
            month=format_month(i.billing_month), amount=format_yen(i.overdue_yen),
            due=format_date(i.due_on), paid=paid)
        if i.estimated:
            text = _("【見込み】") + text
        day = "" if i.estimated else format_date(i.paid_on)
        lines.append(InvoiceLine(LineKind.INTEREST, text, day,
                                 amount_yen=i.interest_yen, estimated=i.estimated))
    return lines


def invoice_lines(preview: InvoicePreview, facts: FeeFacts) -> list[InvoiceLine]:
    """Every line in the order the invoice reads: purchases, fees, tax, points, interest."""
    standard, reduced = _rates(preview)
    lines = _purchase_lines(preview, standard, reduced)
    lines += _charge_lines(preview, facts, standard)
    lines += _tax_lines(preview, standard, reduced)
    if preview.points_yen:
        lines.append(InvoiceLine(LineKind.POINTS, POINTS_LABEL, amount_yen=-preview.points_yen))
    lines += _interest_lines(preview)
    lines.append(InvoiceLine(LineKind.TOTAL, _("ご請求額(カウネット分)合計"),
                             amount_yen=preview.total_yen))
    return lines
