"""Shaping a TaskReport for output (`zonekpi tasks`): the ledger, the owners, the 督查通报.

- `task_table`: one row per task (per park with --by park): 编号, 任务, 档次, 牵头单位, 责任单位,
  期限, 状态 and what goes with it (逾期1天; 已完成 逾期5天; 剩3天), the milestone it stands at,
  the latest report. CSV and TSV get the numbers apart (days_overdue, days_late, days_left).
- `owner_table`: per unit, the tasks it leads by state, and how many it shares.
- `bulletin`: the 督查通报 as sentences, one per leading unit ("截至6月30日, 市科技局牵头的12项
  任务已完成7项, 逾期2项: …").
Every word comes from the catalogue (`labels.w`, `words_tasks`); JSON is in
`view/tasksjson.py`.
"""

from __future__ import annotations

from datetime import date

from ..model.tasks import STATES, OwnerSummary, State, TaskReport, TaskState
from . import labels
from .labels import w
from .table import Column, Table

BY = ("owner", "park", "status")


def state_words() -> dict[str, str]:
    """Each state as a report reads it."""
    return {k: w(f"task.state.{k}") for k in STATES}


def tier_word(tier: str | None) -> str:
    return labels.tier(tier)


def reported_words() -> dict[str, str]:
    """Each status a progress row may report, as a report reads it."""
    return {k: w(f"task.reported.{k}") for k in ("not_started", "in_progress", "done", "cancelled")}


def days(n: int) -> str:
    return w("task.day" if n == 1 else "task.days", n=n)


def day_text(d: date, year: bool = False) -> str:
    """A day as a sentence says it: 6月30日 (its year is the report's), 30 June; with `year`
    as a title says it: 2018年6月30日, 30 June 2018."""
    month = labels.pick((str(d.month), labels.MONTH_NAMES[d.month - 1]))
    return w("task.full_date" if year else "task.date", year=d.year, month=month, day=d.day)


def detail(s: TaskState) -> str:
    """What goes with the state: 逾期1天 (overdue, or done that late: 已完成 逾期5天), 按时完成,
    剩3天, naming the milestone meant (竣工 逾期3天)."""
    step = f"{s.milestone_due.name} " if s.milestone_due is not None else ""
    if s.state == "done":
        if s.days_late:
            return w("task.late", days=days(s.days_late))
        return w("task.on_time")
    if s.state == "overdue" and s.days_overdue is not None:
        return w("task.overdue", step=step, days=days(s.days_overdue))
    if s.days_left is not None and s.state in ("due_soon", "on_track", "unreported"):
        return w("task.left", step=step, days=days(s.days_left))
    return ""


def owners_text(r: TaskReport, ids: tuple[str, ...]) -> str:
    return labels.join([r.unit_name(u) for u in ids])


def _group(r: TaskReport, s: TaskState, by: str | None) -> list[str]:
    """The groups a task is shown under with --by: its lead, each of its parks, its state."""
    if by == "owner":
        return [r.unit_name(s.task.lead) if s.task.lead else w("task.no_lead")]
    if by == "park":
        kinds = {u.id: u.kind for u in r.units}
        parks = s.task.parks or tuple(o for o in s.task.owners if kinds.get(o) == "park")
        return [r.unit_name(p) for p in parks] or [w("task.zone")]
    if by == "status":
        return [state_words()[s.state]]
    return [""]


def task_table(r: TaskReport, by: str | None = None) -> Table:
    words = state_words()
    rows: list[tuple[str, dict[str, str], str]] = []
    for s in r.states:
        t = s.task
        row = {
            "id": t.id,
            "name": t.name,
            "tier": t.tier or "",
            "tier_text": tier_word(t.tier),
            "lead": r.unit_name(t.lead) if t.lead else "",
            "lead_id": t.lead or "",
            "owner_ids": " ".join(t.owners[1:]),
            "owners": owners_text(r, t.owners[1:]),
            "due": t.due_text if t.due_text == t.due.isoformat() else f"{t.due_text} {t.due}",
            "due_date": t.due.isoformat(),
            "status": s.state,
            "detail": detail(s),
            "days_overdue": "" if s.days_overdue is None else str(s.days_overdue),
            "days_late": "" if s.days_late is None else str(s.days_late),
            "days_left": "" if s.days_left is None else str(s.days_left),
            "done_on": s.done_on.isoformat() if s.done_on else "",
            "milestone": s.reached.name if s.reached else "",
            "milestone_due": s.milestone_due.name if s.milestone_due else "",
            "percent": "" if s.percent is None else f"{s.percent}%",
            "last_report": s.last.day.isoformat() if s.last else "",
            "last_status": s.last.status if s.last else "",
            "note": s.last.note if s.last else "",
        }
        rows += [(g, {"group": g, **row}, s.state) for g in _group(r, s, by)]
    if by is not None:  # groups in the order of the states, or of the plan's units
        names = [words[k] for k in STATES] if by == "status" else [u.name for u in r.units]
        order = {name: n for n, name in enumerate(names)}
        rows.sort(key=lambda x: order.get(x[0], len(order)))  # stable within a group
    group_header = w(f"col.tasks.group_{by}") if by is not None else ""

    def col(key: str) -> str:
        return w(f"col.tasks.{key}")

    columns = [
        Column("group", group_header, display=by is not None, machine=by is not None),
        Column("id", col("id")),
        Column("name", col("name")),
        Column("tier", "tier", display=False),
        Column("tier_text", col("tier_text"), machine=False),
        Column("lead", col("lead"), display=by != "owner"),
        Column("lead_id", "lead_id", display=False),
        Column("owners", col("owners")),
        Column("owner_ids", "owner_ids", display=False),
        Column("due", col("due"), machine=False),
        Column("due_date", "due", display=False),
        Column("status", col("status"), labels=words, display=by != "status"),
        Column("detail", col("detail"), machine=False),
        Column("days_overdue", "days_overdue", numeric=True, display=False),
        Column("days_late", "days_late", numeric=True, display=False),
        Column("days_left", "days_left", numeric=True, display=False),
        Column("done_on", "done_on", display=False),
        Column("milestone", col("milestone")),
        Column("milestone_due", "milestone_due", display=False),
        Column("percent", col("percent"), numeric=True),
        Column("last_report", col("last_report")),
        Column("last_status", col("last_status"), labels=reported_words()),
        Column("note", col("note")),
    ]
    style = {"done": "met", "overdue": "overdue", "due_soon": "behind", "on_track": "on_track"}
    return Table(
        title(r),
        columns,
        [row for _, row, _ in rows],
        footer=footer(r),
        statuses=[style.get(st, "no_data") for _, _, st in rows],
        empty=w("tasks.none"),
    )


