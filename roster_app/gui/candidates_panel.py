"""谁能顶岗: for one post, who can stand there without breaking a rule, best first.

The window asks `solver.candidates` for the ranking of the post the clerk picked (context
menu, Ctrl+K, or a short post's problem) and shows it here: each candidate with their
hours and, from the second on, why they rank below the one above, always saying which of
their minimum runs (version 3) the post would leave short, since that breaks a rule a
further edit must mend; then, in grey, everyone who cannot take the post and the rule that
bars them. Double-clicking a candidate, or 安排 with one selected, asks the window to put
them there (an undoable command). The panel follows every edit: the window gives it the
week anew and it ranks the same post again.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from roster_app.gui.kinds import kind_style
from roster_app.gui.roster_model import describe_post
from roster_app.gui.volunteer_model import format_hours
from roster_app.gui.week_data import WeekData
from solver import candidates as c
from solver.scenario import Post

COLUMN_SOURCES = (
    QT_TRANSLATE_NOOP("CandidateListModel", "名次"),
    QT_TRANSLATE_NOOP("CandidateListModel", "姓名"),
    QT_TRANSLATE_NOOP("CandidateListModel", "类别"),
    QT_TRANSLATE_NOOP("CandidateListModel", "时长"),
    QT_TRANSLATE_NOOP("CandidateListModel", "说明"),
)
RANK, NAME, KIND, HOURS, NOTE = range(len(COLUMN_SOURCES))
BLOCKED_FOREGROUND = QColor("#9aa0a6")
BEST_BACKGROUND = QColor("#e3f4e1")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CandidateListModel", text)


BLOCKED_SOURCES = {
    c.CLOSED: QT_TRANSLATE_NOOP("CandidateListModel", "岗位这天不开放"),
    c.UNAVAILABLE_WEEKDAY: QT_TRANSLATE_NOOP("CandidateListModel", "这个时段不可值班"),
    c.UNAVAILABLE_DATE: QT_TRANSLATE_NOOP("CandidateListModel", "这天请假"),
    c.EMPLOYED_RULE: QT_TRANSLATE_NOOP("CandidateListModel", "在职人员，工作日 8 小时内不排班"),
    c.GATE_NOT_ALLOWED: QT_TRANSLATE_NOOP("CandidateListModel", "不在这个门岗值班"),
    c.MINOR_TOO_LATE: QT_TRANSLATE_NOOP("CandidateListModel", "未成年人，不排这么晚的班次"),
    c.BUSY: QT_TRANSLATE_NOOP("CandidateListModel", "同一时间已在 {post}"),
    c.DAY_FULL: QT_TRANSLATE_NOOP("CandidateListModel", "这天已排满 {n} 个班次"),
    c.AT_CAP: QT_TRANSLATE_NOOP("CandidateListModel", "再排就超过本周时长上限 {n} 小时"),
    c.REST: QT_TRANSLATE_NOOP("CandidateListModel", "与 {post} 之间休息时间不足"),
    c.STREAK: QT_TRANSLATE_NOOP("CandidateListModel", "会连续值班超过 {n} 天"),
    c.MINOR_ALONE: QT_TRANSLATE_NOOP("CandidateListModel", "未成年人，须有成年人同岗"),
    c.SLOT_LIMIT: QT_TRANSLATE_NOOP("CandidateListModel", "这个班次已排满本人上限 {n} 次"),
    c.MINUTES_CAP: QT_TRANSLATE_NOOP("CandidateListModel", "再排就超过本期时长上限 {n} 小时"),
    c.WEEKENDS: QT_TRANSLATE_NOOP("CandidateListModel", "已排满本人上限 {n} 个周末"),
    # Said from the other post's side: SEQUENCE's `other` is on the day before or after.
    c.SEQUENCE: QT_TRANSLATE_NOOP("CandidateListModel", "紧接在 {post} 之后，这两个班次不能连排"),
}
# Where the one source above would mislead: a limit of none at all, a person's own run of
# days stricter than the community's, a forbidden sequence with the other post after this one.
SLOT_NEVER = QT_TRANSLATE_NOOP("CandidateListModel", "本人不排这个班次")
WEEKENDS_NEVER = QT_TRANSLATE_NOOP("CandidateListModel", "本人不在周末值班")
OWN_STREAK = QT_TRANSLATE_NOOP("CandidateListModel", "会连续值班超过本人上限 {n} 天")
SEQUENCE_BEFORE = QT_TRANSLATE_NOOP("CandidateListModel", "紧接在 {post} 之前，这两个班次不能连排")
GENERIC_BLOCKED = QT_TRANSLATE_NOOP("CandidateListModel", "按排班规则不能排在这里")


def blocked_text(week: WeekData, blocked: c.Blocked, post: Post) -> str:
    """Why `blocked` cannot take `post` (the ranked post: it tells a forbidden sequence's
    direction), in the clerk's language; hours as the panel shows them elsewhere."""
    reason, n = blocked.reason, blocked.limit
    # A code this panel does not know yet still reads as a sentence, never as the code.
    source = BLOCKED_SOURCES.get(reason, GENERIC_BLOCKED)
    if reason == c.SLOT_LIMIT and n == 0:
        source = SLOT_NEVER
    elif reason == c.WEEKENDS and n == 0:
        source = WEEKENDS_NEVER
    elif reason == c.STREAK and n is not None:
        volunteer = week.instance.volunteers.get(blocked.volunteer)
        community = week.scenario.rules.max_consecutive_days
        own = volunteer.max_consecutive_days if volunteer is not None else None
        if own is not None and own == n and (community is None or own < community):
            source = OWN_STREAK
    elif reason == c.SEQUENCE and blocked.other is not None and blocked.other.date > post.date:
        source = SEQUENCE_BEFORE
    if reason in (c.AT_CAP, c.MINUTES_CAP) and n is not None:
        n = format_hours(round(n / 60, 2))  # the limits are minutes
    elif n is not None:
        n = f"{n:g}"
    other = describe_post(week, blocked.other) if blocked.other is not None else ""
    return _tr(source).format(post=other, n=n)


