"""Placeholder until the tab is built."""

from __future__ import annotations

from kaunet_desk.i18n import _
from kaunet_desk.ui.tab import Tab


class DealerChangeTab(Tab):
    key = "dealer_change"

    def title(self) -> str:
        return _("販売店変更 FAX")
