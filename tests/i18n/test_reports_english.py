"""The PDF reports follow the language: English headings, while 御中/様, the names KDDI
prints (ポイント de ショッピングご利用分一式) and the data stay as they are."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from kaunet_desk.reports.fax_form import write_fax_form
from kaunet_desk.reports.invoice import write_invoices
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.invoice_preview import invoice_preview

from .conftest import TODAY, database_strings, japanese_left

# Billing months back from the demo's today (Nov 2026).
BILLING_MONTHS = ([date(2026, m, 1) for m in range(11, 0, -1)]
                  + [date(2025, m, 1) for m in range(12, 0, -1)])
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _left(text: str, data: tuple[str, ...]) -> str:
    """The Japanese characters of a page that are neither data nor kept terms.

    Lines are joined back first (a name or term may wrap); a line-leading ・ is the FAQ
    box's bullet glyph."""
    joined = "".join(line.strip().removeprefix("・") for line in text.splitlines())
    return japanese_left(joined, data)


def _render_first_page(pdf: Path, out: Path) -> Path:
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) is not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(out)], check=True)
    return out.with_suffix(".png")


@pytest.mark.usefixtures("english")
def test_the_fax_form_reads_in_english_and_keeps_the_honorific(
    demo_db: Database, tmp_path: Path
) -> None:
    pdf = tmp_path / "fax-en.pdf"
    assert write_fax_form(demo_db, 1, pdf, today=TODAY, settings=ReportSettings(),
                          deadline=date(2026, 12, 4)) == 2
    cover, form = _pages(pdf)
    for heading in ("FAX cover sheet", "To", "From", "Pages", "Subject", "Please return by",
                    "2026-12-04 (Fri)", "Changing your Kaunet dealer"):
        assert heading in cover
    flat = " ".join("".join(cover.splitlines()).split())
    assert "KDDI まとめてオフィス」 (KDDI Matomete Office)" in flat  # glossed once
    assert " 様" in cover  # the contact person keeps 様 on a Japanese business document
    for heading in ("Kaunet dealer change application", "Return deadline",
                    "Must arrive by 2026-12-04 (Fri)", "Company name", "Furigana",
                    "Kaunet ID", "Signature", "Seal", "About the dealer change (FAQ)"):
        assert heading in form
    data = database_strings(Path(str(demo_db.url.database)))
    assert _left(cover, data) == "" and _left(form, data) == ""
    png = _render_first_page(pdf, tmp_path / "fax-en-1")
    assert png.stat().st_size > 10_000  # a drawn page, not a blank one


@pytest.mark.usefixtures("english")
def test_the_invoice_preview_reads_in_english_with_onchu_and_the_points_label(
    demo_db: Database, tmp_path: Path
) -> None:
    # An invoice that carries points, so the label KDDI prints is on the page.
    month, with_points = next(
        (month, customer_id) for month in BILLING_MONTHS for customer_id in range(1, 31)
        if invoice_preview(demo_db, customer_id, month, today=TODAY).points_yen)
    pdf = tmp_path / "invoice-en.pdf"
    assert write_invoices(demo_db, [with_points], month, pdf, today=TODAY,
                          settings=ReportSettings()) >= 1
    page = _pages(pdf)[0]
    billing = f"Billing month: {MONTH_NAMES[month.month - 1]} {month.year}"
    for heading in ("Preview — this is not an invoice issued by KDDI", "Invoice (preview)",
                    billing, "Amount due (incl. tax)", "Description",
                    "Tax rate", "Subtotal at 10% (excl. tax)", "Total (incl. tax)",
                    "Registration no. T9011101031552"):
        assert heading in page
    assert " 御中" in page  # the addressee's honorific stays
    assert "ポイント de ショッピングご利用分一式" in page  # printed by KDDI as is…
    assert "Points used (ポイント de ショッピングご利用分一式)" in page  # …and glossed
    assert "適格請求書" in page
    data = database_strings(Path(str(demo_db.url.database)))
    assert _left(page, data) == ""
    png = _render_first_page(pdf, tmp_path / "invoice-en-1")
    assert png.stat().st_size > 10_000


def test_reports_are_japanese_again_after_switching_back(
    english: None, demo_db: Database, tmp_path: Path
) -> None:
    from kaunet_desk import i18n

    i18n.set_language("ja")
    pdf = tmp_path / "fax-ja.pdf"
    write_fax_form(demo_db, 1, pdf, today=TODAY, settings=ReportSettings(),
                   deadline=date(2026, 12, 4))
    cover = _pages(pdf)[0]
    assert "FAX 送信票" in cover and "FAX cover sheet" not in cover
