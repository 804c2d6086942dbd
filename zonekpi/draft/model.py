"""The draft's own data: what was read from a document before it is written as a plan.

A drafted target keeps the words it came from (`source`, the sentence) and how sure the
reading is (`doubts`: the things a person must confirm, written as `# 待确认: …` comments).
Frozen dataclasses: the draft is built once and written once.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Value:
    """A number as the document wrote it, with its unit as zonekpi spells it: `95`, `家`;
    a fraction stays `1/8` (unit `%`)."""

    number: str
    unit: str

    def text(self) -> str:
        if "/" in self.number:
            return self.number
        return f"{self.number}{self.unit}" if self.unit == "%" else f"{self.number} {self.unit}"


@dataclass(frozen=True)
class Target:
    """One target as read from one clause."""

    kind: str  # at_least, more_than, at_most, less_than, between, about, growth, increase,
    # coverage, per_park, allocation, achieved
    values: tuple[Value, ...] = ()  # one value; two for between; none for coverage/achieved
    tier: str | None = None  # floor (确保), stretch (力争/争取), None (no word)
    year: int | None = None  # None: the plan's year
    by: str | None = None  # 上半年, 年底前 …
    park: str | None = None  # a park's name
    shares: tuple[tuple[str, Value], ...] = ()  # allocation: (park name, value)
    source: str = ""  # the sentence
    doubts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Item:
    """What one mention of a clause drafted: an indicator's name and unit, and a target."""

    name: str
    unit: str
    target: Target
    stock: bool | None = None  # None: not said
    share: bool = False  # 占…比重 / 强度 / 占比
    per_capita: bool = False  # 万人…
    lower: bool = False  # lower is better (失业率, 能耗)
    comparable: bool = False  # growth at comparable prices (生产总值, 增加值)
    group: str = ""
    doubts: tuple[str, ...] = ()  # about the indicator: unit guessed, stock or flow not said


@dataclass(frozen=True)
class Figure:
    """A stated actual of an earlier year (2021年完成…, 增速…%)."""

    name: str
    unit: str
    period: int
    value: Value | None = None
    growth: Value | None = None
    park: str | None = None
    source: str = ""


@dataclass(frozen=True)
class Context:
    """A figure the document states that is not a target (总投资110亿元的…项目)."""

    name: str
    value: Value
    source: str = ""
    group: str = ""


@dataclass(frozen=True)
class Left:
    """A sentence with numbers that drafted nothing, and why."""

    sentence: str
    why: str
    line: int = 0


@dataclass
class Reading:
    """Everything drafted from one sentence, for --explain."""

    sentence: str
    line: int
    items: list[Item] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    context: list[Context] = field(default_factory=list)
