"""Hand edits of a week's roster as undoable commands (QUndoCommand) on the week's QUndoStack.

Every edit the clerk makes in the grid — put a volunteer at a post, move someone, swap two
people, remove someone, pin (锁定) or unpin — and every whole new roster (自动排班's answer,
last week copied) is one command. A command holds the week's roster before and after the
edit as plain `Roster`s, worked out once when it is made (`WeekData.derive`: shortages,
shortfalls and terms recomputed). `redo` and `undo` hand one of them to a `RosterSink`,
which saves it through the store in one transaction and shows it; the commands never touch
a widget (cf. orange-canvas-core's `document/commands.py`).

If saving fails (a database error, the week published meanwhile) the sink raises; the
command reports it through `on_error` and the window resets the stack, since what it holds
no longer matches the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Callable, NamedTuple, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from roster_app.gui.roster_model import describe_post
from roster_app.gui.week_data import WeekData
from solver.scenario import Assignment, Post, Roster

class WeekKey(NamedTuple):
    """Which week of which community a command edits."""

    community_id: int
    week_start: dt.date


class RosterSink(Protocol):
    """Saves a week's roster (None: the week unscheduled) and shows it if it is shown."""

    def apply_roster(self, key: WeekKey, roster: Roster | None, message: str) -> None: ...


def _tr(text: str) -> str:
    return QCoreApplication.translate("EditCommands", text)


def _name(week: WeekData, volunteer: str) -> str:
    return week.volunteer_names.get(volunteer, volunteer)


def _at(volunteer: str, post: Post, pinned: bool = False) -> Assignment:
    return Assignment(volunteer, post.gate, post.date, post.slot, pinned)


class EditError(ValueError):
    """An edit that makes no sense on the shown roster (the person is not there, …)."""


class RosterCommand(QUndoCommand):
    """Replace the week's roster `before` with `after` (redo) and back (undo).

    Attributes: key (`WeekKey`), before, after (`Roster` or None), message (what the
    status bar says after redo; undo and redo prefix it).
    """

    def __init__(self, sink: RosterSink, key: WeekKey, before: Roster | None, after: Roster | None,
                 text: str, on_error: Callable[[Exception], None] | None = None):
        super().__init__(text)
        self.sink = sink
        self.key = key
        self.before = before
        self.after = after
        self.message = text
        self._on_error = on_error
        self._done_once = False

    def redo(self) -> None:
        prefix = _tr("重做：") if self._done_once else ""
        self._done_once = True
        self._apply(self.before, self.after, prefix + self.message)

    def undo(self) -> None:
        self._apply(self.after, self.before, _tr("撤销：") + self.message)

    def _apply(self, start: Roster | None, roster: Roster | None, message: str) -> None:
        try:
            self.sink.apply_roster(self.key, roster, message)
        except Exception as exc:  # reported, not raised: Qt calls us from its event loop
            self.setObsolete(True)
            if self._on_error is not None:
                # With the change that failed, so it can be merged into what is saved now.
                self._on_error(exc, FailedChange(start, roster, message))
            else:
                raise


class FailedChange(NamedTuple):
    """A change of a week's roster that could not be saved: from `start` to `end`."""

    start: Roster | None
    end: Roster | None
    message: str

    def merged_into(self, theirs: tuple[Assignment, ...]) -> tuple[Assignment, ...]:
        """`theirs` with this change made on top: what it added (or re-pinned) added, what
        it removed removed; their own changes stay (a three-way merge by post and person)."""
        def keyed(roster: Roster | None) -> dict:
            return {(a.volunteer, a.post): a for a in (roster.assignments if roster is not None else ())}

        base, mine, out = keyed(self.start), keyed(self.end), {(a.volunteer, a.post): a for a in theirs}
        for key in base.keys() - mine.keys():
            out.pop(key, None)
        for key, a in mine.items():
            if key not in base or base[key].pinned != a.pinned:
                out[key] = a
        return tuple(out.values())


class EditCommand(RosterCommand):
    """A change of the shown week's assignments; subclasses say which."""

    def __init__(self, sink: RosterSink, key: WeekKey, week: WeekData,
                 assignments: tuple[Assignment, ...], text: str, on_error=None):
        super().__init__(sink, key, week.roster, week.derive(assignments), text, on_error)


