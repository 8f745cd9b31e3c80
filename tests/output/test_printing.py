"""Print preview: the dialog shows the same pages the PDF gets, on A4 in the right
orientation, for each kind of document."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintPreviewWidget

from roster_app.output.documents import DocumentKind, make_document
from roster_app.output.pdf import export_kind_pdf
from roster_app.output.printing import RosterPreviewDialog, preview, preview_dialog


@pytest.mark.parametrize(
    ("kind", "orientation"),
    [("week", QPageLayout.Orientation.Landscape), ("gates", QPageLayout.Orientation.Landscape),
     ("slips", QPageLayout.Orientation.Portrait)],
)
def test_preview_shows_the_pages_of_the_pdf(qtbot, demo_week, tmp_path, kind, orientation):
    pdf_pages = export_kind_pdf(kind, demo_week, tmp_path / f"{kind}.pdf")
    dialog = preview_dialog(None, kind, demo_week)
    qtbot.add_widget(dialog)
    assert dialog.printer.pageLayout().orientation() == orientation
    assert dialog.windowTitle().startswith("打印预览")
    dialog.show()
    widget = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0)
    assert widget.pageCount() == pdf_pages == dialog.pages_rendered


def test_gate_options_reach_the_preview(qtbot, demo_week):
    dialog = preview_dialog(None, DocumentKind.GATES, demo_week, gates=["east"], full_phones=True)
    qtbot.add_widget(dialog)
    assert dialog.document.gate_ids == ["east"] and dialog.document.full_phones
    dialog.show()
    widget = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0)
    assert widget.pageCount() == 1


def test_preview_opens_the_dialog_of_the_document(qtbot, demo_week, monkeypatch):
    opened = []

    def fake_exec(self):
        opened.append(self)
        return 0

    monkeypatch.setattr(RosterPreviewDialog, "exec", fake_exec)
    assert preview(None, "slips", demo_week) == 0
    assert len(opened) == 1 and opened[0].document.title == "玉带路社区个人值班单"


def test_unknown_kind_or_option_is_refused(demo_week):
    with pytest.raises(ValueError):
        make_document("poster", demo_week)
    with pytest.raises(TypeError):
        make_document("week", demo_week, full_phones=True)  # the week grid prints no phones
    assert DocumentKind.SLIPS.label == "个人值班单"
