"""Screenshot of the main window as a clerk sees it, for docs/screenshot-main.png.

Starts the real app (real font choice, real store, real solver) on a temporary database
with the demo community, presses 自动排班, waits for the answer and saves the window as a
PNG. Run it under Xvfb so the window is a real X11 window:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot.py docs/screenshot-main.png

Options: --width/--height of the window (default 1500×920), --time-limit of the solve,
--today YYYY-MM-DD to show another week (default: today).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from roster_app.fonts import apply_app_font  # noqa: E402
from roster_app.gui.app import open_store  # noqa: E402
from roster_app.gui.main_window import MainWindow  # noqa: E402
from solver.model import SolveOptions, solve_with_stats  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=1500)
    parser.add_argument("--height", type=int, default=920)
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    args = parser.parse_args(argv)

    app = QApplication([sys.argv[0]])
    family = apply_app_font(app)
    print(f"font: {family}, platform: {app.platformName()}")

    with tempfile.TemporaryDirectory() as tmp:
        today = args.today or dt.date.today()
        store = open_store(f"sqlite:///{Path(tmp) / 'screenshot.db'}")
        window = MainWindow(
            store, solve=solve_with_stats, solve_options=SolveOptions(time_limit_s=args.time_limit), today=lambda: today
        )
        window.resize(args.width, args.height)
        window.show()

        def grab(_roster=None) -> None:
            # Let the last repaint (grid rows resized to the chips) happen first.
            QTimer.singleShot(300, lambda: (window.grab().save(str(args.out)), app.quit()))

        window.solve_finished.connect(grab)
        QTimer.singleShot(300, window.start_solve)
        QTimer.singleShot(int(args.time_limit * 1000) + 60_000, app.quit)  # never hang
        app.exec()
        status = window.statusBar().currentMessage()
        window.close()
        store.db.close()
    print(f"status: {status}")
    if not args.out.exists():
        print("no screenshot written", file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
