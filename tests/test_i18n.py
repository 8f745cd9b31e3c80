"""The translation machinery: a compiled catalogue switches the interface to English, the
choice is remembered, a missing catalogue falls back to Chinese."""

from __future__ import annotations


import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from roster_app import i18n

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>App</name>
    <message>
        <source>门岗排班</source>
        <translation>Gate Roster</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def catalogue(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)
    i18n.ts_file("en").write_text(TS, encoding="utf-8")
    i18n.release()
    return tmp_path


def test_english_catalogue_translates_and_switches_back(qapp, catalogue):
    translators = i18n.Translators()
    assert translators.install(qapp, "en")
    assert QCoreApplication.translate("App", "门岗排班") == "Gate Roster"
    assert translators.install(qapp, "zh_CN")
    assert QCoreApplication.translate("App", "门岗排班") == "门岗排班"


def test_missing_catalogue_falls_back_to_chinese(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)
    translators = i18n.Translators()
    assert not translators.install(qapp, "en")
    assert translators.language == "zh_CN"
    assert QCoreApplication.translate("App", "门岗排班") == "门岗排班"


def test_language_choice_is_remembered(tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert i18n.saved_language(settings) == "zh_CN"
    i18n.save_language("en", settings)
    assert i18n.saved_language(settings) == "en"
    with pytest.raises(ValueError):
        i18n.save_language("fr", settings)
    settings.setValue(i18n.SETTINGS_KEY, "klingon")
    assert i18n.saved_language(settings) == "zh_CN"
