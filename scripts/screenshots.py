"""Screenshots of the main views, for docs/screenshots/*.png (and the README).

Starts the real app (font, store, solver) on a temporary database with the demo community
(玉带路社区), presses 自动排班 and waits for the answer, then saves, one after another:

- roster-week.png: the week's roster (排班表) as the clerk sees it;
- volunteers.png: the volunteer register (数据 → 志愿者名册);
- volunteer-rules.png: a volunteer's own limits and wishes (the dialog's tab 个人规则);
- setup-<tab>.png: the community set-up dialog (数据 → 社区设置), each tab;
- repair.png: the repair proposal after a volunteer drops out (请假/退出), solved for real;
- reports.png: the service statistics (统计 → 服务统计);
- roster-week-en.png: the same window in English (设置 → 语言), if
  resources/translations/gateroster_en.qm exists (the set-up builds it).

Run it under Xvfb so the windows are real X11 windows:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots.py

Options: the output directory (default docs/screenshots), --today YYYY-MM-DD (default
2026-11-25, a Wednesday of the demo's fixed week, so the pictures do not change with the
date), --time-limit of each solve (deterministic: the same pictures on every run, as far as
the solver's work units go). Settings go to a temporary directory, never the user's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from roster_app.fonts import apply_app_font  # noqa: E402
from roster_app.i18n import Translators, qm_file  # noqa: E402

SETUP_TABS = ("gates", "slots", "demand", "rules", "sequences", "calendar")
"""社区设置's tabs in their order; a tab added to the dialog must be named here (checked)."""


def wait_until(app: QApplication, done: Callable[[], bool], seconds: float, what: str) -> None:
    """Run the event loop until `done()` (the solver's answers arrive as queued signals)."""
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting for {what}")
        app.processEvents()
        time.sleep(0.02)


def settle(app: QApplication, seconds: float = 0.4) -> None:
    """Let layouts, deferred row fitting and repaints happen before a grab."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def save(app: QApplication, widget: QWidget, path: Path) -> None:
    settle(app)
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} "
          f"({widget.width()}×{widget.height()})")


def publish_earlier_weeks(store, community_id: int, monday: dt.date, assignments, weeks: int) -> None:
    """The `weeks` weeks before `monday` rostered as this one (dates moved) and published."""
    from roster_app.gui.week_data import derive_roster

    for back in range(weeks, 0, -1):
        start = monday - dt.timedelta(days=7 * back)
        shift = dt.timedelta(days=7 * back)
        moved = tuple(replace(a, date=a.date - shift, pinned=False) for a in assignments)
        scenario = store.week_scenario(community_id, start)
        store.save_roster(community_id, start, derive_roster(scenario, moved, None))
        store.publish_week(community_id, start)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", default=ROOT / "docs" / "screenshots")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 11, 25))
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--width", type=int, default=1500)
    parser.add_argument("--height", type=int, default=920)
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="gateroster-screenshots-") as tmp:
        # The windows remember layouts and the language: in a throwaway place, not the user's.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(QSettings.Format.IniFormat, scope, tmp)
        app = QApplication([sys.argv[0]])
        app.setOrganizationName("GateRoster")
        app.setApplicationName("GateRoster")
        family = apply_app_font(app)
        print(f"font: {family}, platform: {app.platformName()}")
        translators = Translators()  # Chinese, as the app starts

        from roster_app.gui.main_window import MainWindow
        from roster_app.persistence.database import Database
        from roster_app.persistence.store import RosterStore
        from solver.model import SolveOptions, solve_with_stats
        from solver.workdays import monday_of

        today = args.today
        store = RosterStore(Database(f"sqlite:///{Path(tmp) / 'screenshots.db'}", backup_days=0))
        store.load_demo(monday_of(today))  # as the first start does, for the chosen week
        window = MainWindow(store, solve=solve_with_stats, solve_options=SolveOptions(time_limit_s=args.time_limit, deterministic=True),
                            today=lambda: today, translators=translators)
        try:
            window.resize(args.width, args.height)
            window.show()
            settle(app)

            # The week solved, as the clerk's first 自动排班 leaves it.
            solved: list = []
            window.solve_finished.connect(solved.append)
            window.start_solve()
            wait_until(app, lambda: bool(solved), args.time_limit + 120, "自动排班")
            print(f"status: {window.statusBar().currentMessage()}")
            save(app, window, out / "roster-week.png")

            # 数据 → 志愿者名册
            manager = window.open_volunteers()
            manager.resize(1280, 760)
            save(app, manager, out / "volunteers.png")
            # A person's own limits (个人规则), on the register's first volunteer.
            first = manager.edits.volunteers(manager.community_id)[0]
            dialog = manager.edit_volunteer(first.code)
            dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
            save(app, dialog, out / "volunteer-rules.png")
            dialog.reject()
            manager.close()

            # 数据 → 社区设置, each tab
            setup = window.open_setup()
            setup.resize(1100, 720)
            if setup.tabs.count() != len(SETUP_TABS):
                raise SystemExit(f"社区设置 has {setup.tabs.count()} tabs, SETUP_TABS names {len(SETUP_TABS)}")
            for index, name in enumerate(SETUP_TABS):
                setup.tabs.setCurrentIndex(index)
                save(app, setup, out / f"setup-{name}.png")
            setup.reject()
            settle(app)

            # 统计 → 服务统计 counts published weeks: the three weeks before, as this one,
            # published (the clerk's last month).
            publish_earlier_weeks(store, window.community.id, window.week_start, window._week.assignments, 3)
            reports = window.open_reports()
            reports.resize(1200, 760)
            save(app, reports, out / "reports.png")
            reports.close()
            settle(app)

            # 请假/退出: the person with most posts in the next two days cannot come then;
            # the repair proposal, accepted.
            days = [today + dt.timedelta(days=1), today + dt.timedelta(days=2)]
            posts = Counter(a.volunteer for a in window._week.assignments if a.date in days)
            leaving = posts.most_common(1)[0][0]
            dialog = window.repair_dropout(leaving, days)
            if dialog is None:
                raise RuntimeError(f"no repair proposed for {leaving} on {days}")
            proposals: list = []
            dialog.solved.connect(proposals.append)
            wait_until(app, lambda: bool(proposals), args.time_limit + 120, "the repair")
            save(app, dialog, out / "repair.png")
            dialog.accept()
            settle(app)
            print(f"status: {window.statusBar().currentMessage()}")

            # 设置 → 语言 → English
            if qm_file("en").exists():
                if window.set_language("en"):
                    save(app, window, out / "roster-week-en.png")
                else:
                    print("English catalogue did not load; no English screenshot", file=sys.stderr)
            else:
                print(f"{qm_file('en')} missing (run scripts/setup.sh); no English screenshot", file=sys.stderr)
        finally:
            window.close()
            store.db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