def title(r: TaskReport) -> str:
    who = f" · {r.unit_name(r.owner)}" if r.owner else ""
    return w("tasks.title", title=r.title, who=who, as_of=day_text(r.as_of, year=True))


def footer(r: TaskReport) -> list[str]:
    return [w("tasks.footer", soon=r.soon, period=r.period)]


def owner_table(r: TaskReport) -> Table:
    rows: list[dict[str, str]] = []
    for o in r.owners:
        done_late = sum(1 for s in o.led if s.state == "done" and s.days_late)
        rows.append(
            {
                "unit": o.unit,
                "unit_name": r.unit_name(o.unit),
                "led": str(len(o.led)),
                **{k: str(o.count(k)) for k in STATES},
                "done_late": str(done_late),
                "shared": str(len(o.shared)),
                "shared_overdue": str(o.count("overdue", led=False)),
            }
        )
    words = state_words()
    columns = [
        Column("unit", "unit", display=False),
        Column("unit_name", w("col.owners.unit_name")),
        Column("led", w("col.owners.led"), numeric=True),
        Column("done", words["done"], numeric=True),
        Column("done_late", w("col.owners.done_late"), numeric=True),
        Column("overdue", words["overdue"], numeric=True),
        Column("due_soon", words["due_soon"], numeric=True),
        Column("unreported", words["unreported"], numeric=True),
        Column("on_track", words["on_track"], numeric=True),
        Column("cancelled", words["cancelled"], numeric=True),
        Column("shared", w("col.owners.shared"), numeric=True),
        Column("shared_overdue", w("col.owners.shared_overdue"), numeric=True),
    ]
    when = day_text(r.as_of, year=True)
    return Table(w("owners.title", as_of=when), columns, rows, empty=w("owners.none"))


def bulletin(r: TaskReport) -> list[str]:
    """The 督查通报: the whole ledger in one sentence, then one per unit that leads tasks."""
    when = day_text(r.as_of)
    total = list(r.states)
    lines = [_overall(when, total)]
    overdue = [s for s in total if s.state == "overdue"]
    if overdue:
        listed = w("task.list").join(f"{s.task.name} ({_tiered(s)})" for s in overdue)
        lines.append(w("bulletin.overdue", listed=listed))
    lines += [_unit(r, when, o) for o in r.owners if o.led]
    return lines


def _tiered(s: TaskState) -> str:
    """逾期123天, with the tier when it is 力争 (reported, not failing) or 确保."""
    tier = tier_word(s.task.tier)
    return w("task.tiered", detail=detail(s), tier=tier) if tier else detail(s)


def _count(states: list[TaskState] | tuple[TaskState, ...], state: State) -> int:
    return sum(1 for s in states if s.state == state)


def _overall(when: str, states: list[TaskState]) -> str:
    c = {k: _count(states, k) for k in STATES}
    late = sum(1 for s in states if s.state == "done" and s.days_late)
    said = w("bulletin.late", n=late) if late else ""
    return w("bulletin.overall", when=when, total=len(states), late=said, **c)


def _unit(r: TaskReport, when: str, o: OwnerSummary) -> str:
    name = r.unit_name(o.unit)
    overdue = [s for s in o.led if s.state == "overdue"]
    sep = w("task.list")
    listed = sep.join(f"{s.task.name} ({detail(s)})" for s in overdue)
    soon = [s for s in o.led if s.state == "due_soon"]
    more = ""
    if soon:
        named = sep.join(f"{s.task.name} ({detail(s)})" for s in soon)
        more += w("bulletin.unit_soon", n=len(soon), listed=named)
    if (n := o.count("unreported")) > 0:
        more += w("bulletin.unit_unreported", n=n)
    done = o.count("done")
    if overdue:
        said = w("bulletin.unit_overdue", n=len(overdue), listed=listed)
    else:
        said = w("bulletin.unit_none_overdue")
    return w("bulletin.unit", when=when, name=name, led=len(o.led), done=done, said=said, more=more)
