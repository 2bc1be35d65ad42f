"""All tables. Importing this package registers every model on ``Base.metadata``."""

from kaunet_desk.store.models.audit import AuditEntry
from kaunet_desk.store.models.billing import CombinedBillingFacts, Invoice, Payment
from kaunet_desk.store.models.customer import ContactChange, Customer, KaunetAccount, LimitChange
from kaunet_desk.store.models.dealer_change import DealerChangeRequest
from kaunet_desk.store.models.order import Order
from kaunet_desk.store.models.rate import RateRow

__all__ = [
    "AuditEntry",
    "CombinedBillingFacts",
    "ContactChange",
    "Customer",
    "DealerChangeRequest",
    "Invoice",
    "KaunetAccount",
    "LimitChange",
    "Order",
    "Payment",
    "RateRow",
]
