"""Kinds of volunteer (在职党员, 下沉干部, …) as the window shows them: label and colour.

The store gives each volunteer a kind code; the grid paints each name in its kind's
colour and the legend under the grid explains the colours. Labels are translatable
(the Chinese text is the source string, context "Kinds").
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

UNKNOWN_KIND = ""


@dataclass(frozen=True)
class KindStyle:
    """How one kind of volunteer is drawn: `colour` fills the name chip, text is white."""

    code: str
    label_source: str
    colour: str

    @property
    def label(self) -> str:
        return QCoreApplication.translate("Kinds", self.label_source)

    @property
    def qcolour(self) -> QColor:
        return QColor(self.colour)


# Order = the order of the legend and of the volunteer list, the same as
# `roster_app.kinds.KIND_LABELS` (a test keeps codes and labels in step); the labels are
# repeated here as literals so Qt's lupdate can collect them for translation. Colours are
# saturated so white names on them stay readable on a white, tinted or red (short post)
# cell and on a printout; the two kinds of party member are red and orange, far apart.
KIND_STYLES: tuple[KindStyle, ...] = (
    KindStyle("employed_party", QT_TRANSLATE_NOOP("Kinds", "在职党员"), "#b3261e"),
    KindStyle("nonemployed_party", QT_TRANSLATE_NOOP("Kinds", "无职党员"), "#e06c00"),
    KindStyle("cadre", QT_TRANSLATE_NOOP("Kinds", "下沉干部"), "#7d3c98"),
    KindStyle("community_worker", QT_TRANSLATE_NOOP("Kinds", "社区工作者"), "#1f5fa8"),
    KindStyle("resident", QT_TRANSLATE_NOOP("Kinds", "群众"), "#3d7a23"),
    KindStyle("youth", QT_TRANSLATE_NOOP("Kinds", "青年志愿者"), "#0e8088"),
    KindStyle("minor", QT_TRANSLATE_NOOP("Kinds", "新时代好少年"), "#a06e00"),
    KindStyle("social_worker", QT_TRANSLATE_NOOP("Kinds", "社工"), "#6d4c41"),
)

_UNKNOWN = KindStyle(UNKNOWN_KIND, QT_TRANSLATE_NOOP("Kinds", "其他"), "#607d8b")
_BY_CODE = {style.code: style for style in KIND_STYLES}


def kind_style(code: str | None) -> KindStyle:
    """The style of a kind code; an unknown or missing code gets a neutral grey."""
    return _BY_CODE.get(code or UNKNOWN_KIND, _UNKNOWN)


def kind_order(code: str | None) -> int:
    """Position of a kind in the legend order (unknown kinds last)."""
    style = _BY_CODE.get(code or UNKNOWN_KIND)
    return KIND_STYLES.index(style) if style else len(KIND_STYLES)


SKILL_LABELS: dict[str, str] = {
    "translation": QT_TRANSLATE_NOOP("Kinds", "外语翻译"),
    "medical": QT_TRANSLATE_NOOP("Kinds", "医疗"),
    "psychology": QT_TRANSLATE_NOOP("Kinds", "心理疏导"),
    "temperature": QT_TRANSLATE_NOOP("Kinds", "体温检测"),
    "disinfection": QT_TRANSLATE_NOOP("Kinds", "消毒"),
    "registration": QT_TRANSLATE_NOOP("Kinds", "登记"),
}


def skill_label(code: str) -> str:
    """Chinese name of a skill code; unknown codes are shown as they are."""
    source = SKILL_LABELS.get(code)
    return QCoreApplication.translate("Kinds", source) if source else code
