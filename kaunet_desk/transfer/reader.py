"""Reading a CSV file as records, streamed: bytes → text (decoded first) → csv.

Never csv on bytes: in cp932 the second byte of ソ, 表, 能 … is 0x5C (``\\``), which a parser
of bytes would take for an escape. A newline byte (0x0A) is never part of a multi-byte
character in cp932 or UTF-8, so the bytes are cut into whole lines first and each batch of
lines goes through one incremental decoder (which also drops a UTF-8 BOM, only at the
start). A line that cannot be decoded, or that is absurdly long, does not stop the read:
the record it belongs to carries the problem and the rest of the file is read on.

Row numbers are the ones Excel shows: the header is row 1, the first record row 2. A
record spanning several lines (a quoted field with a line break) is one row.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import NamedTuple

from kaunet_desk.transfer.encoding import UTF8_BOM

_CHUNK_BYTES = 1024 * 1024
# A physical line longer than this is not a ledger row; it is skipped, not held in memory.
MAX_LINE_BYTES = 1024 * 1024

# Problems of a whole record (see problems.py for the sentences).
UNDECODABLE = "undecodable"
LINE_TOO_LONG = "line_too_long"
BROKEN_CSV = "broken_csv"


class SourceRecord(NamedTuple):
    """One record (row) of the file. A NamedTuple: a million of them are made per import."""

    row_no: int
    values: list[str]
    problem: str | None = None
    detail: str = ""

    @property
    def is_blank(self) -> bool:
        """Excel leaves rows of empty cells (「,,,,」) after deleted content."""
        return not "".join(self.values).strip()


class CsvSource:
    """One pass over a CSV file: ``header`` then ``records()``; ``bytes_read`` for progress."""

    def __init__(self, path: str | Path, encoding: str) -> None:
        self.path = Path(path)
        self.encoding = encoding
        codecs.lookup(encoding)  # LookupError early for a wrong name
        self.total_bytes = self.path.stat().st_size
        self.bytes_read = 0
        self._handle = self.path.open("rb")
        self._decoder = codecs.getincrementaldecoder(encoding)()
        self._bad_lines: dict[int, str] = {}
        self._lines_seen = 0
        # chain: the generator runs once per chunk of lines, not once per line.
        self._reader = csv.reader(chain.from_iterable(self._text_chunks()), strict=False)
        self.header: list[str] = []
        self._header_problem: SourceRecord | None = None
        first = self._next_record(1)
        if first is not None:
            self.header = [value.strip() for value in first.values]
            if first.problem is not None:
                self._header_problem = first

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> CsvSource:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def header_problem(self) -> SourceRecord | None:
        return self._header_problem

    def records(self) -> Iterator[SourceRecord]:
        """Every record after the header, blank ones included (the caller skips them)."""
        reader = self._reader
        bad = self._bad_lines
        row_no = 1
        while True:
            try:
                last_line = reader.line_num
                for values in reader:
                    row_no += 1
                    if bad:
                        problem = self._problem_between(last_line, reader.line_num)
                        if problem is not None:
                            yield SourceRecord(row_no, values, problem)
                            last_line = reader.line_num
                            continue
                    last_line = reader.line_num
                    yield SourceRecord(row_no, values)
                return
            except csv.Error as error:
                row_no += 1
                yield SourceRecord(row_no, [], BROKEN_CSV, str(error))

    def _problem_between(self, after_line: int, last_line: int) -> str | None:
        problem = None
        for line in range(after_line + 1, last_line + 1):
            problem = self._bad_lines.pop(line, None) or problem
        return problem

    # -- lines --------------------------------------------------------------------------
    def _text_chunks(self) -> Iterator[Iterator[str]]:
        pending = b""
        skipping = False  # inside a line longer than MAX_LINE_BYTES: drop to its end
        while True:
            chunk = self._handle.read(_CHUNK_BYTES)
            self.bytes_read += len(chunk)
            if not chunk:
                break
            if skipping:
                newline = chunk.find(b"\n")
                if newline < 0:
                    continue
                chunk = chunk[newline + 1 :]
                skipping = False
                yield iter((self._too_long_line(),))
            data = pending + chunk
            cut = data.rfind(b"\n") + 1
            pending = data[cut:]
            if cut:
                yield self._decoded(data[:cut])
            if len(pending) > MAX_LINE_BYTES:
                pending = b""
                skipping = True
        if skipping:
            yield iter((self._too_long_line(),))
        if pending:
            yield self._decoded(pending)

    def _too_long_line(self) -> str:
        """An empty line stands in for the dropped one; its record carries the problem."""
        self._lines_seen += 1
        self._bad_lines[self._lines_seen] = LINE_TOO_LONG
        return "\n"

    def _decoded(self, data: bytes) -> Iterator[str]:
        """Whole lines of bytes → text lines, each ending in its newline (if it had one)."""
        state = self._decoder.getstate()
        try:
            text = self._decoder.decode(data)
        except UnicodeDecodeError:
            self._decoder.setstate(state)
            return iter(self._decoded_line_by_line(data))
        self._lines_seen += text.count("\n")
        # newline="\n": split on LF only — a lone CR or U+2028 inside a field stays text.
        return io.StringIO(text, newline="\n")

    def _decoded_line_by_line(self, data: bytes) -> list[str]:
        lines = []
        for line in io.BytesIO(data):
            self._lines_seen += 1
            try:
                text = self._decoder.decode(line)
            except UnicodeDecodeError:
                self._decoder.reset()
                self._bad_lines[self._lines_seen] = UNDECODABLE
                base = "utf-8" if self.encoding == UTF8_BOM else self.encoding
                text = line.decode(base, errors="replace")
            lines.append(text)
        return lines

    # -- records ------------------------------------------------------------------------
    def _next_record(self, row_no: int) -> SourceRecord | None:
        before = self._reader.line_num
        try:
            values = next(self._reader)
        except StopIteration:
            return None
        except csv.Error as error:
            return SourceRecord(row_no, [], BROKEN_CSV, str(error))
        if self._bad_lines:
            problem = self._problem_between(before, self._reader.line_num)
            if problem is not None:
                return SourceRecord(row_no, values, problem)
        return SourceRecord(row_no, values)


def read_preview(
    path: str | Path, encoding: str, rows: int
) -> tuple[list[str], list[SourceRecord]]:
    """The header and the first ``rows`` non-blank records, for the import dialog."""
    with CsvSource(path, encoding) as source:
        records: list[SourceRecord] = []
        for record in source.records():
            if record.is_blank and record.problem is None:
                continue
            records.append(record)
            if len(records) >= rows:
                break
        return source.header, records
