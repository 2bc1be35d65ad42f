"""Checking one order row of a file — the hot loop of a million-row import.

Rules: the amounts are tax-excluded subtotals per rate and the stored total is
domain.order_total_yen of them (FAQ 月間購入上限金額 counts that total). Limit rules are
NOT applied on import: an imported order keeps the status the file gives (an order that
was cancelled for the limit stays 上限超過キャンセル, one that was accepted stays accepted),
because the file records what already happened at Kaunet; the numbers that decided a
cancellation are not in the file and stay empty. An empty 状態 is derived as the order
form derives it: 発送済 with a 発送日, 受注 without.

Rows come out as tuples in bulk_import.ORDER_FIELDS order with dates as ISO text, ready for
bulk_import.insert_orders.
"""

from __future__ import annotations

from datetime import date

from kaunet_desk.domain import order_total_yen
from kaunet_desk.domain.enums import OrderStatus, PaymentMethod
from kaunet_desk.store.models import Order
from kaunet_desk.transfer import vocabulary as words
from kaunet_desk.transfer.columns import ORDER_COLUMNS
from kaunet_desk.transfer.customer_rows import kaunet_id_of
from kaunet_desk.transfer.mapping import ColumnMapping
from kaunet_desk.transfer.problems import RowError, ValueProblem
from kaunet_desk.transfer.reader import SourceRecord
from kaunet_desk.transfer.values import (
    FIRST_YEAR,
    LAST_YEAR,
    parse_choice,
    parse_date,
    parse_text,
    parse_yen,
    parse_yes_no,
)

ORDER_NO_LENGTH: int = Order.__table__.c.order_no.type.length
DEALER_NAME_LENGTH: int = Order.__table__.c.dealer_name.type.length
_HEADER_OF = {c.key: c.header for c in ORDER_COLUMNS}
_SHIPPED = OrderStatus.SHIPPED.value
_ORDERED = OrderStatus.ORDERED.value
_KDDI = PaymentMethod.KDDI_INVOICE.value
# The spellings the export writes, looked up without normalising (the fast path).
# An empty 支払方法 is the KDDI invoice (FAQ: the default); an empty 状態 is derived ("").
_PAYMENT_WORDS = {word: code for code, word in words.PAYMENT.word.items()} | {"": _KDDI}
_STATUS_WORDS = {word: code for code, word in words.ORDER_STATUS.word.items()} | {"": ""}
_YES_NO_WORDS = {"はい": True, "いいえ": False, "": False}

# (account id, order no) ↦ one string: half the memory of a tuple in the duplicate set.
OrderKey = str


def order_key(account_id: int, order_no: str) -> OrderKey:
    return f"{account_id}\t{order_no}"


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


