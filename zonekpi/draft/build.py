"""A document's text drafted into indicators, targets, figures and context: the sentence forms
run over every sentence, items with one name (or one common id) merged into one indicator, the
same target said twice kept once, ids given in document order.

`draft_text` is the whole of drafting short of reading the file and writing the YAML; the same
text always gives the same draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import InvalidInput, Problem, msg
from . import yesno
from .forms import Drafter
from .indicators import common_id, key, numbered
from .mentions import mentions
from .model import Context, Figure, Item, Left, Reading, Target
from .sentences import Sentence, sentences
from .tasks import DraftTask, draft_tasks
from .units import DraftUnit, Units

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:年|-\d\d-\d\d)")
_ZONE = re.compile(r"一区([一二三四五六七八九十])园")
_CN = {c: i for i, c in enumerate("零一二三四五六七八九十")}
_PARK_IDS = {
    "高新区": "gxq",
    "经开区": "jkq",
    "综保区": "zbq",
    "示范区": "sfq",
    "平原示范区": "pysfq",
    "红旗区": "hqq",
    "牧野区": "myq",
}


@dataclass
class Indicator:
    id: str
    name: str
    unit: str
    items: list[Item] = field(default_factory=list)

    @property
    def targets(self) -> list[Target]:
        return [i.target for i in self.items]


@dataclass
class Draft:
    year: int
    title: str
    parks: tuple[str, ...]
    indicators: list[Indicator]
    figures: list[tuple[str, Figure]]
    context: list[Context]
    readings: list[Reading]
    left: list[Left]
    year_found: bool = False  # the year was read from the document, not given
    units: list[DraftUnit] = field(default_factory=list)  # named in 责任单位 tags
    tasks: list[DraftTask] = field(default_factory=list)
    owners: dict[str, tuple[str, ...]] = field(default_factory=dict)  # sentence -> its item's

    def park_id(self, name: str) -> str:
        return park_ids(self.parks)[name]


def park_ids(parks: tuple[str, ...]) -> dict[str, str]:
    """Park names to ids: gxq, jkq … for the common ones, p1, p2 … for the rest."""
    out: dict[str, str] = {}
    for n, name in enumerate(parks, start=1):
        ident = _PARK_IDS.get(name, f"p{n}")
        out[name] = ident if ident not in out.values() else f"p{n}"
    return out


def plan_year(text: str, file: str) -> int:
    """The plan's year: the latest year its first lines name (2018年, 2020-08-22)."""
    years = [int(y) for y in _YEAR.findall(text[:600])]
    if not years:
        raise InvalidInput(
            [
                Problem(
                    file,
                    0,
                    0,
                    msg("names no year in its first lines; give the plan's year with --year"),
                )
            ]
        )
    return max(years)


def find_parks(text: str) -> tuple[str, ...]:
    """The parks of 一区四园: the first list of one more names ending in 区 than the number of
    园 says (责任单位:高新区、经开区、平原示范区、红旗区、牧野区)."""
    zone = _ZONE.search(text)
    if zone is None:
        return ()
    n = _CN[zone[1]] + 1
    name = r"[\u4e00-\u9fff]{1,5}区"
    for m in re.finditer(rf"{name}(?:、{name})+", text):
        names = m[0].split("、")
        if len(names) == n and len(set(names)) == n:
            return tuple(names)
    return ()


def draft_text(
    text: str,
    year: int | None = None,
    parks: tuple[str, ...] | None = None,
    file: str = "",
    title: str = "",
) -> Draft:
    """Draft a plan from a document's (normalised) text."""
    found = year is None
    year = year if year is not None else plan_year(text, file)
    parks = parks if parks is not None else find_parks(text)
    drafter = Drafter(year, parks)
    readings: list[Reading] = []
    left: list[Left] = []
    sents = sentences(text)
    _short_enough(sents, file)
    for s in sents:
        reading = _read(s, drafter)
        if reading.items or reading.figures or reading.context:
            readings.append(reading)
        elif mentions(s.text):
            left.append(Left(s.text, _why(s), s.line))
    indicators, figures = _indicators(readings)
    context = [c for r in readings for c in r.context]
    title = title or _title(text)
    units = Units(park_ids(parks))
    ledger = draft_tasks(sents, units, year)
    return Draft(
        year,
        title,
        parks,
        indicators,
        figures,
        context,
        readings,
        left,
        found,
        units.units,
        ledger.tasks,
        ledger.owners,
    )


MAX_SENTENCE_CHARS = 2_000  # the five plans' longest sentence is 398 characters


def _short_enough(sents: list[Sentence], file: str) -> None:
    """InvalidInput at the first sentence longer than MAX_SENTENCE_CHARS: the forms look back
    over a sentence for each number in it, so a sentence's cost grows as its length squared."""
    for s in sents:
        if len(s.text) > MAX_SENTENCE_CHARS:
            said = msg(
                "a sentence of {chars:,} characters; a sentence to draft from is at most {most:,} "
                "(a plan's longest is a few hundred): is this the plan's text?",
                chars=len(s.text),
                most=MAX_SENTENCE_CHARS,
            )
            raise InvalidInput([Problem(file, s.line, 0, said)])


