"""The GUI's kind colours and labels stay in step with roster_app.kinds."""

from roster_app.gui.kinds import KIND_STYLES, kind_style
from roster_app.kinds import KIND_LABELS


def test_every_kind_has_a_style_with_the_same_label_and_order(qapp):
    assert [s.code for s in KIND_STYLES] == list(KIND_LABELS)
    assert [s.label for s in KIND_STYLES] == list(KIND_LABELS.values())
    assert len({s.colour for s in KIND_STYLES}) == len(KIND_STYLES)


def test_unknown_kind_is_grey(qapp):
    assert kind_style("astronaut").label == "其他"
    assert kind_style(None).colour == "#607d8b"