class OrderChecker:
    """Checks rows against the accounts of the ledger and the rows seen before in the file.

    ``accounts`` maps a stored Kaunet ID to (account id, customer id). Keys of accepted
    rows are kept (one short string each) to refuse a second row of the same order.
    """

    def __init__(
        self, header: list[str], mapping: ColumnMapping, accounts: dict[str, tuple[int, int]]
    ) -> None:
        self.header = header
        self.width = len(header)
        self.accounts = accounts
        self.seen: set[OrderKey] = set()
        index = mapping.index
        self._i = {c.key: index(c.key) for c in ORDER_COLUMNS}
        self._dates: dict[str, str] = {}

        def at(key: str) -> int:
            found = index(key)
            return -1 if found is None else found

        self._shipped = at("shipped_on")
        self._amounts = [at(k) for k in ("subtotal_10_yen", "subtotal_8_yen", "points_used_yen")]
        self._payment = at("payment")
        self._other_dealer = at("other_dealer")
        self._dealer_name = at("dealer_name")
        self._status = at("status")
        self._total = at("total_yen")

    def _header(self, key: str) -> str:
        index = self._i.get(key)
        return self.header[index] if index is not None else _HEADER_OF.get(key, key)

    def check(self, record: SourceRecord, errors: list[RowError]) -> tuple | None:
        """The row to insert, or None with its problems appended to ``errors``."""
        values = record.values
        if len(values) == self.width:
            row = self._canonical(values)
            if row is not None:
                return row
            del values[self.width :]  # the fast path's sentinel cell
        return self.check_thoroughly(record, errors)

    def _iso_date(self, text: str) -> str | None:
        """ISO text of a date cell written as 2026-02-28 or 2026/02/28 (what the export
        writes), or None for any other spelling; remembered, as a file has few dates."""
        iso = self._dates.get(text)
        if iso is None and len(text) == 10 and text[4] == text[7] and text[4] in "-/":
            try:
                day = date.fromisoformat(text.replace("/", "-"))
            except ValueError:
                return None
            if FIRST_YEAR <= day.year <= LAST_YEAR and len(self._dates) < 100_000:
                iso = self._dates[text] = day.isoformat()
        return iso

    def _canonical(self, cells: list[str]) -> tuple | None:
        """The fast path: a row spelled exactly as the export writes it, and valid.

        Anything else — another spelling, a problem — returns None and goes through
        check_thoroughly, which accepts every spelling and names every problem. Both
        apply the same rules; this one only gives up sooner.
        """
        i = self._i
        account = self.accounts.get(cells[i["kaunet_id"]])  # type: ignore[index]
        order_no = cells[i["order_no"]]  # type: ignore[index]
        order_date = self._iso_date(cells[i["order_date"]])  # type: ignore[index]
        if account is None or order_date is None or not (
            order_no.isascii() and order_no.isalnum() and len(order_no) <= ORDER_NO_LENGTH
        ):
            return None
        cells.append("")  # what an unmapped column reads as (index -1)
        shipped_text = cells[self._shipped]
        shipped_on = self._iso_date(shipped_text) if shipped_text else None
        if shipped_text and shipped_on is None:
            return None
        amounts = []
        for index in self._amounts:
            text = cells[index]
            if not text:
                amounts.append(0)
            elif text.isdigit() and text.isascii() and len(text) < 10:
                amounts.append(int(text))
            else:
                return None
        payment = _PAYMENT_WORDS.get(cells[self._payment])
        other_dealer = _YES_NO_WORDS.get(cells[self._other_dealer])
        dealer_name = cells[self._dealer_name]
        status = _STATUS_WORDS.get(cells[self._status])
        if payment is None or other_dealer is None or status is None:
            return None
        if dealer_name and not (dealer_name.isascii() and dealer_name.isprintable()
                                and len(dealer_name) <= DEALER_NAME_LENGTH
                                and dealer_name == dealer_name.strip()
                                and "  " not in dealer_name):
            return None
        subtotal_10, subtotal_8, points = amounts
        total = order_total_yen(subtotal_10, subtotal_8)
        given_total = cells[self._total]
        if (given_total and given_total != str(total)) or points > total:
            return None
        if shipped_on is not None and shipped_on < order_date:  # ISO text sorts as dates
            return None
        if status == "":
            status = _SHIPPED if shipped_on is not None else _ORDERED
        elif status == _SHIPPED and shipped_on is None:
            return None
        account_id, customer_id = account
        key = order_key(account_id, order_no)
        if key in self.seen:
            return None
        self.seen.add(key)
        return (customer_id, account_id, order_no, order_date, shipped_on, subtotal_10,
                subtotal_8, total, points, payment, other_dealer, dealer_name, status)

    def check_thoroughly(self, record: SourceRecord, errors: list[RowError]) -> tuple | None:
        """Every spelling the values module accepts; every problem named."""
        cells = record.values
        row_no = record.row_no
        if len(cells) != self.width:
            errors.append(RowError(row_no, "", "", "column_count",
                                   {"expected": self.width, "actual": len(cells)}))
            return None
        i = self._i
        found: list[RowError] = []

        def cell(key: str) -> str:
            index = i[key]
            return cells[index] if index is not None else ""

        def fail(key: str, reason: str, params: dict | None = None) -> None:
            found.append(RowError(row_no, self._header(key), cell(key), reason, params or {}))

        # -- the account ---------------------------------------------------------------
        raw_id = cell("kaunet_id")
        account = self.accounts.get(raw_id)
        if account is None:
            if not raw_id.strip():
                fail("kaunet_id", "required")
            else:
                try:
                    account = self.accounts.get(kaunet_id_of(raw_id))
                    if account is None:
                        fail("kaunet_id", "unknown_kaunet_id")
                except ValueProblem as problem:
                    fail("kaunet_id", problem.reason, problem.params)
        # -- order number and dates --------------------------------------------------------
        order_no = cell("order_no")
        if not (order_no.isascii() and order_no.isalnum() and len(order_no) <= ORDER_NO_LENGTH):
            try:
                order_no = parse_text(order_no, ORDER_NO_LENGTH)
                if not order_no:
                    fail("order_no", "required")
            except ValueProblem as problem:
                fail("order_no", problem.reason, problem.params)
        order_date = shipped_on = None
        try:
            order_date = parse_date(cell("order_date"))
            if order_date is None:
                fail("order_date", "required")
        except ValueProblem as problem:
            fail("order_date", problem.reason, problem.params)
        try:
            shipped_on = parse_date(cell("shipped_on"))
        except ValueProblem as problem:
            fail("shipped_on", problem.reason, problem.params)
        # -- amounts -------------------------------------------------------------------------
        amounts = []
        for key in ("subtotal_10_yen", "subtotal_8_yen", "points_used_yen"):
            text = cell(key)
            if text.isdigit() and text.isascii() and len(text) < 10:
                amounts.append(int(text))
                continue
            try:
                # Our choice: an empty amount cell is 0 yen, as Excel leaves 0 blank.
                amounts.append(parse_yen(text) or 0)
            except ValueProblem as problem:
                fail(key, problem.reason, problem.params)
                amounts.append(None)
        # -- words ---------------------------------------------------------------------------
        payment = _PAYMENT_WORDS.get(cell("payment"))
        if payment is None:
            try:
                payment = parse_choice(cell("payment"), words.PAYMENT) or _KDDI
            except ValueProblem as problem:
                fail("payment", problem.reason, problem.params)
        other_dealer = _YES_NO_WORDS.get(cell("other_dealer"))
        if other_dealer is None:
            try:
                other_dealer = bool(parse_yes_no(cell("other_dealer"), words.YES_NO))
            except ValueProblem as problem:
                fail("other_dealer", problem.reason, problem.params)
        dealer_name = cell("dealer_name")
        if dealer_name:
            try:
                dealer_name = parse_text(dealer_name, DEALER_NAME_LENGTH)
            except ValueProblem as problem:
                fail("dealer_name", problem.reason, problem.params)
        status = _STATUS_WORDS.get(cell("status"))
        if status is None:
            try:
                status = parse_choice(cell("status"), words.ORDER_STATUS)
            except ValueProblem as problem:
                fail("status", problem.reason, problem.params)
        if not status:  # empty: derived as the order form does
            status = _SHIPPED if shipped_on is not None else _ORDERED
        if found:
            errors.extend(found)
            return None
        # -- rules across cells ---------------------------------------------------------------
        subtotal_10, subtotal_8, points = amounts
        total = order_total_yen(subtotal_10, subtotal_8)
        if total > 2_147_483_647:  # PostgreSQL INTEGER
            fail("subtotal_10_yen", "too_large", {"limit": "2,147,483,647"})
        given_total = cell("total_yen")
        if given_total:
            try:
                if parse_yen(given_total) != total:
                    fail("total_yen", "total_mismatch", {"expected": f"{total:,}"})
            except ValueProblem:
                fail("total_yen", "total_mismatch", {"expected": f"{total:,}"})
        if points > total:
            fail("points_used_yen", "points_over_total")
        if shipped_on is not None and shipped_on < order_date:  # type: ignore[operator]
            fail("shipped_on", "shipped_before_order")
        if status == _SHIPPED and shipped_on is None:
            fail("shipped_on", "shipped_without_date")
        if found:
            errors.extend(found)
            return None
        account_id, customer_id = account  # type: ignore[misc]
        key = order_key(account_id, order_no)
        if key in self.seen:
            errors.append(RowError(row_no, self._header("order_no"), order_no,
                                   "duplicate_in_file"))
            return None
        self.seen.add(key)
        return (
            customer_id, account_id, order_no, order_date.isoformat(),  # type: ignore[union-attr]
            _iso(shipped_on), subtotal_10, subtotal_8, total, points, payment,
            other_dealer, dealer_name, status,
        )
