"""The task ledger as of a day: each task's state, the milestone it stands at, and each
owner's summary.

A task is 已完成 when its latest report (or its last milestone's) says so, on time or late by
the days between its deadline and the first report of that run of 已完成; 已取消 likewise.
Otherwise it is 逾期 when its deadline, or an unfinished milestone's, has passed (by the days
since); 即将到期 when one falls within `soon` days; 未报送 when nothing was reported within the
last `period` days; else 按计划推进. Reports after the day are not seen. Numbers and codes only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from ..model.tasks import (
    Ledger,
    Milestone,
    OwnerSummary,
    Progress,
    State,
    Task,
    TaskReport,
    TaskState,
)

SOON_DAYS = 15  # a deadline this near makes a task 即将到期
PERIOD_DAYS = 30  # no report for this long makes a task 未报送 (a month: the 督查 cycle)


def task_state(
    task: Task,
    history: Sequence[Progress],
    as_of: date,
    soon: int = SOON_DAYS,
    period: int = PERIOD_DAYS,
) -> TaskState:
    """`task` as of `as_of`, from its reports `history` in the order they were written."""
    seen = sorted((p for p in history if p.day <= as_of), key=lambda p: p.day)  # stable
    runs: dict[str | None, list[Progress]] = defaultdict(list)  # the latest run of one status
    for p in seen:
        run = runs[p.milestone]
        if run and run[-1].status != p.status:
            run.clear()
        run.append(p)
    latest = {k: run[-1] for k, run in runs.items()}
    done = [m for m in task.milestones if m.name in latest and latest[m.name].status == "done"]
    reached = done[-1] if done else None
    pending = [m for m in task.milestones if m not in done]
    percent = next((p.percent for p in reversed(seen) if p.percent is not None), None)

    def made(state: State, **more: Any) -> TaskState:
        last = seen[-1] if seen else None
        return TaskState(
            task, state, reached=reached, percent=percent, last=last, history=tuple(seen), **more
        )

    own = latest.get(None)
    if own is not None and own.status == "cancelled":
        return made("cancelled")
    finished = None
    if own is not None and own.status == "done":
        finished = runs[None][0].day
    elif task.milestones and not pending:
        finished = runs[task.milestones[-1].name][0].day
    if finished is not None:
        late = max((finished - task.due).days, 0)
        return made("done", days_late=late, done_on=finished)
    missed = _missed(task, pending, as_of)
    if missed is not None:
        day, which = missed
        return made("overdue", days_overdue=(as_of - day).days, milestone_due=which)
    upcoming = [(m.due, m) for m in pending if m.due is not None] + [(task.due, None)]
    day, which = min(upcoming, key=lambda u: u[0])
    left = (day - as_of).days
    if left <= soon:
        return made("due_soon", days_left=left, milestone_due=which)
    recent = bool(seen) and seen[-1].day > as_of - timedelta(days=period)
    return made("on_track" if recent else "unreported", days_left=left, milestone_due=which)


def _missed(
    task: Task, pending: list[Milestone], as_of: date
) -> tuple[date, Milestone | None] | None:
    """The deadline passed that counts: the task's own, else the first pending milestone's."""
    if as_of > task.due:
        return task.due, None
    first = next((m for m in pending if m.due is not None), None)
    if first is not None and first.due is not None and as_of > first.due:
        return first.due, first
    return None


def ledger_report(
    plan_id: str,
    title: str,
    file: str,
    ledger: Ledger,
    progress: Iterable[Progress],
    as_of: date,
    soon: int = SOON_DAYS,
    period: int = PERIOD_DAYS,
    owner: str | None = None,
) -> TaskReport:
    """Every task of `ledger` as of `as_of` (only `owner`'s, when given), with the summaries."""
    if soon < 0 or period < 1:
        raise ValueError("soon is at least 0 days and period at least 1")
    by_task: dict[str, list[Progress]] = defaultdict(list)
    for p in progress:
        by_task[p.task].append(p)
    tasks = [t for t in ledger.tasks if owner is None or owner in t.owners]
    states = tuple(task_state(t, by_task.get(t.id, ()), as_of, soon, period) for t in tasks)
    return TaskReport(
        plan_id=plan_id,
        title=title,
        file=file,
        as_of=as_of,
        soon=soon,
        period=period,
        states=states,
        owners=summaries(states, [u.id for u in ledger.units if owner in (None, u.id)]),
        units=ledger.units,
        owner=owner,
    )


def summaries(states: Sequence[TaskState], order: Sequence[str]) -> tuple[OwnerSummary, ...]:
    """Per unit with any task: the tasks it leads and those it shares, units in `order`."""
    led: dict[str, list[TaskState]] = defaultdict(list)
    shared: dict[str, list[TaskState]] = defaultdict(list)
    for s in states:
        for n, unit in enumerate(s.task.owners):
            (led if n == 0 else shared)[unit].append(s)
    return tuple(
        OwnerSummary(u, tuple(led[u]), tuple(shared[u])) for u in order if u in led or u in shared
    )
