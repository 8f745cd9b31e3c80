"""Fuzzing the settings the program reads back (QSettings): whatever a settings file holds —
edited by hand, written by another version — every reader gives a sane value."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from roster_app import i18n
from roster_app.gui.database_dialog import BACKUP_DAYS_KEY, SETTINGS_KEY, configured_backup_days, configured_url

# What setValue can hold (a settings file written by some program), and raw lines as a
# clerk might type them into the INI file by hand.
junk = st.none() | st.booleans() | st.integers(-2**31, 2**31 - 1) | st.floats(allow_nan=True) | st.text(
    max_size=30) | st.lists(st.text(max_size=5), max_size=3)
raw_line = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@settings(max_examples=100, deadline=None)
@given(language=junk, url=junk, days=junk)
def test_settings_readers_never_fail(tmp_path_factory, language, url, days) -> None:
    path = tmp_path_factory.mktemp("settings") / "settings.ini"
    store = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in ((i18n.SETTINGS_KEY, language), (SETTINGS_KEY, url), (BACKUP_DAYS_KEY, days)):
        if value is not None:
            store.setValue(key, value)
    store.sync()
    again = QSettings(str(path), QSettings.Format.IniFormat)  # as read at the next start
    assert i18n.saved_language(again) in i18n.LANGUAGES
    chosen = configured_url(again)
    assert chosen is None or (isinstance(chosen, str) and chosen.strip())
    assert 0 <= configured_backup_days(again) <= 365


@settings(max_examples=100, deadline=None)
@given(lines=st.lists(raw_line, max_size=6))
def test_a_hand_edited_settings_file_is_read_sanely(tmp_path_factory, lines) -> None:
    path = tmp_path_factory.mktemp("settings") / "settings.ini"
    keys = ["ui/language", "database/url", "database/backupDays"]
    body = ["[ui]"] + [f"language={lines[0]}" if lines else ""] + ["[database]"] + [
        f"{k.split('/')[1]}={v}" for k, v in zip(keys[1:], lines[1:])] + lines[3:]
    path.write_text("\n".join(body), encoding="utf-8")
    again = QSettings(str(path), QSettings.Format.IniFormat)
    assert i18n.saved_language(again) in i18n.LANGUAGES
    chosen = configured_url(again)
    assert chosen is None or (isinstance(chosen, str) and chosen.strip())
    assert 0 <= configured_backup_days(again) <= 365
