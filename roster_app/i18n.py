"""The interface language: Chinese by default, English through Qt's translation tools.

The source strings in the code are Chinese (the clerk's language), wrapped in `tr()`,
`QCoreApplication.translate()` or `QT_TRANSLATE_NOOP`. `pyside6-lupdate` collects them into
`resources/translations/gateroster_en.ts`, where the English lives; `pyside6-lrelease`
compiles it into the `.qm` file loaded here. The `.qm` is built by the set-up (and by
`python -m roster_app.i18n release`), never committed: the `.ts` is the one source.

Qt's own dialogs (buttons of message boxes, the print dialog) come with Qt's catalogues:
English is built in; for Chinese, `qtbase_zh_CN.qm` from the Qt installation is loaded.

Run `python -m roster_app.i18n update` after changing user-visible strings, translate the
new entries of the `.ts` (Qt Linguist: `pyside6-linguist`), then `release`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

LANGUAGES: dict[str, str] = {"zh_CN": "中文", "en": "English"}
"""Language code -> its name in itself, as the language menu shows it."""

DEFAULT_LANGUAGE = "zh_CN"
SETTINGS_KEY = "ui/language"

REPO = Path(__file__).resolve().parent.parent
TRANSLATIONS = REPO / "resources" / "translations"
SOURCES = (REPO / "roster_app",)


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"gateroster_{language}.ts"


def qm_file(language: str) -> Path:
    return TRANSLATIONS / f"gateroster_{language}.qm"


def saved_language(settings: QSettings | None = None) -> str:
    """The language the clerk chose (QSettings), else Chinese."""
    value = (settings or QSettings()).value(SETTINGS_KEY, DEFAULT_LANGUAGE)
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(language: str, settings: QSettings | None = None) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; known: {', '.join(LANGUAGES)}")
    (settings or QSettings()).setValue(SETTINGS_KEY, language)


class CatalogueTranslator(QTranslator):
    """Our catalogue, looked up in the caller's context and then in the empty one.

    Modules translate through small helpers (`tr("…")` at module level, `_tr("…")`) that
    call `QCoreApplication.translate("TheirContext", text)`; lupdate cannot see that
    context and files those strings under the empty one. Falling back to it finds them."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 (Qt's)
        text = super().translate(context, source, disambiguation, n)
        if not text and context:
            text = super().translate("", source, disambiguation, n)
        return text or None  # None: "not here", so Qt tries the next translator or the source


class Translators:
    """The translators installed on the application, replaced as a whole on a switch."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def install(self, app: QCoreApplication, language: str) -> bool:
        """Install `language` on `app`; False (and Chinese) if its catalogue is missing.

        Installing sends every widget a LanguageChange event; widgets that build their
        texts in one `retranslate` method pick the new language up at once."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; known: {', '.join(LANGUAGES)}")
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        ok = True
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if language == "en":
            ours = CatalogueTranslator(app)
            ok = ours.load(str(qm_file(language)))
            if ok:
                self._installed.append(ours)
        else:
            qt_own = QTranslator(app)
            if qt_own.load(QLocale(language), "qtbase", "_", qt_dir):
                self._installed.append(qt_own)
        for translator in self._installed:
            app.installTranslator(translator)
        self.language = language if ok else DEFAULT_LANGUAGE
        return ok


def _tool(name: str) -> str:
    """A PySide6 tool next to this interpreter (the venv's bin), else from PATH."""
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else name


TR_ALIASES = ("_tr",)
"""Module-level helpers that wrap `QCoreApplication.translate`, collected like `tr`."""


def lupdate_command(ts: Path) -> list[str]:
    """The pyside6-lupdate call that collects the source strings into `ts`."""
    files = sorted(str(p) for root in SOURCES for p in root.rglob("*.py"))
    aliases = ",".join(f"tr+={alias}" for alias in TR_ALIASES)
    return [_tool("pyside6-lupdate"), "-no-obsolete", "-tr-function-alias", aliases, *files, "-ts", str(ts)]


def update() -> None:
    """Collect the source strings into the .ts files (keeps the translations there)."""
    for language in LANGUAGES:
        if language == DEFAULT_LANGUAGE:
            continue  # the sources are Chinese
        subprocess.run(lupdate_command(ts_file(language)), check=True)


def release() -> None:
    """Compile every .ts into the .qm the app loads."""
    for language in LANGUAGES:
        if language != DEFAULT_LANGUAGE:
            subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts_file(language)), "-qm", str(qm_file(language))],
                           check=True)


if __name__ == "__main__":  # python -m roster_app.i18n update|release
    {"update": update, "release": release}[sys.argv[1] if len(sys.argv) > 1 else "release"]()
