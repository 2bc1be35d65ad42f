"""担当販売店変更 FAX: a cover sheet and the form the customer signs and FAXes back.

Rules: FAQ 販売店について — the customer returns the form by the deadline written on it;
not returned by then → the dealer does not change; returned → the change takes effect in
the month after the return or the month after that, is confirmed by email and by the
「KDDI まとめてオフィス」 logo at the top left of the Kaunet home page after login; the change
costs nothing and no new catalogue is sent because of it.

Every text on these two pages is at least 10 pt: they travel by FAX.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kaunet_desk.domain import dealer_change_months
from kaunet_desk.formatting import format_date, format_month
from kaunet_desk.i18n import _
from kaunet_desk.reports.fonts import GOTHIC
from kaunet_desk.reports.honorific import addressee_lines, strip_honorific
from kaunet_desk.reports.layout import (
    CONTENT_WIDTH,
    LEFT,
    PAGE_WIDTH,
    RIGHT,
    THICK,
    TOP,
    Target,
    box,
    draw_paragraph,
    draw_text,
    footer,
    hline,
    new_canvas,
    paragraph_height,
    use_font,
    weekday,
)
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.reports.tables import (
    draw_field_rows,
)
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customers import get_customer
from kaunet_desk.store.services.report_data import latest_dealer_change

PAGES = 2  # the cover and the form


@dataclass(frozen=True)
class FaxFormData:
    """What the two pages print, gathered from the ledger."""

    customer_id: int
    company: str
    company_kana: str
    contact_person: str
    phone: str
    fax: str
    postal_code: str
    address: str
    kaunet_ids: tuple[str, ...]
    sent_on: date
    deadline: date
    message: str = ""  # empty: the standard message


def gather_fax_form(
    db: Database,
    customer_id: int,
    *,
    today: date,
    settings: ReportSettings,
    deadline: date | None = None,
) -> FaxFormData:
    """The customer's ledger data and the deadline of the form.

    The deadline is, in this order: the one given; the deadline of the customer's open
    request (sent, not returned, not yet past); today + settings.fax_return_days.
    """
    customer = get_customer(db, customer_id)
    request = latest_dealer_change(db, customer_id)
    kaunet_ids = tuple(account.kaunet_id for account in customer.accounts)
    if (
        request is not None
        and request.returned_on is None
        and request.effective_month is None
        and request.closed_on is None
    ):
        if deadline is None and request.deadline >= today:
            deadline = request.deadline
        if request.kaunet_id:
            kaunet_ids = (request.kaunet_id,)
    if deadline is None:
        deadline = today + timedelta(days=settings.fax_return_days)
    if deadline < today:
        raise ValueError(f"deadline {deadline} is before the sending day {today}")
    draft = customer.draft
    return FaxFormData(
        customer_id=customer.id,
        company=draft.name,
        company_kana=draft.name_kana,
        contact_person=draft.contact_person,
        phone=draft.phone,
        fax=draft.fax,
        postal_code=draft.postal_code,
        address=draft.address,
        kaunet_ids=kaunet_ids,
        sent_on=today,
        deadline=deadline,
    )


def _day(day: date, settings: ReportSettings) -> str:
    return _("{date}（{weekday}）").format(
        date=format_date(day, style=settings.date_style), weekday=weekday(day)
    )


def standard_message(data: FaxFormData, settings: ReportSettings) -> str:
    return _(
        "いつもお世話になっております。\n"
        "カウネットの担当販売店を「KDDI まとめてオフィス」へ変更するお手続きのご案内を"
        "お送りいたします。\n"
        "次ページの申込書の記載内容をご確認のうえ、ご署名・ご捺印いただき、"
        "{deadline}までに FAX（{fax}）にてご返信ください。\n"
        "変更の手数料はかかりません。ご不明な点は {phone}（{sender}）まで"
        "お問い合わせください。"
    ).format(
        deadline=_day(data.deadline, settings),
        fax=settings.fax,
        phone=settings.phone,
        sender=settings.sender_name,
    )


def faq_points(data: FaxFormData, settings: ReportSettings) -> list[str]:
    """The facts customers ask about (FAQ 販売店について), in the FAQ's words."""
    first, second = dealer_change_months(data.deadline)
    return [
        _("変更の手数料はかかりません（無料です）。"),
        _(
            "変更は、FAX をご返信いただいた月の翌月または翌々月に反映されます"
            "（例：{month}中のご返信 → {first}または{second}）。"
        ).format(
            month=format_month(data.deadline, style=settings.date_style),
            first=format_month(first, style=settings.date_style),
            second=format_month(second, style=settings.date_style),
        ),
        _(
            "変更が完了するとメールでお知らせします。また、ログイン後のカウネットのトップページ"
            "左上に「KDDI まとめてオフィス」のロゴが表示されます。"
        ),
        _("販売店の変更に伴って、新しいカタログをお送りすることはありません。"),
        _("返信期限までにご返信がない場合、担当販売店は変更されません。"),
    ]


