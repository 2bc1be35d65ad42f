"""dealer-change requests: closed_on, so dealt-with expired requests stop counting as overdue

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dealer_change_requests") as batch_op:
        batch_op.add_column(sa.Column("closed_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dealer_change_requests") as batch_op:
        batch_op.drop_column("closed_on")
