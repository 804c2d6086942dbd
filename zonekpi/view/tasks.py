"""Shaping a TaskReport for output (`zonekpi tasks`): the ledger, the owners, the 督查通报.

- `task_table`: one row per task (per park with --by park): 编号, 任务, 档次, 牵头单位, 责任单位,
  期限, 状态 and what goes with it (逾期1天; 已完成 逾期5天; 剩3天), the milestone it stands at,
  the latest report. CSV and TSV get the numbers apart (days_overdue, days_late, days_left).
- `owner_table`: per unit, the tasks it leads by state, and how many it shares.
- `bulletin`: the 督查通报 as sentences, one per leading unit ("截至6月30日, 市科技局牵头的12项
  任务已完成7项, 逾期2项: …").
Every word is in both languages here (`lang.pick`); JSON is in `view/tasksjson.py`.
"""

from __future__ import annotations

from datetime import date

from ..model.tasks import STATES, OwnerSummary, State, TaskReport, TaskState
from . import lang
from .table import Column, Table

BY = ("owner", "park", "status")


def state_words() -> dict[str, str]:
    """Each state as a report reads it."""
    return {
        "done": lang.pick("已完成", "done"),
        "on_track": lang.pick("按计划推进", "on track"),
        "due_soon": lang.pick("即将到期", "due soon"),
        "overdue": lang.pick("逾期", "overdue"),
        "unreported": lang.pick("未报送", "not reported"),
        "cancelled": lang.pick("已取消", "cancelled"),
    }


def tier_word(tier: str | None) -> str:
    if tier is None:
        return ""
    return lang.pick("确保", "floor") if tier == "floor" else lang.pick("力争", "stretch")


def reported_words() -> dict[str, str]:
    """Each status a progress row may report, as a report reads it."""
    return {
        "not_started": lang.pick("未启动", "not started"),
        "in_progress": lang.pick("推进中", "in progress"),
        "done": lang.pick("已完成", "done"),
        "cancelled": lang.pick("已取消", "cancelled"),
    }


def days(n: int) -> str:
    return lang.pick(f"{n}天", f"{n} day{'s' if n != 1 else ''}")


def day_text(d: date) -> str:
    """A day as a sentence says it: 6月30日 (its year is the report's), 30 June."""
    return lang.pick(f"{d.month}月{d.day}日", d.strftime("%d %B").lstrip("0"))


def detail(s: TaskState) -> str:
    """What goes with the state: 逾期1天 (overdue, or done that late: 已完成 逾期5天), 按时完成,
    剩3天, naming the milestone meant (竣工 逾期3天)."""
    step = f"{s.milestone_due.name} " if s.milestone_due is not None else ""
    if s.state == "done":
        if s.days_late:
            return lang.pick(f"逾期{days(s.days_late)}", f"{days(s.days_late)} late")
        return lang.pick("按时完成", "on time")
    if s.state == "overdue" and s.days_overdue is not None:
        return lang.pick(
            f"{step}逾期{days(s.days_overdue)}", f"{step}{days(s.days_overdue)} overdue"
        )
    if s.days_left is not None and s.state in ("due_soon", "on_track", "unreported"):
        return lang.pick(f"{step}剩{days(s.days_left)}", f"{step}{days(s.days_left)} left")
    return ""


def owners_text(r: TaskReport, ids: tuple[str, ...]) -> str:
    return lang.pick("、", ", ").join(r.unit_name(u) for u in ids)


def _group(r: TaskReport, s: TaskState, by: str | None) -> list[str]:
    """The groups a task is shown under with --by: its lead, each of its parks, its state."""
    if by == "owner":
        return [r.unit_name(s.task.lead) if s.task.lead else lang.pick("(未定)", "(none)")]
    if by == "park":
        kinds = {u.id: u.kind for u in r.units}
        parks = s.task.parks or tuple(o for o in s.task.owners if kinds.get(o) == "park")
        return [r.unit_name(p) for p in parks] or [lang.pick("全区", "zone")]
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
    group_header = {
        "owner": lang.pick("牵头单位", "lead"),
        "park": lang.pick("园区", "park"),
        "status": lang.pick("状态", "status"),
    }.get(by or "", "")
    columns = [
        Column("group", group_header, display=by is not None, machine=by is not None),
        Column("id", lang.pick("编号", "id")),
        Column("name", lang.pick("任务", "task")),
        Column("tier", "tier", display=False),
        Column("tier_text", lang.pick("档次", "tier"), machine=False),
        Column("lead", lang.pick("牵头单位", "lead"), display=by != "owner"),
        Column("lead_id", "lead_id", display=False),
        Column("owners", lang.pick("责任单位", "also responsible")),
        Column("owner_ids", "owner_ids", display=False),
        Column("due", lang.pick("期限", "deadline"), machine=False),
        Column("due_date", "due", display=False),
        Column("status", lang.pick("状态", "status"), labels=words, display=by != "status"),
        Column("detail", lang.pick("情况", "detail"), machine=False),
        Column("days_overdue", "days_overdue", numeric=True, display=False),
        Column("days_late", "days_late", numeric=True, display=False),
        Column("days_left", "days_left", numeric=True, display=False),
        Column("done_on", "done_on", display=False),
        Column("milestone", lang.pick("已到节点", "milestone reached")),
        Column("milestone_due", "milestone_due", display=False),
        Column("percent", lang.pick("完成比例", "percent"), numeric=True),
        Column("last_report", lang.pick("最近报送", "last report")),
        Column("last_status", lang.pick("最近状态", "last status"), labels=reported_words()),
        Column("note", lang.pick("备注", "note")),
    ]
    style = {"done": "met", "overdue": "overdue", "due_soon": "behind", "on_track": "on_track"}
    return Table(
        title(r),
        columns,
        [row for _, row, _ in rows],
        footer=footer(r),
        statuses=[style.get(st, "no_data") for _, _, st in rows],
        empty=lang.pick("(无任务)", "(no tasks)"),
    )


