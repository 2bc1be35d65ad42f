"""Checking one customer row of a file, with the same rules as the お客さま form.

The text is normalised exactly as the form's CustomerDraft does it and checked by the same
check_customer_fields (domain.md「Customers」), so an imported customer is one the form
would have saved. Lengths are the model's String lengths.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date

from kaunet_desk.domain.enums import ApplicationStatus, CustomerStatus
from kaunet_desk.domain.text import normalize_text, search_key
from kaunet_desk.store.models import Customer, KaunetAccount
from kaunet_desk.store.services.customers import CustomerDraft
from kaunet_desk.transfer import vocabulary as words
from kaunet_desk.transfer.columns import CUSTOMER_COLUMNS
from kaunet_desk.transfer.mapping import ColumnMapping
from kaunet_desk.transfer.problems import RowError, ValueProblem
from kaunet_desk.transfer.reader import SourceRecord
from kaunet_desk.transfer.values import (
    parse_choice,
    parse_date,
    parse_text,
    parse_yen,
    parse_yes_no,
)

_TEXT_LIMITS = {
    key: Customer.__table__.c[key].type.length
    for key in ("name", "name_kana", "postal_code", "address", "phone", "fax",
                "contact_person", "email")
}
KAUNET_ID_LENGTH: int = KaunetAccount.__table__.c.kaunet_id.type.length
_ID_SPLIT = re.compile("|".join(re.escape(s) for s in words.ID_SEPARATORS))
_HEADER_OF = {c.key: c.header for c in CUSTOMER_COLUMNS}


def kaunet_id_of(cell: str) -> str:
    """The stored spelling of a Kaunet ID: normalised text in upper case, as the お客さま
    form stores it (services.customers, 「ｋ１２３」 = 「K123」); no spaces inside."""
    value = normalize_text(cell).upper()
    if any(char.isspace() for char in value) or not value.isprintable():
        raise ValueProblem("invalid_kaunet_id")
    if len(value) > KAUNET_ID_LENGTH:
        raise ValueProblem("too_long", limit=KAUNET_ID_LENGTH)
    return value


@dataclass(frozen=True, slots=True)
class CustomerRow:
    row_no: int
    values: dict[str, object]  # Customer columns, search_text included
    accounts: tuple[tuple[str, str], ...]  # (kaunet_id, application_status)

    @property
    def duplicate_key(self) -> tuple[str, str]:
        """A customer without a Kaunet ID is the same one when name and phone match."""
        return (str(self.values["name"]), str(self.values["phone"]))


def search_text(values: dict[str, object], kaunet_ids: list[str]) -> str:
    # The haystack services.customer_writes.search_text builds, so search finds imported rows.
    pieces = [values[k] for k in ("name", "name_kana", "phone", "fax", "email")]
    return " ".join(search_key(str(p)) for p in [*pieces, *kaunet_ids] if p)


class CustomerChecker:
    def __init__(self, header: list[str], mapping: ColumnMapping) -> None:
        self.header = header
        self.width = len(header)
        self.mapping = mapping

    def _cell(self, values: list[str], key: str) -> str:
        index = self.mapping.index(key)
        return values[index] if index is not None else ""

    def check(self, record: SourceRecord, errors: list[RowError]) -> CustomerRow | None:
        """The row to store, or None with its problems appended to ``errors``."""
        cells = record.values
        if len(cells) != self.width:
            errors.append(RowError(record.row_no, "", "", "column_count",
                                   {"expected": self.width, "actual": len(cells)}))
            return None
        found: list[RowError] = []

        def parse(key: str, parser, *args):  # type: ignore[no-untyped-def]
            cell = self._cell(cells, key)
            try:
                return parser(cell, *args)
            except ValueProblem as problem:
                found.append(RowError(record.row_no, self._header(key), cell,
                                      problem.reason, problem.params))
                return None

        text = {key: parse(key, parse_text, limit) or "" for key, limit in _TEXT_LIMITS.items()}
        kind = parse("kind", parse_choice, words.KIND)
        invoice_payment = parse("invoice_payment", parse_choice, words.INVOICE_PAYMENT)
        limit = parse("monthly_limit_yen", parse_yen)
        disability = parse("disability_discount", parse_yes_no, words.YES_NO)
        combined = parse("combined_billing", parse_yes_no, words.YES_NO)
        status = parse("status", parse_choice, words.CUSTOMER_STATUS)
        cancelled_on = parse("cancelled_on", parse_date)
        stopped_on = parse("catalogue_stopped_on", parse_date)
        accounts = self._accounts(cells, record.row_no, found)
        for key, value in (("kind", kind), ("invoice_payment", invoice_payment)):
            if value is None and not any(e.column == self._header(key) for e in found):
                found.append(RowError(record.row_no, self._header(key), "", "required"))
        status = status or CustomerStatus.ACTIVE.value
        self._check_cancel(record.row_no, status, cancelled_on, found)

        draft = CustomerDraft(
            name=text["name"], name_kana=text["name_kana"], kind=kind or "",
            invoice_payment=invoice_payment or "", monthly_limit_yen=limit,  # type: ignore[arg-type]
            phone=text["phone"], email=text["email"], postal_code=text["postal_code"],
            address=text["address"], fax=text["fax"], contact_person=text["contact_person"],
            disability_discount=bool(disability), combined_billing=combined is not False,
        ).normalised()
        reported = {e.column for e in found}
        for problem in draft.problems():
            column = self._header(problem.field)
            if column not in reported:  # a parse problem already said it
                found.append(RowError(record.row_no, column, self._cell(cells, problem.field),
                                      problem.code))
        found.extend(self._check_lengths(draft, cells, record.row_no, reported))
        if found:
            errors.extend(found)
            return None
        values: dict[str, object] = asdict(draft) | {
            "status": status, "cancelled_on": cancelled_on, "catalogue_stopped_on": stopped_on,
        }
        values["search_text"] = search_text(values, [a for a, _ in accounts])
        return CustomerRow(record.row_no, values, tuple(accounts))

    def _header(self, key: str) -> str:
        index = self.mapping.index(key)
        return self.header[index] if index is not None else _HEADER_OF.get(key, key)

    def _check_lengths(
        self, draft: CustomerDraft, cells: list[str], row_no: int, reported: set[str]
    ) -> list[RowError]:
        # Normalising can lengthen text (NFKC of ㍻ is 平成): check what would be stored.
        found = []
        for key, limit in _TEXT_LIMITS.items():
            if len(getattr(draft, key)) > limit and self._header(key) not in reported:
                found.append(RowError(row_no, self._header(key), self._cell(cells, key),
                                      "too_long", {"limit": limit}))
        return found

    def _check_cancel(
        self, row_no: int, status: str, cancelled_on: date | None, found: list[RowError]
    ) -> None:
        # A cancellation is recorded with its day (FAQ カウネットの解約方法; cancel_customer).
        cancelled = status == CustomerStatus.CANCELLED.value
        if cancelled and cancelled_on is None:
            found.append(RowError(row_no, self._header("cancelled_on"), "",
                                  "cancelled_without_date"))
        elif cancelled_on is not None and not cancelled:
            found.append(RowError(row_no, self._header("status"), "", "date_without_cancel"))

    def _accounts(
        self, cells: list[str], row_no: int, found: list[RowError]
    ) -> list[tuple[str, str]]:
        id_cell = self._cell(cells, "kaunet_ids")
        status_cell = self._cell(cells, "kaunet_statuses")
        ids = [part for part in _ID_SPLIT.split(id_cell) if part.strip()]
        statuses = [part for part in _ID_SPLIT.split(status_cell) if part.strip()]
        if statuses and len(statuses) != len(ids):
            found.append(RowError(row_no, self._header("kaunet_statuses"), status_cell,
                                  "status_count"))
            return []
        accounts: list[tuple[str, str]] = []
        seen: set[str] = set()
        for position, part in enumerate(ids):
            try:
                kaunet_id = kaunet_id_of(part)
                # Our choice: a listed ID without a status is in use (利用中) — the file
                # comes from a ledger of existing customers, not from new applications.
                status = ApplicationStatus.ACTIVE.value
                if statuses:
                    status = parse_choice(statuses[position], words.APPLICATION_STATUS) or status
            except ValueProblem as problem:
                column = "kaunet_statuses" if problem.reason == "unknown_choice" else "kaunet_ids"
                found.append(RowError(row_no, self._header(column), part, problem.reason,
                                      problem.params))
                continue
            if kaunet_id in seen:
                found.append(RowError(row_no, self._header("kaunet_ids"), part,
                                      "duplicate_in_file"))
                continue
            seen.add(kaunet_id)
            accounts.append((kaunet_id, status))
        return accounts
