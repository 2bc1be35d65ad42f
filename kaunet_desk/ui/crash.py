"""An uncaught exception goes to the log file and to a dialog that names that file.

Qt's own warnings are routed into the same log (the idea of qutebrowser's utils/qtlog.py).
"""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from kaunet_desk.i18n import _
from kaunet_desk.store.location import data_dir

log = logging.getLogger("kaunet_desk")
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def log_file() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "kaunet-desk.log"


def setup_logging() -> Path:
    path = log_file()
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def _qt_message(mode: QtMsgType, _context: object, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), message)


def route_qt_messages() -> None:
    qInstallMessageHandler(_qt_message)


def _excepthook(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    text = "".join(traceback.format_exception(kind, error, trace))
    log.critical("uncaught exception\n%s", text)
    if QApplication.instance() is None:
        sys.__excepthook__(kind, error, trace)
        return
    from kaunet_desk.ui.safety_messages import explain_known

    known = explain_known(error)
    if known is not None:
        # A locked, read-only or full database, a server gone: the unit of work rolled
        # back; the clerk gets the sentence and what to do, the traceback stays in the log.
        box = QMessageBox(QMessageBox.Icon.Warning, _("保存できませんでした"), known)
        box.exec()
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        _("予期しないエラー"),
        _("予期しないエラーが発生しました: {error}\n\n詳細はログに記録しました:\n{path}").format(
            error=error, path=log_file()
        ),
    )
    box.setDetailedText(text)
    box.exec()


def install_crash_handler() -> Path:
    path = setup_logging()
    route_qt_messages()
    sys.excepthook = _excepthook
    return path
