"""Print preview before printing (打印预览): Qt's QPrintPreviewDialog over our documents.

The window's menus call `preview(parent, kind, week, ...)`: the clerk sees the pages as they
will come out, may change the printer, paper or orientation, and prints from the dialog.
The pages are painted by the same `render` as the PDF export, so the preview, the paper and
the PDF agree page for page.
"""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrinter
from PySide6.QtWidgets import QWidget

from roster_app.output.canvas import PrintDocument, page_layout, render
from roster_app.output.documents import DocumentKind, make_document
from roster_app.output.week import PrintWeek, translate


class RosterPreviewDialog(QPrintPreviewDialog):
    """A print preview of one of our documents.

    Attributes:
        document: what is shown and printed.
        printer: the printer the dialog prints on (A4 in the document's orientation at
            first); kept here because the dialog does not own it.
        pages_rendered: the page count of the last rendering (for tests and status lines).
    Signals: QPrintPreviewDialog's own (`paintRequested` is connected to `render`).
    """

    def __init__(self, document: PrintDocument, parent: QWidget | None = None):
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageLayout(page_layout(document))
        self.printer.setDocName(document.title)
        super().__init__(self.printer, parent)
        self.document = document
        self.pages_rendered = 0
        self.setWindowTitle(translate("Output", "打印预览 - {title}").format(title=document.title))
        self.resize(1100, 800)  # Qt's default shows an A4 page too small to read
        self.paintRequested.connect(self._paint)

    def _paint(self, printer: QPrinter) -> None:
        self.pages_rendered = render(self.document, printer)


def preview_dialog(parent: QWidget | None, document_kind: DocumentKind | str, week: PrintWeek,
                   **options) -> RosterPreviewDialog:
    """The preview dialog of a document of `document_kind` ("week", "gates", "slips") for
    `week`, not yet shown; options as `make_document` takes them."""
    return RosterPreviewDialog(make_document(document_kind, week, **options), parent)


def preview(parent: QWidget | None, document_kind: DocumentKind | str, week: PrintWeek, **options) -> int:
    """Open the print preview (modal) and return the dialog's result (Accepted once printed)."""
    dialog = preview_dialog(parent, document_kind, week, **options)
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
