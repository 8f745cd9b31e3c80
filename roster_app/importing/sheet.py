"""Turning a file into rows of text cells: .xlsx through openpyxl, .csv in the encodings
and separators that Excel and WPS write in China.

What the file *is* is decided by its content, not its name: a clerk renames files, and
WeChat saves attachments under odd names. A zip is an .xlsx workbook; the old binary
.xls/.et format is refused with a hint to save as .xlsx; anything else must be text —
UTF-8 (with or without the BOM Excel writes for "CSV UTF-8"), UTF-16 (Excel's "Unicode
text"), else GB18030 (a superset of GBK, what Excel and WPS write for plain "CSV" on a
Chinese Windows). The separator is the one under which a header row is found (comma,
tab or semicolon).

Each row keeps its number as the clerk sees it in Excel, so problems can name it.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import logging
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from roster_app.importing.problems import ImportRejected, problem

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024  # a list of a thousand people is well under 1 MB
MAX_COLUMNS = 64  # the template has 15; anything far right of that is not ours
MAX_ROWS = 5000  # rows with content after the header
MAX_BLANK_RUN = 10_000  # formatted but empty rows at the bottom of a sheet end it

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .et, .doc …


@dataclass(frozen=True)
class Sheet:
    """The rows of one sheet (or of a CSV file).

    Attributes:
        name: the sheet's name; None for a CSV file.
        rows: (row number as Excel shows it, the cells as text), rows with no text left out.
        truncated: True if the sheet had more than `MAX_ROWS` rows with content.
    """

    name: str | None
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    truncated: bool = False


def read_bytes(path: str | Path) -> bytes:
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        # Excel on Windows locks a workbook it has open; the clerk must close it first.
        raise ImportRejected([problem("file_busy")]) from None
    except IsADirectoryError:
        raise ImportRejected([problem("cannot_open", reason="这是一个文件夹")]) from None
    except OSError as exc:
        raise ImportRejected([problem("cannot_open", reason=exc.strerror or str(exc))]) from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportRejected([problem("too_big", size=MAX_FILE_BYTES // (1024 * 1024))])
    return data


def cell_text(value: object) -> str:
    """A cell as the clerk reads it: 13812345678 rather than 13812345678.0 or 1.38E+10."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _blank(cells: Sequence[str]) -> bool:
    return not any(c.strip() for c in cells)


def _collect(numbered: Sequence[tuple[int, Sequence[object]]] | object, name: str | None) -> Sheet:
    rows: list[tuple[int, tuple[str, ...]]] = []
    blank_run = 0
    truncated = False
    for number, values in numbered:  # type: ignore[union-attr]
        cells = tuple(cell_text(v) for v in values[:MAX_COLUMNS])
        if _blank(cells):
            blank_run += 1
            if blank_run > MAX_BLANK_RUN:
                break
            continue
        blank_run = 0
        if len(rows) > MAX_ROWS + 30:  # the header may sit a few rows down
            truncated = True
            break
        rows.append((number, cells))
    return Sheet(name, tuple(rows), truncated)


# --- .xlsx -------------------------------------------------------------------------------

def read_xlsx(data: bytes) -> list[Sheet]:
    """Every worksheet of the workbook, in the workbook's order."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 — a damaged zip fails in many ways inside openpyxl
        log.info("not a readable workbook: %r", exc)
        raise ImportRejected([problem("bad_xlsx")]) from None
    sheets: list[Sheet] = []
    try:
        for worksheet in workbook.worksheets:
            if not hasattr(worksheet, "iter_rows"):  # a chart sheet
                continue
            rows = worksheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True)
            sheets.append(_collect(enumerate(rows, start=1), worksheet.title))
    except Exception as exc:  # noqa: BLE001 — as above: broken XML inside a valid zip
        log.info("workbook could not be read: %r", exc)
        raise ImportRejected([problem("bad_xlsx")]) from None
    finally:
        workbook.close()
    return sheets


# --- .csv --------------------------------------------------------------------------------

def decode(data: bytes) -> str:
    """The text of a CSV file in the encodings Chinese Excel and WPS write."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
        raise ImportRejected([problem("not_text")])
    if b"\x00" in data or sum(b < 9 or 13 < b < 32 for b in data[:4096]) > 4:
        raise ImportRejected([problem("not_text")])
    raise ImportRejected([problem("bad_encoding")])


def _looks_like_text(text: str) -> bool:
    """No NUL and hardly any other control characters: binary data decodes as GB18030
    surprisingly often, but never looks like this."""
    if "\x00" in text:
        return False
    sample = text[:20000]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\r\n")
    odd = sum(1 for ch in sample if unicodedata.category(ch) in ("Co", "Cn", "Cs"))
    return controls + odd <= max(2, len(sample) // 200)


DELIMITERS = (",", "\t", ";")


def read_csv(data: bytes, header_score: Callable[[Sequence[str]], int]) -> list[Sheet]:
    """The file as one sheet, split by the separator under which `header_score` finds the
    best header row among the first rows (ties go to the comma)."""
    text = decode(data)
    best: tuple[int, str] | None = None
    for delimiter in DELIMITERS:
        try:
            head = list(_csv_rows(text, delimiter, limit=40))
        except csv.Error:
            continue
        score = max((header_score(cells) for _, cells in head), default=0)
        if best is None or score > best[0]:
            best = (score, delimiter)
    if best is None:
        raise ImportRejected([problem("bad_csv", reason="无法分列")])
    try:
        return [_collect(_csv_rows(text, best[1]), None)]
    except csv.Error as exc:
        raise ImportRejected([problem("bad_csv", reason=str(exc))]) from None


def _csv_rows(text: str, delimiter: str, limit: int | None = None):
    # Numbered by record, not by physical line: Excel shows a quoted cell with a line
    # break as one row, and so must the problems.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    for number, cells in enumerate(reader, start=1):
        if limit is not None and number > limit:
            return
        yield number, cells


# --- either ------------------------------------------------------------------------------

def read_sheets(path: str | Path, header_score: Callable[[Sequence[str]], int]) -> tuple[str, list[Sheet]]:
    """("xlsx" or "csv", the sheets) of the file at `path`; `ImportRejected` if it is empty,
    unreadable or no spreadsheet at all."""
    data = read_bytes(path)
    if not data.strip():
        raise ImportRejected([problem("empty_file")])
    if data.startswith(ZIP_MAGIC):
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise ImportRejected([problem("bad_xlsx")])
        return "xlsx", read_xlsx(data)
    if data.startswith(OLE_MAGIC):
        raise ImportRejected([problem("old_xls")])
    if Path(path).suffix.lower() in (".xlsx", ".xlsm"):
        raise ImportRejected([problem("bad_xlsx")])
    return "csv", read_csv(data, header_score)
