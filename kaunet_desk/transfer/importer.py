"""One import run: read → check → write in chunks, all inside one transaction.

All-or-nothing by default: one invalid row and nothing is written (every row is still
checked, so the clerk gets the whole list at once). ``valid_only`` must be asked for
explicitly: then the valid rows are written and the invalid ones reported. ``dry_run``
checks everything — database duplicates included — and writes nothing. A cancel, an
error or a killed process leaves the ledger as it was (one transaction, rolled back).

Memory stays bounded at a million rows: records are streamed, rows are written in chunks,
at most MAX_KEPT_ERRORS problems are kept (the rest are counted), and only one short key
per accepted order is remembered to refuse a second row of the same order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from kaunet_desk.i18n import _
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.bulk_import import ImportWriter, import_transaction
from kaunet_desk.transfer.columns import Kind, columns_of
from kaunet_desk.transfer.customer_rows import CustomerChecker, CustomerRow
from kaunet_desk.transfer.encoding import detect_encoding
from kaunet_desk.transfer.mapping import ColumnMapping, guess_mapping
from kaunet_desk.transfer.order_rows import OrderChecker
from kaunet_desk.transfer.problems import RowError
from kaunet_desk.transfer.reader import BROKEN_CSV, CsvSource, SourceRecord

CHUNK_ROWS = 20_000
MAX_KEPT_ERRORS = 10_000
_CANCEL_CHECK_ROWS = 1_000

# (rows read, bytes read, bytes in the file)
Progress = Callable[[int, int, int], None]


class ImportCancelled(Exception):
    """The clerk cancelled: the transaction was rolled back, nothing was written."""


class ImportRefused(Exception):
    """The file cannot be imported at all; ``str()`` is the sentence for the clerk."""


@dataclass
class ImportResult:
    kind: str
    path: str
    encoding: str
    valid_only: bool
    dry_run: bool
    rows_read: int = 0  # non-blank records after the header
    rows_valid: int = 0
    imported: int = 0  # rows written and committed
    blank_rows: int = 0
    errors: list[RowError] = field(default_factory=list)  # the first MAX_KEPT_ERRORS
    error_count: int = 0  # all problems found
    rejected_rows: int = 0  # rows with at least one problem

    @property
    def ok(self) -> bool:
        """Everything in the file was imported (or would be, on a dry run)."""
        return self.rejected_rows == 0

    def summary(self) -> str:
        if self.dry_run:
            text = _("検査: {rows} 行のうち有効 {valid} 行、問題のある行 {bad} 行。"
                     "データベースは変更していません。")
        elif self.imported:
            text = _("{imported} 行を取り込みました(読んだ行 {rows}、問題のある行 {bad})。")
        else:
            text = _("何も取り込んでいません: {rows} 行のうち問題のある行が {bad} 行あります。"
                     "直して取り込み直すか、「有効な行だけ取り込む」を選んでください。")
        return text.format(rows=self.rows_read, valid=self.rows_valid, bad=self.rejected_rows,
                           imported=self.imported)


class _Errors:
    """Problems of the run: kept up to a bound, counted always."""

    def __init__(self, result: ImportResult) -> None:
        self.result = result
        self.pending: list[RowError] = []

    def flush_row(self) -> bool:
        """Moves the current row's problems into the result; True when there were any."""
        if not self.pending:
            return False
        result = self.result
        result.rejected_rows += 1
        result.error_count += len(self.pending)
        room = MAX_KEPT_ERRORS - len(result.errors)
        if room > 0:
            result.errors.extend(self.pending[:room])
        self.pending.clear()
        return True


def resolve_mapping(kind: Kind | str, header: list[str], mapping: ColumnMapping | None
                    ) -> ColumnMapping:
    """The mapping to use; ImportRefused when a required column has no file column."""
    columns = columns_of(kind)
    mapping = mapping or guess_mapping(header, columns)
    missing = mapping.missing_required(columns)
    if missing:
        names = "、".join(f"「{c.header}」" for c in missing)
        text = _("必須の列 {names} がファイルにありません(列の対応を確認してください)。")
        raise ImportRefused(text.format(names=names))
    return mapping


