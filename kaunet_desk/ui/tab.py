"""What every tab offers the main window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit, QWidget

from kaunet_desk.store.database import Database
from kaunet_desk.ui.background import Background


class Tab(QWidget):
    """A tab: attached to an open database, reloadable, with an optional search field.

    Subclasses set ``key`` (also the screenshot file name) and build their widgets in
    ``__init__``; data arrives in ``attach`` and must be loaded through ``self.background``
    when it can take more than a few milliseconds.
    """

    key = ""

    def __init__(self, background: Background, settings: QSettings) -> None:
        super().__init__()
        self.setObjectName(self.key)
        self.background = background
        self.settings = settings
        self.database: Database | None = None
        # The day the tab treats as today (default month, deadlines, estimated interest).
        self.today: Callable[[], date] = date.today

    def set_today(self, today: date) -> None:
        self.today = lambda: today

    def title(self) -> str:
        raise NotImplementedError

    def attach(self, database: Database) -> None:
        self.database = database
        self.reload()

    def reload(self) -> None:
        """F5: read everything shown again from the database."""

    def confirm_close(self) -> bool:
        """Before the window closes or another database opens: False keeps things as they
        are (the tab asked about unsaved changes and the clerk chose to stay)."""
        return True

    def search_field(self) -> QLineEdit | None:
        """The field Ctrl+F focuses, if the tab has one."""
        return None

    def save_state(self) -> None:
        """Store splitter positions and the like in ``self.settings``."""

    def restore_state(self) -> None:
        """Restore what ``save_state`` stored."""
