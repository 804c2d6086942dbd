"""Revisions: the same figure given by several figure files, each with its status.

Statistics offices send a figure more than once as it is revised: 快报 (the flash estimate),
初步核算, 核实, 最终. A table may say which in a 状态 (status) column. When the figure files
given to one command (--data, in order) hold the same figure (indicator, park, period) with
different values, the rule is:

- every one of them has a status, and one status is later than all the others: that one is
  used, whatever the order of the files, and each revision is a warning line (old → new, with
  the file and line of both);
- otherwise (a value without a status, or two with the same status) it is an error, as two
  values for one figure in one file always were: say which is which, or keep one.

The same value given twice is no revision and passes silently, as it always did.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from ..errors import Problem, joined, msg
from ..model import units
from ..model.plan import Figure, Indicator
from .names import STATUS_NAMES, status_rank

Statuses = dict[tuple[str, int, str, str | None], str]


def settle_revisions(
    figures: list[Figure],
    statuses: Statuses,
    indicators: dict[str, Indicator],
    problems: list[Problem],
) -> tuple[list[Figure], list[str]]:
    """`figures` with every revised figure replaced by its latest status, and a warning line
    for each revision; a problem for two values that no status orders."""
    first: dict[tuple[str, str | None, object], int] = {}
    repeated: dict[tuple[str, str | None, object], list[int]] = {}
    for n, fig in enumerate(figures):
        key = fig[:3]
        if key in first:
            repeated.setdefault(key, [first[key]]).append(n)
        else:
            first[key] = n
    if not repeated:
        return figures, []
    dropped: set[int] = set()
    warnings: list[str] = []
    for at in repeated.values():
        figs = [figures[n] for n in at]
        if len({_values(f) for f in figs}) == 1:
            continue  # the same figure given again: no revision
        said = [statuses.get((f.file, f.line, f.indicator, f.park)) for f in figs]
        ranks = [status_rank(s) if s else None for s in said]
        top = max((r for r in ranks if r is not None), default=None)
        if top is None or None in ranks or ranks.count(top) > 1:
            problems.append(_conflict(figs, said, ranks, indicators))
            continue
        order = sorted(range(len(figs)), key=lambda k: ranks[k] or 0)
        for older, newer in pairwise(order):
            if _values(figs[older]) != _values(figs[newer]):
                warnings.append(
                    _revision(figs[older], said[older], figs[newer], said[newer], indicators)
                )
        dropped.update(at[k] for k in order[:-1])
    if not dropped:
        return figures, warnings
    return [f for n, f in enumerate(figures) if n not in dropped], warnings


def _values(fig: Figure) -> tuple[object, ...]:
    return tuple(fig[3:8])


def _what(fig: Figure, indicators: dict[str, Indicator]) -> str:
    if fig.park:
        return msg(
            "{indicator}, park {park}, {period}",
            indicator=fig.indicator,
            park=fig.park,
            period=fig.period,
        )
    return f"{fig.indicator}, {fig.period}"


def _shown(fig: Figure, indicators: dict[str, Indicator]) -> str:
    """A figure's measures as a line shows them: 679亿元, growth 7.4%."""
    ind = indicators.get(fig.indicator)
    unit = ind.unit if ind is not None else ""
    parts = []
    if fig.value is not None:
        parts.append(units.fmt_quantity(fig.value, unit))
    if fig.flag is not None:
        parts.append("是" if fig.flag else "否")
    if fig.growth is not None:
        parts.append(msg("growth {q}", q=units.fmt_quantity(fig.growth, "percent")))
    if fig.base is not None:
        parts.append(msg("base {q}", q=units.fmt_quantity(fig.base, unit)))
    if fig.change is not None:
        change_unit = "百分点" if units.is_percent(unit) else unit
        parts.append(msg("change {q}", q=units.fmt_quantity(fig.change, change_unit)))
    return joined(parts) if parts else msg("no value")


def _at(fig: Figure) -> str:
    return f"{fig.file}:{fig.line}" if fig.line else fig.file


def _revision(
    old: Figure,
    old_status: str | None,
    new: Figure,
    new_status: str | None,
    indicators: dict[str, Indicator],
) -> str:
    return msg(
        "warning: revised {what}: {old} ({old_status}, {old_at}) → {new} ({new_status}, {new_at})",
        what=_what(new, indicators),
        old=_shown(old, indicators),
        old_status=old_status,
        old_at=_at(old),
        new=_shown(new, indicators),
        new_status=new_status,
        new_at=_at(new),
    )


def _conflict(
    figs: Iterable[Figure],
    said: list[str | None],
    ranks: list[int | None],
    indicators: dict[str, Indicator],
) -> Problem:
    figs = list(figs)
    last = figs[-1]
    others = joined(
        (
            msg("{shown} ({status}) at {at}", shown=_shown(f, indicators), status=s, at=_at(f))
            if s
            else msg("{shown} at {at}", shown=_shown(f, indicators), at=_at(f))
            for f, s in zip(figs[:-1], said[:-1], strict=True)
        ),
        "; ",
    )
    mine = _shown(last, indicators)
    if said[-1]:
        mine = joined((mine, f" ({said[-1]})"), "")
    if None in ranks:
        fix = msg(
            "give each file's figure its status in a 状态 column ({statuses}): the later status "
            "replaces the earlier; or keep one",
            statuses=", ".join(STATUS_NAMES),
        )
    else:
        fix = msg("two values with the same status: keep the right one")
    return Problem(
        last.file,
        last.line,
        0,
        msg(
            "{what} is {mine} here and {others}; {fix}",
            what=_what(last, indicators),
            mine=mine,
            others=others,
            fix=fix,
        ),
    )
