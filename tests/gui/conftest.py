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
