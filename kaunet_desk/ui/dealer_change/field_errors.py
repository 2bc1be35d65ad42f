"""Errors shown on the field: a red border on the input and the sentence right under it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QPushButton, QWidget

_ERROR_STYLE = "border: 2px solid #c00000;"


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #c00000;")
    label.hide()
    return label


def show_error(field: QWidget, label: QLabel, message: str | None) -> None:
    """``message`` None clears the error. The icon-like ⚠ keeps it readable without colour."""
    field.setStyleSheet(_ERROR_STYLE if message else "")
    field.setProperty("invalid", bool(message))
    field.setToolTip(message or "")
    label.setText(f"⚠ {message}" if message else "")
    label.setVisible(bool(message))


def block_button(button: QPushButton, reason: str | None) -> None:
    """A disabled button says why (tooltip); the visible reason is the error label itself."""
    button.setEnabled(reason is None)
    button.setToolTip(reason or "")


def date_edit(initial: date) -> QDateEdit:
    # The same yyyy/MM/dd as formatting.format_date shows in Japanese.
    edit = QDateEdit(to_qdate(initial))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy/MM/dd")
    edit.setMinimumWidth(130)
    return edit


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())