def minimum_text(week: WeekData, candidate: c.Candidate) -> str:
    """The minimum runs (version 3) that taking the post would leave short, "" for none: a
    hard rule a further edit must mend, so the clerk is told whatever the candidate's rank."""
    if not candidate.breaks_minimum:
        return ""
    volunteer = week.instance.volunteers[candidate.volunteer]
    parts = []
    if candidate.lone_day:
        parts.append(_tr("这天前后都不值班，少于本人要求的连续 {m} 天").format(m=volunteer.min_consecutive_days))
    if candidate.short_days_off is not None:
        parts.append(_tr("排这班后两班之间只休 {n} 天，少于本人要求的 {m} 天").format(
            n=candidate.short_days_off, m=volunteer.min_consecutive_days_off))
    return _tr("；").join(parts)


def best_text(week: WeekData, candidate: c.Candidate) -> str:
    """Why the first candidate is the best: their facts, briefly."""
    parts = []
    if candidate.request == c.ASKED_FOR:
        parts.append(_tr("本人申请了这个班次"))
    elif candidate.request == c.ASKED_OFF:
        parts.append(_tr("本人申请这天这个班次不排"))
    parts.append(
        _tr("这天没有其他班次") if candidate.posts_that_day == 0
        else _tr("这天已有 {n} 个班次").format(n=candidate.posts_that_day))
    if not candidate.rested:
        parts.append(_tr("离前后一天的岗位只隔 {h} 小时").format(h=format_hours(candidate.closest_rest_hours)))
    parts.append(_tr("本周 {h} 小时").format(h=format_hours(candidate.week_hours)))
    if candidate.recent_hours:
        parts.append(_tr("近期 {h} 小时").format(h=format_hours(candidate.recent_hours)))
    if candidate.gate_fit == c.PREFERRED:
        parts.append(_tr("常站这个门岗"))
    text = _tr("最合适：") + _tr("，").join(parts)
    minimum = minimum_text(week, candidate)  # when everyone who can come breaks one
    return text + _tr("；") + minimum if minimum else text


def lower_text(week: WeekData, candidate: c.Candidate) -> str:
    """Why a candidate ranks below the one above, led by any minimum run they would break."""
    d = candidate.why_lower
    if d is None:
        return best_text(week, candidate)
    minimum = minimum_text(week, candidate)
    if d.code == c.SHORT_RUN:
        return minimum  # the runs themselves are why
    reason = _lower_reason(d)
    return minimum + _tr("；") + reason if minimum else reason


def _lower_reason(d: c.Drawback) -> str:
    if d.code == c.REQUEST:
        return _tr("本人申请这天这个班次不排") if d.mine == c.ASKED_OFF else _tr("没有申请这个班次（上一位申请了）")
    if d.code == c.BUSIER_DAY:
        return _tr("这天已有 {n} 个班次（上一位 {m} 个）").format(n=int(d.mine), m=int(d.above))
    if d.code == c.LESS_RESTED:
        return _tr("离前后一天的岗位只隔 {h} 小时，休息不如上一位").format(h=format_hours(d.mine))
    if d.code == c.MORE_HOURS:
        return _tr("本周和近期共 {h} 小时，比上一位多 {more} 小时").format(
            h=format_hours(round(d.mine, 2)), more=format_hours(round(d.mine - d.above, 2)))
    if d.code == c.GATE_FIT:
        return _tr("常站其他门岗") if d.mine == c.NOT_PREFERRED else _tr("没有填常站门岗（上一位常站这里）")
    if d.code == c.SLOT_FIT:
        return _tr("偏好其他时段") if d.mine == c.NOT_PREFERRED else _tr("没有填偏好时段（上一位偏好这个时段）")
    return _tr("条件与上一位相同")


