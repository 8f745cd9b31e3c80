"""The application font: a Simplified-Chinese family, chosen explicitly."""

from __future__ import annotations

import logging

from roster_app import fonts


def test_choose_family_prefers_the_listed_order():
    assert fonts.choose_family(["Noto Sans CJK JP", "Noto Sans CJK SC", "DejaVu Sans"]) == "Noto Sans CJK SC"
    assert fonts.choose_family(["Noto Sans CJK SC", "WenQuanYi Micro Hei"]) == "WenQuanYi Micro Hei"
    assert fonts.choose_family(["DejaVu Sans"]) is None


def test_apply_app_font_sets_an_installed_chinese_family(qapp):
    original = qapp.font()
    try:
        family = fonts.apply_app_font(qapp)
        assert family in fonts.PREFERRED_FAMILIES
        assert qapp.font().families()[0] == family
    finally:
        qapp.setFont(original)


def test_warns_when_no_chinese_font(qapp, monkeypatch, caplog):
    monkeypatch.setattr(fonts.QFontDatabase, "families", staticmethod(lambda *a: ["DejaVu Sans"]))
    original = qapp.font()
    with caplog.at_level(logging.WARNING, logger="roster_app.fonts"):
        assert fonts.apply_app_font(qapp) is None
    assert "boxes" in caplog.text
    assert qapp.font() == original
