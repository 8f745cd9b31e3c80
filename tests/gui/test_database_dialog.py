"""数据库设置: choosing the street office's PostgreSQL server, testing it, keeping the choice."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from roster_app.gui.database_dialog import DatabaseDialog, configured_url
from roster_app.persistence import Database, RosterStore
from roster_app.persistence.database import server_parts


def settings_in(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def fill(qtbot, dialog: DatabaseDialog, url: str) -> None:
    host, port, database, user = server_parts(url)
    qtbot.mouseClick(dialog.server, Qt.MouseButton.LeftButton)
    dialog.host.setText(host)
    dialog.port.setValue(port)
    dialog.database.setText(database)
    dialog.user.setText(user)


def test_the_clerk_chooses_a_server_tests_it_and_keeps_it(qtbot, tmp_path, postgres_server) -> None:
    settings = settings_in(tmp_path)
    dialog = DatabaseDialog(settings)
    qtbot.add_widget(dialog)
    dialog.show()
    assert dialog.local.isChecked() and not dialog.server_form.isEnabled()
    url = postgres_server.new_database(migrated=False)
    fill(qtbot, dialog, url)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.result.text() == "连接成功。"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert configured_url(settings) == url
    with Database(configured_url(settings)) as db:  # the test connection made its tables
        assert RosterStore(db).is_empty()
    again = DatabaseDialog(settings)  # opened again: the form shows the choice
    qtbot.add_widget(again)
    assert again.server.isChecked() and again.chosen_url() == url
    postgres_server.drop(url)


def test_an_unreachable_server_is_said_plainly_and_local_is_the_default(qtbot, tmp_path, postgres_server) -> None:
    settings = settings_in(tmp_path)
    dialog = DatabaseDialog(settings)
    qtbot.add_widget(dialog)
    dialog.show()
    fill(qtbot, dialog, postgres_server.url("no_such_database"))
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.result.text().startswith("无法连接：") and "no_such_database" in dialog.result.text()
    qtbot.mouseClick(dialog.local, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert configured_url(settings) is None


def test_days_of_backups_are_a_setting(qtbot, tmp_path) -> None:
    from roster_app.gui.database_dialog import configured_backup_days

    settings = settings_in(tmp_path)
    assert configured_backup_days(settings) == 14
    dialog = DatabaseDialog(settings)
    qtbot.add_widget(dialog)
    dialog.show()
    assert dialog.backup_days.isEnabled()
    dialog.backup_days.setValue(30)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert configured_backup_days(settings) == 30
    settings.setValue("database/backupDays", "nonsense")
    assert configured_backup_days(settings) == 14
