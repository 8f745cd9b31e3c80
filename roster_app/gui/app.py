"""Starting the desktop app: QApplication, the Chinese font, the database, the window.

On the very first start (an empty database) the demo community is loaded for the current
week, so the clerk sees a real roster before typing anything. A database that cannot be
opened (not a database, written by a newer version, unreadable) is reported in a message
box, not as a traceback.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from roster_app.fonts import apply_app_font
from roster_app.persistence.errors import DatabaseError, StoreError
from solver.workdays import monday_of

log = logging.getLogger(__name__)


def open_store(db_url: str | None):
    """The `RosterStore` of `db_url` (the user's default database when None).

    Loads the demo for the current week if the database holds nothing yet. Raises the
    store's own errors (their messages are meant for the clerk).
    """
    from roster_app.persistence.database import Database, default_database_url
    from roster_app.persistence.store import RosterStore

    store = RosterStore(Database(db_url or default_database_url()))
    if store.is_empty():
        store.load_demo(monday_of(dt.date.today()))
    return store


def run_gui(db_url: str | None, argv: list[str]) -> int:
    """Run the app until its window closes; return the process exit code."""
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("GateRoster")
    app.setApplicationDisplayName(QCoreApplication.translate("App", "门岗排班"))
    app.setOrganizationName("GateRoster")
    apply_app_font(app)

    try:
        store = open_store(db_url)
    except (DatabaseError, StoreError) as exc:
        # Our own errors carry a message for the clerk; a traceback would only frighten.
        log.error("cannot open the database: %s", exc)
        QMessageBox.critical(
            None,
            QCoreApplication.translate("App", "无法打开数据库"),
            QCoreApplication.translate("App", "无法打开排班数据库：\n{message}").format(message=exc),
        )
        return 1

    from roster_app.gui.main_window import MainWindow

    window = MainWindow(store)
    window.show()
    try:
        return app.exec()
    finally:
        window.close()  # stops a solve still running
        store.db.close()


if __name__ == "__main__":  # python -m roster_app.gui.app [DB_URL]
    sys.exit(run_gui(sys.argv[1] if len(sys.argv) > 1 else None, sys.argv))
