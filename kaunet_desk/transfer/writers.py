"""Writing a table to CSV (cp932 for Excel by default, or UTF-8 with a BOM) or XLSX.

A file is written under a temporary name in the target folder and renamed at the end, so
a failure or a cancel never leaves a half-written file where the clerk expects one. A
character that cp932 cannot hold (𠮷, emoji, …) is not silently replaced: the export stops
with the row and column and suggests UTF-8 (BOM 付き), which holds everything.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

from kaunet_desk.i18n import _
from kaunet_desk.transfer.encoding import CP932, UTF8_BOM

XLSX_MAX_ROWS = 1_048_576  # Excel's limit, the header included
_FLUSH_ROWS = 5_000
_YES, _NO = "はい", "いいえ"

# (rows written so far)
Progress = Callable[[int], None]


class ExportError(Exception):
    """The export could not be written; ``str()`` is the sentence for the clerk."""


class ExportCancelled(Exception):
    """The clerk cancelled; no file was left behind."""


def cell_text(value: object) -> str:
    """How a value is written to CSV: dates as 2026/02/28, yes/no as はい/いいえ."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _YES if value else _NO
    if isinstance(value, date):
        return f"{value.year:04d}/{value.month:02d}/{value.day:02d}"
    return str(value)


def is_xlsx(path: str | Path) -> bool:
    return Path(path).suffix.lower() == ".xlsx"


def write_table(
    path: str | Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    encoding: str = CP932,
    sheet: str = "Sheet1",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write ``headers`` and ``rows`` to ``path`` (.xlsx by extension); returns the row count."""
    path = Path(path)
    part = path.with_name(f".{path.name}.part-{os.getpid()}")
    try:
        if is_xlsx(path):
            count = _write_xlsx(part, headers, rows, sheet, progress, cancelled)
        else:
            count = _write_csv(part, headers, rows, encoding, progress, cancelled)
        os.replace(part, path)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise ExportError(_("ファイルに書き込めません: {error}").format(error=error)) from error
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return count


def _check_cancel(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled


def _write_csv(
    part: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    encoding: str,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    count = 0
    with part.open("wb") as handle:
        if encoding == UTF8_BOM:
            handle.write(b"\xef\xbb\xbf")
            encoding = "utf-8"
        chunk = _Chunk(handle, headers, encoding)
        chunk.add(list(headers))
        for row in rows:
            chunk.add([cell_text(value) for value in row])
            count += 1
            if len(chunk.texts) >= _FLUSH_ROWS:
                chunk.flush()
                _check_cancel(cancelled)
                if progress is not None:
                    progress(count)
        chunk.flush()
    if progress is not None:
        progress(count)
    return count


class _Chunk:
    """Rows formatted as CSV text and encoded together (one encode per few thousand rows)."""

    def __init__(self, handle: io.BufferedWriter, headers: Sequence[str], encoding: str) -> None:
        self.handle = handle
        self.headers = headers
        self.encoding = encoding
        self.buffer = io.StringIO()
        # Excel's own CSV: CRLF line ends, quotes only where needed.
        self.writer = csv.writer(self.buffer, lineterminator="\r\n")
        self.texts: list[list[str]] = []
        self.first_row_no = 1  # the header is row 1, as Excel numbers it

    def add(self, texts: list[str]) -> None:
        self.writer.writerow(texts)
        self.texts.append(texts)

    def flush(self) -> None:
        try:
            self.handle.write(self.buffer.getvalue().encode(self.encoding))
        except UnicodeEncodeError:
            raise ExportError(self._unencodable()) from None
        self.buffer.seek(0)
        self.buffer.truncate()
        self.first_row_no += len(self.texts)
        self.texts.clear()

    def _unencodable(self) -> str:
        for offset, texts in enumerate(self.texts):
            for column, text in enumerate(texts):
                bad = next((c for c in text if not _encodable(c, self.encoding)), None)
                if bad is not None:
                    return _(
                        "{row} 行目の「{column}」にある「{char}」は {encoding} で書けません。"
                        "文字コードを UTF-8 (BOM 付き) にして書き出してください。"
                        "ファイルは作っていません。"
                    ).format(row=self.first_row_no + offset, column=self.headers[column],
                             char=bad, encoding=self.encoding)
        return _("{encoding} で書けない文字があります。").format(encoding=self.encoding)


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _write_xlsx(
    part: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    sheet: str,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import IllegalCharacterError

    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet[:31])
    ws.freeze_panes = "A2"
    for number, header in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(number)].width = max(10, 2 * len(header) + 2)
    bold = Font(bold=True)
    head = []
    for header in headers:
        cell = WriteOnlyCell(ws, value=header)
        cell.font = bold
        head.append(cell)
    ws.append(head)

    def date_cell(day: date) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value=day)
        cell.number_format = "yyyy/mm/dd"
        return cell

    def text_cell(text: str) -> WriteOnlyCell:
        # A text beginning with "=" is text, never a formula Excel would run.
        cell = WriteOnlyCell(ws, value=text)
        cell.data_type = "s"
        return cell

    count = 0
    for row in rows:
        count += 1
        if count >= XLSX_MAX_ROWS:
            raise ExportError(_("Excel の 1 シートの行数の上限 ({limit:,} 行) を超えます。"
                                "CSV で書き出してください。").format(limit=XLSX_MAX_ROWS - 1))
        values: list[object] = []
        for value in row:
            if isinstance(value, bool):
                values.append(_YES if value else _NO)
            elif isinstance(value, date):
                values.append(date_cell(value))
            elif isinstance(value, str) and value.startswith("="):
                values.append(text_cell(value))
            else:
                values.append(value)
        try:
            ws.append(values)
        except IllegalCharacterError:
            text = _("{row} 行目に Excel のセルに書けない制御文字があります。"
                     "CSV で書き出してください。")
            raise ExportError(text.format(row=count + 1)) from None
        if count % _FLUSH_ROWS == 0:
            _check_cancel(cancelled)
            if progress is not None:
                progress(count)
    book.save(part)
    if progress is not None:
        progress(count)
    return count
