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

The documents paint with QPainter in a device-independent unit (a tenth of a point), so the
same layout serves a PDF, a printer and the preview.
"""

from roster_app.output.week import PrintWeek

__all__ = ["PrintWeek"]
