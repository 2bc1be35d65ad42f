"""The five tabs, in order. Each lives in its own package under kaunet_desk/ui/."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from kaunet_desk.i18n import N_

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from kaunet_desk.ui.background import Background
    from kaunet_desk.ui.tab import Tab

# Shown before the tabs are built (the window paints first); each tab's title() may add to it.
TAB_TITLES: tuple[str, ...] = (
    N_("お客さま"),
    N_("購入履歴"),
    N_("月間購入上限"),
    N_("販売店変更 FAX"),
    N_("請求書プレビュー"),
)

# (key, module, class): the key is also the settings group and the screenshot name.
TAB_CLASSES: tuple[tuple[str, str, str], ...] = (
    ("customers", "kaunet_desk.ui.customers.view", "CustomersTab"),
    ("purchases", "kaunet_desk.ui.purchases.view", "PurchasesTab"),
    ("limits", "kaunet_desk.ui.limits.view", "LimitsTab"),
    ("dealer_change", "kaunet_desk.ui.dealer_change.view", "DealerChangeTab"),
    ("invoice", "kaunet_desk.ui.invoice.view", "InvoiceTab"),
)


def make_tabs(background: Background, settings: QSettings) -> list[Tab]:
    tabs: list[Tab] = []
    for _key, module, name in TAB_CLASSES:
        tab_class = getattr(import_module(module), name)
        tabs.append(tab_class(background, settings))
    return tabs
