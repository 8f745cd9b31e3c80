"""A guard against PySide6 6.12.0's lost references to None on Python 3.11.

Measured here (PySide6-Essentials 6.12.0, CPython 3.11.7): every call of a Qt method that
returns void (`QRect.setWidth`, `QPainter.save`, `QWidget.setText` …) and every
`QModelIndex.data()` that yields None gives back None *without* the reference it owes.
CPython 3.12+ makes None immortal, so there the bug is invisible; on 3.11 None's count
runs down with every such call and the interpreter aborts with "Fatal Python error:
none_dealloc: deallocating None" — at exit after a test run, or in the middle of a
session after a few hundred repaints of the roster grid. PySide6 6.11.3 does not have
the bug; the real fix is to keep 6.12.0 out of the install.

Until then `guard_none_refcount()` detects the bug by measuring it and, only if present,
does what CPython 3.12 does: gives None a reference count so large that it can never run
out. None is never freed in a running interpreter anyway, so this changes nothing else.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

PROBE_CALLS = 64
SPARE_REFERENCES = 1 << 40  # a billion void calls per second would take 12 days to use up

_guarded = False


def void_calls_lose_none() -> bool:
    """Whether Qt's void methods drop a reference to None in this interpreter."""
    from PySide6.QtCore import QRect

    rect = QRect()
    rect.setWidth(1)  # the first call may create caches; measure the ones after it
    before = sys.getrefcount(None)
    for _ in range(PROBE_CALLS):
        rect.setWidth(1)
    return sys.getrefcount(None) <= before - PROBE_CALLS


def guard_none_refcount() -> bool:
    """Protect None against the leak if this PySide6 has it; True if the guard is on."""
    global _guarded
    if _guarded:
        return True
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        # Immortal None (3.12+), or a debug build whose object header differs: leave it.
        return False
    if not void_calls_lose_none():
        return False
    # ob_refcnt is the first field of every object in a release build of CPython 3.11.
    ctypes.c_ssize_t.from_address(id(None)).value += SPARE_REFERENCES
    _guarded = True
    import PySide6

    log.warning(
        "PySide6 %s loses references to None on Python %d.%d; guarded. "
        "Install PySide6-Essentials 6.11 (or a fixed release) to remove this workaround.",
        PySide6.__version__, *sys.version_info[:2],
    )
    return True
