"""担当販売店変更 FAX: cover + form, prefilled from the ledger, FAX-legible."""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from kaunet_desk.domain import dealer_change_months
from kaunet_desk.formatting import DateStyle, format_date, format_month
from kaunet_desk.reports.fax_form import gather_fax_form, render_fax_form, write_fax_form
from kaunet_desk.reports.fonts import register_fonts
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import DealerChangeRequest

from .ledger import new_customer
from .pdf import page_lines, page_texts, smallest_text, unembedded_fonts

TODAY = date(2026, 11, 20)
SETTINGS = ReportSettings(branch_name="横浜支店", phone="045-000-1111", fax="045-000-2222")


def _flat(text: str) -> str:
    return "".join(text.split())


def test_form_prefilled_from_the_ledger(db: Database, tmp_path: Path) -> None:
    customer = new_customer(db, "株式会社みなと文具センター", "ミナトブングセンター",
                            kaunet_ids=("KN-0001234", "KN-0001235"), contact="山田 太郎",
                            phone="0312345678", fax="0312345679")
    out = tmp_path / "fax.pdf"
    pages = write_fax_form(db, customer.id, out, today=TODAY, settings=SETTINGS)

    assert pages == 2
    cover, form = page_lines(out)
    assert len(page_texts(out)) == 2
    # The cover: recipient as company + person 様 (no 御中 with a person), sender, pages.
    assert "株式会社みなと文具センター" in cover
    assert "山田 太郎 様" in cover
    assert not any("御中" in line for line in cover)
    assert any("まとめてオフィス販売株式会社 横浜支店" in line for line in cover)
    assert any("045-000-2222" in line for line in cover)
    assert "2 枚（この送信票を含む）" in cover
    assert "1 / 2" in cover and "2 / 2" in form
    # The form: ledger fields as the customer service stores them.
    record = customer.draft
    for value in (record.name, record.name_kana, record.phone, record.fax, "山田 太郎"):
        assert value in form
    assert "KN-0001234、KN-0001235" in form
    assert any(record.address in line for line in form)
    # Deadline: today + fax_return_days when no request gives one.
    deadline = TODAY + timedelta(days=SETTINGS.fax_return_days)
    assert any(format_date(deadline) in line and "必着" in line for line in form)
    assert any("返信先 FAX" in line and "045-000-2222" in line for line in form)
    assert "まとめてオフィス販売株式会社 横浜支店 行" in form


def test_the_faq_facts_are_on_the_form(db: Database, tmp_path: Path) -> None:
    customer = new_customer(db, "鈴木商店", "スズキショウテン")
    out = tmp_path / "fax.pdf"
    deadline = date(2026, 12, 10)
    write_fax_form(db, customer.id, out, today=TODAY, settings=SETTINGS, deadline=deadline)
    form = _flat(page_texts(out)[1])
    assert "手数料はかかりません" in form
    first, second = dealer_change_months(deadline)
    assert "翌月または翌々月" in form
    assert _flat(f"{format_month(first)}または{format_month(second)}") in form
    assert "メールでお知らせ" in form
    assert _flat("トップページ左上に「KDDI まとめてオフィス」のロゴ") in form
    assert "新しいカタログをお送りすることはありません" in form
    assert "返信期限までにご返信がない場合、担当販売店は変更されません" in form
    # Without a contact person the cover addresses the company with 御中 only.
    cover = page_lines(out)[0]
    assert "鈴木商店 御中" in cover
    assert not any("様" in line for line in cover if "鈴木商店" in line)


def test_open_request_gives_the_deadline_and_the_account(db: Database, tmp_path: Path) -> None:
    customer = new_customer(db, "鈴木商店", "スズキショウテン", kaunet_ids=("KA", "KB"))
    with db.unit_of_work() as session:
        session.add(DealerChangeRequest(customer_id=customer.id,
                                        kaunet_account_id=customer.accounts[1].id,
                                        fax_sent_on=date(2026, 11, 18),
                                        deadline=date(2026, 12, 2)))
    data = gather_fax_form(db, customer.id, today=TODAY, settings=SETTINGS)
    assert data.deadline == date(2026, 12, 2)
    assert data.kaunet_ids == ("KB",)
    # An explicit deadline wins; one before today is refused.
    data = gather_fax_form(db, customer.id, today=TODAY, settings=SETTINGS,
                           deadline=date(2026, 12, 24))
    assert data.deadline == date(2026, 12, 24)
    with pytest.raises(ValueError):
        gather_fax_form(db, customer.id, today=TODAY, settings=SETTINGS,
                        deadline=date(2026, 11, 1))


def test_wareki_dates(db: Database, tmp_path: Path) -> None:
    customer = new_customer(db, "鈴木商店", "スズキショウテン")
    out = tmp_path / "fax.pdf"
    settings = SETTINGS.with_values(date_style=DateStyle.WAREKI)
    write_fax_form(db, customer.id, out, today=TODAY, settings=settings,
                   deadline=date(2026, 12, 10))
    text = _flat("".join(page_texts(out)))
    assert "令和8年12月10日（木）" in text
    assert "令和8年11月20日（金）" in text
    assert "2026/12/10" not in text


def test_fax_legible_and_fonts_embedded(db: Database, tmp_path: Path) -> None:
    customer = new_customer(db, "鈴木商店", "スズキショウテン", contact="佐藤 花子")
    out = tmp_path / "fax.pdf"
    write_fax_form(db, customer.id, out, today=TODAY, settings=SETTINGS)
    assert smallest_text(out, 0) >= 10
    assert smallest_text(out, 1) >= 10
    assert unembedded_fonts(out) == []


def test_one_form_under_200_ms_once_fonts_are_registered(db: Database, tmp_path: Path) -> None:
    customer = new_customer(db, "鈴木商店", "スズキショウテン", contact="佐藤 花子")
    register_fonts()
    data = gather_fax_form(db, customer.id, today=TODAY, settings=SETTINGS)
    timings = []
    for attempt in range(5):
        started = time.perf_counter()
        render_fax_form(data, tmp_path / f"fax{attempt}.pdf", SETTINGS)
        timings.append(time.perf_counter() - started)
    assert sorted(timings)[2] < 0.2
