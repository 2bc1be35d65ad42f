"""Japanese documents as PDF (ReportLab, embedded IPAex fonts): the dealer-change FAX, the
KDDI invoice preview, the monthly limit list, the purchase history statement and the
overdue FAX list. Each module gathers its data through the store's services, then draws
it; ``cli.py`` gives them to ``kaunet-desk report``.
"""
