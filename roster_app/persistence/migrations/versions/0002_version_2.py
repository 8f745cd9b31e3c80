"""Version 2 of the scenario format: community rules and weights, volunteer kinds in the
solver, 双报到, allowed gates, preferred slots, published weeks, term costs and shortfalls.

Communities that exist already were solved with version 1's objective, so they get
``objective_version = 1`` and keep that meaning; their volunteers' kinds stay the office's
label (``kind_given = 0``). New communities say what their scenario says.

SQLite cannot add a CHECK constraint to a table, so `communities` and `weeks` are copied
(Alembic's batch mode); `roster_app.persistence.migrate` runs this with foreign keys off so
that dropping the old copy does not cascade into their children.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("communities") as batch:
        batch.add_column(sa.Column("objective_version", sa.Integer(), server_default=sa.text("1"), nullable=False))
        batch.add_column(sa.Column("min_posts_registered", sa.Integer(), server_default=sa.text("0"), nullable=False))
        batch.add_column(sa.Column("minor_latest_end_min", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("minor_max_hours_per_week", sa.Double(), nullable=True))
        batch.add_column(sa.Column("max_consecutive_days", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("min_rest_hours", sa.Double(), nullable=True))
        batch.add_column(sa.Column("history_weeks", sa.Integer(), server_default=sa.text("0"), nullable=False))
        batch.create_check_constraint(op.f("ck_communities_objective_version"), "objective_version IN (1, 2)")
        batch.create_check_constraint(op.f("ck_communities_min_posts_registered"), "min_posts_registered >= 0")
        batch.create_check_constraint(
            op.f("ck_communities_minor_latest_end"),
            "minor_latest_end_min IS NULL OR minor_latest_end_min BETWEEN 0 AND 1440",
        )
        batch.create_check_constraint(
            op.f("ck_communities_minor_max_hours"), "minor_max_hours_per_week IS NULL OR minor_max_hours_per_week >= 0"
        )
        batch.create_check_constraint(
            op.f("ck_communities_max_consecutive_days"), "max_consecutive_days IS NULL OR max_consecutive_days >= 1"
        )
        batch.create_check_constraint(
            op.f("ck_communities_min_rest_hours"), "min_rest_hours IS NULL OR min_rest_hours >= 0"
        )
        batch.create_check_constraint(op.f("ck_communities_history_weeks"), "history_weeks >= 0")

    # Plain ADD COLUMN: no constraint to add, so no copy of the table.
    op.add_column("volunteers", sa.Column("registered", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("volunteers", sa.Column("gates_restricted", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("volunteers", sa.Column("kind_given", sa.Boolean(), server_default=sa.false(), nullable=False))

    with op.batch_alter_table("weeks") as batch:
        batch.create_check_constraint(op.f("ck_weeks_status"), "status IN ('draft', 'published')")

    op.create_table(
        "kind_hour_caps",
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("hours", sa.Double(), nullable=False),
        sa.CheckConstraint("hours >= 0", name=op.f("ck_kind_hour_caps_hours")),
        sa.ForeignKeyConstraint(
            ["community_id"], ["communities.id"], name=op.f("fk_kind_hour_caps_community_id_communities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("community_id", "kind", name=op.f("pk_kind_hour_caps")),
    )
    op.create_table(
        "soft_term_weights",
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=64), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.CheckConstraint("weight >= 0", name=op.f("ck_soft_term_weights_weight")),
        sa.ForeignKeyConstraint(
            ["community_id"], ["communities.id"], name=op.f("fk_soft_term_weights_community_id_communities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("community_id", "term", name=op.f("pk_soft_term_weights")),
    )
    op.create_table(
        "allowed_gates",
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("gate_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["gate_id"], ["gates.id"], name=op.f("fk_allowed_gates_gate_id_gates"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_allowed_gates_volunteer_id_volunteers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("volunteer_id", "gate_id", name=op.f("pk_allowed_gates")),
    )
    op.create_index(op.f("ix_allowed_gates_gate_id"), "allowed_gates", ["gate_id"], unique=False)
    op.create_table(
        "preferred_slots",
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("slot_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["slot_id"], ["slots.id"], name=op.f("fk_preferred_slots_slot_id_slots"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_preferred_slots_volunteer_id_volunteers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("volunteer_id", "slot_id", name=op.f("pk_preferred_slots")),
    )
    op.create_index(op.f("ix_preferred_slots_slot_id"), "preferred_slots", ["slot_id"], unique=False)
    op.create_table(
        "roster_terms",
        sa.Column("week_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["week_id"], ["weeks.id"], name=op.f("fk_roster_terms_week_id_weeks"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("week_id", "position", name=op.f("pk_roster_terms")),
    )
    op.create_table(
        "registered_shortfalls",
        sa.Column("week_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("required", sa.Integer(), nullable=False),
        sa.Column("served", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_registered_shortfalls_volunteer_id_volunteers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["week_id"], ["weeks.id"], name=op.f("fk_registered_shortfalls_week_id_weeks"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("week_id", "volunteer_id", name=op.f("pk_registered_shortfalls")),
    )
    op.create_index(
        op.f("ix_registered_shortfalls_volunteer_id"), "registered_shortfalls", ["volunteer_id"], unique=False
    )
    op.execute("UPDATE schema_info SET version = 2")


def downgrade() -> None:
    op.execute("UPDATE schema_info SET version = 1")
    op.drop_index(op.f("ix_registered_shortfalls_volunteer_id"), table_name="registered_shortfalls")
    op.drop_table("registered_shortfalls")
    op.drop_table("roster_terms")
    op.drop_index(op.f("ix_preferred_slots_slot_id"), table_name="preferred_slots")
    op.drop_table("preferred_slots")
    op.drop_index(op.f("ix_allowed_gates_gate_id"), table_name="allowed_gates")
    op.drop_table("allowed_gates")
    op.drop_table("soft_term_weights")
    op.drop_table("kind_hour_caps")
    with op.batch_alter_table("weeks") as batch:
        batch.drop_constraint(op.f("ck_weeks_status"), type_="check")
    with op.batch_alter_table("volunteers") as batch:
        for column in ("kind_given", "gates_restricted", "registered"):
            batch.drop_column(column)
    with op.batch_alter_table("communities") as batch:
        for name in ("history_weeks", "min_rest_hours", "max_consecutive_days", "minor_max_hours",
                     "minor_latest_end", "min_posts_registered", "objective_version"):
            batch.drop_constraint(op.f(f"ck_communities_{name}"), type_="check")
        for column in ("history_weeks", "min_rest_hours", "max_consecutive_days", "minor_max_hours_per_week",
                       "minor_latest_end_min", "min_posts_registered", "objective_version"):
            batch.drop_column(column)
