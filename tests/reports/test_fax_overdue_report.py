"""Overdue FAX list: past the deadline and not returned in time, and due within N days."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kaunet_desk.formatting import format_date
from kaunet_desk.reports.fax_overdue import write_fax_overdue
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import DealerChangeRequest

from .ledger import new_customer
from .pdf import page_lines, unembedded_fonts

TODAY = date(2026, 11, 20)


def _request(db: Database, name: str, kana: str, deadline: date, **values: object) -> None:
    customer = new_customer(db, name, kana, kaunet_ids=(f"K-{kana}",))
    with db.unit_of_work() as session:
        session.add(DealerChangeRequest(customer_id=customer.id,
                                        kaunet_account_id=customer.accounts[0].id,
                                        fax_sent_on=date(2026, 11, 1), deadline=deadline,
                                        **values))


def test_sections(db: Database, tmp_path: Path) -> None:
    _request(db, "期限切れ商店", "キゲンギレ", date(2026, 11, 10))
    _request(db, "遅れて返信商店", "オクレテ", date(2026, 11, 10), returned_on=date(2026, 11, 12))
    _request(db, "本日期限商店", "ホンジツ", TODAY)
    _request(db, "一週間後商店", "イッシュウカン", date(2026, 11, 27))
    _request(db, "まだ先商店", "マダサキ", date(2026, 11, 28))  # beyond 7 days
    _request(db, "期限内返信商店", "キゲンナイ", date(2026, 11, 10), returned_on=date(2026, 11, 10))
    _request(db, "変更済商店", "ヘンコウズミ", date(2026, 11, 10), returned_on=date(2026, 11, 5),
             effective_month=date(2026, 12, 1))
    out = tmp_path / "overdue.pdf"
    assert write_fax_overdue(db, out, today=TODAY, settings=ReportSettings(),
                             within_days=7) == 1
    (lines,) = page_lines(out)
    expired_at = lines.index("返信期限切れ（未返信）2 件")
    soon_at = lines.index("返信期限まで 7 日以内 2 件")
    expired, soon = lines[expired_at:soon_at], lines[soon_at:]
    assert "期限切れ商店" in expired and "遅れて返信商店" in expired
    assert "本日期限商店" in soon and "一週間後商店" in soon
    for absent in ("まだ先商店", "期限内返信商店", "変更済商店"):
        assert absent not in lines

    def row(name: str) -> list[str]:
        at = lines.index(name)
        return lines[at : at + 6]

    assert row("期限切れ商店")[4:] == [format_date(date(2026, 11, 10)), "10 日超過"]
    assert row("遅れて返信商店")[5] == "期限後に返信"
    assert row("本日期限商店")[5] == "本日期限"
    assert row("一週間後商店")[5] == "あと 7 日"
    assert row("期限切れ商店")[3] == "K-キゲンギレ"
    assert unembedded_fonts(out) == []


def test_nothing_overdue(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "overdue.pdf"
    write_fax_overdue(db, out, today=TODAY, settings=ReportSettings())
    (lines,) = page_lines(out)
    assert "期限切れの未返信はありません。" in lines
    assert "期限が近い未返信はありません。" in lines
    assert "返信期限まで 7 日以内 0 件" in lines  # settings.fax_due_soon_days
