"""Reading PDFs back in tests with poppler's tools (pdfinfo, pdftotext, pdffonts).

These are what a person would use to check a file, so the tests see what a reader sees:
the page count and sizes, the text (extractable, so the PDF is searchable and was not
drawn as pictures), and whether every font is embedded (else Chinese shows as boxes on a
phone without the font).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def page_count(path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(path)), re.M).group(1))


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """(width, height) in points of every page, rotation applied."""
    n = page_count(path)
    out = _run("pdfinfo", "-f", "1", "-l", str(n), str(path))
    sizes = [(float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out, re.M)]
    rotations = [int(r) for r in re.findall(r"^Page\s+\d+ rot:\s+(\d+)", out, re.M)]
    return [(h, w) if rot % 180 else (w, h) for (w, h), rot in zip(sizes, rotations)]


def text(path: Path, page: int | None = None, layout: bool = False) -> str:
    """The text of the whole file or of one page (1-based)."""
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return _run(*args, str(path), "-")


def fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded?) for every font the file uses."""
    lines = _run("pdffonts", str(path)).splitlines()[2:]
    out = []
    for line in lines:
        # name type encoding emb sub uni object ID; the type may hold spaces ("CID TrueType"),
        # so count the yes/no columns from the right.
        parts = line.split()
        out.append((parts[0], parts[-5] == "yes"))
    return out


A4_LANDSCAPE = (842.0, 595.0)
A4_PORTRAIT = (595.0, 842.0)


def is_a4(size: tuple[float, float], landscape: bool) -> bool:
    want = A4_LANDSCAPE if landscape else A4_PORTRAIT
    return abs(size[0] - want[0]) <= 1 and abs(size[1] - want[1]) <= 1
