"""The clerk's main window: five tabs over the store's services."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from kaunet_desk import __version__
from kaunet_desk.domain import is_business_day
from kaunet_desk.i18n import N_, _
from kaunet_desk.store.database import Database
from kaunet_desk.store.location import describe
from kaunet_desk.store.services.customer_list import count_customers
from kaunet_desk.store.services.orders import count_orders

# Tab keys double as screenshot file names.
TABS: tuple[tuple[str, str], ...] = (
    ("customers", N_("お客さま")),
    ("purchases", N_("購入履歴")),
    ("limits", N_("月間購入上限")),
    ("dealer_change", N_("販売店変更 FAX")),
    ("invoice", N_("請求書プレビュー")),
)


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.database: Database | None = None
        self.setWindowTitle(_("Kaunet Desk — KDDI まとめてオフィス") + f" {__version__}")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        for key, title in TABS:
            page = QLabel(_("読み込み中…"))
            page.setObjectName(key)
            page.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tabs.addTab(page, _(title))
        self.setCentralWidget(self.tabs)
        self._db_label = QLabel()
        self._counts_label = QLabel()
        self._day_label = QLabel()
        for label in (self._db_label, self._counts_label, self._day_label):
            self.statusBar().addPermanentWidget(label)
        self.resize(1280, 800)

    def tab_keys(self) -> list[str]:
        return [key for key, _title in TABS]

    def tab_page(self, key: str) -> QWidget:
        return self.tabs.widget(self.tab_keys().index(key))

    def attach(self, database: Database, today: date | None = None) -> None:
        """Show the open database: path, row counts, today's business-day status."""
        self.database = database
        today = today or date.today()
        customers = count_customers(database)
        orders = count_orders(database)
        self._db_label.setText(_("データベース: {path}").format(path=describe(database.url)))
        self._counts_label.setText(
            _("お客さま {customers:,} 件 / 注文 {orders:,} 件").format(
                customers=customers, orders=orders
            )
        )
        self._day_label.setText(_("本日は営業日") if is_business_day(today) else _("本日は休業日"))
        for key in self.tab_keys():
            page = self.tab_page(key)
            if isinstance(page, QLabel):
                page.setText(
                    _("お客さま {customers:,} 件 / 注文 {orders:,} 件").format(
                        customers=customers, orders=orders
                    )
                )
