"""The words of the 重点工作台账 (`zonekpi tasks`, `check --by owner`), Chinese and English: a
task's states and reported statuses, the ledger's and the units' columns, titles and
footers, the 督查通报's sentences and the ledger's charts. Part of the catalogue (`labels.w`).
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # a task's state (model/tasks.STATES) and what a progress row reports
    "task.state.done": ("已完成", "done"),
    "task.state.on_track": ("按计划推进", "on track"),
    "task.state.due_soon": ("即将到期", "due soon"),
    "task.state.overdue": ("逾期", "overdue"),
    "task.state.unreported": ("未报送", "not reported"),
    "task.state.cancelled": ("已取消", "cancelled"),
    "task.reported.not_started": ("未启动", "not started"),
    "task.reported.in_progress": ("推进中", "in progress"),
    "task.reported.done": ("已完成", "done"),
    "task.reported.cancelled": ("已取消", "cancelled"),
    # how far from its deadline
    "task.day": ("{n}天", "{n} day"),
    "task.days": ("{n}天", "{n} days"),
    "task.date": ("{month}月{day}日", "{day} {month}"),
    "task.full_date": ("{year}年{month}月{day}日", "{day} {month} {year}"),
    "task.late": ("逾期{days}", "{days} late"),
    "task.on_time": ("按时完成", "on time"),
    "task.overdue": ("{step}逾期{days}", "{step}{days} overdue"),
    "task.left": ("{step}剩{days}", "{step}{days} left"),
    "task.list": ("、", "; "),
    "task.tiered": ("{detail}, {tier}", "{detail}, {tier}"),
    # the groups of --by
    "task.no_lead": ("(未定)", "(none)"),
    "task.zone": ("全区", "zone"),
    # the ledger's columns
    "col.tasks.group_owner": ("牵头单位", "Lead"),
    "col.tasks.group_park": ("园区", "Park"),
    "col.tasks.group_status": ("状态", "Status"),
    "col.tasks.id": ("编号", "No."),
    "col.tasks.name": ("任务", "Task"),
    "col.tasks.tier_text": ("档次", "Tier"),
    "col.tasks.lead": ("牵头单位", "Lead"),
    "col.tasks.owners": ("责任单位", "Also responsible"),
    "col.tasks.due": ("期限", "Deadline"),
    "col.tasks.status": ("状态", "Status"),
    "col.tasks.detail": ("情况", "Detail"),
    "col.tasks.milestone": ("已到节点", "Milestone reached"),
    "col.tasks.percent": ("完成比例", "Percent done"),
    "col.tasks.last_report": ("最近报送", "Last report"),
    "col.tasks.last_status": ("最近状态", "Last status"),
    "col.tasks.note": ("备注", "Note"),
    "tasks.none": ("(无任务)", "(no tasks)"),
    "tasks.title": (
        "{title} 重点工作台账{who} (截至{as_of})",
        "{title} task ledger{who} (as of {as_of})",
    ),
    "tasks.footer": (
        "即将到期: {soon}天内到期; 未报送: 近{period}天无进展报送; "
        "逾期的确保任务 (及未分档任务) 使退出码为1。",
        "Due soon: due within {soon} days; not reported: no progress reported in the last "
        "{period} days; an overdue floor (or untiered) task makes the exit status 1.",
    ),
    # the units' summary
    "col.owners.unit_name": ("单位", "Unit"),
    "col.owners.led": ("牵头任务", "Tasks led"),
    "col.owners.done_late": ("其中逾期完成", "Of which late"),
    "col.owners.shared": ("参与任务", "Tasks shared"),
    "col.owners.shared_overdue": ("参与逾期", "Shared overdue"),
    "owners.title": ("各单位任务汇总 (截至{as_of})", "Tasks by unit (as of {as_of})"),
    "owners.none": ("(任务未写责任单位)", "(no task names its owners)"),
    # the 督查通报
    "bulletin.overall": (
        "截至{when}, 共{total}项任务: 已完成{done}项{late}, "
        "按计划推进{on_track}项, 即将到期{due_soon}项, 逾期{overdue}项, "
        "未报送{unreported}项, 已取消{cancelled}项。",
        "As of {when}, {total} tasks: {done} done{late}, {on_track} on track, "
        "{due_soon} due soon, {overdue} overdue, {unreported} not reported, "
        "{cancelled} cancelled.",
    ),
    "bulletin.late": (" (其中逾期完成{n}项)", " ({n} of them late)"),
    "bulletin.overdue": ("逾期任务: {listed}。", "Overdue: {listed}."),
    "bulletin.unit": (
        "截至{when}, {name}牵头的{led}项任务已完成{done}项{said}{more}。",
        "As of {when}, of the {led} tasks led by {name}, {done} are done{said}{more}.",
    ),
    "bulletin.unit_overdue": (", 逾期{n}项: {listed}", ", {n} overdue: {listed}"),
    "bulletin.unit_none_overdue": (", 无逾期", ", none overdue"),
    "bulletin.unit_soon": ("; 即将到期{n}项: {listed}", "; {n} due soon: {listed}"),
    "bulletin.unit_unreported": ("; 未报送{n}项", "; {n} not reported"),
    # the ledger's charts (view/taskcharts.py)
    "taskchart.as_of": ("截至{as_of}", "as of {as_of}"),
    "taskchart.grey": ("未报送、已取消", "not reported, cancelled"),
    "taskchart.done_of": ("{done}/{live}项", "{done} of {live}"),
    "taskchart.overdue": (", 逾期{n}项", ", {n} overdue"),
    "taskchart.by_unit": ("各牵头单位任务完成情况", "Tasks done by lead unit"),
    "taskchart.by_unit_axis": ("已完成任务占牵头任务 (%)", "tasks done, of those led (%)"),
    "taskchart.share_done": ("完成比例", "share done"),
    "taskchart.all_done": ("全部完成", "all done"),
    "taskchart.n": ("{n}项", "{n}"),
    "taskchart.by_state": ("任务状态分布", "Tasks by state"),
    "taskchart.by_state_axis": ("任务数 (项)", "tasks"),
    "taskchart.tasks": ("任务数", "tasks"),
    # check --by owner
    "col.owner.owner_name": ("责任单位", "Owner"),
    "owner.nobody": ("(未指定责任单位)", "(no owner)"),
    "owner.title": (" · 按责任单位", " · by owner"),
    "owner.footer": ("{name}: {counts}", "{name}: {counts}"),
}
