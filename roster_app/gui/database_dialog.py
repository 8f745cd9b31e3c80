"""数据库设置: where the rosters are kept — this computer's file, or the street office's server.

A community office keeps its data in a SQLite file on the clerk's computer; a street office
where several clerks share one database runs PostgreSQL and each clerk's GateRoster connects
to it. The choice is kept in QSettings ("database/url") and used from the next start
(`configured_url`); `gateroster --db URL` still wins for one run.

No password is stored: PostgreSQL takes it from the clerk's ``~/.pgpass`` file or the
PGPASSWORD environment variable, as its own tools do, so it never sits in GateRoster's
settings in plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from roster_app.persistence.database import check_connection, server_parts, server_url

SETTINGS_KEY = "database/url"
BACKUP_DAYS_KEY = "database/backupDays"


def configured_backup_days(settings: QSettings | None = None) -> int:
    """How many days of automatic copies of the local file to keep (0: none)."""
    from roster_app.persistence.backups import DEFAULT_KEEP_DAYS

    value = (settings or QSettings()).value(BACKUP_DAYS_KEY, DEFAULT_KEEP_DAYS)
    try:
        return max(0, min(365, int(value)))
    except (TypeError, ValueError):
        return DEFAULT_KEEP_DAYS


def configured_url(settings: QSettings | None = None) -> str | None:
    """The database chosen in this dialog, or None for the default file."""
    value = (settings or QSettings()).value(SETTINGS_KEY, "")
    return value if isinstance(value, str) and value.strip() else None


class DatabaseDialog(QDialog):
    """Choose 本机文件 (the default file) or 服务器 (PostgreSQL); 测试连接 tries it; OK keeps it."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings or QSettings()
        self.setWindowTitle(self.tr("数据库设置"))
        self.local = QRadioButton(self.tr("本机文件（一位工作人员）"))
        self.server = QRadioButton(self.tr("服务器 PostgreSQL（街道多位工作人员共用）"))
        choice = QButtonGroup(self)
        choice.addButton(self.local)
        choice.addButton(self.server)
        self.host = QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("gateroster")
        self.user = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("服务器地址"), self.host)
        form.addRow(self.tr("端口"), self.port)
        form.addRow(self.tr("数据库名"), self.database)
        form.addRow(self.tr("用户名"), self.user)
        self.server_form = QWidget()
        self.server_form.setLayout(form)
        self.backup_days = QSpinBox()
        self.backup_days.setRange(0, 365)
        self.backup_days.setSuffix(self.tr(" 天"))
        self.backup_days.setSpecialValueText(self.tr("不备份"))
        self.backup_days.setValue(configured_backup_days(self.settings))
        backup_row = QFormLayout()
        backup_row.addRow(self.tr("本机文件的自动备份保留"), self.backup_days)
        note = QLabel(self.tr("密码不保存在本程序中：请按 PostgreSQL 的惯例写在 ~/.pgpass 文件里。"
                              "更改在下次启动时生效。"))
        note.setWordWrap(True)
        self.test_button = QPushButton(self.tr("测试连接"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.local)
        layout.addLayout(backup_row)
        layout.addWidget(self.server)
        layout.addWidget(self.server_form)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(buttons)

        self.local.toggled.connect(self._update)
        self.host.textChanged.connect(self._update)
        self.database.textChanged.connect(self._update)
        self.test_button.clicked.connect(self.test)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._load()

    def _load(self) -> None:
        parts = server_parts(configured_url(self.settings))
        if parts is None:
            self.local.setChecked(True)
        else:
            self.server.setChecked(True)
            host, port, database, user = parts
            self.host.setText(host)
            self.port.setValue(port)
            self.database.setText(database)
            self.user.setText(user)
        self._update()

    def chosen_url(self) -> str | None:
        """The URL the form describes; None for this computer's file."""
        if self.local.isChecked():
            return None
        return server_url(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                          self.user.text().strip())

    def _update(self) -> None:
        self.server_form.setEnabled(self.server.isChecked())
        self.backup_days.setEnabled(self.local.isChecked())
        complete = self.local.isChecked() or (bool(self.host.text().strip()) and bool(self.database.text().strip()))
        self.ok_button.setEnabled(complete)
        self.test_button.setEnabled(self.server.isChecked() and complete)
        self.result.clear()

    def test(self) -> bool:
        """Connects to the chosen server once and says how it went."""
        url = self.chosen_url()
        if url is None:
            return True
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            problem = check_connection(url)
        finally:
            QApplication.restoreOverrideCursor()
        if problem is None:
            self.result.setStyleSheet("color: #1e7b34;")
            self.result.setText(self.tr("连接成功。"))
            return True
        self.result.setStyleSheet("color: #a11b1b;")
        self.result.setText(self.tr("无法连接：{reason}").format(reason=problem))
        return False

    def accept(self) -> None:
        self.settings.setValue(SETTINGS_KEY, self.chosen_url() or "")
        self.settings.setValue(BACKUP_DAYS_KEY, self.backup_days.value())
        super().accept()
