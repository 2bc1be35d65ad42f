"""Where the database lives, and how a --db argument becomes a SQLAlchemy URL."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy.engine import URL, make_url

APP_NAME = "KaunetDesk"


def data_dir() -> Path:
    """The per-user data folder (%LOCALAPPDATA%\\KaunetDesk on Windows)."""
    path = user_data_path(APP_NAME, appauthor=False, roaming=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "kaunet-desk.sqlite"


def to_url(db: str | Path | None) -> URL:
    """A file path (or nothing, for the default) → sqlite URL; anything with ``://`` is a URL."""
    if db is None:
        db = default_database_path()
    text = str(db)
    if "://" in text:
        return make_url(text)
    return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser().resolve()))


def describe(url: URL) -> str:
    """What the status bar and messages show: a path, or a URL without its password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)
