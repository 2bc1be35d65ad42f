"""The requests table model and the customer picker's list model."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from kaunet_desk.store.database import Database
from kaunet_desk.store.services import dealer_change as svc
from kaunet_desk.store.services.customer_list import customer_ids, customer_rows
from kaunet_desk.ui.dealer_change.columns import COLUMN_INDEX, Day
from kaunet_desk.ui.dealer_change.customer_picker import CustomerListModel
from kaunet_desk.ui.dealer_change.model import PAGE, DealerChangeModel

from .support import TODAY, Customer


def _model(db: Database, day: Day) -> tuple[DealerChangeModel, list[list[int]]]:
    fetched: list[list[int]] = []

    def fetch(ids: list[int]) -> dict[int, svc.DealerChangeRow]:
        fetched.append(list(ids))
        return svc.request_rows(db, ids)

    model = DealerChangeModel(fetch)
    model.reset(svc.request_ids(db, today=day.today), day)
    return model, fetched


def test_model_passes_the_model_tester_and_marks_overdue_rows(
    qapp, qtmodeltester, db: Database, add_customer: Callable[..., Customer],
    add_request: Callable[..., int],
) -> None:
    who = add_customer("株式会社山田商事", "ヤマダショウジ", "K1")
    overdue = add_request(who, date(2026, 5, 1), TODAY - timedelta(days=2))
    due_soon = add_request(who, date(2026, 5, 10), TODAY + timedelta(days=3))
    later = add_request(who, date(2026, 5, 10), TODAY + timedelta(days=4))
    model, _fetched = _model(db, Day(TODAY, 3))
    qtmodeltester.check(model)

    def cell(request_id: int, key: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = model.row_of(request_id)
        assert row is not None
        return model.index(row, COLUMN_INDEX[key]).data(role)

    assert cell(overdue, "state") == "期限切れ"
    assert cell(overdue, "alert") == "期限超過"
    assert cell(overdue, "days_left") == "-2 日"
    font = cell(overdue, "customer", Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert cell(overdue, "alert", Qt.ItemDataRole.DecorationRole) is not None
    assert cell(due_soon, "alert") == "期限間近"
    assert cell(due_soon, "days_left") == "3 日"
    assert cell(due_soon, "customer", Qt.ItemDataRole.FontRole) is None
    assert cell(later, "alert") == ""
    assert cell(later, "state") == "待ち"
    assert cell(later, "alert", Qt.ItemDataRole.DecorationRole) is None
    assert cell(later, "customer", Qt.ItemDataRole.UserRole + 1) == later


def test_rows_are_fetched_a_page_at_a_time(
    db: Database, add_customer: Callable[..., Customer]
) -> None:
    who = add_customer("株式会社山田商事", "ヤマダショウジ", "K1")
    with db.unit_of_work() as session:  # 450 forms, faster than 450 service calls
        from kaunet_desk.store.models import DealerChangeRequest

        session.add_all(
            DealerChangeRequest(customer_id=who.id, kaunet_account_id=who.account_id,
                                fax_sent_on=TODAY, deadline=TODAY + timedelta(days=n % 30))
            for n in range(450)
        )
    model, fetched = _model(db, Day(TODAY, 3))
    assert model.rowCount() == 450 and fetched == []
    assert model.index(0, 0).data() == "株式会社山田商事"
    assert [len(page) for page in fetched] == [PAGE]
    model.index(PAGE - 1, 3).data()  # same page: no new query
    assert len(fetched) == 1
    model.index(449, 0).data()  # the last, partial page
    assert [len(page) for page in fetched] == [PAGE, 450 - 2 * PAGE]


def test_customer_list_model(
    qtmodeltester, db: Database, add_customer: Callable[..., Customer]
) -> None:
    add_customer("株式会社山田商事", "ヤマダショウジ", "K1")
    add_customer("鈴木文具店", "スズキブングテン", "K2")
    model = CustomerListModel(lambda ids: customer_rows(db, ids))
    model.reset(customer_ids(db))
    qtmodeltester.check(model)
    # 五十音順: ス before ヤ.
    assert [model.index(r, 0).data() for r in range(2)] == [
        "鈴木文具店（スズキブングテン）", "株式会社山田商事（ヤマダショウジ）",
    ]