_INCENTIVE = re.compile(r"奖励|补助|补贴|资助|最高不超过|最高补")
_ELSEWHERE = re.compile(r"^(?:比如|例如|如)?[,]?(?:中央|全国|国家|国务院|全省)")


def _read(s: Sentence, drafter: Drafter) -> Reading:
    if _INCENTIVE.search(s.text) or _ELSEWHERE.match(s.text):
        return Reading(s.text, s.line)
    items: list[Item] = []
    taken: set[int] = set()
    for form in (yesno.distributive, yesno.per_park, yesno.allocation):
        found, used = form(s, drafter)
        items += found
        taken |= used
    items += yesno.coverage(s, drafter)
    if not s.past:
        items += yesno.achieved(s, drafter)
    reading = drafter.read(s, taken)
    reading.items[:0] = items
    return reading


def _why(s: Sentence) -> str:
    if _INCENTIVE.search(s.text):
        return "incentive"
    if _ELSEWHERE.match(s.text):
        return "elsewhere"
    if s.past:
        return "past"
    return "no_target_form"


def _title(text: str) -> str:
    for line in text.split("\n"):
        line = line.strip()
        if 4 <= len(line) <= 60 and not re.match(r"^(?:发布日期|来源|\d)", line):
            return line
    return "起草的规划"


def _indicators(readings: list[Reading]) -> tuple[list[Indicator], list[tuple[str, Figure]]]:
    by_key: dict[str, Indicator] = {}
    order: list[Indicator] = []
    n = 0

    def find(name: str, unit: str) -> Indicator:
        nonlocal n
        ident = common_id(name)
        k = ident or key(name)
        found = by_key.get(k)
        if found is not None and _same_kind(found.unit, unit):
            return found
        if ident is None or (found is not None):
            n += 1
            ident = numbered(n)
        made = Indicator(ident, name, unit)
        by_key.setdefault(k, made)
        order.append(made)
        return made

    # Indicators by the targets they hold, so that neither a repeat nor a target said twice is
    # looked for among all indicators (a document of thousands of targets would take minutes):
    # a repeat is looked for among the first MAX_REPEAT_CANDIDATES indicators with the same
    # target (a plan has a handful).
    sharing: dict[tuple[object, ...], list[Indicator]] = {}
    held: dict[int, set[tuple[object, ...]]] = {}
    for r in readings:
        for item in r.items:
            said = _signature(item.target)
            if any(_repeated(item, other) for other in sharing.get(said, ())):
                continue  # the same target said again, in other words (三(七)1 repeats (八))
            ind = find(item.name, item.unit)
            if said not in held.setdefault(id(ind), set()):
                held[id(ind)].add(said)
                ind.items.append(item)
                same = sharing.setdefault(said, [])
                if len(same) < MAX_REPEAT_CANDIDATES:
                    same.append(ind)
    figures: list[tuple[str, Figure]] = []
    seen: set[tuple[str, str | None, int]] = set()
    for r in readings:
        for fig in r.figures:
            ind = find(fig.name, fig.unit if fig.value is not None else "亿元")
            if (ind.id, fig.park, fig.period) in seen:
                continue
            seen.add((ind.id, fig.park, fig.period))
            figures.append((ind.id, fig))
    return order, figures


def _repeated(item: Item, ind: Indicator) -> bool:
    """Whether `item` says again what `ind` already has: the same target, in a unit of the
    same kind, under a name that is nearly the same (新培育市级研发平台, 培育市级研发平台)."""
    from difflib import SequenceMatcher

    if key(item.name) == key(ind.name) or not _same_kind(item.unit, ind.unit):
        return False
    if any(i.target.source == item.target.source for i in ind.items):
        return False  # one sentence's list (总产值、增加值增长8.5%) is not a repeat
    a, b = key(item.name), key(ind.name)
    matcher = SequenceMatcher(None, a, b)
    if item.target.kind in ("achieved", "coverage"):  # names of things to do: a long common part
        close = matcher.find_longest_match(0, len(a), 0, len(b)).size >= 6
    else:
        close = matcher.ratio() >= 0.6
    return close and any(_same(t, item.target) for t in ind.targets)


def _same_kind(unit: str, other: str) -> bool:
    from ..model import units

    try:
        return units.compatible(units.parse_unit(unit), units.parse_unit(other))
    except Exception:
        return unit == other


MAX_REPEAT_CANDIDATES = 64


def _signature(t: Target) -> tuple[object, ...]:
    """What makes two targets the same target (their sentences and doubts aside)."""
    return (t.kind, t.values, t.tier, t.year, t.park, t.shares)


def _same(a: Target, b: Target) -> bool:
    return _signature(a) == _signature(b)