def title(r: TaskReport) -> str:
    who = f" · {r.unit_name(r.owner)}" if r.owner else ""
    return lang.pick(
        f"{r.title} 重点工作台账{who} (截至{r.as_of})",
        f"{r.title} task ledger{who} (as of {r.as_of})",
    )


def footer(r: TaskReport) -> list[str]:
    return [
        lang.pick(
            f"即将到期: {r.soon}天内到期; 未报送: 近{r.period}天无进展报送; "
            "逾期的确保任务 (及未分档任务) 使退出码为1.",
            f"Due soon: due within {r.soon} days; not reported: no progress reported in the "
            f"last {r.period} days; an overdue floor (or untiered) task makes the exit status 1.",
        )
    ]


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
        Column("unit_name", lang.pick("单位", "unit")),
        Column("led", lang.pick("牵头任务", "tasks led"), numeric=True),
        Column("done", words["done"], numeric=True),
        Column("done_late", lang.pick("其中逾期完成", "of which late"), numeric=True),
        Column("overdue", words["overdue"], numeric=True),
        Column("due_soon", words["due_soon"], numeric=True),
        Column("unreported", words["unreported"], numeric=True),
        Column("on_track", words["on_track"], numeric=True),
        Column("cancelled", words["cancelled"], numeric=True),
        Column("shared", lang.pick("参与任务", "tasks shared"), numeric=True),
        Column("shared_overdue", lang.pick("参与逾期", "shared overdue"), numeric=True),
    ]
    return Table(
        lang.pick(f"各单位任务汇总 (截至{r.as_of})", f"Tasks by unit (as of {r.as_of})"),
        columns,
        rows,
        empty=lang.pick("(任务未写责任单位)", "(no task names its owners)"),
    )


def bulletin(r: TaskReport) -> list[str]:
    """The 督查通报: the whole ledger in one sentence, then one per unit that leads tasks."""
    when = day_text(r.as_of)
    total = list(r.states)
    lines = [_overall(when, total)]
    overdue = [s for s in total if s.state == "overdue"]
    if overdue:
        sep = lang.pick("、", "; ")
        listed = sep.join(f"{s.task.name} ({_tiered(s)})" for s in overdue)
        lines.append(lang.pick(f"逾期任务: {listed}.", f"Overdue: {listed}."))
    lines += [_unit(r, when, o) for o in r.owners if o.led]
    return lines


def _tiered(s: TaskState) -> str:
    """逾期123天, with the tier when it is 力争 (reported, not failing) or 确保."""
    tier = tier_word(s.task.tier)
    return f"{detail(s)}, {tier}" if tier else detail(s)


def _count(states: list[TaskState] | tuple[TaskState, ...], state: State) -> int:
    return sum(1 for s in states if s.state == state)


def _overall(when: str, states: list[TaskState]) -> str:
    c = {k: _count(states, k) for k in STATES}
    late = sum(1 for s in states if s.state == "done" and s.days_late)
    return lang.pick(
        f"截至{when}, 共{len(states)}项任务: 已完成{c['done']}项 (其中逾期完成{late}项), "
        f"按计划推进{c['on_track']}项, 即将到期{c['due_soon']}项, 逾期{c['overdue']}项, "
        f"未报送{c['unreported']}项, 已取消{c['cancelled']}项.",
        f"As of {when}, {len(states)} tasks: {c['done']} done ({late} of them late), "
        f"{c['on_track']} on track, {c['due_soon']} due soon, {c['overdue']} overdue, "
        f"{c['unreported']} not reported, {c['cancelled']} cancelled.",
    )


def _unit(r: TaskReport, when: str, o: OwnerSummary) -> str:
    name = r.unit_name(o.unit)
    overdue = [s for s in o.led if s.state == "overdue"]
    listed = lang.pick("、", "; ").join(f"{s.task.name} ({detail(s)})" for s in overdue)
    soon = [s for s in o.led if s.state == "due_soon"]
    more = ""
    if soon:
        named = lang.pick("、", "; ").join(f"{s.task.name} ({detail(s)})" for s in soon)
        more += lang.pick(f"; 即将到期{len(soon)}项: {named}", f"; {len(soon)} due soon: {named}")
    if (n := o.count("unreported")) > 0:
        more += lang.pick(f"; 未报送{n}项", f"; {n} not reported")
    done = o.count("done")
    if overdue:
        said = lang.pick(f", 逾期{len(overdue)}项: {listed}", f", {len(overdue)} overdue: {listed}")
    else:
        said = lang.pick(", 无逾期", ", none overdue")
    return lang.pick(
        f"截至{when}, {name}牵头的{len(o.led)}项任务已完成{done}项{said}{more}.",
        f"As of {when}, of the {len(o.led)} tasks led by {name}, {done} are done{said}{more}.",
    )
