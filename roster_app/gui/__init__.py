"""The desktop window of GateRoster (PySide6): roster grid, volunteer list, 自动排班.

Talks to the database only through `roster_app.persistence.store.RosterStore` and to the
solver only through `solver.model.solve`; builds no constraints and imports no SQLAlchemy.
Entry point: `roster_app.gui.app.run_gui`.
"""
