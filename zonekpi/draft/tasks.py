"""Tasks drafted from a document (重点工作台账): each item that ends with a "(责任单位: …)" tag
is a task owned by the tag's units, the lead first; each named project a sentence commits to
(`projects`) is a task of its own under that sentence, with the tier its word gives (确保 floor,
力争/争取 stretch), the deadline the sentence gives (上半年, 年底前, 6月底前; an event's name
for 河洛文化旅游节前, whose date the reviewer must add) and its steps (完成注册, 实现备案, 力争纳入…
序列; 竣工投产) as milestones.

`draft_tasks` also says which sentences stand inside a tagged item, so that the targets they
state carry the item's owners.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import words as w
from .clause import deadline
from .projects import DONE, NUMERIC, event_of, projects
from .sentences import Sentence, clauses
from .units import TAG, Units

_LEVELS = (
    re.compile(r"^\s*[一二三四五六七八九十]+、"),
    re.compile(r"^\s*\([一二三四五六七八九十]+\)"),
    re.compile(r"^\s*\d{1,2}(?:\.|、)"),
)
_NUMBER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}(?:\.|、))"
)
_STEP = re.compile(
    r"^(?P<tier>确保|力争|争取)?(?P<when>[^,;。]{0,8}?)(?:完成|实现|启动)?"
    r"(?P<step>签约|开工建设|开工|主体完工|竣工验收|竣工|投产|注册|备案|纳入[^,;。]{0,20}?序列)$"
)
_LATER = "期限: 文中有以后的年份, 若任务在那一年到期, 写 year:"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")


@dataclass(frozen=True)
class DraftMilestone:
    name: str
    by: str | None = None
    note: str = ""


@dataclass(frozen=True)
class DraftTask:
    name: str
    source: str
    tier: str | None = None  # floor (确保), stretch (力争/争取), None (no word)
    by: str | None = None  # 上半年, 年底前, 6月底前 …; None: 年底前
    event: str | None = None  # an event the deadline names, its date not in the document
    year: int | None = None  # a later year than the plan's
    owners: tuple[str, ...] = ()  # unit and park ids, the lead first
    group: str = ""
    milestones: tuple[DraftMilestone, ...] = ()
    line: int = 0
    doubts: tuple[str, ...] = ()


@dataclass
class Ledger:
    """What `draft_tasks` found: the tasks, and the owners of each sentence in a tagged item."""

    tasks: list[DraftTask] = field(default_factory=list)
    owners: dict[str, tuple[str, ...]] = field(default_factory=dict)


def draft_tasks(sents: list[Sentence], units: Units, year: int) -> Ledger:
    ledger = Ledger()
    lines: dict[int, list[Sentence]] = {}
    for s in sents:
        lines.setdefault(s.line, []).append(s)
    heads: list[str] = ["", "", ""]
    seen: list[str] = []
    for item in lines.values():
        level = next((n for n, p in enumerate(_LEVELS) if p.match(item[0].text)), None)
        group = next((h for h in reversed(heads[: level or 0]) if h), "")
        if level is not None:
            heads[level:] = [item[0].group] + [""] * (2 - level)
        tag = None
        for s in item:
            tag = TAG.search(s.text) or tag
        owners = units.owners(tag["body"]) if tag else ()
        if tag:
            ledger.tasks.append(_item(item, owners, group if level is not None else "", year))
            for s in item:
                ledger.owners[s.text] = owners
        for s in item:
            if not s.past:
                ledger.tasks += _projects(s, owners, year, seen)
    return ledger


def _item(item: list[Sentence], owners: tuple[str, ...], group: str, year: int) -> DraftTask:
    """A tagged item as one task: named by its heading (1.深化管理体制改革。), its source the
    heading … the last sentence and the tag."""
    texts = [s.text for s in item]
    first = texts[0]
    doubts: list[str] = []
    heading = re.match(r"^(?P<h>[^。,;:]{2,40}?)。", first)
    if _NUMBER.match(first) and heading is not None:
        name = _NUMBER.sub("", heading["h"]).strip()
    else:
        name = re.split(r"[,;:。(]", _NUMBER.sub("", first))[0][:30]
        doubts.append("任务名取自这一项的第一句, 请改成简短的名称")
    body = [t for t in texts if not TAG.fullmatch(t.strip())]
    tail = "".join(t for t in texts if TAG.fullmatch(t.strip()))
    source = "".join(texts) if len(body) <= 2 else body[0] + "…" + body[-1] + tail
    tier: str | None = None
    by: str | None = None
    milestones: tuple[DraftMilestone, ...] = ()
    for s in item[1:] if heading is not None else item:  # a heading's 确保 is its title
        found = _milestones(s.text)
        milestones = milestones or found
        t, b = _tier(s.text, skip=bool(found))
        if t is not None and tier is None:
            tier, by = t, b
    later = [int(y) for y in _YEAR.findall(" ".join(texts)) if int(y) > year]
    return DraftTask(
        name=name,
        source=source,
        tier=tier,
        by=by,
        owners=owners,
        group=group,
        milestones=milestones,
        line=item[0].line,
        year=None,
        doubts=(
            *doubts,
            *([_LATER] if later else []),
        ),
    )


def _tier(sentence: str, skip: bool) -> tuple[str | None, str | None]:
    """The tier and deadline of a clause of the sentence that commits to something done, not
    to a number (力争年底前实现"只进一扇门、最多跑一次"; not 力争1-2家企业上市)."""
    for _at, clause in clauses(sentence):
        word = w.TIER.search(clause)
        if word is None or re.search(r"\d", clause[word.start() :]):
            continue
        if skip and _STEP.match(clause.strip().rstrip("。;")):
            continue
        return w.TIERS[word[0]], deadline(clause)
    return None, None


def _milestones(sentence: str) -> tuple[DraftMilestone, ...]:
    """Steps in a row (完成注册,实现备案,力争纳入省重大新型研发机构序列) as milestones."""
    run: list[DraftMilestone] = []
    best: list[DraftMilestone] = []
    for _at, clause in clauses(sentence):
        m = _STEP.match(clause.strip().rstrip("。;"))
        if (
            m is None
            or re.search(r"\d", m["when"])
            or (len(m["when"]) > 4 and not deadline(clause))
        ):
            best, run = (run if len(run) > len(best) else best), []
            continue
        step = "纳入序列" if m["step"].startswith("纳入") else m["step"]
        note = "力争" if m["tier"] in ("力争", "争取") else ""
        run.append(DraftMilestone(step, deadline(clause), note))
    best = run if len(run) > len(best) else best
    return tuple(best) if len(best) >= 2 else ()


def _projects(s: Sentence, owners: tuple[str, ...], year: int, seen: list[str]) -> list[DraftTask]:
    out: list[DraftTask] = []
    for part in re.findall(r"[^;]+;?", s.text):
        previous = ""
        for at, whole in clauses(part):
            clause = whole.strip().rstrip("。;!?")
            if not DONE.search(clause):
                previous = clause
                continue
            event = event_of(clause)
            by = deadline(clause)
            word = w.TIER.search(clause)
            tier = w.TIERS[word[0]] if word else _governing(part, at)
            governed = word is not None or by is not None or event is not None
            later = [int(y) for y in _YEAR.findall(clause) if int(y) > year]
            for name, project in projects(clause, previous, governed):
                if any(project in p or p in project for p in seen):
                    continue
                seen.append(project)
                out.append(_project(name, part, tier, by, event, later, owners, s, clause))
            previous = clause
    return out


def _governing(part: str, at: int) -> str | None:
    found = [m[0] for m in w.TIER.finditer(part, 0, at)]
    return w.TIERS[found[-1]] if found and not NUMERIC.search(part[:at]) else None


def _project(
    name: str,
    part: str,
    tier: str | None,
    by: str | None,
    event: str | None,
    later: list[int],
    owners: tuple[str, ...],
    s: Sentence,
    clause: str,
) -> DraftTask:
    doubts: list[str] = []
    steps: tuple[DraftMilestone, ...] = ()
    if "竣工投产" in clause:
        steps = (DraftMilestone("竣工"), DraftMilestone("投产"))
    year = later[-1] if later else None
    if year is not None:
        doubts.append(f"期限: 原文写 {year}年, 按 {year} 年底前起草; 核对 year: 和 by:")
    if tier is None:
        doubts.append("原文没有 确保/力争: 是否作为考核任务, 按 确保 (floor) 核对")
    return DraftTask(
        name=name,
        source=part.strip(),
        tier=tier,
        by=by,
        event=event,
        year=year,
        owners=owners,
        group=s.group,
        milestones=steps,
        line=s.line,
        doubts=tuple(doubts),
    )
