"""``kaunet-desk report …`` through the parser add_report_parser builds: every kind writes a
PDF whose fonts are all embedded, and page 1 renders."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pytest

from kaunet_desk.formatting import format_yen
from kaunet_desk.reports.cli import KINDS, add_report_parser, run_report
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import DealerChangeRequest
from kaunet_desk.store.services.invoice_preview import invoice_preview

from .ledger import new_customer, order
from .pdf import (
    page_lines,
    pairs,
    pdffonts_embedded,
    render_first_page,
    unembedded_fonts,
)

TODAY = "2026-11-20"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kaunet-desk")
    parser.add_argument("--db")
    add_report_parser(parser.add_subparsers(dest="command"))
    return parser


def _run(*argv: str) -> int:
    args = _parser().parse_args(["report", *argv])
    assert args.command == "report"
    return run_report(args)


@pytest.fixture
def ledger(db: Database, db_path: Path) -> tuple[Path, int]:
    customer = new_customer(db, "株式会社みなと文具センター", "ミナトブングセンター",
                            contact="山田 太郎", kaunet_ids=("KN-0001234",), limit=100_000)
    account = customer.accounts[0].id
    order(db, account, "A1", date(2026, 9, 3), 12_000, 3_000, shipped=date(2026, 9, 4),
          points=500)
    order(db, account, "A2", date(2026, 11, 2), 80_000)
    with db.unit_of_work() as session:
        session.add(DealerChangeRequest(customer_id=customer.id, kaunet_account_id=account,
                                        fax_sent_on=date(2026, 11, 1),
                                        deadline=date(2026, 11, 15)))
    return db_path, customer.id


ARGS = {
    "fax-form": ["--customer", "{id}"],
    "invoice": ["--month", "2026-11"],
    "limits": ["--month", "2026-11"],
    "history": ["--customer", "{id}"],
    "fax-overdue": ["--days", "7"],
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("wareki", [False, True])
def test_every_report(kind: str, wareki: bool, ledger: tuple[Path, int], tmp_path: Path,
                      capsys: pytest.CaptureFixture) -> None:
    db_path, customer_id = ledger
    out = tmp_path / f"{kind}{'-wareki' if wareki else ''}.pdf"
    extra = [a.format(id=customer_id) for a in ARGS[kind]] + (["--wareki"] if wareki else [])
    assert _run(kind, "--db", str(db_path), "--today", TODAY, *extra, "--out", str(out)) == 0
    assert f"{out}: " in capsys.readouterr().out
    assert unembedded_fonts(out) == []
    fonts = pdffonts_embedded(out)
    assert fonts and all(emb == "yes" for _name, emb in fonts), fonts
    assert all("IPAex" in name for name, _emb in fonts)
    text = "".join(line for lines in page_lines(out) for line in lines)
    assert ("令和8年" in text) == wareki
    png = render_first_page(out, tmp_path)
    assert png.stat().st_size > 5_000


def test_invoice_total_via_cli(ledger: tuple[Path, int], db: Database, tmp_path: Path) -> None:
    db_path, customer_id = ledger
    out = tmp_path / "invoice.pdf"
    assert _run("invoice", "--db", str(db_path), "--customer", str(customer_id),
                "--month", "2026-11", "--today", TODAY, "--out", str(out)) == 0
    preview = invoice_preview(db, customer_id, date(2026, 11, 1), today=date(2026, 11, 20))
    (lines,) = page_lines(out)
    assert pairs(lines)["合計（税込）"] == format_yen(preview.total_yen)


def test_db_given_before_report_is_kept(ledger: tuple[Path, int], tmp_path: Path) -> None:
    db_path, _customer_id = ledger
    args = _parser().parse_args(["--db", str(db_path), "report", "limits", "--today", TODAY,
                                 "--out", str(tmp_path / "l.pdf")])
    assert args.db == str(db_path)
    assert run_report(args) == 0


def test_settings_file(ledger: tuple[Path, int], tmp_path: Path) -> None:
    db_path, customer_id = ledger
    settings = tmp_path / "report.toml"
    settings.write_text('branch_name = "横浜支店"\nfax = "045-000-2222"\n', encoding="utf-8")
    out = tmp_path / "fax.pdf"
    assert _run("fax-form", "--db", str(db_path), "--customer", str(customer_id),
                "--settings", str(settings), "--today", TODAY, "--out", str(out)) == 0
    assert "返信先 FAX：045-000-2222" in page_lines(out)[1]


@pytest.mark.parametrize(
    "argv",
    [
        ["fax-form"],  # no customer
        ["history", "--customer", "1", "--customer", "2"],
        ["invoice"],  # no month
        ["fax-overdue", "--days", "-1"],
    ],
)
def test_usage_errors(argv: list[str], ledger: tuple[Path, int], tmp_path: Path,
                      capsys: pytest.CaptureFixture) -> None:
    db_path, _customer_id = ledger
    assert _run(*argv, "--db", str(db_path), "--out", str(tmp_path / "x.pdf")) == 2
    assert "kaunet-desk report:" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_missing_database_is_not_created(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    missing = tmp_path / "nowhere.sqlite"
    assert _run("limits", "--db", str(missing), "--out", str(tmp_path / "x.pdf")) == 2
    assert not missing.exists()
    assert "no database" in capsys.readouterr().err


def test_unknown_customer(ledger: tuple[Path, int], tmp_path: Path,
                          capsys: pytest.CaptureFixture) -> None:
    db_path, _customer_id = ledger
    assert _run("fax-form", "--db", str(db_path), "--customer", "999",
                "--out", str(tmp_path / "x.pdf")) == 1
    assert "999" in capsys.readouterr().err


def test_bad_month_is_a_parser_error() -> None:
    with pytest.raises(SystemExit):
        _parser().parse_args(["report", "limits", "--month", "November", "--out", "x.pdf"])
