"""Starting the desktop app: QApplication, the Chinese font, the database, the window.

The language the clerk chose last (中文 or English, `roster_app.i18n`) is installed first.
On the very first start (an empty database) the demo community is loaded for the current
week, so the clerk sees a real roster before typing anything. A database that cannot be
opened (not a database, written by a newer version, unreadable) is reported in a message
box, not as a traceback; when the file is damaged and an automatic backup of it is intact,
the clerk is offered that backup (the damaged file is kept beside it, renamed).
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


def open_store(db_url: str | None, backup_days: int | None = None):
    """The `RosterStore` of `db_url` (the user's default database when None).

    Loads the demo for the current week if the database holds nothing yet. Raises the
    store's own errors (their messages are meant for the clerk).
    """
    from roster_app.persistence.backups import DEFAULT_KEEP_DAYS
    from roster_app.persistence.database import Database, default_database_url
    from roster_app.persistence.store import RosterStore

    days = DEFAULT_KEEP_DAYS if backup_days is None else backup_days
    store = RosterStore(Database(db_url or default_database_url(), backup_days=days))
    if store.is_empty():
        store.load_demo(monday_of(dt.date.today()))
    return store


def offer_backup(db_url: str | None, exc: DatabaseError, ask=None) -> bool:
    """Offers the newest intact automatic backup of a damaged SQLite file and, if the
    clerk accepts, puts it in place (the damaged file is kept, renamed). True if restored.

    `ask(title, text) -> bool` asks the clerk (a message box unless given, for tests)."""
    from roster_app.persistence import backups
    from roster_app.persistence.database import default_database_url, sqlite_file

    path = sqlite_file(db_url or default_database_url())
    found = backups.latest_good_backup(path) if path is not None else None
    if found is None:
        return False
    day, backup = found
    title = QCoreApplication.translate("App", "数据库已损坏")
    text = QCoreApplication.translate(
        "App",
        "无法打开排班数据库：\n{message}\n\n有 {date} 的自动备份完好。要用这份备份继续吗？"
        "损坏的文件会改名保留在原处，不会删除；备份之后的改动需要重新录入。",
    ).format(message=exc, date=day.isoformat())
    if ask is None:
        def ask(title: str, text: str) -> bool:
            buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            return QMessageBox.question(None, title, text, buttons) == QMessageBox.StandardButton.Yes
    if not ask(title, text):
        return False
    try:
        kept = backups.restore(path, backup)
    except OSError as error:
        log.error("cannot restore %s from %s: %s", path, backup, error)
        return False
    log.warning("restored %s from the backup of %s; the damaged file is kept as %s", path, day, kept)
    return True


def run_gui(db_url: str | None, argv: list[str]) -> int:
    """Run the app until its window closes; return the process exit code."""
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("GateRoster")
    app.setOrganizationName("GateRoster")
    # The language the clerk chose (设置 → 语言), before any text is shown; the window
    # switches it later through the same translators.
    from roster_app.i18n import Translators, saved_language

    translators = Translators()
    translators.install(app, saved_language())
    app.setApplicationDisplayName(QCoreApplication.translate("App", "门岗排班"))
    apply_app_font(app)

    # 设置 → 数据库: the street office's server, if the clerk chose one; days of backups.
    from roster_app.gui.database_dialog import configured_backup_days, configured_url

    if db_url is None:
        db_url = configured_url()
    backup_days = configured_backup_days()
    try:
        store = open_store(db_url, backup_days)
    except (DatabaseError, StoreError) as exc:
        # Our own errors carry a message for the clerk; a traceback would only frighten.
        log.error("cannot open the database: %s", exc)
        if not (isinstance(exc, DatabaseError) and exc.damaged and offer_backup(db_url, exc)):
            QMessageBox.critical(
                None,
                QCoreApplication.translate("App", "无法打开数据库"),
                QCoreApplication.translate("App", "无法打开排班数据库：\n{message}").format(message=exc),
            )
            return 1
        try:
            store = open_store(db_url, backup_days)
        except (DatabaseError, StoreError) as again:
            QMessageBox.critical(
                None,
                QCoreApplication.translate("App", "无法打开数据库"),
                QCoreApplication.translate("App", "备份也无法打开：\n{message}").format(message=again),
            )
            return 1

    from roster_app.gui.main_window import MainWindow

    window = MainWindow(store, translators=translators)
    window.show()
    try:
        return app.exec()
    finally:
        window.close()  # stops a solve still running
        store.db.close()


if __name__ == "__main__":  # python -m roster_app.gui.app [DB_URL]
    sys.exit(run_gui(sys.argv[1] if len(sys.argv) > 1 else None, sys.argv))
