"""Privacy: the program talks to no one but its database, and keeps its files to the clerk.

Every socket connection is refused during a clerk's whole week — open the database (a
file), load the demo, solve, save, publish, print to PDF, export Excel, the WeChat picture
and the service-hour report — so any attempt to reach the network fails the test. The
files written with phone numbers are checked to hold only masked ones.
"""

from __future__ import annotations

import datetime as dt
import socket
import stat
import subprocess

import pytest

WEEK = dt.date(2026, 11, 23)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list:
    attempts: list = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise OSError(f"test: no network allowed (tried {address!r})")

    def refuse_lookup(host, *args, **kwargs):
        attempts.append(host)
        raise OSError(f"test: no name lookups allowed (tried {host!r})")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse_lookup)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))
    return attempts


def test_a_clerks_week_makes_no_network_connection(qapp, tmp_path, no_network) -> None:
    from roster_app.output import PrintWeek, export_kind_pdf, export_xlsx
    from roster_app.persistence import Database, RosterStore
    from roster_app.reports.service_hours import build_report, fetch_service_period
    from roster_app.reports.export import export_report_xlsx
    from roster_app.reports.wechat_picture import print_week_picture
    from solver.model import SolveOptions, solve

    path = tmp_path / "gateroster.sqlite3"
    with Database(f"sqlite:///{path}") as db:
        store = RosterStore(db)
        community = store.load_demo(WEEK)
        scenario = store.week_scenario(community, WEEK)
        store.save_roster(community, WEEK, solve(scenario, SolveOptions(time_limit_s=2, workers=2)))
        store.publish_week(community, WEEK)
        week = PrintWeek.from_store(store, community, WEEK)
        export_kind_pdf("gates", week, tmp_path / "gates.pdf")
        export_xlsx(week, tmp_path / "week.xlsx")
        assert print_week_picture(week).save(str(tmp_path / "week.png"))
        report = build_report(fetch_service_period(store, community, WEEK, WEEK + dt.timedelta(days=6)), "volunteer")
        export_report_xlsx(report, tmp_path / "report.xlsx")
        phones = [d.phone for d in store.volunteer_details(community).values() if d.phone]
    assert no_network == []
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = subprocess.run(["pdftotext", str(tmp_path / "gates.pdf"), "-"], capture_output=True, text=True).stdout
    assert "****" in text and not any(phone in text for phone in phones)
    from openpyxl import load_workbook

    cells = " ".join(str(c.value) for sheet in load_workbook(tmp_path / "week.xlsx") for row in sheet.iter_rows()
                     for c in row if c.value is not None)
    assert not any(phone in cells for phone in phones)


def test_the_guard_itself_catches_a_connection(no_network) -> None:
    with pytest.raises(OSError, match="no network"):
        socket.create_connection(("example.org", 80))
    assert no_network == [("example.org", 80)]