def _cover(canvas: Canvas, data: FaxFormData, settings: ReportSettings) -> None:
    y = TOP - 22
    draw_text(canvas, PAGE_WIDTH / 2, y, _("FAX 送信票"), size=24, align="center")
    y -= 12
    hline(canvas, LEFT, RIGHT, y, line=THICK)
    y -= 22
    sent = _("送信日：{date}").format(date=_day(data.sent_on, settings))
    draw_text(canvas, RIGHT, y, sent, size=12, align="right")
    y -= 16

    recipient = addressee_lines(data.company, person=data.contact_person)
    recipient.append(
        _("TEL {phone}　FAX {fax}").format(phone=data.phone or "—", fax=data.fax or "—")
    )
    sender = [settings.sender_name]
    if settings.clerk_name:
        sender.append(_("担当：{name}").format(name=strip_honorific(settings.clerk_name)))
    sender.append(_("〒{postal} {address}").format(
        postal=settings.postal_code, address=settings.address))
    sender.append(_("TEL {phone}　FAX {fax}").format(phone=settings.phone, fax=settings.fax))
    rows = [
        (_("宛先"), recipient),
        (_("発信元"), sender),
        (_("枚数"), [_("{pages} 枚（この送信票を含む）").format(pages=PAGES)]),
        (_("件名"), [_("カウネット 担当販売店変更のお手続きについて")]),
    ]
    y = draw_field_rows(canvas, LEFT, y, rows, label_width=28 * mm, width=CONTENT_WIDTH,
                        size=12, line_height=19)

    y -= 30
    message = data.message or standard_message(data, settings)
    y = draw_paragraph(canvas, LEFT + 4, y, message, width=CONTENT_WIDTH - 8, size=12,
                       leading=21)

    y -= 16
    height = 26 * mm
    box(canvas, LEFT, y - height, CONTENT_WIDTH, height, line=THICK)
    draw_text(canvas, LEFT + 8, y - 20, _("ご返信期限"), size=13)
    draw_text(canvas, PAGE_WIDTH / 2, y - height + 18, _day(data.deadline, settings),
              size=26, align="center")
    footer(canvas, 1, PAGES, settings.sender_name)


