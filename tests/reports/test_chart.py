"""The chart of hours per week stacked by kind, painted offscreen."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QImage

from roster_app.gui.kinds import kind_style
from roster_app.reports.chart import chart_image, nice_step
from roster_app.reports.service_hours import BY_KIND, WeekKindHours, build_report, service_period
from tests.reports.conftest import RANGE, published_weeks


@pytest.fixture(autouse=True)
def _qt_running(qapp):
    """Fonts can only be measured with a Q(Gui)Application."""
    yield


def colour_counts(image: QImage, step: int = 2) -> dict[str, int]:
    counts: dict[str, int] = {}
    for x in range(0, image.width(), step):
        for y in range(0, image.height(), step):
            name = image.pixelColor(x, y).name()
            counts[name] = counts.get(name, 0) + 1
    return counts


def test_nice_steps():
    assert [nice_step(t) for t in (0, 4, 12, 26, 80, 240, 1000)] == [1, 1, 5, 10, 20, 50, 200]


def test_bars_in_the_kinds_colours_in_proportion():
    weekly = build_report(service_period(published_weeks(), *RANGE), BY_KIND).weekly
    image = chart_image(weekly, 1200, 600)
    assert (image.width(), image.height()) == (1200, 600)
    counts = colour_counts(image)
    employed = counts.get(kind_style("employed_party").colour, 0)
    nonemployed = counts.get(kind_style("nonemployed_party").colour, 0)
    resident = counts.get(kind_style("resident").colour, 0)
    assert min(employed, nonemployed, resident) > 50
    # 12 h : 8 h : 6 h of bars (the legend's squares add a little to each).
    assert employed > nonemployed > resident
    assert 1.2 < employed / resident < 2.4
    assert counts.get("#ffffff", 0) > 0.5 * sum(counts.values())


def test_an_empty_chart_says_so():
    image = chart_image((), 800, 400)
    counts = colour_counts(image)
    assert counts.get("#ffffff", 0) < sum(counts.values())  # the title and the message are drawn
    assert not any(counts.get(style, 0) for style in (kind_style("employed_party").colour,
                                                      kind_style("resident").colour))


def test_a_year_of_weeks_fits():
    weekly = tuple(WeekKindHours(dt.date(2026, 1, 5) + dt.timedelta(weeks=i),
                                 {"employed_party": 600 + 60 * (i % 7), "cadre": 300})
                   for i in range(52))
    image = chart_image(weekly, 1200, 600)
    counts = colour_counts(image)
    assert counts.get(kind_style("cadre").colour, 0) > 100
    assert counts.get(kind_style("employed_party").colour, 0) > counts[kind_style("cadre").colour]
