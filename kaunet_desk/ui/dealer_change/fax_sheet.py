"""The 担当販売店変更 FAX form of one request — a new one not yet recorded, or a recorded one.

The form says what the request records: the sending day on the cover, the return deadline
in its boxes (FAQ 販売店について: the customer returns it by the deadline written on it),
and the Kaunet ID the request is for. kaunet_desk.reports.fax_form draws it; the customer's
name, address and numbers come from the ledger.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from kaunet_desk.i18n import _
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.dealer_change import DealerChangeRow
from kaunet_desk.ui.tab import pdf_file_name


@dataclass(frozen=True)
class FaxSheet:
    customer_id: int
    customer_name: str
    kaunet_id: str  # "" when the customer has no Kaunet ID yet
    sent_on: date
    deadline: date

    @classmethod
    def of_request(cls, row: DealerChangeRow) -> FaxSheet:
        """A recorded request's form as it was sent: its sending day and deadline."""
        return cls(row.customer_id, row.customer_name, row.kaunet_id, row.fax_sent_on,
                   row.deadline)

    def file_name(self) -> str:
        return pdf_file_name(_("販売店変更FAX"), self.customer_name, self.sent_on.isoformat())


def write_fax_sheet(db: Database, sheet: FaxSheet, path: Path, settings: ReportSettings) -> int:
    """Draw the two pages into ``path``; returns the page count. Runs off the GUI thread."""
    from kaunet_desk.reports.fax_form import gather_fax_form, render_fax_form

    data = gather_fax_form(db, sheet.customer_id, today=sheet.sent_on, settings=settings,
                           deadline=sheet.deadline)
    # The request's own ID, not whatever another open request of the customer names.
    data = replace(data, kaunet_ids=(sheet.kaunet_id,) if sheet.kaunet_id else ())
    return render_fax_form(data, path, settings)
