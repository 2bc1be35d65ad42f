"""The command line, run as a clerk or a batch script would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kaunet_desk.cli import main


def test_db_upgrade_then_backup_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "ledger.sqlite"
    assert main(["db", "upgrade", "--db", str(db)]) == 0
    assert "migrated" in capsys.readouterr().out
    assert main(["db", "upgrade", "--db", str(db)]) == 0
    assert "already" in capsys.readouterr().out
    copy = tmp_path / "copy.sqlite"
    assert main(["backup", "--db", str(db), "--out", str(copy)]) == 0
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1
    assert main(["restore", str(copy), "--db", str(db)]) == 0


def test_restore_of_garbage_fails_with_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    db = tmp_path / "ledger.sqlite"
    main(["db", "upgrade", "--db", str(db)])
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_text("not a database")
    assert main(["restore", str(garbage), "--db", str(db)]) == 1
    assert "現在のデータベースはそのまま" in capsys.readouterr().err
