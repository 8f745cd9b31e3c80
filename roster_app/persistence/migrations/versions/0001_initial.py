"""The schema of GateRoster before Alembic (schema_info.version 1), as its create_all made it.

A database written by that GateRoster has these tables and no alembic_version; opening it
stamps it with this revision (see `roster_app.persistence.migrate`) and upgrades it.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TABLES = (
    "schema_info", "communities", "calendar_overrides", "gates", "slots", "volunteers", "weeks", "assignments",
    "availability", "demand_rules", "gate_skill_needs", "preferred_gates", "shortages", "unavailable_dates",
    "volunteer_skills", "demand_rule_dates",
)


def upgrade() -> None:
    op.create_table('communities',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('is_demo', sa.Boolean(), nullable=False),
        sa.Column('work_start_min', sa.Integer(), nullable=False),
        sa.Column('work_end_min', sa.Integer(), nullable=False),
        sa.Column('max_slots_per_day', sa.Integer(), nullable=True),
        sa.Column('default_max_hours_per_week', sa.Double(), nullable=True),
        sa.Column('contact', sa.Text(), nullable=False),
        sa.CheckConstraint('default_max_hours_per_week IS NULL OR default_max_hours_per_week >= 0', name=op.f('ck_communities_max_hours')),
        sa.CheckConstraint('max_slots_per_day IS NULL OR max_slots_per_day >= 1', name=op.f('ck_communities_max_slots')),
        sa.CheckConstraint('work_end_min > work_start_min', name=op.f('ck_communities_working_hours')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_communities'))
    )
    op.create_table('schema_info',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_schema_info'))
    )
    op.create_table('calendar_overrides',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('community_id', sa.Integer(), nullable=False),
        sa.Column('date', sa.Date(), nullable=False),
        sa.Column('is_workday', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['community_id'], ['communities.id'], name=op.f('fk_calendar_overrides_community_id_communities'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_overrides')),
        sa.UniqueConstraint('community_id', 'date', name=op.f('uq_calendar_overrides_community_id'))
    )
    op.create_index(op.f('ix_calendar_overrides_community_id'), 'calendar_overrides', ['community_id'], unique=False)
    op.create_table('gates',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('community_id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('needs_party_member', sa.Integer(), nullable=False),
        sa.CheckConstraint('needs_party_member >= 0', name=op.f('ck_gates_needs_party_member')),
        sa.ForeignKeyConstraint(['community_id'], ['communities.id'], name=op.f('fk_gates_community_id_communities'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_gates')),
        sa.UniqueConstraint('community_id', 'code', name=op.f('uq_gates_community_id'))
    )
    op.create_index(op.f('ix_gates_community_id'), 'gates', ['community_id'], unique=False)
    op.create_table('slots',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('community_id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('start_min', sa.Integer(), nullable=False),
        sa.Column('end_min', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.CheckConstraint('end_min > start_min', name=op.f('ck_slots_times')),
        sa.ForeignKeyConstraint(['community_id'], ['communities.id'], name=op.f('fk_slots_community_id_communities'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_slots')),
        sa.UniqueConstraint('community_id', 'code', name=op.f('uq_slots_community_id'))
    )
    op.create_index(op.f('ix_slots_community_id'), 'slots', ['community_id'], unique=False)
    op.create_table('volunteers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('community_id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('phone', sa.String(length=64), nullable=True),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('party_member', sa.Boolean(), nullable=False),
        sa.Column('employed', sa.Boolean(), nullable=False),
        sa.Column('minor', sa.Boolean(), nullable=False),
        sa.Column('building', sa.String(length=100), nullable=True),
        sa.Column('grid', sa.String(length=100), nullable=True),
        sa.Column('max_hours_per_week', sa.Double(), nullable=True),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.CheckConstraint('max_hours_per_week IS NULL OR max_hours_per_week >= 0', name=op.f('ck_volunteers_max_hours')),
        sa.ForeignKeyConstraint(['community_id'], ['communities.id'], name=op.f('fk_volunteers_community_id_communities'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteers')),
        sa.UniqueConstraint('community_id', 'code', name=op.f('uq_volunteers_community_id'))
    )
    op.create_index(op.f('ix_volunteers_community_id'), 'volunteers', ['community_id'], unique=False)
    op.create_table('weeks',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('community_id', sa.Integer(), nullable=False),
        sa.Column('start_date', sa.Date(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('solver_status', sa.String(length=16), nullable=True),
        sa.Column('objective', sa.Integer(), nullable=True),
        sa.Column('bound', sa.Integer(), nullable=True),
        sa.Column('wall_time_s', sa.Double(), nullable=True),
        sa.Column('solved_at', sa.DateTime(), nullable=True),
        sa.Column('warnings', sa.JSON(), nullable=False),
        sa.Column('conflicts', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['community_id'], ['communities.id'], name=op.f('fk_weeks_community_id_communities'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_weeks')),
        sa.UniqueConstraint('community_id', 'start_date', name=op.f('uq_weeks_community_id'))
    )
    op.create_index(op.f('ix_weeks_community_id'), 'weeks', ['community_id'], unique=False)
    op.create_table('assignments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('week_id', sa.Integer(), nullable=False),
        sa.Column('volunteer_id', sa.Integer(), nullable=False),
        sa.Column('gate_id', sa.Integer(), nullable=False),
        sa.Column('slot_id', sa.Integer(), nullable=False),
        sa.Column('date', sa.Date(), nullable=False),
        sa.Column('pinned', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['gate_id'], ['gates.id'], name=op.f('fk_assignments_gate_id_gates'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['slot_id'], ['slots.id'], name=op.f('fk_assignments_slot_id_slots'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['volunteer_id'], ['volunteers.id'], name=op.f('fk_assignments_volunteer_id_volunteers'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['week_id'], ['weeks.id'], name=op.f('fk_assignments_week_id_weeks'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_assignments')),
        sa.UniqueConstraint('week_id', 'volunteer_id', 'gate_id', 'date', 'slot_id', name=op.f('uq_assignments_week_id'))
    )
    op.create_index(op.f('ix_assignments_gate_id'), 'assignments', ['gate_id'], unique=False)
    op.create_index(op.f('ix_assignments_slot_id'), 'assignments', ['slot_id'], unique=False)
    op.create_index(op.f('ix_assignments_volunteer_id'), 'assignments', ['volunteer_id'], unique=False)
    op.create_index(op.f('ix_assignments_week_id'), 'assignments', ['week_id'], unique=False)
    op.create_table('availability',
        sa.Column('volunteer_id', sa.Integer(), nullable=False),
        sa.Column('weekday', sa.Integer(), nullable=False),
        sa.Column('slot_id', sa.Integer(), nullable=False),
        sa.CheckConstraint('weekday BETWEEN 0 AND 6', name=op.f('ck_availability_weekday')),
        sa.ForeignKeyConstraint(['slot_id'], ['slots.id'], name=op.f('fk_availability_slot_id_slots'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['volunteer_id'], ['volunteers.id'], name=op.f('fk_availability_volunteer_id_volunteers'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('volunteer_id', 'weekday', 'slot_id', name=op.f('pk_availability'))
    )
    op.create_index(op.f('ix_availability_slot_id'), 'availability', ['slot_id'], unique=False)
    op.create_table('demand_rules',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('gate_id', sa.Integer(), nullable=False),
        sa.Column('slot_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('min_people', sa.Integer(), nullable=False),
        sa.Column('max_people', sa.Integer(), nullable=False),
        sa.Column('days_kind', sa.String(length=16), nullable=False),
        sa.CheckConstraint("days_kind IN ('all', 'workdays', 'rest_days', 'dates')", name=op.f('ck_demand_rules_days_kind')),
        sa.CheckConstraint('min_people >= 0 AND max_people >= min_people', name=op.f('ck_demand_rules_min_max')),
        sa.ForeignKeyConstraint(['gate_id'], ['gates.id'], name=op.f('fk_demand_rules_gate_id_gates'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['slot_id'], ['slots.id'], name=op.f('fk_demand_rules_slot_id_slots'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_demand_rules'))
    )
    op.create_index(op.f('ix_demand_rules_gate_id'), 'demand_rules', ['gate_id'], unique=False)
    op.create_index(op.f('ix_demand_rules_slot_id'), 'demand_rules', ['slot_id'], unique=False)
    op.create_table('gate_skill_needs',
        sa.Column('gate_id', sa.Integer(), nullable=False),
        sa.Column('skill', sa.String(length=64), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.CheckConstraint('count >= 0', name=op.f('ck_gate_skill_needs_count')),
        sa.ForeignKeyConstraint(['gate_id'], ['gates.id'], name=op.f('fk_gate_skill_needs_gate_id_gates'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('gate_id', 'skill', name=op.f('pk_gate_skill_needs'))
    )
    op.create_table('preferred_gates',
        sa.Column('volunteer_id', sa.Integer(), nullable=False),
        sa.Column('gate_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['gate_id'], ['gates.id'], name=op.f('fk_preferred_gates_gate_id_gates'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['volunteer_id'], ['volunteers.id'], name=op.f('fk_preferred_gates_volunteer_id_volunteers'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('volunteer_id', 'gate_id', name=op.f('pk_preferred_gates'))
    )
    op.create_index(op.f('ix_preferred_gates_gate_id'), 'preferred_gates', ['gate_id'], unique=False)
    op.create_table('shortages',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('week_id', sa.Integer(), nullable=False),
        sa.Column('gate_id', sa.Integer(), nullable=False),
        sa.Column('slot_id', sa.Integer(), nullable=False),
        sa.Column('date', sa.Date(), nullable=False),
        sa.Column('missing', sa.Integer(), nullable=False),
        sa.Column('unmet_needs', sa.JSON(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.CheckConstraint('missing >= 0', name=op.f('ck_shortages_missing')),
        sa.ForeignKeyConstraint(['gate_id'], ['gates.id'], name=op.f('fk_shortages_gate_id_gates'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['slot_id'], ['slots.id'], name=op.f('fk_shortages_slot_id_slots'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['week_id'], ['weeks.id'], name=op.f('fk_shortages_week_id_weeks'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_shortages')),
        sa.UniqueConstraint('week_id', 'gate_id', 'date', 'slot_id', name=op.f('uq_shortages_week_id'))
    )
    op.create_index(op.f('ix_shortages_gate_id'), 'shortages', ['gate_id'], unique=False)
    op.create_index(op.f('ix_shortages_slot_id'), 'shortages', ['slot_id'], unique=False)
    op.create_index(op.f('ix_shortages_week_id'), 'shortages', ['week_id'], unique=False)
    op.create_table('unavailable_dates',
        sa.Column('volunteer_id', sa.Integer(), nullable=False),
        sa.Column('date', sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(['volunteer_id'], ['volunteers.id'], name=op.f('fk_unavailable_dates_volunteer_id_volunteers'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('volunteer_id', 'date', name=op.f('pk_unavailable_dates'))
    )
    op.create_table('volunteer_skills',
        sa.Column('volunteer_id', sa.Integer(), nullable=False),
        sa.Column('skill', sa.String(length=64), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['volunteer_id'], ['volunteers.id'], name=op.f('fk_volunteer_skills_volunteer_id_volunteers'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('volunteer_id', 'skill', name=op.f('pk_volunteer_skills'))
    )
    op.create_table('demand_rule_dates',
        sa.Column('rule_id', sa.Integer(), nullable=False),
        sa.Column('date', sa.Date(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['rule_id'], ['demand_rules.id'], name=op.f('fk_demand_rule_dates_rule_id_demand_rules'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('rule_id', 'date', name=op.f('pk_demand_rule_dates'))
    )
    op.execute("INSERT INTO schema_info (id, version) VALUES (1, 1)")


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