class CandidateListModel(QAbstractTableModel):
    """Table model of one post's ranking: candidates (best first), then the blocked.

    Custom roles: `VolunteerIdRole` (str), `AssignableRole` (True for a candidate).
    Signals: only QAbstractTableModel's own; `set_ranking` resets the model.
    """

    VolunteerIdRole = Qt.ItemDataRole.UserRole + 1
    AssignableRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self._week: WeekData | None = None
        self._rows: list[c.Candidate | c.Blocked] = []
        self.ranking: c.Ranking | None = None

    def set_ranking(self, week: WeekData | None, ranking: c.Ranking | None) -> None:
        self.beginResetModel()
        self._week = week
        self.ranking = ranking
        self._rows = [] if ranking is None or week is None else [*ranking.candidates, *ranking.blocked]
        self.endResetModel()

    def candidate_count(self) -> int:
        return len(self.ranking.candidates) if self.ranking is not None else 0

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMN_SOURCES)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._week is None:
            return None
        week = self._week
        row = self._rows[index.row()]
        candidate = isinstance(row, c.Candidate)
        column = index.column()
        vid = row.volunteer
        if role == Qt.ItemDataRole.DisplayRole:
            if column == RANK:
                return str(index.row() + 1) if candidate else "—"
            if column == NAME:
                return week.volunteer_names.get(vid, vid)
            if column == KIND:
                return kind_style(week.kinds.get(vid)).label
            if column == HOURS:
                hours = week.hours_of.get(vid, 0.0)
                recent = row.recent_hours if candidate else 0
                return format_hours(hours) + (f" + {format_hours(recent)}" if recent else "")
            if column == NOTE:
                return lower_text(week, row) if candidate else blocked_text(week, row, self.ranking.post)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == HOURS:
                return _tr("本周已排小时（+ 之前已发布几周的小时）")
            return self.data(index.siblingAtColumn(NOTE), Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ForegroundRole and not candidate:
            return BLOCKED_FOREGROUND
        if role == Qt.ItemDataRole.BackgroundRole and candidate and index.row() == 0:
            return BEST_BACKGROUND
        if role == Qt.ItemDataRole.DecorationRole and column == KIND:
            return kind_style(week.kinds.get(vid)).qcolour
        if role == self.VolunteerIdRole:
            return vid
        if role == self.AssignableRole:
            return candidate
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMN_SOURCES):
            return self.tr(COLUMN_SOURCES[section])
        return None


class CandidatesPanel(QWidget):
    """The 谁能顶岗 section: the post, its ranking, and 安排.

    Signals:
        assign_requested(str, object): put this volunteer (id) at this post.

    Attributes: model (`CandidateListModel`), view, title_label, assign_button, post.
    """

    assign_requested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.post: Post | None = None
        self._week: WeekData | None = None
        self._editable = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        self.model = CandidateListModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("candidateList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)  # the reasons are sentences; rows grow to show them
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.view.horizontalHeader()
        for column in (RANK, NAME, KIND, HOURS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self._assign_index)
        self.view.selectionModel().selectionChanged.connect(self._update_button)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.assign_button = QPushButton(self.tr("安排到这个岗位"), self)
        self.assign_button.clicked.connect(self._assign_selected)
        buttons.addWidget(self.assign_button)
        layout.addLayout(buttons)
        self.show_post(None, None)

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self._update_button()

    def show_post(self, week: WeekData | None, post: Post | None) -> None:
        """Rank the volunteers for `post` in `week` (None: nothing to show)."""
        self._week, self.post = week, post
        if week is None or post is None:
            self.model.set_ranking(None, None)
            self.title_label.setText(self.tr("在表中右击一个岗位，选“谁能顶这个岗？”，这里列出能来的人，最合适的在前。"))
            self._update_button()
            return
        ranking = c.CurrentRoster(week.scenario, week.assignments, week.instance).rank(post)
        self.model.set_ranking(week, ranking)
        title = self.tr("<b>{post}</b>　已排 {present} / 最多 {max} 人，能来 {n} 人").format(
            post=describe_post(week, post), present=ranking.present, max=ranking.maximum,
            n=len(ranking.candidates))
        if ranking.maximum and ranking.room <= 0:
            title += self.tr("<br><span style='color:#a11b1b'>岗位已满：先移除一人，再安排。</span>")
        self.title_label.setText(title)
        if ranking.candidates:
            self.view.selectRow(0)
        self._update_button()

    def refresh(self, week: WeekData | None) -> None:
        """The week changed (an edit): rank the same post again."""
        if self.post is not None and week is not None and self.post in week.staffing:
            self.show_post(week, self.post)
        else:
            self.show_post(None, None)

    def selected_volunteer(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows or not self.model.data(rows[0], CandidateListModel.AssignableRole):
            return None
        return self.model.data(rows[0], CandidateListModel.VolunteerIdRole)

    def _update_button(self, *args) -> None:
        self.assign_button.setEnabled(self._editable and self.selected_volunteer() is not None)

    def _assign_selected(self) -> None:
        volunteer = self.selected_volunteer()
        if volunteer is not None and self.post is not None and self._editable:
            self.assign_requested.emit(volunteer, self.post)

    def _assign_index(self, index: QModelIndex) -> None:
        if not self._editable or not self.model.data(index, CandidateListModel.AssignableRole):
            return
        self.assign_requested.emit(self.model.data(index, CandidateListModel.VolunteerIdRole), self.post)
