"""Choosing the application font so that Chinese text draws correctly.

Without an explicit family Qt falls back through fontconfig, and with the Noto CJK fonts
installed it often picks the *Japanese* variant (some hanzi then have Japanese shapes);
with no CJK font at all every Chinese character draws as a box. So the app sets a
Simplified-Chinese family explicitly, in a fixed order of preference, and logs a warning
when none is installed.
"""

from __future__ import annotations

import logging
from typing import Iterable

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

log = logging.getLogger(__name__)

PREFERRED_FAMILIES: tuple[str, ...] = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
)
"""CJK families in order of preference; all draw Simplified Chinese glyph shapes."""


def choose_family(installed: Iterable[str]) -> str | None:
    """The first of `PREFERRED_FAMILIES` found among `installed` families, or None."""
    available = set(installed)
    return next((family for family in PREFERRED_FAMILIES if family in available), None)


def apply_app_font(app: QGuiApplication, point_size: float | None = None) -> str | None:
    """Set the application font to a Chinese family; return the family chosen (or None).

    Needs a running QGuiApplication (the font database is only filled then). Keeps the
    platform's default size unless `point_size` is given.
    """
    family = choose_family(QFontDatabase.families())
    if family is None:
        log.warning(
            "No Chinese font found (looked for %s); Chinese text will draw as boxes. "
            "Install fonts-wqy-microhei or fonts-noto-cjk.",
            ", ".join(PREFERRED_FAMILIES),
        )
        return None
    font = QFont(app.font())
    font.setFamilies([family])
    if point_size is not None:
        font.setPointSizeF(point_size)
    app.setFont(font)
    return family
