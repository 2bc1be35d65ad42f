"""What the clerk reads when the database refuses: a sentence and what to do — no traceback.

``explain`` turns a failure from SQLite, PostgreSQL (psycopg) or the file system into such a
sentence. Errors reach us wrapped (SQLAlchemy's OperationalError around sqlite3's), so the
whole chain is searched. A write that failed was rolled back by the unit of work
(store.database), so the write sentences say that nothing was saved. No Qt here.
"""

from __future__ import annotations

import errno
import re
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from kaunet_desk.formatting import format_date
from kaunet_desk.i18n import N_, _
from kaunet_desk.store.backup import BackupError
from kaunet_desk.store.safety import DatabaseInUse, LockOwner

LOCKED = N_(
    "ほかの画面・ほかの PC・バックアップなどがデータベースを使用中のため、保存できませんでした。"
    "変更は保存されていません。しばらく待ってから、もう一度保存してください。"
)
READ_ONLY = N_(
    "データベースが読み取り専用のため、保存できませんでした。変更は保存されていません。"
    "読み取り専用で開いている場合は、ほかの Kaunet Desk を閉じてから開き直してください。"
    "そうでなければ、ファイルやフォルダが読み取り専用になっていないか、書き込みの権限が"
    "あるかを確認してください。"
)
DISK_FULL = N_(
    "ディスクの空き容量が足りないため、保存できませんでした。変更は保存されていません。"
    "不要なファイルを削除して空き容量を増やしてから、もう一度保存してください。"
)
CANNOT_OPEN = N_(
    "データベースのファイルを開けません。ファイルが移動・削除されていないか、"
    "ネットワーク ドライブや USB メモリがつながっているか、フォルダに書き込みの権限が"
    "あるかを確認してください。"
)
DAMAGED = N_(
    "データベースのファイルが壊れているか、Kaunet Desk のデータベースではありません。"
    "「ファイル → データベースを開く…」で開き直すと、最新のバックアップからの復元を"
    "案内します。"
)
IO_ERROR = N_(
    "ディスクの読み書きに失敗しました。変更は保存されていません。ディスクやネットワークの"
    "接続を確認してから、もう一度お試しください。"
)
SERVER_UNREACHABLE = N_(
    "データベース サーバーに接続できません。サーバーが起動しているか、ネットワークに"
    "つながっているか、接続先(ホスト名・ポート番号)の設定を確認してください。"
)
SERVER_LOGIN = N_(
    "データベース サーバーにログインできません。ユーザー名とパスワードを確認してください。"
)
SERVER_NO_DATABASE = N_(
    "データベース サーバーに、指定したデータベースがありません。接続先の設定を確認してください。"
)

# SQLite's error names (sqlite3.Error.sqlite_errorname, Python 3.11+) first: they do not
# depend on the message's wording. Extended codes (SQLITE_IOERR_WRITE …) match by prefix.
_SQLITE_NAMES: tuple[tuple[str, str], ...] = (
    ("SQLITE_BUSY", LOCKED),
    ("SQLITE_LOCKED", LOCKED),
    ("SQLITE_READONLY", READ_ONLY),
    ("SQLITE_FULL", DISK_FULL),
    ("SQLITE_CANTOPEN", CANNOT_OPEN),
    ("SQLITE_NOTADB", DAMAGED),
    ("SQLITE_CORRUPT", DAMAGED),
    ("SQLITE_IOERR", IO_ERROR),
)

# Then the message texts, for SQLAlchemy wrappers, psycopg and older builds.
_TEXTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), message)
    for pattern, message in (
        (r"database is locked|database table is locked", LOCKED),
        (r"lock timeout|could not obtain lock|deadlock detected", LOCKED),
        (r"attempt to write a readonly database|read-only transaction", READ_ONLY),
        (r"read-only file system", READ_ONLY),
        (r"database or disk is full|no space left on device|could not extend file", DISK_FULL),
        (r"unable to open database file", CANNOT_OPEN),
        (r"file is not a database|database disk image is malformed", DAMAGED),
        (r"disk i/o error", IO_ERROR),
        (r"password authentication failed|authentication failed|no password supplied",
         SERVER_LOGIN),
        (r'database ".*" does not exist', SERVER_NO_DATABASE),
        (r"connection refused|could not connect|connection timed out|timeout expired"
         r"|could not translate host name|name or service not known|no route to host"
         r"|server closed the connection|connection is bad", SERVER_UNREACHABLE),
    )
)

