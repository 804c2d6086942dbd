"""The JSON document of `zonekpi tasks` (schemas/tasks.schema.json): every task's state with
its numbers apart, its history, and each unit's counts. Keys are stable English; codes, not
words, so that a script reads the same document whatever --lang says."""

from __future__ import annotations

from typing import Any

from ..model.tasks import STATES, Progress, TaskReport, TaskState
from ..version import __version__


def tasks_json(r: TaskReport) -> dict[str, Any]:
    return {
        "zonekpi": __version__,
        "report": "tasks",
        "plan": r.plan_id,
        "title": r.title,
        "file": r.file,
        "as_of": r.as_of.isoformat(),
        "soon_days": r.soon,
        "period_days": r.period,
        "owner": r.owner,
        "summary": {
            "tasks": len(r.states),
            **{k: sum(1 for s in r.states if s.state == k) for k in STATES},
            "done_late": sum(1 for s in r.states if s.state == "done" and s.days_late),
            "failing": sum(1 for s in r.states if s.failing),
        },
        "tasks": [_task(s) for s in r.states],
        "owners": [
            {
                "unit": o.unit,
                "name": r.unit_name(o.unit),
                "led": len(o.led),
                **{k: o.count(k) for k in STATES},
                "shared": len(o.shared),
                "shared_overdue": o.count("overdue", led=False),
            }
            for o in r.owners
        ],
    }


def _task(s: TaskState) -> dict[str, Any]:
    t = s.task
    return {
        "id": t.id,
        "name": t.name,
        "tier": t.tier,
        "decides": t.decides,
        "owners": list(t.owners),
        "lead": t.lead,
        "parks": list(t.parks),
        "due": t.due.isoformat(),
        "due_text": t.due_text,
        "status": s.state,
        "days_overdue": s.days_overdue,
        "days_late": s.days_late,
        "days_left": s.days_left,
        "done_on": s.done_on.isoformat() if s.done_on else None,
        "milestone": s.reached.name if s.reached else None,
        "milestone_due": s.milestone_due.name if s.milestone_due else None,
        "milestones": [
            {"name": m.name, "due": m.due.isoformat() if m.due else None} for m in t.milestones
        ],
        "percent": s.percent,
        "source": t.source,
        "history": [_report(p) for p in s.history],
    }


def _report(p: Progress) -> dict[str, Any]:
    return {
        "date": p.day.isoformat(),
        "milestone": p.milestone,
        "status": p.status,
        "percent": p.percent,
        "note": p.note,
        "reporter": p.reporter,
        "line": p.loc.line,
        "file": p.loc.file,
    }
