"""The desktop window of GateRoster (PySide6): roster grid, volunteer list, 自动排班.

Talks to the database only through `roster_app.persistence.store.RosterStore` and to the
solver only through `solver.model.solve`; builds no constraints and imports no SQLAlchemy.
Entry point: `roster_app.gui.app.run_gui`.
"""

from roster_app.gui.qtfix import guard_none_refcount

# Before any window code runs: PySide6 6.12.0 on Python 3.11 would otherwise abort the
# interpreter after a few hundred repaints of the grid (see qtfix).
guard_none_refcount()
