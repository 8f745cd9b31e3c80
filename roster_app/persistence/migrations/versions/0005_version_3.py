"""Version 3 of the scenario format: the general rules of rostering, stored per community.

Per volunteer, the limits over the horizon (minutes, runs of days on and off duty,
weekends: new columns, NULL for "no limit"), the most posts per slot
(`volunteer_slot_limits`) and requests by date and slot (`volunteer_requests`); per
community, the coverage mode (every community from before keeps "first") and the
forbidden slot sequences (`forbidden_sequences`); per demand rule, what a person too few
or too many costs (the defaults 1 and 0 for every rule from before, which is what they
meant). Existing rows therefore keep their meaning.

The new columns come with CHECK constraints, which SQLite cannot add to a table, so
`communities`, `demand_rules` and `volunteers` are copied (Alembic's batch mode, as 0002
did); `roster_app.persistence.migrate` runs this with foreign keys off so that dropping
the old copies does not cascade into their children.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

VOLUNTEER_LIMITS = (
    # column, CHECK name, CHECK text
    ("max_minutes", "max_minutes", "max_minutes IS NULL OR max_minutes >= 0"),
    ("min_minutes", "min_minutes", "min_minutes IS NULL OR min_minutes >= 0"),
    ("max_consecutive_days", "max_consecutive_days", "max_consecutive_days IS NULL OR max_consecutive_days >= 1"),
    ("min_consecutive_days", "min_consecutive_days", "min_consecutive_days IS NULL OR min_consecutive_days >= 1"),
    ("min_consecutive_days_off", "min_consecutive_days_off",
     "min_consecutive_days_off IS NULL OR min_consecutive_days_off >= 1"),
    ("max_weekends", "max_weekends", "max_weekends IS NULL OR max_weekends >= 0"),
)
MINUTES_ORDER = "min_minutes IS NULL OR max_minutes IS NULL OR min_minutes <= max_minutes"


def upgrade() -> None:
    with op.batch_alter_table("communities") as batch:
        batch.add_column(sa.Column("coverage", sa.String(length=16), server_default=sa.text("'first'"),
                                   nullable=False))
        batch.create_check_constraint(op.f("ck_communities_coverage"), "coverage IN ('first', 'weighted')")

    with op.batch_alter_table("demand_rules") as batch:
        batch.add_column(sa.Column("under_weight", sa.Integer(), server_default=sa.text("1"), nullable=False))
        batch.add_column(sa.Column("over_weight", sa.Integer(), server_default=sa.text("0"), nullable=False))
        batch.create_check_constraint(op.f("ck_demand_rules_under_weight"), "under_weight >= 0")
        batch.create_check_constraint(op.f("ck_demand_rules_over_weight"), "over_weight >= 0")

    with op.batch_alter_table("volunteers") as batch:
        for column, _, _ in VOLUNTEER_LIMITS:
            batch.add_column(sa.Column(column, sa.Integer(), nullable=True))
        for _, name, check in VOLUNTEER_LIMITS:
            batch.create_check_constraint(op.f(f"ck_volunteers_{name}"), check)
        batch.create_check_constraint(op.f("ck_volunteers_minutes_order"), MINUTES_ORDER)

    op.create_table(
        "forbidden_sequences",
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("first_slot_id", sa.Integer(), nullable=False),
        sa.Column("second_slot_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"], ["communities.id"], name=op.f("fk_forbidden_sequences_community_id_communities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["first_slot_id"], ["slots.id"], name=op.f("fk_forbidden_sequences_first_slot_id_slots"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["second_slot_id"], ["slots.id"], name=op.f("fk_forbidden_sequences_second_slot_id_slots"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("community_id", "first_slot_id", "second_slot_id",
                                name=op.f("pk_forbidden_sequences")),
    )
    op.create_index(op.f("ix_forbidden_sequences_first_slot_id"), "forbidden_sequences", ["first_slot_id"],
                    unique=False)
    op.create_index(op.f("ix_forbidden_sequences_second_slot_id"), "forbidden_sequences", ["second_slot_id"],
                    unique=False)
    op.create_table(
        "volunteer_slot_limits",
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("slot_id", sa.Integer(), nullable=False),
        sa.Column("max_posts", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("max_posts >= 0", name=op.f("ck_volunteer_slot_limits_max_posts")),
        sa.ForeignKeyConstraint(
            ["slot_id"], ["slots.id"], name=op.f("fk_volunteer_slot_limits_slot_id_slots"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_volunteer_slot_limits_volunteer_id_volunteers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("volunteer_id", "slot_id", name=op.f("pk_volunteer_slot_limits")),
    )
    op.create_index(op.f("ix_volunteer_slot_limits_slot_id"), "volunteer_slot_limits", ["slot_id"], unique=False)
    op.create_table(
        "volunteer_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("slot_id", sa.Integer(), nullable=False),
        sa.Column("wanted", sa.Boolean(), nullable=False),
        sa.Column("weight", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("weight >= 0", name=op.f("ck_volunteer_requests_weight")),
        sa.ForeignKeyConstraint(
            ["slot_id"], ["slots.id"], name=op.f("fk_volunteer_requests_slot_id_slots"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_volunteer_requests_volunteer_id_volunteers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_requests")),
    )
    op.create_index(op.f("ix_volunteer_requests_slot_id"), "volunteer_requests", ["slot_id"], unique=False)
    op.create_index(op.f("ix_volunteer_requests_volunteer_id"), "volunteer_requests", ["volunteer_id"],
                    unique=False)
    op.execute("UPDATE schema_info SET version = 5")


def downgrade() -> None:
    op.execute("UPDATE schema_info SET version = 4")
    # Weights of terms version 2 does not have would make an older GateRoster refuse them.
    op.execute("DELETE FROM soft_term_weights WHERE term IN "
               "('over_cover', 'on_requests', 'off_requests', 'missing_people', 'unmet_needs')")
    op.drop_index(op.f("ix_volunteer_requests_volunteer_id"), table_name="volunteer_requests")
    op.drop_index(op.f("ix_volunteer_requests_slot_id"), table_name="volunteer_requests")
    op.drop_table("volunteer_requests")
    op.drop_index(op.f("ix_volunteer_slot_limits_slot_id"), table_name="volunteer_slot_limits")
    op.drop_table("volunteer_slot_limits")
    op.drop_index(op.f("ix_forbidden_sequences_second_slot_id"), table_name="forbidden_sequences")
    op.drop_index(op.f("ix_forbidden_sequences_first_slot_id"), table_name="forbidden_sequences")
    op.drop_table("forbidden_sequences")
    with op.batch_alter_table("volunteers") as batch:
        batch.drop_constraint(op.f("ck_volunteers_minutes_order"), type_="check")
        for _, name, _ in VOLUNTEER_LIMITS:
            batch.drop_constraint(op.f(f"ck_volunteers_{name}"), type_="check")
        for column, _, _ in reversed(VOLUNTEER_LIMITS):
            batch.drop_column(column)
    with op.batch_alter_table("demand_rules") as batch:
        batch.drop_constraint(op.f("ck_demand_rules_over_weight"), type_="check")
        batch.drop_constraint(op.f("ck_demand_rules_under_weight"), type_="check")
        batch.drop_column("over_weight")
        batch.drop_column("under_weight")
    with op.batch_alter_table("communities") as batch:
        batch.drop_constraint(op.f("ck_communities_coverage"), type_="check")
        batch.drop_column("coverage")
