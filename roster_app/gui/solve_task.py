"""Running 自动排班 off the GUI thread.

The solve is a plain function (`solver.model.solve`) with progress and cancel hooks; this
module only carries it to a worker `QThread` and brings the results back by signal, so
the window stays responsive and never touches the database or widgets from another
thread. The snapshot (`Scenario`) is built and the answer saved on the GUI thread; the
worker sees pure data only.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from solver.scenario import Roster, Scenario

log = logging.getLogger(__name__)

SolveFunction = Callable[..., Any]
"""`solve(scenario, options, on_progress=..., stop=...)` returning a `Roster` (as
`solver.model.solve`) or `(Roster, SolveStats)` (as `solver.model.solve_with_stats`)."""


def split_outcome(outcome: Any) -> tuple[Roster, Any]:
    """(roster, stats or None) of what a `SolveFunction` returned, in either form."""
    if isinstance(outcome, tuple):
        roster, stats = outcome
        return roster, stats
    return outcome, None


class SolveTask(QObject):
    """One solve of one scenario, run by `start()` on a worker thread of its own.

    Signals:
        progressed(object): a `solver.model.Progress`, on each improving solution; emitted
            from the solver's own thread and delivered queued to GUI-thread receivers.
        finished(object): what the solve function returned (a `Roster`, or `(Roster,
            SolveStats)`; see `split_outcome`), once the search ends (done, time limit or stop).
        failed(str): the solve raised; the message for the clerk (details in the log).
        done(): after `finished` or `failed`; the thread is over and the task may go.

    Attributes:
        scenario, options: what is solved and how.
        started_at: `time.monotonic()` when the work began (for an elapsed-time display).
    """

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    done = Signal()

    def __init__(self, solve: SolveFunction, scenario: Scenario, options: Any, parent: QObject | None = None):
        super().__init__(parent)
        self._solve = solve
        self.scenario = scenario
        self.options = options
        self._stop = threading.Event()
        self._thread: QThread | None = None
        self.started_at = 0.0

    # --- driven from the GUI thread -----------------------------------------------------

    def start(self) -> None:
        """Run the solve on a new QThread; results arrive through the signals."""
        if self.parent() is not None:
            raise RuntimeError("a SolveTask moves to its worker thread, so it must have no parent")
        self._thread = QThread()
        self._thread.setObjectName("solve")
        self.moveToThread(self._thread)
        self._thread.started.connect(self._run)
        self.started_at = time.monotonic()
        self._thread.start()

    def cancel(self) -> None:
        """Ask the solver to stop soon; it still reports the best roster found so far."""
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Stop and wait for the worker thread (when the window closes mid-solve)."""
        self.cancel()
        if self._thread is None:
            return True
        return self._thread.wait(timeout_ms)

    # --- on the worker thread -----------------------------------------------------------

    @Slot()
    def _run(self) -> None:
        try:
            roster = self._solve(
                self.scenario, self.options, on_progress=self.progressed.emit, stop=self._stop
            )
        except Exception as exc:  # the clerk gets a message, the log gets the traceback
            log.exception("solve failed")
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(roster)
        finally:
            # Hand the task back to the GUI thread, so it is deleted there, then end the
            # worker's event loop. Only the object's own thread may push it away.
            self.moveToThread(QCoreApplication.instance().thread())
            self._thread.quit()
            self.done.emit()
