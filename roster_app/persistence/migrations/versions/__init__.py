"""Revisions of the GateRoster schema (Alembic skips this file)."""
