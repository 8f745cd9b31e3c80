"""Published versions of a week: every time a roster is published, a copy of it is kept.

A clerk publishes a week (posts it at the gates, sends it to the WeChat group), may reopen
it to fix a drop-out, and publishes again. Each publication is a row of
`published_versions`: its number within the week (1, 2, …), when, and the assignments as
they were then, by code and with the volunteer's name (so the record still reads the same
if the person later leaves). The window shows what changed from one version to the next.

A plain new table: nothing existing is copied or changed.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "published_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("week_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.Column("assignments", sa.JSON(), nullable=False),
        sa.CheckConstraint("number >= 1", name=op.f("ck_published_versions_number")),
        sa.ForeignKeyConstraint(
            ["week_id"], ["weeks.id"], name=op.f("fk_published_versions_week_id_weeks"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_published_versions")),
        sa.UniqueConstraint("week_id", "number", name=op.f("uq_published_versions_week_id")),
    )
    op.create_index(op.f("ix_published_versions_week_id"), "published_versions", ["week_id"], unique=False)
    op.execute("UPDATE schema_info SET version = 3")


def downgrade() -> None:
    op.execute("UPDATE schema_info SET version = 2")
    op.drop_index(op.f("ix_published_versions_week_id"), table_name="published_versions")
    op.drop_table("published_versions")