def _form(canvas: Canvas, data: FaxFormData, settings: ReportSettings) -> None:
    y = TOP - 16
    draw_text(canvas, LEFT, y, _("返信先 FAX：{fax}").format(fax=settings.fax), size=18)
    # The return form names its addressee with 「行」; the customer turns it into 御中.
    draw_text(canvas, RIGHT - CONTENT_WIDTH / 2, y,
              _("{sender} 行").format(sender=settings.sender_name),
              size=12, align="right", width=CONTENT_WIDTH / 2)
    y -= 12
    hline(canvas, LEFT, RIGHT, y, line=THICK)

    y -= 30
    draw_text(canvas, PAGE_WIDTH / 2, y, _("カウネット 担当販売店変更 申込書"), size=20,
              align="center")

    y -= 14
    height = 22 * mm
    box(canvas, LEFT, y - height, CONTENT_WIDTH, height, line=THICK)
    draw_text(canvas, LEFT + 8, y - 18, _("返信期限"), size=13)
    draw_text(canvas, PAGE_WIDTH / 2, y - height + 16,
              _("{deadline} 必着").format(deadline=_day(data.deadline, settings)),
              size=24, align="center")
    y -= height + 18
    draw_text(canvas, LEFT, y, _("期限までにご返信がない場合、担当販売店は変更されません。"),
              size=11)

    y -= 24
    draw_text(canvas, LEFT, y,
              _("カウネットの担当販売店を「KDDI まとめてオフィス」へ変更することを申し込みます。"),
              size=12, width=CONTENT_WIDTH)
    y -= 10
    address = " ".join(part for part in (
        _("〒{postal}").format(postal=data.postal_code) if data.postal_code else "",
        data.address,
    ) if part)
    rows = [
        (_("会社名"), [data.company]),
        (_("フリガナ"), [data.company_kana]),
        (_("カウネット ID"), [_("、").join(data.kaunet_ids) or "—"]),
        (_("電話番号"), [data.phone or "—"]),
        (_("FAX 番号"), [data.fax or "—"]),
        (_("ご住所"), [address or "—"]),
        (_("ご担当者"), [data.contact_person]),
    ]
    y = draw_field_rows(canvas, LEFT, y, rows, label_width=32 * mm, width=CONTENT_WIDTH,
                        size=12, line_height=20)
    y -= 15
    draw_text(canvas, LEFT, y,
              _("記載内容に誤りや変更がある場合は、二重線で消して正しい内容をご記入ください。"),
              size=10, width=CONTENT_WIDTH)

    # Signature line and the 印 box.
    y -= 56
    seal = 20 * mm
    draw_text(canvas, LEFT, y, _("記入日"), size=11)
    draw_text(canvas, LEFT + 20 * mm, y, _("年　　　月　　　日"), size=11, align="left")
    hline(canvas, LEFT + 14 * mm, LEFT + 72 * mm, y - 4)
    draw_text(canvas, LEFT + 78 * mm, y, _("ご署名"), size=11)
    hline(canvas, LEFT + 94 * mm, RIGHT - seal - 8 * mm, y - 4)
    box(canvas, RIGHT - seal, y - 10, seal, seal)
    draw_text(canvas, RIGHT - seal / 2, y - 10 + seal / 2 - 4, _("印"), size=11, align="center")

    # The facts customers ask about (FAQ 販売店について).
    y -= 34
    points = faq_points(data, settings)
    bullet_width = CONTENT_WIDTH - 26
    text_height = sum(
        paragraph_height(point, width=bullet_width, size=11, leading=16) for point in points
    )
    height = 30 + text_height + 6 * (len(points) - 1) + 8
    box(canvas, LEFT, y - height, CONTENT_WIDTH, height)
    draw_text(canvas, LEFT + 8, y - 18, _("販売店の変更について（よくあるご質問）"), size=12)
    line_y = y - 38
    for point in points:
        use_font(canvas, GOTHIC, 11)
        canvas.drawString(LEFT + 10, line_y, "・")
        line_y = draw_paragraph(canvas, LEFT + 21, line_y, point, width=bullet_width,
                                size=11, leading=16) - 6
    footer(canvas, 2, PAGES, settings.sender_name)


def render_fax_form(data: FaxFormData, target: Target, settings: ReportSettings) -> int:
    """Draw the cover and the form; returns the page count."""
    canvas = new_canvas(target, title=_("担当販売店変更 FAX"),
                        subject=addressee_lines(data.company)[0] if data.company else "")
    _cover(canvas, data, settings)
    canvas.showPage()
    _form(canvas, data, settings)
    canvas.showPage()
    canvas.save()
    return PAGES


def write_fax_form(
    db: Database,
    customer_id: int,
    target: Target,
    *,
    today: date,
    settings: ReportSettings,
    deadline: date | None = None,
) -> int:
    data = gather_fax_form(db, customer_id, today=today, settings=settings, deadline=deadline)
    return render_fax_form(data, target, settings)
