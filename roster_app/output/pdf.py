"""PDF files of the printed documents, without a printer ("导出 PDF").

Qt's own PDF engine (QPrinter in HighResolution, PdfFormat, A4 in the document's
orientation) writes the pages `render` paints, with the Chinese font embedded, so the file
looks the same on any computer or phone it is sent to.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from roster_app.output.canvas import OutputError, PrintDocument, page_layout, render
from roster_app.output.documents import DocumentKind, make_document
from roster_app.output.week import PrintWeek, translate


def pdf_printer(document: PrintDocument, path: str | os.PathLike[str]) -> QPrinter:
    """A printer that writes `document`'s pages to the PDF file `path`."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(os.fspath(path))
    printer.setPageLayout(page_layout(document))
    printer.setDocName(document.title)
    printer.setCreator("GateRoster")
    return printer


def export_pdf(document: PrintDocument, path: str | os.PathLike[str]) -> int:
    """Write `document` to the PDF file `path` (replacing it); returns the page count.

    Raises `OutputError` (with a message for the clerk) when the file cannot be written.
    """
    path = Path(path)
    try:
        # Qt would only say "QPainter::begin: returned false"; Python says why.
        with open(path, "wb"):
            pass
    except OSError as exc:
        message = translate("Output", "无法写入文件 {path}：{error}")
        raise OutputError(message.format(path=path, error=exc.strerror or exc)) from exc
    return render(document, pdf_printer(document, path))


def export_kind_pdf(kind: DocumentKind | str, week: PrintWeek, path: str | os.PathLike[str], **options) -> int:
    """Write one kind of document for `week` to `path`: "week", "gates" or "slips", with the
    options of `make_document` (e.g. `full_phones=True`, `gates=("east",)`)."""
    return export_pdf(make_document(kind, week, **options), path)
