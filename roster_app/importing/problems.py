"""What can be wrong with an imported list, in the clerk's words: `ImportProblem`, `ImportRejected`.

A problem names where it is as the clerk sees it in Excel or WPS — the row number (the
header is the row it is on, 1 in the template) and the column, both its letter and its
header — and what is wrong, in Chinese (`text`, translatable, context "ImportProblems")
and in English (`message`, for logs and exceptions). Errors stop the import; warnings
(a name already in the register, a person with no time marked …) are shown in the
preview and do not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# code -> (Chinese source string for Qt's translation, English message). The Chinese
# literals sit inside QT_TRANSLATE_NOOP so lupdate collects them.
_TEXTS: dict[str, tuple[str, str]] = {
    # --- the file as a whole ---
    "cannot_open": (QT_TRANSLATE_NOOP("ImportProblems", "无法打开文件：{reason}"),
                    "cannot open the file: {reason}"),
    "file_busy": (QT_TRANSLATE_NOOP("ImportProblems", "文件正被其他程序占用，请在 Excel/WPS 中保存并关闭后再试。"),
                  "the file is in use by another program; save and close it, then retry"),
    "empty_file": (QT_TRANSLATE_NOOP("ImportProblems", "文件是空的。"), "the file is empty"),
    "too_big": (QT_TRANSLATE_NOOP("ImportProblems", "文件太大（{size} MB），不像是一份志愿者名单。"),
                "the file is too large ({size} MB) for a list of volunteers"),
    "old_xls": (QT_TRANSLATE_NOOP("ImportProblems",
                                  "这是旧版 Excel（.xls）或 WPS（.et）格式：请在 Excel/WPS 中“另存为” .xlsx 或 .csv 后再导入。"),
                "an old .xls/.et workbook: save it as .xlsx or .csv first"),
    "bad_xlsx": (QT_TRANSLATE_NOOP("ImportProblems", "文件已损坏，或不是 Excel 表格（.xlsx），无法读取。"),
                 "the file is damaged or not an .xlsx workbook"),
    "not_text": (QT_TRANSLATE_NOOP("ImportProblems", "这不是表格文件：既不是 Excel（.xlsx），也不是 CSV 文本。"),
                 "not a spreadsheet: neither .xlsx nor CSV text"),
    "bad_encoding": (QT_TRANSLATE_NOOP("ImportProblems", "无法识别文件的文字编码（支持 UTF-8 和 GB18030/GBK）。"),
                     "unknown text encoding (UTF-8 and GB18030/GBK are read)"),
    "bad_csv": (QT_TRANSLATE_NOOP("ImportProblems", "CSV 文件格式有误，无法读取：{reason}"),
                "malformed CSV: {reason}"),
    "no_header": (QT_TRANSLATE_NOOP("ImportProblems",
                                    "找不到表头：表格中应有一行列名，至少有“姓名”和“类别”（可点“下载模板”获取模板）。"),
                  "no header row with at least 姓名 (name) and 类别 (kind) was found"),
    "missing_column": (QT_TRANSLATE_NOOP("ImportProblems", "缺少“{column}”列。"), "the column {column} is missing"),
    "duplicate_column": (QT_TRANSLATE_NOOP("ImportProblems", "“{column}”列出现了两次（{first} 列和 {second} 列）。"),
                         "the column {column} appears twice ({first} and {second})"),
    "no_rows": (QT_TRANSLATE_NOOP("ImportProblems", "表头下面没有任何志愿者。"), "no volunteer below the header"),
    "too_many_rows": (QT_TRANSLATE_NOOP("ImportProblems", "行数太多（超过 {limit} 行），请分成几个文件导入。"),
                      "more than {limit} rows; split the file"),
    "unknown_column": (QT_TRANSLATE_NOOP("ImportProblems", "不认识“{column}”列，已忽略。"),
                       "unknown column {column}, ignored"),
    "register_changed": (QT_TRANSLATE_NOOP("ImportProblems",
                                           "读取文件之后名册有了变动（可能在别的窗口修改过），没有导入。请点“重新读取”。"),
                         "the register changed after the file was read; nothing was imported, read it again"),
    "database_error": (QT_TRANSLATE_NOOP("ImportProblems", "保存失败，没有导入任何人：{reason}"),
                       "saving failed, nobody was imported: {reason}"),
    # --- one row ---
    "name_required": (QT_TRANSLATE_NOOP("ImportProblems", "姓名为空。"), "the name is empty"),
    "too_long": (QT_TRANSLATE_NOOP("ImportProblems", "太长了（最多 {limit} 个字）。"),
                 "longer than {limit} characters"),
    "phone_format": (QT_TRANSLATE_NOOP("ImportProblems", "“{value}”不是 11 位手机号（1 开头，第二位是 3–9），也可以不填。"),
                     "{value!r} is not an 11-digit mobile number (1[3-9]xxxxxxxxx)"),
    "kind_required": (QT_TRANSLATE_NOOP("ImportProblems", "类别为空，请填写：{choices}。"),
                      "the kind is empty; one of: {choices}"),
    "unknown_kind": (QT_TRANSLATE_NOOP("ImportProblems", "没有“{value}”这个类别，可填：{choices}。"),
                     "unknown kind {value!r}; one of: {choices}"),
    "hours_format": (QT_TRANSLATE_NOOP("ImportProblems", "“{value}”不是数字，请填小时数，如 8。"),
                     "{value!r} is not a number of hours"),
    "hours_range": (QT_TRANSLATE_NOOP("ImportProblems", "每周时长上限应在 0 到 {limit} 小时之间，这里是 {value}。"),
                    "the weekly cap must be between 0 and {limit} hours, not {value}"),
    "bool_format": (QT_TRANSLATE_NOOP("ImportProblems", "“{value}”看不懂，请填“是”或“否”。"),
                    "{value!r} is neither yes (是) nor no (否)"),
    "unknown_slot": (QT_TRANSLATE_NOOP("ImportProblems",
                                       "没有“{value}”这个时段。本社区的时段：{choices}；多个用“、”分隔，“全天”表示所有时段。"),
                     "unknown slot {value!r}; the slots are: {choices}"),
    "duplicate_row": (QT_TRANSLATE_NOOP("ImportProblems", "与第 {other} 行重复（姓名和手机号都相同）。"),
                      "the same person as row {other} (same name and phone)"),
    "duplicate_row_no_phone": (QT_TRANSLATE_NOOP("ImportProblems",
                                                 "与第 {other} 行同名，其中一行没填手机号，分不清是不是同一个人：请填写手机号。"),
                               "the same name as row {other} and one of them has no phone: add the phone"),
    "same_person": (QT_TRANSLATE_NOOP("ImportProblems", "与第 {other} 行对应名册中的同一个人 {name}（编号 {code}）。"),
                    "row {other} is the same person of the register, {name} ({code})"),
    "ambiguous_person": (QT_TRANSLATE_NOOP("ImportProblems",
                                           "名册中已有同名的 {name}（{who}），分不清是不是同一个人：请填写手机号——"
                                           "与名册中的相同则更新此人，不同则作为新人添加。"),
                         "the register has {name} ({who}) already; add the phone to tell whether it is the same person"),
    "other": (QT_TRANSLATE_NOOP("ImportProblems", "{message}"), "{message}"),
    # --- warnings of one row ---
    "duplicate_name": (QT_TRANSLATE_NOOP("ImportProblems",
                                         "名册里已有同名的 {name}（{where}编号 {other}），手机号不同，将作为新人添加。"),
                       "{name} ({other}) is in the register with another phone; added as a new person"),
    "duplicate_phone": (QT_TRANSLATE_NOOP("ImportProblems", "名册里的 {name}（编号 {other}）登记了同一个手机号。"),
                        "{name} ({other}) has the same phone number"),
    "file_same_name": (QT_TRANSLATE_NOOP("ImportProblems", "与第 {other} 行同名（手机号不同），将作为两个人导入。"),
                       "the same name as row {other} with another phone: two people"),
    "file_same_phone": (QT_TRANSLATE_NOOP("ImportProblems", "与第 {other} 行的手机号相同。"),
                        "the same phone as row {other}"),
    "no_availability": (QT_TRANSLATE_NOOP("ImportProblems", "没有填任何可值班时段，排班时不会排到此人。"),
                        "no slot in the week: the person will never be rostered"),
    "new_skill": (QT_TRANSLATE_NOOP("ImportProblems", "“{value}”是名册中还没有的技能，将照原样记下。"),
                  "{value!r} is a skill nobody has yet; recorded as written"),
    "reactivated": (QT_TRANSLATE_NOOP("ImportProblems", "此人在名册中已停用，导入后恢复启用。"),
                    "the person was deactivated and is reactivated"),
}


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong with the file or one of its rows.

    Attributes:
        line: the row number as Excel/WPS shows it (the header's own row, 1 in the
            template); None for the file as a whole.
        column: the column's header as written in the file (or the expected header for
            a missing column); "" when the problem is the whole row or file.
        letter: the column's letter ("C"); "" when there is no single column.
        code: what is wrong, stable ("phone_format" …), a key of the texts above.
        params: the values the wording needs.
        warning: True if it does not stop the import.
    """

    line: int | None
    column: str
    letter: str
    code: str
    params: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    warning: bool = False

    @property
    def text(self) -> str:
        """The problem in the interface language (Chinese by default)."""
        source, _ = _TEXTS.get(self.code, _TEXTS["other"])
        return _fill(QCoreApplication.translate("ImportProblems", source), self.params)

    @property
    def message(self) -> str:
        """The problem in English, for logs."""
        _, english = _TEXTS.get(self.code, _TEXTS["other"])
        return _fill(english, self.params)

    @property
    def place(self) -> str:
        """Where, in the clerk's words: "第 5 行 C 列（手机号）"."""
        parts = []
        if self.line is not None:
            parts.append(QCoreApplication.translate("ImportProblems", "第 {line} 行").format(line=self.line))
        if self.letter:
            parts.append(QCoreApplication.translate("ImportProblems", "{letter} 列（{column}）")
                         .format(letter=self.letter, column=self.column))
        elif self.column:
            parts.append(QCoreApplication.translate("ImportProblems", "“{column}”列").format(column=self.column))
        return " ".join(parts)

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else "file"
        if self.column:
            where += f", column {self.letter or ''} {self.column}".rstrip()
        return f"{where}: {self.message}"


def _fill(template: str, params: Mapping[str, str]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation that names a parameter we do not have must not hide the problem.
        return template


def problem(code: str, line: int | None = None, heading: str = "", letter: str = "", *,
            warning: bool = False, **params: object) -> ImportProblem:
    """An `ImportProblem` at (`line`, the column `letter` headed `heading`) with its
    params turned into text."""
    if code not in _TEXTS:
        raise ValueError(f"unknown import problem code {code!r}")
    return ImportProblem(line, heading, letter, code, {k: str(v) for k, v in params.items()}, warning)


class ImportRejected(Exception):
    """The file cannot be imported; nothing was written. `problems` lists every error
    found (all bad rows, not just the first), in the order of the file."""

    def __init__(self, problems: Iterable[ImportProblem]):
        self.problems = tuple(problems)
        shown = "\n".join(f"  - {p}" for p in self.problems[:20])
        more = f"\n  … and {len(self.problems) - 20} more" if len(self.problems) > 20 else ""
        super().__init__(f"The list was not imported ({len(self.problems)} problems):\n{shown}{more}")

    @property
    def file_level(self) -> bool:
        """True when the file itself could not be read (no row was looked at)."""
        return all(p.line is None for p in self.problems)
