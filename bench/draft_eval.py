"""How well `zonekpi draft` reads the five source documents: recall and precision of the
drafted targets against the hand-written plans in plans/, and the time a draft takes.

Usage:  python bench/draft_eval.py [DOCS_DIR] [--write]
DOCS_DIR holds the five documents (default bench/docs, copies of ../shared/seeds); --write puts
the results in bench/RESULTS.md, between the draft markers, keeping the rest of the file.

Matching, precisely. Each drafted plan is written to YAML and loaded by zonekpi's own reader
(so it must validate), as is the hand-written plan; targets are compared as loaded:

- kind: the same comparison key (at_least, more_than, at_most, less_than, between, about,
  growth, increase, coverage, per_park, allocation, achieved);
- value: the drafted value converted to the plan target's unit (亿元 and 万元 convert; 家 and
  个 do not, so a wrong counting word is a miss) equals the plan's within 1e-9; for between
  both ends, for allocation every park's share, for coverage the same parks, for achieved 是;
- tier: the same, a target without tier counting as floor (确保 = no word = floor);
- year: the same (a target without year is for the plan's year);
- park: the same park, parks compared by name (ids are the writer's choice);
- indicator: the same id (the draft's table of common ids, such as gdp, uses the plans' ids),
  or else the same sentence: every piece of one of the plan's sources for that target (the
  target's `source` or its indicator's; pieces split at …) appears in the drafted target's
  source sentence, or that sentence appears in it — text compared without punctuation and
  spaces.

Each plan target is matched to at most one drafted target and each drafted target to at most
one plan target, taking plan targets in order and the first drafted target that matches.
recall = matched ÷ plan targets; precision = matched ÷ drafted targets. Deadlines (by:),
figures and context are not scored.

Tasks (`tasks:`, the 重点工作台账) are compared the same way, one to one, a drafted task matching
a plan task when:

- source: every piece of the plan task's source (pieces split at …) appears in the drafted
  task's source, or the drafted source appears in the plan's (text compared as above);
- project: the drafted name and the plan's name, each without the words for what is to happen
  (开工建设, 竣工投产, 落地 …) and without 项目, one inside the other; or, when the plan has one
  task with that source and the draft one task with that source, any names;
- tier: the same, a task without tier counting as floor;
- deadline: the same day (so by: 年内, by: 年底前 and no by: are one deadline, as zonekpi reads
  them), in the same year.

The owners of the matched tasks are compared too (the same units, by name, in the same order,
the lead first) and counted apart: a task with wrong owners still counts as found.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zonekpi.draft.api import draft  # noqa: E402
from zonekpi.model import units  # noqa: E402
from zonekpi.model.plan import Plan, Target  # noqa: E402
from zonekpi.model.tasks import Task  # noqa: E402
from zonekpi.read.plan import load_plan  # noqa: E402

DOCUMENTS = {
    "000_1656d75d8a416ddb.txt": "luoyang-gxq-2018.yaml",
    "001_338b8e59059554a2.txt": "xinxiang-gxq-2017.yaml",
    "002_00109589de5bb457.txt": "jianxi-2022.yaml",
    "003_668f737389d392d3.txt": "xinxiang-2018.yaml",
    "004_b7fa97706e10815e.txt": "xinxiang-gxq-2020.yaml",
}
BEGIN = "<!-- draft_eval: begin -->"
END = "<!-- draft_eval: end -->"
_STRIP = re.compile(r"[^\w%.]|_")


def norm(text: str) -> str:
    return _STRIP.sub("", text)


def _sources(plan: Plan) -> dict[int, tuple[str, str, str]]:
    """id(target) -> (indicator id, its source sentence, its indicator's source)."""
    out: dict[int, tuple[str, str, str]] = {}
    for ind in plan.indicators:
        for t in ind.targets:
            out[id(t)] = (ind.id, t.source or ind.source or "", ind.source or "")
    return out


def _same_sentence(drafted: str, sources: tuple[str, ...]) -> bool:
    sentence = norm(drafted)
    for source in sources:
        pieces = [norm(x) for x in re.split(r"…|\.\.\.", source) if len(norm(x)) >= 2]
        if sentence and pieces and (all(x in sentence for x in pieces) or sentence in norm(source)):
            return True
    return False


def _same_value(d: Decimal | None, d_unit: str, p: Decimal | None, p_unit: str) -> bool:
    if d is None or p is None:
        return d is None and p is None
    if not units.compatible(d_unit, p_unit):
        return False
    return abs(units.convert(d, d_unit, p_unit) - p) <= Decimal("1e-9")


def _covered(plan: Plan, t: Target) -> list[str] | None:
    return None if t.parks is None else sorted(plan.park(x).name for x in t.parks)


def matches(
    d: Target, p: Target, dplan: Plan, pplan: Plan, dsrc: tuple[str, ...], psrc: tuple[str, ...]
) -> bool:
    if d.kind != p.kind or (d.tier or "floor") != (p.tier or "floor") or d.year != p.year:
        return False
    dpark = dplan.park(d.park).name if d.park else None
    ppark = pplan.park(p.park).name if p.park else None
    if dpark != ppark:
        return False
    if p.kind == "allocation":
        dn = {dplan.park(k).name: v for k, v in d.shares}
        pn = {pplan.park(k).name: v for k, v in p.shares}
        if dn.keys() != pn.keys() or any(not _same_value(dn[k], d.unit, pn[k], p.unit) for k in pn):
            return False
    elif p.kind == "coverage":
        if _covered(dplan, d) != _covered(pplan, p):
            return False
    elif p.kind != "achieved":
        if not _same_value(d.value, d.unit, p.value, p.unit):
            return False
        if not _same_value(d.high, d.unit, p.high, p.unit):
            return False
    return dsrc[0] == psrc[0] or _same_sentence(dsrc[1], psrc[1:])


def compare(dplan: Plan, pplan: Plan) -> tuple[int, int, int, list[str], list[str]]:
    dsrc, psrc = _sources(dplan), _sources(pplan)
    drafted = [t for i in dplan.indicators for t in i.targets]
    wanted = [t for i in pplan.indicators for t in i.targets]
    used: set[int] = set()
    found = 0
    missed: list[str] = []
    for p in wanted:
        hit = next(
            (
                n
                for n, d in enumerate(drafted)
                if n not in used and matches(d, p, dplan, pplan, dsrc[id(d)], psrc[id(p)])
            ),
            None,
        )
        if hit is None:
            missed.append(f"{psrc[id(p)][0]}: {p.kind} {p.text}")
        else:
            used.add(hit)
            found += 1
    extra = [
        f"{dsrc[id(d)][0]}: {d.kind} {d.text} ← {dsrc[id(d)][1][:50]}"
        for n, d in enumerate(drafted)
        if n not in used
    ]
    return found, len(wanted), len(drafted), missed, extra


_HAPPEN = re.compile(
    r"(?:新开工建设|开工建设|新开工|开工|竣工投产|竣工通车|全面竣工|竣工|建成投产|建成投用|投产|"
    r"落户园区|落户|落地|实现项目进驻|进驻|主体工程过半)$"
)


def _core(name: str) -> str:
    return norm(_HAPPEN.sub("", norm(name))).replace("项目", "")


def _tasks(plan: Plan) -> list[Task]:
    return list(plan.ledger.tasks) if plan.ledger is not None else []


def _owner_names(plan: Plan, task: Task) -> list[str]:
    names = []
    for ident in task.owners:
        try:
            names.append(plan.ledger.unit(ident).name if plan.ledger else plan.park(ident).name)
        except KeyError:
            names.append(plan.park(ident).name)
    return names


def task_matches(d: Task, p: Task, alone: bool) -> bool:
    if (d.tier or "floor") != (p.tier or "floor") or d.due != p.due:
        return False
    if not _same_sentence(d.source or "", (p.source or "",)):
        return False
    a, b = _core(d.name), _core(p.name)
    return alone or bool(a and b and (a in b or b in a))


def compare_tasks(dplan: Plan, pplan: Plan) -> tuple[int, int, int, int, list[str], list[str]]:
    """(matched, plan tasks, drafted tasks, matched with the right owners, missed, extra)."""
    drafted, wanted = _tasks(dplan), _tasks(pplan)
    used: set[int] = set()
    found = owned = 0
    missed: list[str] = []
    for p in wanted:
        same_p = [x for x in wanted if x.source == p.source]
        hit = None
        for n, d in enumerate(drafted):
            if n in used:
                continue
            same_d = [x for x in drafted if x.source == d.source]
            if task_matches(d, p, len(same_p) == 1 and len(same_d) == 1):
                hit = n
                break
        if hit is None:
            missed.append(f"{p.id}: {p.name}")
            continue
        used.add(hit)
        found += 1
        owned += _owner_names(dplan, drafted[hit]) == _owner_names(pplan, p)
    extra = [f"{d.id}: {d.name}" for n, d in enumerate(drafted) if n not in used]
    return found, len(wanted), len(drafted), owned, missed, extra


def main(argv: list[str]) -> int:
    write = "--write" in argv
    verbose = "-v" in argv
    args = [a for a in argv if not a.startswith("-")]
    docs = Path(args[0]) if args else ROOT / "bench" / "docs"
    rows = []
    notes: list[str] = []
    totals = [0, 0, 0]
    task_rows = []
    task_notes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for doc, plan_name in DOCUMENTS.items():
            text, _made = draft(docs / doc)
            out = Path(tmp) / f"{doc}.yaml"
            out.write_text(text, encoding="utf-8")
            dplan = load_plan(out)
            pplan = load_plan(ROOT / "plans" / plan_name)
            found, wanted, drafted, missed, extra = compare(dplan, pplan)
            totals = [totals[0] + found, totals[1] + wanted, totals[2] + drafted]
            rows.append((doc, plan_name, found, wanted, drafted))
            notes += [f"- {plan_name}: missed {m}" for m in missed]
            notes += [f"- {plan_name}: not in the plan: {e.split(' ← ')[0]}" for e in extra]
            t_found, t_wanted, t_drafted, t_owned, t_missed, t_extra = compare_tasks(dplan, pplan)
            task_rows.append((doc, plan_name, t_found, t_wanted, t_drafted, t_owned))
            task_notes += [f"- {plan_name}: missed task {m}" for m in t_missed]
            task_notes += [f"- {plan_name}: task not in the plan: {e}" for e in t_extra]
            if verbose:
                print(f"== {plan_name}")
                for m in missed:
                    print("  missed", m)
                for e in extra:
                    print("  extra ", e)
                for m in t_missed:
                    print("  missed task", m)
                for e in t_extra:
                    print("  extra task ", e)
    timing = _timing(docs)
    table = _table(rows, totals, timing, notes) + "\n\n" + _task_table(task_rows, task_notes)
    print(table)
    if write:
        _write(table)
    return 0


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "–"


def _timing(docs: Path) -> str:
    from zonekpi.draft.build import draft_text
    from zonekpi.draft.document import read_document

    text = "\n".join(read_document(docs / doc) for doc in DOCUMENTS)[:30000]
    runs = sorted(_clock(lambda: draft_text(text)) for _ in range(5))
    return (
        f"drafting a {len(text):,}-character document (the five documents run together, cut "
        f"at 30,000 characters): median of 5 runs {runs[2] * 1000:.0f} ms, slowest "
        f"{runs[-1] * 1000:.0f} ms (goal < 1 s)"
    )


def _clock(run: object) -> float:
    start = time.perf_counter()
    run()  # type: ignore[operator]
    return time.perf_counter() - start


def _table(
    rows: list[tuple[str, str, int, int, int]], totals: list[int], timing: str, notes: list[str]
) -> str:
    lines = [
        "## (e) Drafting plans from their documents (`zonekpi draft`)",
        "",
        "Written by `python bench/draft_eval.py --write`; matching rules in its docstring. "
        "Goal: recall ≥ 85% and precision ≥ 80% overall, each document ≥ 70%.",
        "",
        "| document | plan | plan targets | drafted | matched | recall | precision |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for doc, plan, found, wanted, drafted in rows:
        lines.append(
            f"| {doc} | {plan} | {wanted} | {drafted} | {found} | {_pct(found, wanted)} "
            f"| {_pct(found, drafted)} |"
        )
    found, wanted, drafted = totals
    lines.append(
        f"| **all** | | {wanted} | {drafted} | {found} | **{_pct(found, wanted)}** "
        f"| **{_pct(found, drafted)}** |"
    )
    lines += ["", "What the drafts miss, and what they draft that the plans do not have:", ""]
    lines += notes or ["- nothing"]
    lines += [
        "",
        "The sentence forms were written from these five documents: the figures say how "
        "completely the drafts read them, not how a sixth document will fare.",
        "",
        f"Speed: {timing}.",
    ]
    return "\n".join(lines)


def _task_table(rows: list[tuple[str, str, int, int, int, int]], notes: list[str]) -> str:
    lines = [
        "### Tasks (`tasks:`, 重点工作台账)",
        "",
        "Items with a (责任单位: …) tag and the named projects of 开工/竣工/投产/落地 sentences; "
        "matched by source sentence and project name, with the right tier and deadline "
        "(rules in the script's docstring). Goal: recall ≥ 85% and precision ≥ 80% overall. "
        "*owners right*: matched tasks whose owners are the plan's, in its order.",
        "",
        "| document | plan | plan tasks | drafted | matched | recall | precision | owners right |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for doc, plan, found, wanted, drafted, owned in rows:
        lines.append(
            f"| {doc} | {plan} | {wanted} | {drafted} | {found} | {_pct(found, wanted)} "
            f"| {_pct(found, drafted)} | {owned} of {found} |"
        )
    found, wanted, drafted, owned = (sum(r[n] for r in rows) for n in (2, 3, 4, 5))
    lines.append(
        f"| **all** | | {wanted} | {drafted} | {found} | **{_pct(found, wanted)}** "
        f"| **{_pct(found, drafted)}** | {owned} of {found} |"
    )
    lines += ["", "Tasks the drafts miss, and tasks they draft that the plans do not have:", ""]
    lines += notes or ["- nothing"]
    lines += [
        "",
        "As for targets, the task forms were written from these five documents. The four "
        "保障措施 items of the 2020 document, tagged (牵头单位: …; 配合单位: …), were missing "
        "from its plan and were added to it (with their units) when the drafting of tasks was "
        "measured.",
    ]
    return "\n".join(lines)


def _write(table: str) -> None:
    path = ROOT / "bench" / "RESULTS.md"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    section = f"{BEGIN}\n{table}\n{END}"
    if BEGIN in old and END in old:
        new = old[: old.index(BEGIN)] + section + old[old.index(END) + len(END) :]
    else:
        new = old.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
