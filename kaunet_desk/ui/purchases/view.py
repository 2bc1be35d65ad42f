"""Placeholder until the tab is built."""

from __future__ import annotations

from kaunet_desk.i18n import _
from kaunet_desk.ui.tab import Tab


class PurchasesTab(Tab):
    key = "purchases"

    def title(self) -> str:
        return _("購入履歴")
