"""Progress files of the task ledger: one report a row of a CSV, TSV or .xlsx table.

Columns (English or the Chinese of a 台账): task (任务, by id or name), milestone (节点), date
(日期), status (状态: 未启动 / 推进中 / 已完成 / 已取消), percent (完成比例), note (备注),
reporter (报送单位). Rows are kept in the order given, files after one another: a later row
about the same task or milestone updates an earlier one, and the history stays. A row for a
task or milestone the plan does not have, or a status not in the list, is refused with
file:line and the closest name. The table itself is read by `tables` (one reader for every
table).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..errors import InvalidInput, Problem, msg, said, visible
from ..model.common import Loc
from ..model.tasks import Ledger, Progress, Reported, Task
from .tables import TABLE_SUFFIXES, header_names, split_sheet, table_rows

COLUMNS: dict[str, tuple[str, ...]] = {
    "task": ("task", "任务", "任务编号", "事项", "项目"),
    "milestone": ("milestone", "节点", "里程碑"),
    "date": ("date", "日期", "报送日期"),
    "status": ("status", "状态", "进展状态"),
    "percent": ("percent", "完成比例", "进度", "完成进度"),
    "note": ("note", "备注", "进展情况"),
    "reporter": ("reporter", "报送单位", "报送人"),
}
REQUIRED = ("task", "date", "status")
HEADER = (
    "task,milestone,date,status,percent,note,reporter (任务,节点,日期,状态,完成比例,备注,报送单位)"
)
STATUSES: dict[str, Reported] = {
    "未启动": "not_started",
    "推进中": "in_progress",
    "已完成": "done",
    "已取消": "cancelled",
    "not_started": "not_started",
    "in_progress": "in_progress",
    "done": "done",
    "cancelled": "cancelled",
}


def read_progress(paths: Iterable[str | Path], ledger: Ledger) -> list[Progress]:
    """Every row of the progress files `paths`, in order; InvalidInput with every problem."""
    problems: list[Problem] = []
    out: list[Progress] = []
    tasks = {t.id: t for t in ledger.tasks}
    by_name = {t.name: t for t in ledger.tasks} | tasks
    for given in paths:
        path, sheet = split_sheet(Path(given))
        name = str(path)
        if path.is_dir() or path.suffix.lower() not in TABLE_SUFFIXES:
            problems.append(
                Problem(
                    name,
                    0,
                    0,
                    msg("progress files are .csv, .tsv or .xlsx (a file, not a folder)"),
                )
            )
            continue
        # a ledger, as a claims sheet is: a workbook's date is the day; at most
        # MAX_PROGRESS_ROWS rows, and the header at most MAX_COLUMNS wide, as every table's
        rows, _ = table_rows(path, sheet, problems, "progress file", ledger=True)
        if rows is not None:
            out += _rows(rows, name, by_name, problems)
    if problems:
        raise InvalidInput(problems)
    return out


def _rows(
    rows: Iterable[tuple[int, list[str]]],
    name: str,
    tasks: dict[str, Task],
    problems: list[Problem],
) -> list[Progress]:
    numbered = iter(rows)
    first = next(numbered, None)
    if first is None:
        empty = msg("is empty; the first row names the columns {columns}", columns=HEADER)
        problems.append(Problem(name, 1, 0, empty))
        return []
    at = _header(first[1], name, problems)
    if at is None:
        return []
    out = []
    for line, row in numbered:
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        get = {k: cells[n] if n < len(cells) else "" for k, n in at.items()}
        try:
            out.append(_row(get, tasks, Loc(name, line)))
        except ValueError as exc:
            problems.append(Problem(name, line, 0, said(exc)))
    return out


def _header(cells: list[str], name: str, problems: list[Problem]) -> dict[str, int] | None:
    alias = {a: key for key, names in COLUMNS.items() for a in names}
    at: dict[str, int] = {}
    for n, h in enumerate(header_names(cells)):
        key = alias.get(h)
        if key is None:
            close = difflib.get_close_matches(h, list(alias), n=1)
            unknown = msg(
                "unknown column '{name}'; the header is {header}", name=visible(h), header=HEADER
            )
            if close:
                unknown = msg(
                    "unknown column '{name}'; did you mean '{meant}'?; the header is {header}",
                    name=visible(h),
                    meant=close[0],
                    header=HEADER,
                )
            problems.append(Problem(name, 1, 0, unknown))
            return None
        if key in at:
            twice = msg("column '{column}' appears twice; keep one", column=visible(h))
            problems.append(Problem(name, 1, 0, twice))
            return None
        at[key] = n
    missing = [c for c in REQUIRED if c not in at]
    if missing:
        problems.append(
            Problem(
                name,
                1,
                0,
                msg(
                    "missing column(s) {missing}; the header is {header}",
                    missing=", ".join(missing),
                    header=HEADER,
                ),
            )
        )
        return None
    return at


def _row(get: dict[str, str], tasks: dict[str, Task], loc: Loc) -> Progress:
    """One report from a row's cells; ValueError with the row's message."""
    task = tasks.get(get["task"])
    if task is None:
        close = difflib.get_close_matches(get["task"], list(tasks), n=1)
        if close:
            raise ValueError(
                msg(
                    "unknown task '{task}'; did you mean '{meant}'?",
                    task=visible(get["task"]),
                    meant=close[0],
                )
            )
        raise ValueError(
            msg(
                "unknown task '{task}'; the plan's tasks: zonekpi tasks PLAN",
                task=visible(get["task"]),
            )
        )
    milestone = get.get("milestone") or None
    if milestone is not None and all(m.name != milestone for m in task.milestones):
        known = [m.name for m in task.milestones]
        close = difflib.get_close_matches(milestone, known, n=1, cutoff=0.5)
        listed = ", ".join(known) or msg("none")
        if close:
            raise ValueError(
                msg(
                    "task '{task}' has no milestone '{milestone}' (its milestones: {listed}); "
                    "did you mean '{meant}'?",
                    task=task.id,
                    milestone=visible(milestone),
                    listed=listed,
                    meant=close[0],
                )
            )
        raise ValueError(
            msg(
                "task '{task}' has no milestone '{milestone}' (its milestones: {listed})",
                task=task.id,
                milestone=visible(milestone),
                listed=listed,
            )
        )
    status = STATUSES.get(get["status"].lower())
    if status is None:
        close = difflib.get_close_matches(get["status"], list(STATUSES)[:4], n=1, cutoff=0.5)
        if close:
            raise ValueError(
                msg(
                    "unknown status '{status}': write 未启动, 推进中, 已完成 or 已取消; did you "
                    "mean '{meant}'?",
                    status=visible(get["status"]),
                    meant=close[0],
                )
            )
        raise ValueError(
            msg(
                "unknown status '{status}': write 未启动, 推进中, 已完成 or 已取消",
                status=visible(get["status"]),
            )
        )
    return Progress(
        task=task.id,
        day=_day(get["date"]),
        status=status,
        milestone=milestone,
        percent=_percent(get.get("percent", "")),
        note=get.get("note", ""),
        reporter=get.get("reporter", ""),
        loc=loc,
    )


@functools.lru_cache(maxsize=4096)  # a file repeats its few report days on every row
def _day(text: str) -> date:
    """A day as a claims file writes it (2018-06-30, 2018/6/30, 2018年6月30日)."""
    from .claims import parse_date

    if re.fullmatch(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*月?", text.strip()):
        raise ValueError(
            msg("date {text!r} is a month; a report's date is a day, like 2018-06-30", text=text)
        )
    return parse_date(text)


@functools.lru_cache(maxsize=4096)
def _percent(text: str) -> Decimal | None:
    """A share from 0 to 100, read literally: the digits 0-9 (full-width ones too), never a
    digit of another script or a footnote marker that Decimal or NFKC would read as one."""
    from ..model.numbers import foreign_digit, foreign_digit_problem, normalise

    if not text:
        return None
    at = foreign_digit(text)
    if at is not None:
        raise ValueError(
            msg("percent {text!r}: {why}", text=text, why=foreign_digit_problem(text, at))
        )
    m = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)\s*%?", normalise(text))
    try:
        value = Decimal(m[1]) if m else None
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        value = None
    if value is None or value > 100:
        raise ValueError(msg("percent {text!r} is not a share from 0 to 100, like 60%", text=text))
    return value
