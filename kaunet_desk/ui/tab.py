"""What every tab offers the main window."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QSettings
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QWidget

from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.store.database import Database
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.printing.buttons import ReportButtons
from kaunet_desk.ui.printing.report_settings import load_report_settings

# Characters Windows refuses in a file name, and control characters.
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def pdf_file_name(*parts: str) -> str:
    """「購入履歴明細_株式会社アオバ商事_2026-11-20.pdf」: what the save dialog proposes."""
    words = [_NOT_IN_FILE_NAMES.sub("_", part).strip() for part in parts]
    return "_".join(word for word in words if word)[:120] + ".pdf"


def report_row(caption: QLabel | None, buttons: ReportButtons) -> QHBoxLayout:
    """「caption: [印刷プレビュー] [印刷…] [PDF として保存…] why or what happened」.

    The status text wraps instead of widening the tab: a long reason must not push the
    window's minimum width past a small screen.
    """
    buttons.status_label.setWordWrap(True)
    row = QHBoxLayout()
    if caption is not None:
        row.addWidget(caption)
    row.addWidget(buttons, 1)
    return row


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
        # The tab's main report (印刷プレビュー / 印刷… / PDF として保存…), if it has one.
        self.report_buttons: ReportButtons | None = None

    def set_today(self, today: date) -> None:
        self.today = lambda: today

    def title(self) -> str:
        raise NotImplementedError

    def attach(self, database: Database) -> None:
        self.database = database
        self.reload()

    def reload(self) -> None:
        """F5: read everything shown again from the database."""

    # The attribute holding the tab's main table, exported by ファイル → 表を書き出す….
    main_table = "table"

    def table_model(self) -> QAbstractItemModel | None:
        view = getattr(self, self.main_table, None)
        return view.model() if isinstance(view, QAbstractItemView) else None

    def confirm_close(self) -> bool:
        """Before the window closes or another database opens: False keeps things as they
        are (the tab asked about unsaved changes and the clerk chose to stay)."""
        return True

    def search_field(self) -> QLineEdit | None:
        """The field Ctrl+F focuses, if the tab has one."""
        return None

    def print_current(self) -> bool:
        """ファイル → 印刷… (Ctrl+P): print this tab's report. False when the tab has none,
        or none that can be made right now (the tab shows why next to its buttons)."""
        buttons = self.report_buttons
        if buttons is None or not buttons.print_button.isEnabled():
            return False
        buttons.print_button.click()
        return True

    def report_settings_reader(self) -> Callable[[], ReportSettings]:
        """The reports' settings, readable from a worker thread.

        A QSettings object must not be shared between threads; distinct objects over the
        same storage may be (Qt: QSettings is reentrant, and a change made through one
        object is visible at once through the others in the process). So the reader opens
        its own over ``self.settings``' file or registry path, read when a PDF is made.
        """
        name, storage = self.settings.fileName(), self.settings.format()
        return lambda: load_report_settings(QSettings(name, storage))

    def save_state(self) -> None:
        """Store splitter positions and the like in ``self.settings``."""

    def restore_state(self) -> None:
        """Restore what ``save_state`` stored."""
