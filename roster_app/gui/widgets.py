"""Small widgets of the main window: the demo banner, the legend, the empty state.

Kept apart from `main_window` so the window's module reads as what the window does, not
how each strip of it is drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from roster_app.gui.delegates import LOCK_WIDTH, paint_lock
from roster_app.gui.kinds import KIND_STYLES
from roster_app.gui.roster_model import CLOSED_BACKGROUND, REST_DAY_BACKGROUND, SHORT_BACKGROUND


class DemoBanner(QFrame):
    """The yellow strip "演示数据" shown while the community is the demo.

    Signals:
        remove_requested(): the clerk pressed 删除演示数据 (the window asks to confirm).
        new_community_requested(): the clerk pressed 新建本社区… (the window opens 新建社区).
    """

    remove_requested = Signal()
    new_community_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet(
            "#demoBanner { background: #fff3c4; border: 1px solid #e0c36a; border-radius: 4px; }"
            "#demoBanner QLabel { color: #5c4700; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setText(
            "<b>" + self.tr("演示数据") + "</b>　"
            + self.tr("这是示例社区，门岗和志愿者都是虚构的，供熟悉软件使用。开始正式排班前请删除。")
        )
        self.remove_button = QPushButton(self.tr("删除演示数据"), self)
        self.remove_button.clicked.connect(self.remove_requested)
        # The way out of the demo into real work: the clerk's own community.
        self.new_button = QPushButton(self.tr("新建本社区…"), self)
        self.new_button.clicked.connect(self.new_community_requested)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.new_button)
        layout.addWidget(self.remove_button)


def _chip(text: str, background: str, foreground: str = "white", border: str | None = None) -> QLabel:
    label = QLabel(text)
    edge = f"border: 1px solid {border};" if border else ""
    label.setStyleSheet(
        f"QLabel {{ background: {background}; color: {foreground}; border-radius: 4px;"
        f" padding: 1px 6px; {edge} }}"
    )
    return label


def _lock_pixmap(size: int = 16) -> QPixmap:
    pixmap = QPixmap(QSize(LOCK_WIDTH + 2, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_lock(painter, 1, size / 2 + 1, QColor("#333333"))
    painter.end()
    return pixmap


class Legend(QWidget):
    """The key under the grid: one chip per kind of volunteer, then the cell markings.

    Signals: none.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(QLabel(self.tr("图例：")))
        for style in KIND_STYLES:
            layout.addWidget(_chip(style.label, style.colour))
        layout.addSpacing(12)
        lock = QLabel()
        lock.setPixmap(_lock_pixmap())
        layout.addWidget(lock)
        layout.addWidget(QLabel(self.tr("锁定")))
        layout.addSpacing(8)
        layout.addWidget(_chip(self.tr("缺岗"), SHORT_BACKGROUND.name(), "#a11b1b", "#d99"))
        layout.addWidget(_chip(self.tr("不开放"), CLOSED_BACKGROUND.name(), "#6b7078", "#c8ccd1"))
        layout.addWidget(_chip(self.tr("休息日"), REST_DAY_BACKGROUND.name(), "#3d5a33", "#c3d9b9"))
        layout.addStretch(1)


class EmptyState(QWidget):
    """What the window shows when the database holds no community.

    Signals:
        load_demo_requested(): the clerk pressed 载入演示数据.
        new_community_requested(): the clerk pressed 新建社区….
    """

    load_demo_requested = Signal()
    new_community_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        title = QLabel(self.tr("还没有社区数据"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr("可以先载入演示数据（玉带路社区：4 个门岗、38 名志愿者），看看一周的排班表是什么样子；\n熟悉以后删除演示数据，再录入本社区的门岗和志愿者。")
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        self.load_demo_button = QPushButton(self.tr("载入演示数据"))
        self.load_demo_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.load_demo_button.clicked.connect(self.load_demo_requested)
        self.new_button = QPushButton(self.tr("新建社区…"))
        self.new_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.new_button.clicked.connect(self.new_community_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.load_demo_button)
        buttons.addStretch(1)
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addWidget(text)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(3)
