"""Decoding before parsing: cp932's 0x5C second bytes, BOMs, broken lines, row numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from kaunet_desk.transfer.encoding import CP932, UTF8, UTF8_BOM, detect_encoding
from kaunet_desk.transfer.reader import (
    LINE_TOO_LONG,
    MAX_LINE_BYTES,
    UNDECODABLE,
    CsvSource,
    read_preview,
)

# ソ 表 能 are 0x83 0x5C, 0x95 0x5C, 0x94 0x5C in cp932: the second byte is "\".
EDGE = "ソ表能髙Ⅲ㎝①～"


def records(path: Path, encoding: str) -> list:
    with CsvSource(path, encoding) as source:
        return [source.header, *source.records()]


def test_cp932_second_byte_5c_survives_quoted_and_unquoted(tmp_path: Path) -> None:
    text = f'名前,備考\r\n{EDGE},"{EDGE},""引用"""\r\nソ,表\r\n'
    path = tmp_path / "a.csv"
    path.write_bytes(text.encode("cp932"))
    assert b"\x83\\" in path.read_bytes()  # the trap is really in the file
    assert detect_encoding(path) == CP932
    header, first, second = records(path, CP932)
    assert header == ["名前", "備考"]
    assert first.values == [EDGE, f'{EDGE},"引用"']
    assert second.values == ["ソ", "表"]
    assert (first.row_no, second.row_no) == (2, 3)


def test_strict_shift_jis_cannot_but_cp932_can() -> None:
    with pytest.raises(UnicodeEncodeError):
        "髙Ⅲ㎝".encode("shift_jis")
    assert "髙Ⅲ㎝".encode("cp932")


@pytest.mark.parametrize(("encoding", "expected"), [
    ("utf-8-sig", UTF8_BOM), ("utf-8", UTF8), ("cp932", CP932),
])
def test_detects_each_encoding(tmp_path: Path, encoding: str, expected: str) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(f"顧客名\r\n{EDGE}\r\n".encode(encoding))
    assert detect_encoding(path) == expected
    header, row = records(path, expected)
    assert header == ["顧客名"]  # the BOM is not part of the first header
    assert row.values == [EDGE]


def test_detection_reads_past_a_long_ascii_start_and_split_characters(tmp_path: Path) -> None:
    # The first non-ASCII text starts beyond one sniffing chunk and a 3-byte character
    # straddles the chunk boundary: still UTF-8.
    path = tmp_path / "a.csv"
    prefix = b"a" * (256 * 1024 + 6 - 1)
    path.write_bytes(b"h\n" + prefix + "表".encode() + b"\n")
    assert detect_encoding(path) == UTF8
    ascii_only = tmp_path / "b.csv"
    ascii_only.write_bytes(b"a,b\r\n1,2\r\n")
    assert detect_encoding(ascii_only) == CP932


def test_multiline_fields_are_one_row_and_rows_follow_excel(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    text = 'a,b\r\n"1行目\r\n2行目",x\r\n,\r\n"cr\ronly",y\r\nlast,z'
    path.write_bytes(text.encode("cp932"))
    _header, multi, blank, cr, last = records(path, CP932)
    assert multi.values == ["1行目\r\n2行目", "x"] and multi.row_no == 2
    assert blank.is_blank and blank.row_no == 3
    assert cr.values == ["cr\ronly", "y"]  # a lone CR inside quotes is text
    assert last.values == ["last", "z"] and last.row_no == 5  # no final newline


def test_undecodable_line_marks_its_row_only(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    undecodable = b"\x81\x20\x85\x40\r\n"
    path.write_bytes("h\r\nソ\r\n".encode("cp932") + undecodable + "表\r\n".encode("cp932"))
    _header, good, bad, after = records(path, CP932)
    assert (good.problem, good.values) == (None, ["ソ"])
    assert bad.problem == UNDECODABLE and bad.row_no == 3
    assert (after.problem, after.values) == (None, ["表"])


def test_field_over_csv_limit_and_line_over_byte_limit_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    big_field = '"' + "x" * 200_000 + '"'
    huge_line = "y" * (3 * MAX_LINE_BYTES)  # held in memory only up to the bound
    path.write_text(f"h\n{big_field}\nok1\n{huge_line}\nok2\n", encoding="cp932")
    _header, broken, ok1, long_line, ok2 = records(path, CP932)
    assert broken.problem == "broken_csv" and "field larger" in broken.detail
    assert ok1.values == ["ok1"]
    assert long_line.problem == LINE_TOO_LONG
    assert ok2.values == ["ok2"] and ok2.row_no == 5


def test_preview_skips_blank_rows(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("a,b\r\n,\r\n1,2\r\n3,4\r\n5,6\r\n".encode("cp932"))
    header, rows = read_preview(path, CP932, 2)
    assert header == ["a", "b"]
    assert [r.values for r in rows] == [["1", "2"], ["3", "4"]]
    assert [r.row_no for r in rows] == [3, 4]