_ERRNOS = {
    errno.ENOSPC: DISK_FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.ENOENT: CANNOT_OPEN,
}


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error, what it wraps (SQLAlchemy's ``.orig``), its causes and contexts."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        pending += [orig if isinstance(orig, BaseException) else None,
                    current.__cause__, current.__context__]


def _first_line(error: BaseException) -> str:
    orig = getattr(error, "orig", None)
    source = orig if isinstance(orig, BaseException) else error
    text = str(source).strip().splitlines()
    return text[0] if text else type(source).__name__


def explain_known(error: BaseException) -> str | None:
    """The sentence for a failure we recognise, or None (then it is a bug: log it)."""
    chain = list(_chain(error))
    for link in chain:
        if isinstance(link, DatabaseInUse):
            return in_use_text(link)
        if isinstance(link, BackupError):
            return str(link)
    for link in chain:
        name = getattr(link, "sqlite_errorname", None)
        if isinstance(link, sqlite3.Error) and isinstance(name, str):
            for prefix, message in _SQLITE_NAMES:
                if name.startswith(prefix):
                    return _(message)
    for link in chain:
        text = str(link)
        for pattern, message in _TEXTS:
            if pattern.search(text):
                return _(message)
    for link in chain:
        if isinstance(link, OSError) and link.errno in _ERRNOS:
            return _(_ERRNOS[link.errno])
    return None


def explain(error: BaseException) -> str:
    """A sentence for the clerk about ``error``: what happened and what to do."""
    known = explain_known(error)
    if known is not None:
        return known
    # Not one we know: the first line of the driver's message, never SQL or a traceback.
    return _("処理できませんでした({detail})。変更は保存されていません。").format(
        detail=_first_line(error)
    )


# -- the texts of the safety dialogs ------------------------------------------------------
def _since(owner: LockOwner) -> str:
    try:
        moment = datetime.fromisoformat(owner.since)
    except ValueError:
        return owner.since
    return f"{format_date(moment.date())} {moment:%H:%M}"


def in_use_text(error: DatabaseInUse) -> str:
    owner = error.owner
    if owner is None:
        who = _("ほかの Kaunet Desk がこのデータベースを開いています。")
    else:
        who = _(
            "このデータベースは、{user} さんが PC「{host}」で {since} から開いています"
            "(プロセス番号 {pid})。"
        ).format(user=owner.user, host=owner.host, since=_since(owner), pid=owner.pid)
    return who + "\n\n" + _(
        "読み取り専用で開くと、見ることはできますが保存はできません。"
        "保存するには、相手の Kaunet Desk を閉じてもらってから開き直してください。\n\n"
        "相手の PC で Kaunet Desk が動いていないのにこの表示が出るとき(PC が途中で"
        "止まったときなど)は、次のファイルを削除してから開き直してください:\n{lock}"
    ).format(lock=error.lock)


def network_warning_text(path: Path | str, reason: str) -> str:
    return _(
        "このデータベースは {reason} にあります:\n{path}\n\n"
        "SQLite のデータベースをネットワーク上に置くと、ファイルのロックが正しく働かず、"
        "複数の PC から使ったときにデータが壊れることがあります。\n"
        "1 台の PC で使う場合は、その PC のローカル ディスク(既定のデータ フォルダ)に"
        "置いてください。事務所の複数の PC で台帳を共有する場合は、PostgreSQL サーバーを"
        "お使いください。"
    ).format(reason=reason, path=path)


def backup_label(path: Path, taken_at: datetime | None) -> str:
    if taken_at is None:
        return path.name
    return _("{date} {time} のバックアップ").format(
        date=format_date(taken_at.date()), time=f"{taken_at:%H:%M}"
    )


def damaged_text(path: Path | str, problem: str) -> str:
    return _("データベースを開けません。\n{path}\n\n{problem}").format(path=path, problem=problem)


def restore_offer_text(backup: str, folder: Path | str) -> str:
    return _(
        "{backup}から復元できます(バックアップの後に入力した内容は失われます)。"
        "壊れたファイルは削除せず、名前を変えて同じフォルダに残します。\n"
        "バックアップの場所: {folder}"
    ).format(backup=backup, folder=folder)


def no_backup_text(folder: Path | str) -> str:
    return _(
        "復元できるバックアップが見つかりません({folder})。"
        "ほかの場所にバックアップがあれば、管理者に復元を依頼してください。"
    ).format(folder=folder)


def restore_blocked_text() -> str:
    return _(
        "ほかの Kaunet Desk がこのデータベースを開いているため、いまは復元できません。"
        "相手の Kaunet Desk を閉じてもらってから開き直してください。"
    )
