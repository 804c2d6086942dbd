"""The task ledger (重点工作台账) as read: units, tasks, milestones and progress reports.

Frozen dataclasses with no behaviour beyond lookups. A task names its owners (责任单位) by unit
id, its lead (牵头单位) first; it has a deadline (`due`, with `due_text` as written: 上半年,
年底前, an event's name) and may have milestones (签约 → 开工 → 竣工 → 投产), each with its own.
A progress report is one row of a progress file: what a unit said of a task (or of one of its
milestones) on a day. Statuses are codes; the view gives them words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from .common import NOWHERE, Loc, Tier

UnitKind = Literal["department", "park"]
# what a progress row says: 未启动 / 推进中 / 已完成 / 已取消
Reported = Literal["not_started", "in_progress", "done", "cancelled"]
REPORTED: tuple[Reported, ...] = ("not_started", "in_progress", "done", "cancelled")


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit answerable for targets and tasks: a department (市科技局) or a park (高新区)."""

    id: str
    name: str
    kind: UnitKind = "department"
    aliases: tuple[str, ...] = ()
    name_en: str | None = None


@dataclass(frozen=True, slots=True)
class Milestone:
    """A step of a task (开工, 竣工, 投产; 注册, 备案), with its own deadline if it has one."""

    name: str
    due: date | None = None
    due_text: str = ""
    loc: Loc = NOWHERE


@dataclass(frozen=True, slots=True)
class Task:
    """One commitment of the plan: a task or a named project."""

    id: str
    name: str
    due: date
    due_text: str  # as written: 上半年, 年底前, 2018-06-30, 河洛文化旅游节; 年底前 when none
    owners: tuple[str, ...] = ()  # unit ids, the lead (牵头单位) first
    tier: Tier | None = None  # None: the only tier stated, which decides like 确保
    parks: tuple[str, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    source: str | None = None
    group: str | None = None
    year: int = 0
    loc: Loc = NOWHERE

    @property
    def lead(self) -> str | None:
        return self.owners[0] if self.owners else None

    @property
    def decides(self) -> bool:
        """Whether being overdue is a failure: the floor 确保, or the only tier stated."""
        return self.tier != "stretch"


@dataclass(frozen=True, slots=True)
class Progress:
    """One progress row: on `day`, `task` (or its `milestone`) was `status`."""

    task: str
    day: date
    status: Reported
    milestone: str | None = None
    percent: Decimal | None = None
    note: str = ""
    reporter: str = ""
    loc: Loc = NOWHERE


@dataclass(frozen=True, slots=True)
class Ledger:
    """A plan's units and tasks, and the owners of its indicators and targets (by the
    indicator's id, and by where the target was written)."""

    units: tuple[Unit, ...] = ()
    tasks: tuple[Task, ...] = ()
    indicator_owners: dict[str, tuple[str, ...]] = field(default_factory=dict)
    target_owners: dict[Loc, tuple[str, ...]] = field(default_factory=dict)

    def unit(self, unit_id: str) -> Unit:
        for u in self.units:
            if u.id == unit_id:
                return u
        raise KeyError(unit_id)

    def task(self, task_id: str) -> Task:
        for t in self.tasks:
            if t.id == task_id:
                return t
        raise KeyError(task_id)

    def owners_of(self, indicator: str, target_loc: Loc) -> tuple[str, ...]:
        """A target's owners: its own, else its indicator's."""
        return self.target_owners.get(target_loc) or self.indicator_owners.get(indicator, ())


# What a task is as of a day (core/tasks.py decides; the view gives the words)
State = Literal["done", "on_track", "due_soon", "overdue", "unreported", "cancelled"]
STATES: tuple[State, ...] = ("overdue", "due_soon", "unreported", "on_track", "done", "cancelled")


@dataclass(frozen=True, slots=True)
class TaskState:
    """A task as of a day: its state, the days that go with it, where it stands."""

    task: Task
    state: State
    days_overdue: int | None = None  # overdue: days past the deadline missed
    days_late: int | None = None  # done: days after its deadline it was done (0: on time)
    days_left: int | None = None  # not done: days to the deadline that comes next
    done_on: date | None = None
    milestone_due: Milestone | None = None  # the milestone whose deadline is meant, if any
    reached: Milestone | None = None  # the last milestone done (the stage it stands at)
    percent: Decimal | None = None
    last: Progress | None = None  # the latest report on or before the day
    history: tuple[Progress, ...] = ()  # every report on or before the day, in order

    @property
    def failing(self) -> bool:
        """Overdue, and its tier decides."""
        return self.state == "overdue" and self.task.decides


@dataclass(frozen=True, slots=True)
class OwnerSummary:
    """One unit's tasks as of a day: those it leads, and those it shares (责任单位)."""

    unit: str
    led: tuple[TaskState, ...]
    shared: tuple[TaskState, ...]

    def count(self, state: State, led: bool = True) -> int:
        return sum(1 for s in (self.led if led else self.shared) if s.state == state)


@dataclass(frozen=True, slots=True)
class TaskReport:
    """The ledger as of `as_of`: every task's state and each owner's summary."""

    plan_id: str
    title: str
    file: str
    as_of: date
    soon: int  # days before a deadline that make a task 即将到期
    period: int  # days without a report that make a task 未报送
    states: tuple[TaskState, ...]
    owners: tuple[OwnerSummary, ...]
    units: tuple[Unit, ...]
    owner: str | None = None  # the unit asked for (--owner), if any

    def unit_name(self, unit_id: str) -> str:
        return next((u.name for u in self.units if u.id == unit_id), unit_id)
