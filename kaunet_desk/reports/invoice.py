"""KDDI invoice preview, laid out as a 適格請求書 and marked on every page as a preview.

What an invoice carries comes from kaunet_desk.domain.invoice_preview (FAQ カウネットの請求,
約款 第9条の2, 第9条の4, 第13条, 第14条); this module only lays it out. The 適格請求書 items:
issuer name and 登録番号, recipient (御中), transaction dates, contents with the
reduced-rate mark (※), tax-excluded subtotal and tax per rate, and the total.
A batch of previews goes into one PDF, each invoice on its own pages numbered 「1 / n」.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kaunet_desk.domain.invoice_preview import POINTS_LABEL, InvoicePreview
from kaunet_desk.formatting import babel_locale, format_date, format_month, format_yen
from kaunet_desk.i18n import N_, _
from kaunet_desk.reports.fonts import MINCHO
from kaunet_desk.reports.honorific import addressee
from kaunet_desk.reports.layout import (
    BOTTOM,
    CONTENT_WIDTH,
    LEFT,
    PAGE_WIDTH,
    RIGHT,
    THICK,
    TOP,
    Target,
    box,
    draw_text,
    footer,
    hline,
    new_canvas,
    reuse,
)
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.reports.tables import (
    Column,
    draw_table,
    paginate,
)
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.invoice_preview import invoice_previews, shipping_month
from kaunet_desk.store.services.orders import month_bounds
from kaunet_desk.store.services.report_data import customers_shipped_between

PREVIEW_MARK = N_("プレビュー — KDDI が発行する請求書ではありません")
REDUCED_MARK = "※"

_ROW = 17.0
_SIZE = 10.0
_SUMMARY_ROW = 18.0
_NOTE_LEADING = 14.0
# Where the table starts on the first page and on the following ones.
_FIRST_TABLE_TOP = TOP - 222
_NEXT_TABLE_TOP = TOP - 62
_TABLE_BOTTOM = BOTTOM + 10

_CHARGE_LABELS = {
    "slip_fee": N_("払込取扱票発行等手数料（約款 第13条）× {count}"),
    "counter_fee": N_("窓口取扱等手数料（約款 第14条）× {count}"),
    "rebate": N_("KDDI まとめて請求 割引（約款 第9条の2）"),
}


@lru_cache(maxsize=4096)
def _yen_in(amount: int, locale: str) -> str:
    return format_yen(amount, locale=locale)


def _yen(amount: int) -> str:
    """format_yen, remembered within one batch (render_invoices clears it): fees, taxes and
    common amounts recur across a thousand invoices, and Babel takes ≈ 25 µs a call."""
    return _yen_in(amount, babel_locale())


@dataclass(frozen=True)
class InvoiceRow:
    day: str
    content: str
    rate: str
    amount: str


def _rates(preview: InvoicePreview) -> tuple[int, int]:
    """(standard, reduced) percent as the preview carries them."""
    rates = sorted(preview.subtotals)
    return rates[-1], rates[0]


def invoice_rows(preview: InvoicePreview, settings: ReportSettings) -> list[InvoiceRow]:
    """One row per purchase and rate (the reduced rate marked ※), then fees and rebate."""
    standard, reduced = _rates(preview)
    style = settings.date_style
    rows: list[InvoiceRow] = []
    for purchase in preview.purchases:
        day = format_date(purchase.shipped_on, style=style)
        content = _("カウネット ご購入（注文番号 {order_no}）").format(order_no=purchase.order_no)
        if purchase.subtotal_10_yen:
            rows.append(InvoiceRow(day, content, f"{standard}%",
                                   _yen(purchase.subtotal_10_yen)))
        if purchase.subtotal_8_yen:
            rows.append(InvoiceRow(day, f"{content} {REDUCED_MARK}", f"{reduced}%",
                                   _yen(purchase.subtotal_8_yen)))
    for charge in preview.charges:
        label = _(_CHARGE_LABELS.get(charge.kind, charge.kind)).format(count=charge.count)
        rows.append(InvoiceRow("", label, f"{standard}%", _yen(charge.amount_yen)))
    return rows


def _summary(preview: InvoicePreview) -> list[tuple[str, str]]:
    standard, reduced = _rates(preview)
    lines: list[tuple[str, str]] = []
    for pct in (standard, reduced):
        mark = f" {REDUCED_MARK}" if pct == reduced else ""
        lines.append((_("{pct}% 対象 小計（税抜）{mark}").format(pct=pct, mark=mark),
                      _yen(preview.subtotals[pct])))
        lines.append((_("{pct}% 対象 消費税").format(pct=pct), _yen(preview.taxes[pct])))
    if preview.points_yen:
        # FAQ カウネットの請求: printed as a negative amount under this very label.
        lines.append((_(POINTS_LABEL), _yen(-preview.points_yen)))
    if preview.late_interest_yen:
        label = _("延滞利息（約款 第9条の4・非課税）")
        lines.append((label, _yen(preview.late_interest_yen)))
    return lines


def _notes(preview: InvoicePreview, settings: ReportSettings) -> list[str]:
    _standard, reduced = _rates(preview)
    style = settings.date_style
    notes = [
        _("{mark} は軽減税率（{pct}%）対象です。").format(mark=REDUCED_MARK, pct=reduced),
        _("消費税は税率ごとの合計額から計算し、1円未満を切り捨てています。"),
    ]
    if preview.points_yen:
        notes.append(_("ポイントのご利用分は税込金額から差し引いています。"))
    for line in preview.interest:
        text = _(
            "延滞利息：{month}分 {amount}（支払期日 {due}、{paid_label} {paid}）→ {interest}"
        ).format(
            month=format_month(line.billing_month, style=style),
            amount=_yen(line.overdue_yen),
            due=format_date(line.due_on, style=style),
            paid_label=_("入金見込み") if line.estimated else _("入金日"),
            paid=format_date(line.paid_on, style=style),
            interest=_yen(line.interest_yen),
        )
        notes.append(text)
    if any(line.estimated for line in preview.interest):
        notes.append(_("未入金の延滞利息は、作成日に入金された場合の見込み額です。"))
    return notes


def _columns() -> list[Column]:
    widths = (30 * mm, 0.0, 16 * mm, 32 * mm)
    content = CONTENT_WIDTH - sum(widths)
    return [
        Column(_("発送日"), widths[0], "center"),
        Column(_("内容"), content),
        Column(_("税率"), widths[2], "center"),
        Column(_("金額（税抜）"), widths[3], "right"),
    ]


def _preview_banner(canvas: Canvas, y: float) -> None:
    height = 22.0
    box(canvas, LEFT, y - height, CONTENT_WIDTH, height, line=THICK)
    draw_text(canvas, PAGE_WIDTH / 2, y - height + 7, _(PREVIEW_MARK), size=12, align="center")


def _first_page_header(
    canvas: Canvas, preview: InvoicePreview, settings: ReportSettings, issued_on: date
) -> None:
    style = settings.date_style
    _preview_banner(canvas, TOP)
    y = TOP - 52
    draw_text(canvas, PAGE_WIDTH / 2, y, _("請求書（プレビュー）"), size=20, font=MINCHO,
              align="center")
    # Recipient, left.
    y -= 40
    recipient = addressee(preview.customer_name)
    # 和暦 dates make the period line ≈ 290 pt long: the left block takes 64 %.
    half = CONTENT_WIDTH * 0.64
    draw_text(canvas, LEFT, y, recipient, size=16, width=half - 10)
    hline(canvas, LEFT, LEFT + half - 10, y - 5)
    draw_text(canvas, LEFT, y - 22, _("お客さま番号 {id}").format(id=preview.customer_id),
              size=10, width=half - 10)
    draw_text(canvas, LEFT, y - 40,
              _("ご請求月　{month}").format(month=format_month(preview.billing_month,
                                                               style=style)),
              size=11, width=half - 10)
    first, last = preview.period
    draw_text(canvas, LEFT, y - 57, _("対象期間（発送日）　{first} 〜 {last}").format(
        first=format_date(first, style=style), last=format_date(last, style=style)),
        size=11, width=half - 10)
    # Issuer, right.
    x = LEFT + half + 10
    width = RIGHT - x
    draw_text(canvas, x, y, settings.issuer_name, size=13, width=width)
    number = settings.issuer_registration_number or _("未設定")
    draw_text(canvas, x, y - 18, _("登録番号 {number}").format(number=number), size=11,
              width=width)
    draw_text(canvas, x, y - 36, _("作成日 {date}").format(date=format_date(issued_on,
                                                                           style=style)),
              size=10, width=width)
    # Total, boxed.
    y -= 80
    height = 34.0
    box(canvas, LEFT, y - height, CONTENT_WIDTH, height, line=THICK)
    draw_text(canvas, LEFT + 10, y - height + 12, _("ご請求金額（税込）"), size=13)
    draw_text(canvas, RIGHT - 10, y - height + 10, _yen(preview.total_yen), size=20,
              align="right")


def _next_page_header(
    canvas: Canvas, preview: InvoicePreview, settings: ReportSettings
) -> None:
    _preview_banner(canvas, TOP)
    y = TOP - 46
    title = _("請求書（プレビュー）{recipient}　{month}（続き）").format(
        recipient=addressee(preview.customer_name),
        month=format_month(preview.billing_month, style=settings.date_style),
    )
    draw_text(canvas, LEFT, y, title, size=12, width=CONTENT_WIDTH)


def _summary_height(summary: list[tuple[str, str]], notes: list[str]) -> float:
    return 14 + _SUMMARY_ROW * (len(summary) + 1) + 12 + _NOTE_LEADING * len(notes)


def _draw_summary(
    canvas: Canvas, top: float, summary: list[tuple[str, str]], notes: list[str], total: int
) -> None:
    label_width = 100 * mm
    amount_width = 38 * mm
    x = RIGHT - label_width - amount_width
    y = top - 14
    rows = len(summary) + 1
    bottom = y - _SUMMARY_ROW * rows
    width = label_width + amount_width

    def rules() -> None:
        box(canvas, x, bottom, width, y - bottom)
        canvas.line(x + label_width, y, x + label_width, bottom)
        rule = y
        for _row in range(rows - 2):
            rule -= _SUMMARY_ROW
            canvas.line(x, rule, x + width, rule)
        hline(canvas, x, x + width, rule - _SUMMARY_ROW, line=THICK)  # above the total

    reuse(canvas, ("summary", round(y, 2), rows), rules)
    for index, (label, amount) in enumerate([*summary, (_("合計（税込）"), _yen(total))]):
        baseline = y - _SUMMARY_ROW / 2 - _SIZE * 0.35
        size = 11 if index == rows - 1 else _SIZE
        draw_text(canvas, x + 4, baseline, label, size=size, width=label_width - 8)
        draw_text(canvas, x + label_width + 4, baseline, amount, size=size, align="right",
                  width=amount_width - 8)
        y -= _SUMMARY_ROW
    y = bottom - 12 - _NOTE_LEADING + 4
    for note in notes:
        draw_text(canvas, LEFT, y, note, size=_SIZE, width=CONTENT_WIDTH)
        y -= _NOTE_LEADING


def _pages(rows: list[InvoiceRow], summary_height: float) -> list[list[InvoiceRow]]:
    first = int((_FIRST_TABLE_TOP - _TABLE_BOTTOM - _ROW) // _ROW)
    rest = int((_NEXT_TABLE_TOP - _TABLE_BOTTOM - _ROW) // _ROW)
    pages = paginate(rows, first, rest)
    top = _FIRST_TABLE_TOP if len(pages) == 1 else _NEXT_TABLE_TOP
    used = _ROW * (len(pages[-1]) + 1)
    if top - used - summary_height < _TABLE_BOTTOM:
        pages.append([])  # the summary gets a page of its own
    return pages


def _draw_invoice(
    canvas: Canvas, preview: InvoicePreview, settings: ReportSettings, issued_on: date
) -> int:
    rows = invoice_rows(preview, settings)
    summary = _summary(preview)
    notes = _notes(preview, settings)
    pages = _pages(rows, _summary_height(summary, notes))
    columns = _columns()
    # Tells the invoices of a batch apart once printed.
    page_note = _("{recipient}　{month}").format(
        recipient=addressee(preview.customer_name),
        month=format_month(preview.billing_month, style=settings.date_style),
    )
    for number, page_rows in enumerate(pages, start=1):
        if number == 1:
            _first_page_header(canvas, preview, settings, issued_on)
            top = _FIRST_TABLE_TOP
        else:
            _next_page_header(canvas, preview, settings)
            top = _NEXT_TABLE_TOP
        if page_rows or number == 1:
            cells = [(r.day, r.content, r.rate, r.amount) for r in page_rows]
            top = draw_table(canvas, LEFT, top, columns, cells, size=_SIZE, row_height=_ROW)
        if number == len(pages):
            _draw_summary(canvas, top, summary, notes, preview.total_yen)
        footer(canvas, number, len(pages), page_note,
               _("作成 {sender}").format(sender=settings.sender_name))
        canvas.showPage()
    return len(pages)


def render_invoices(
    previews: Iterable[InvoicePreview],
    target: Target,
    settings: ReportSettings,
    *,
    issued_on: date,
) -> int:
    """All previews into one PDF; returns the page count."""
    canvas = new_canvas(target, title=_("請求書（プレビュー）"), subject=_(PREVIEW_MARK))
    _yen_in.cache_clear()
    pages = 0
    for preview in previews:
        pages += _draw_invoice(canvas, preview, settings, issued_on)
    if pages == 0:
        # An empty batch still gives a valid one-page PDF that says so.
        _preview_banner(canvas, TOP)
        draw_text(canvas, LEFT, TOP - 60, _("対象の請求書はありません。"), size=12)
        footer(canvas, 1, 1)
        canvas.showPage()
        pages = 1
    canvas.save()
    return pages


def write_invoices(
    db: Database,
    customer_ids: Sequence[int] | None,
    billing_month: date,
    target: Target,
    *,
    today: date,
    settings: ReportSettings,
) -> int:
    """Previews of ``billing_month`` for the given customers, or for every customer whose
    invoice carries Kaunet purchases that month when ``customer_ids`` is None."""
    billing_month = billing_month.replace(day=1)
    if customer_ids is None:
        shipped_first = shipping_month(billing_month)
        customer_ids = customers_shipped_between(db, *month_bounds(shipped_first))
    previews = invoice_previews(db, customer_ids, billing_month, today=today)
    return render_invoices(previews, target, settings, issued_on=today)