def _require(week: WeekData, volunteer: str, post: Post) -> Assignment:
    for a in week.assignments:
        if a.volunteer == volunteer and a.post == post:
            return a
    raise EditError(f"{volunteer} is not at {post}")


class AssignCommand(EditCommand):
    """Put a volunteer at a post (安排)."""

    def __init__(self, sink, key, week: WeekData, volunteer: str, post: Post, on_error=None):
        if any(a.volunteer == volunteer and a.post == post for a in week.assignments):
            raise EditError(f"{volunteer} is already at {post}")
        text = _tr("安排 {name} 到 {post}").format(name=_name(week, volunteer), post=describe_post(week, post))
        super().__init__(sink, key, week, tuple(week.assignments) + (_at(volunteer, post),), text, on_error)


class RemoveCommand(EditCommand):
    """Take a volunteer off a post (移除)."""

    def __init__(self, sink, key, week: WeekData, volunteer: str, post: Post, on_error=None):
        gone = _require(week, volunteer, post)
        text = _tr("从 {post} 移除 {name}").format(name=_name(week, volunteer), post=describe_post(week, post))
        super().__init__(sink, key, week, tuple(a for a in week.assignments if a != gone), text, on_error)


class MoveCommand(EditCommand):
    """Move a volunteer from one post to another (a pin moves with them)."""

    def __init__(self, sink, key, week: WeekData, volunteer: str, source: Post, target: Post, on_error=None):
        moved = _require(week, volunteer, source)
        if any(a.volunteer == volunteer and a.post == target for a in week.assignments):
            raise EditError(f"{volunteer} is already at {target}")
        text = _tr("把 {name} 从 {source} 调到 {target}").format(
            name=_name(week, volunteer), source=describe_post(week, source), target=describe_post(week, target))
        assignments = tuple(_at(volunteer, target, moved.pinned) if a == moved else a for a in week.assignments)
        super().__init__(sink, key, week, assignments, text, on_error)


class SwapCommand(EditCommand):
    """Two people trade posts (对调); each keeps their own pin."""

    def __init__(self, sink, key, week: WeekData, first: tuple[str, Post], second: tuple[str, Post],
                 on_error=None):
        (va, pa), (vb, pb) = first, second
        a, b = _require(week, va, pa), _require(week, vb, pb)
        if va == vb or pa == pb:
            raise EditError("a swap needs two people at two posts")
        taken = {(x.volunteer, x.post) for x in week.assignments}
        if (va, pb) in taken or (vb, pa) in taken:
            raise EditError("one of them already stands at the other's post")
        text = _tr("对调 {a}（{pa}）和 {b}（{pb}）").format(
            a=_name(week, va), pa=describe_post(week, pa), b=_name(week, vb), pb=describe_post(week, pb))
        swapped = {a: _at(va, pb, a.pinned), b: _at(vb, pa, b.pinned)}
        super().__init__(sink, key, week, tuple(swapped.get(x, x) for x in week.assignments), text, on_error)


class PinCommand(EditCommand):
    """Pin (锁定) or unpin an assignment: 自动排班 keeps pinned people where they are."""

    def __init__(self, sink, key, week: WeekData, volunteer: str, post: Post, pinned: bool, on_error=None):
        current = _require(week, volunteer, post)
        if current.pinned == pinned:
            raise EditError("nothing to change")
        template = _tr("锁定 {name}（{post}）") if pinned else _tr("取消锁定 {name}（{post}）")
        text = template.format(name=_name(week, volunteer), post=describe_post(week, post))
        assignments = tuple(replace(a, pinned=pinned) if a == current else a for a in week.assignments)
        super().__init__(sink, key, week, assignments, text, on_error)


class ReplaceRosterCommand(RosterCommand):
    """A whole new roster for the week: 自动排班's answer, or last week copied."""

    def __init__(self, sink, key, week: WeekData, roster: Roster, text: str, on_error=None):
        super().__init__(sink, key, week.roster, roster, text, on_error)
