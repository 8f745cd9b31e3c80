"""Several clerks on one database: a row version per week and an audit trail of changes.

`weeks.row_version` goes up with every change to a week (its roster saved, a pin, publish,
reopen), so a clerk's save is refused, instead of silently overwriting, when another clerk
changed the week since it was read (optimistic locking, see `store.RosterStore`).

`roster_changes` records who changed what and when, post by post: every assignment added or
removed, pinned or unpinned, and each publish and reopen, with codes and the volunteer's name
as they were (so the record reads the same after people, gates or slots change).

Plain additions: a column with a default and a new table; nothing existing is copied.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("weeks", sa.Column("row_version", sa.Integer(), server_default=sa.text("0"), nullable=False))
    op.create_table(
        "roster_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("week_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("clerk", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("gate", sa.String(length=64), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("slot", sa.String(length=64), nullable=True),
        sa.Column("volunteer", sa.String(length=64), nullable=True),
        sa.Column("volunteer_name", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "action IN ('added', 'removed', 'pinned', 'unpinned', 'published', 'reopened')",
            name=op.f("ck_roster_changes_action"),
        ),
        sa.ForeignKeyConstraint(
            ["week_id"], ["weeks.id"], name=op.f("fk_roster_changes_week_id_weeks"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_changes")),
    )
    op.create_index(op.f("ix_roster_changes_week_id"), "roster_changes", ["week_id"], unique=False)
    op.execute("UPDATE schema_info SET version = 4")


def downgrade() -> None:
    op.execute("UPDATE schema_info SET version = 3")
    op.drop_index(op.f("ix_roster_changes_week_id"), table_name="roster_changes")
    op.drop_table("roster_changes")
    with op.batch_alter_table("weeks") as batch:
        batch.drop_column("row_version")
