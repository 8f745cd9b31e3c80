"""GUI test set-up: the window's remembered layout (QSettings) goes to a temporary directory.

The main window saves its size and splitters on close; without this, the tests would write
into (and read from) the settings of the user running them.
"""

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory):
    """Every QSettings() made during the test is an INI file under a fresh temporary path."""
    path = str(tmp_path_factory.mktemp("qsettings"))
    previous = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, path)
    yield path
    QSettings.setDefaultFormat(previous)


@pytest.fixture(autouse=True)
def working_event_loops(request):
    """Event loops that run: after a test that ran and quit the application (`run_gui`),
    Qt can be left "quitting", and every later QEventLoop — qtbot.waitSignal's too —
    returns at once. Running the application's loop once more clears that state."""
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        probe = QEventLoop()
        QTimer.singleShot(0, probe.quit)
        if probe.exec() != 0:  # -1: the loop refused to run
            QTimer.singleShot(0, app.quit)
            app.exec()
    yield
