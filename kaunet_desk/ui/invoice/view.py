"""Placeholder until the tab is built."""

from __future__ import annotations

from kaunet_desk.i18n import _
from kaunet_desk.ui.tab import Tab


class InvoiceTab(Tab):
    key = "invoice"

    def title(self) -> str:
        return _("請求書プレビュー")
