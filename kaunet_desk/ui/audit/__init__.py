"""The 変更履歴 dialog (ファイル → 変更履歴…) over the audit log.

Modules: labels (kinds, fields and values in the clerk's words), columns, model (lazy over
entry ids), filter_bar, details (old → new per field), csv_export (no Qt), dialog.
"""