def import_file(
    db: Database,
    kind: Kind | str,
    path: str | Path,
    *,
    encoding: str | None = None,
    mapping: ColumnMapping | None = None,
    valid_only: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Import customers or orders from a CSV file. See the module docstring for the rules.

    Raises ImportRefused (a sentence) when the file cannot be read or lacks a required
    column, and ImportCancelled when ``cancelled()`` turned true; the ledger is unchanged
    in both cases.
    """
    kind = Kind(kind)
    path = Path(path)
    try:
        encoding = encoding or detect_encoding(path)
        source = CsvSource(path, encoding)
    except OSError as error:
        raise ImportRefused(_("ファイルを開けません: {error}").format(error=error)) from error
    except LookupError as error:
        raise ImportRefused(_("文字コード {name} は使えません。").format(name=encoding)) from error
    result = ImportResult(kind.value, str(path), encoding, valid_only, dry_run)
    with source:
        if not source.header:
            raise ImportRefused(_("ファイルが空です(見出しの行がありません)。"))
        if source.header_problem is not None:
            raise ImportRefused(_("見出しの行を読めません。文字コードを確認してください。"))
        mapping = resolve_mapping(kind, source.header, mapping)
        try:
            _run(db, kind, source, mapping, result, progress, cancelled)
        except OperationalError as error:
            raise ImportRefused(_database_sentence(error)) from error
        except SQLAlchemyError as error:
            raise ImportRefused(
                _("データベースに書き込めませんでした。何も取り込んでいません。({error})")
                .format(error=type(error).__name__)
            ) from error
    return result


def _database_sentence(error: OperationalError) -> str:
    if "locked" in str(error.orig).lower():
        return _("データベースが別の操作で使用中です。しばらくしてからもう一度取り込んでください。"
                 "何も取り込んでいません。")
    return _("データベースに書き込めませんでした。何も取り込んでいません。({error})").format(
        error=str(error.orig))


def _record_problem(record: SourceRecord, encoding: str) -> RowError:
    reason = record.problem or BROKEN_CSV
    params: dict[str, object] = {}
    if reason == "undecodable":
        params = {"encoding": encoding}
    if reason == BROKEN_CSV and "field larger" in record.detail:
        reason = "field_too_long"
    return RowError(record.row_no, "", "", reason, params)


def _run(
    db: Database,
    kind: Kind,
    source: CsvSource,
    mapping: ColumnMapping,
    result: ImportResult,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    errors = _Errors(result)
    with import_transaction(db) as writer:
        if kind is Kind.ORDERS:
            step = _OrderStep(writer, source.header, mapping, errors)
        else:
            step = _CustomerStep(writer, source.header, mapping, errors)
        count = 0
        pending = errors.pending
        check = step.check
        for record in source.records():
            if record.problem is None:
                if record.is_blank:
                    result.blank_rows += 1
                    continue
                count += 1
                check(record)
            else:
                count += 1
                pending.append(_record_problem(record, source.encoding))
            if pending:
                errors.flush_row()
            if count % _CANCEL_CHECK_ROWS == 0:
                if cancelled is not None and cancelled():
                    raise ImportCancelled
                if count % CHUNK_ROWS == 0:
                    step.write()
                if progress is not None:
                    progress(count, source.bytes_read, source.total_bytes)
        step.write()
        # Refusals found while writing arrive late: keep the list in row order.
        result.errors.sort(key=lambda error: error.row_no)
        result.rows_read = count
        result.rows_valid = count - result.rejected_rows
        if cancelled is not None and cancelled():
            raise ImportCancelled
        if progress is not None:
            progress(count, source.total_bytes, source.total_bytes)
        writes = result.valid_only or result.rejected_rows == 0
        if writes and not result.dry_run and step.written:
            writer.record({
                "kind": kind.value, "file": source.path.name, "encoding": source.encoding,
                "rows_read": count, "imported": step.written,
                "rejected_rows": result.rejected_rows, "valid_only": result.valid_only,
            })
            writer.commit()
            result.imported = step.written


class _OrderStep:
    def __init__(self, writer: ImportWriter, header: list[str], mapping: ColumnMapping,
                 errors: _Errors) -> None:
        self.writer = writer
        self.errors = errors
        self.checker = OrderChecker(header, mapping, writer.account_index())
        self.order_no_header = header[mapping.index("order_no")]  # type: ignore[index]
        self.chunk: list[tuple] = []
        self.rows: list[int] = []
        self.written = 0

    def check(self, record: SourceRecord) -> None:
        row = self.checker.check(record, self.errors.pending)
        if row is not None:
            self.chunk.append(row)
            self.rows.append(record.row_no)

    def write(self) -> None:
        """Write the chunk; rows refused as already in the ledger become row problems.

        Rows are still written after a problem in all-or-nothing mode (the rollback
        drops them), because writing is how an order already in the ledger is found.
        """
        if not self.chunk:
            return
        refused = self.writer.insert_orders(self.chunk)
        for position in refused:
            row = self.chunk[position]
            self.errors.pending.append(RowError(self.rows[position], self.order_no_header,
                                                row[2], "duplicate_order"))
            self.errors.flush_row()
        self.written += len(self.chunk) - len(refused)
        self.chunk = []
        self.rows = []


class _CustomerStep:
    def __init__(self, writer: ImportWriter, header: list[str], mapping: ColumnMapping,
                 errors: _Errors) -> None:
        self.writer = writer
        self.errors = errors
        self.checker = CustomerChecker(header, mapping)
        self.header = header
        self.mapping = mapping
        self.stored_ids = set(writer.account_index())
        self.stored_keys = writer.customer_keys()
        self.file_ids: set[str] = set()
        self.file_keys: set[tuple[str, str]] = set()
        self.chunk: list[CustomerRow] = []
        self.written = 0

    def _column(self, key: str) -> str:
        index = self.mapping.index(key)
        return self.header[index] if index is not None else key

    def check(self, record: SourceRecord) -> None:
        row = self.checker.check(record, self.errors.pending)
        if row is None:
            return
        problems = []
        ids_column = self._column("kaunet_ids")
        for kaunet_id, _status in row.accounts:
            if kaunet_id in self.stored_ids:
                problems.append(RowError(row.row_no, ids_column, kaunet_id, "duplicate_kaunet_id"))
            elif kaunet_id in self.file_ids:
                problems.append(RowError(row.row_no, ids_column, kaunet_id, "duplicate_in_file"))
        name = str(row.values["name"])
        if row.duplicate_key in self.stored_keys:
            problems.append(RowError(row.row_no, self._column("name"), name, "duplicate_customer"))
        elif row.duplicate_key in self.file_keys:
            problems.append(RowError(row.row_no, self._column("name"), name, "duplicate_in_file"))
        if problems:
            self.errors.pending.extend(problems)
            return
        # Later rows of the file with the same IDs or name + phone are refused too.
        self.file_ids.update(kaunet_id for kaunet_id, _status in row.accounts)
        self.file_keys.add(row.duplicate_key)
        self.chunk.append(row)

    def write(self) -> None:
        if self.chunk:
            self.writer.insert_customers([(row.values, row.accounts) for row in self.chunk])
            self.written += len(self.chunk)
            self.chunk = []
