"""What leaves the office on paper and in files: the printed week, gate sheets, slips, Excel.

Every output is built from one `PrintWeek` (the week's `Scenario`, its `Roster`, the
community's name and contact line, and the office's details about each volunteer), so the
printout, the PDF and the workbook all say what the window says.

- `layout.WeekGridDocument`: the week as one A4 landscape page (gates × slots × dates),
  split by gates when it does not fit;
- `gate_sheet.GateSheetDocument`: one sheet per gate to post there (门岗值班表), phones masked
  unless the clerk asks for full numbers;
- `slips.SlipsDocument`: a slip per volunteer (个人值班单), several to a page with cut lines;
- `pdf.export_pdf` writes any of them to a PDF without a printer, `printing.preview` opens
  Qt's print preview for them, `xlsx.export_xlsx` writes the week to a workbook.

For a menu: `week = PrintWeek.from_store(store, community_id, monday)`, then
`preview(window, DocumentKind.GATES, week, full_phones=False)`,
`export_kind_pdf("week", week, path)` or `export_xlsx(week, path)`; each raises
`OutputError` with a message for the clerk when the file cannot be written.

The documents paint with QPainter in a device-independent unit (a tenth of a point), so the
same layout serves a PDF, a printer and the preview.
"""

from roster_app.output.canvas import OutputError
from roster_app.output.documents import DocumentKind, make_document
from roster_app.output.pdf import export_kind_pdf, export_pdf
from roster_app.output.printing import preview, preview_dialog
from roster_app.output.week import PrintWeek
from roster_app.output.xlsx import export_xlsx

__all__ = [
    "DocumentKind",
    "OutputError",
    "PrintWeek",
    "export_kind_pdf",
    "export_pdf",
    "export_xlsx",
    "make_document",
    "preview",
    "preview_dialog",
]
