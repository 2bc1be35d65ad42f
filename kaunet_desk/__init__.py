"""Kaunet Desk: the customer ledger for KDDI まとめてオフィス (Kaunet) dealer branches.

Kept free of imports: ``python3 -m kaunet_desk.bootstrap`` runs before dependencies exist.
"""

__version__ = "0.1.0"
