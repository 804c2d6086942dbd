"""Named projects a sentence commits to, one task each: a list of projects and what is to
happen to them (确保德恩叉车1#厂房、新豪机电…等在建项目竣工投产; 开工建设辛辛路改建、开元西路…等一批
基础设施工程), or one project with a tier word or a deadline (力争上半年竣工通车, the project
named in the clause before: 进一步加快河洛路改扩建工程建设进度).

`projects(clause, previous)` returns (name, project) pairs, each name the project and the words
for what is to happen (新乡大数据产业园项目开工建设); the caller gives tier, deadline and source.
"""

from __future__ import annotations

import re

from . import words as w

# What is to happen to a project, the longer words first.
DONE = re.compile(
    r"新开工建设|开工建设|新开工|竣工投产|竣工通车|竣工验收|全面竣工|建成投产|建成投用|建成运营|"
    r"投入使用|投入运营|实现项目进驻|主体工程过半|落户园区|开工|竣工|投产|落户|落地|进驻|注册|备案"
)
# Words before a project that are not its name.
LEAD = re.compile(
    r"^(?:(?:确保|力争|争取|努力|积极|全力|加快推进|重点推进|大力推进|推进|推动|加快|抓好|"
    r"今年|年内|全年|要|并|同时|进一步|(?:19|20)\d\d年|上半年|年底前|[一二三]季度末|"
    r"\d{1,2}月底前)\s*)+"
)
# A word a project's name holds (a place, a building, a firm, a works).
_PROJECT = re.compile(
    r"项目|工程|园|基地|中心|厂房|大道|路|桥|岛|城|院|馆|公司|集团|厂|站|线|楼|场|港|库|平台|"
    r"机构|小区|改造"
)
# The end of a listed thing that is an activity, not a project (旅游开发, 文物交流).
_ACTIVITY = re.compile(
    r"(?:开发|交流|合作|服务|工作|活动|改革|政策|精神|部署|产业|企业|人才|技术)$"
)
_VAGUE = re.compile(r"更多|一批|尽快|早日|如期|各项|相关|优质|重大项目")
# A numeric target's words: such a clause is a target, not a task (不少于2只, 50家以上).
NUMERIC = re.compile(r"不少于|不低于|以上|达到|超过|突破|增长|左右|以内|不超过|\d+(?:\.\d+)?%")
# A deadline tied to an event: 河洛文化旅游节前, 科技成果交易会前.
EVENT = re.compile(
    r"(?P<event>[\u4e00-\u9fff]{2,12}?(?:节|博览会|交易会|洽谈会|推介会|峰会|论坛|运动会|展会|年会))"
    r"(?:开幕)?前"
)
_YEARS = re.compile(r"(?:今年|当年|本年|年内)|(?:19|20)\d\d年(?:年)?(?:底|末)?(?:前)?")


def strip_when(clause: str) -> str:
    """A clause without its tier words, years, deadline and event (确保今年河洛文化旅游节前建成投用
    → 建成投用)."""
    text = w.TIER.sub("", clause)
    text = EVENT.sub("", _YEARS.sub("", text))
    return w.DEADLINE.sub("", text).strip()


def event_of(clause: str) -> str | None:
    """The event a clause's deadline names: 确保今年河洛文化旅游节前建成投用 → 河洛文化旅游节."""
    m = EVENT.search(_YEARS.sub("", w.TIER.sub("", clause)))
    return m["event"] if m else None


def projects(clause: str, previous: str, governed: bool) -> list[tuple[str, str]]:
    """(task name, project) for each named project `clause` commits to; `governed`: a tier word
    or a deadline governs the clause (a single project needs one; a list with 等 does not)."""
    if NUMERIC.search(clause):
        return []
    both = _each_with_its_verb(clause)
    if both:
        return both
    body = LEAD.sub("", clause)
    first = re.match(r"^(?P<verb>新开工建设|开工建设|新开工|开工)(?P<rest>.+、.+)$", body)
    if first is not None:
        return _verb_first(first["verb"], first["rest"])
    listed = _listed(clause, governed)
    if listed is not None:
        return listed
    return _single(clause, previous) if governed else []


def _each_with_its_verb(clause: str) -> list[tuple[str, str]]:
    """确保银隆…一期项目建成投产、银隆…一期项目主体工程过半: each part of the list has its own
    verb, each part a project."""
    parts = [LEAD.sub("", p) for p in clause.split("、")]
    if len(parts) < 2:
        return []
    out: list[tuple[str, str]] = []
    for part in parts:
        verbs = list(DONE.finditer(part))
        if not verbs or verbs[-1].end() != len(part) or verbs[-1].start() < 4:
            return []
        project = part[: verbs[-1].start()]
        if not _PROJECT.search(project) or _VAGUE.search(project):
            return []
        out.append((part, project))
    return out


def _verb_first(verb: str, rest: str) -> list[tuple[str, str]]:
    """开工建设辛辛路改建、…、新华路跨洛河大桥工程等一批基础设施工程."""
    if "等" not in rest:
        return []
    names = rest[: rest.rfind("等")].split("、")
    if not _names_ok(names):
        return []
    return [(n + verb, n) for n in names]


def _listed(clause: str, governed: bool) -> list[tuple[str, str]] | None:
    """力争新乡大数据产业园、沈数机床、长荣线业等项目开工建设: the list before 等 (or, when a tier
    word governs it, before 项目), the verb after; None when the clause has no such list."""
    for verb in DONE.finditer(clause):
        head = clause[: verb.start()]
        if "、" not in head:
            continue
        if "等" in head:
            names = head[: head.rfind("等")].split("、")
            mid = head[head.rfind("等") + 1 :]
        elif governed:
            names = head.split("、")
            last = names[-1]
            at = last.find("项目")
            if at <= 0:
                return None
            names[-1], mid = last[:at], last[at:]
        else:
            return None
        names[0] = LEAD.sub("", names[0])
        if not _names_ok(names):
            return None
        what = verb[0]
        if what == "新开工" and clause[verb.end() :].startswith("项目"):
            what = "开工"
        project = "项目" if re.search(r"项目", mid) else ""
        return [(n + ("" if n.endswith("项目") else project) + what, n) for n in names]
    return None


def _names_ok(names: list[str]) -> bool:
    return len(names) >= 2 and all(
        2 <= len(n) <= 40 and not _ACTIVITY.search(n) and not _VAGUE.search(n) for n in names
    )


def _single(clause: str, previous: str) -> list[tuple[str, str]]:
    """确保上半年实现项目进驻: one project, named here or in the clause before."""
    rest = LEAD.sub("", strip_when(clause))
    verbs = list(DONE.finditer(rest))
    if not verbs:
        return []
    subject = rest[: verbs[-1].start()]
    if subject in ("", "实现", "项目", "实现项目"):
        project = _named_before(previous)
        return [(project + rest, project)] if project else []
    if _PROJECT.search(subject) and not _VAGUE.search(subject) and len(subject) <= 40:
        return [(rest, subject)]
    return []


def _named_before(previous: str) -> str:
    """The project the clause before names: 合作建设洛阳市军民融合成果转移中心 → 洛阳市军民融合
    成果转移中心; 进一步加快河洛路改扩建工程建设进度 → 河洛路改扩建工程."""
    for m in reversed(list(re.finditer(r"建设|推进|加快|推动", previous))):
        name = re.sub(r"(?:建设进度|建设|筹建|进度)$", "", previous[m.end() :]).strip()
        name = LEAD.sub("", name)
        if len(name) >= 3 and _PROJECT.search(name) and not _VAGUE.search(name):
            return name
    return ""
