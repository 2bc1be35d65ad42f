"""audit log: index on (at, id) for the 変更履歴 dialog's newest-first list

Revision ID: 0004
Revises: 0003

The dialog lists entries newest first (ORDER BY at DESC, id DESC), optionally within a
date range on ``at`` (services.audit_log). Without an index on ``at`` every opening read
and sorted the whole log; with (at, id) SQLite and PostgreSQL walk the index backwards and
stop at the page. A plain B-tree index on both.
"""

from __future__ import annotations

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.create_index("ix_audit_log_at", ["at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_index("ix_audit_log_at")
