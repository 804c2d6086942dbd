"""The library API: what each command does, for Python code.

Read a plan with `load_plan`, then ask what the command line asks: `check` (which targets are
met), `compare` (two years' plans), `assess` (the ranking of a plan's scoring scheme), `settle`
(incentive claims), `path` (an indicator's multi-year path) and `tasks` (the task ledger as of a
day). Each returns the core's typed
result, and first makes the checks of its input that the command line makes, with the same
messages: `InvalidInput` (one `Problem` per thing wrong, located in a file) or another
`ZonekpiError` such as `BadPeriod`. Nothing here prints or exits. What a function needs, the
errors included, is imported when it is first called: ``import zonekpi`` stays cheap, and the
command line, which imports this module, starts quickly.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from os import PathLike
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from .core.assess import Ranking
    from .core.compare import Comparison
    from .model.paths import IndicatorPath
    from .model.periods import Period
    from .model.plan import Figure, Plan
    from .model.policy import Settlement
    from .model.results import PlanResult
    from .model.tasks import TaskReport

__all__ = ["assess", "check", "compare", "load_plan", "path", "settle", "tasks", "year_to_date"]

LATEST_SETTLEMENT = 50  # years after a plan's own that its incentive rules may still settle


def load_plan(
    path: str | Path,
    *,
    data: Iterable[str | Path] = (),
    skip_unknown: bool = False,
    period: str | Period | None = None,
) -> Plan:
    """Read, validate and build the plan at `path`; the figure files in `data` (CSV, TSV, .xlsx
    or YAML; a long table or a 统计月报 layout, docs/figures.md) are layered over its own
    figures, the same figure in several files settled by its status (快报 … 最终).
    InvalidInput lists every problem found. `skip_unknown`: a table's rows for indicators the
    plan does not have are left out with one warning (in the plan's notes) instead of refused;
    `period` (2018-10): the period of a table whose columns are relative to one (本月, 累计)
    and that does not state it."""
    from .read.plan import load_plan as read_plan

    span = None if period is None else year_to_date(period)
    return read_plan(path, data=data, skip_unknown=skip_unknown, period=span)


def year_to_date(period: str | int | Period, *, year: int | None = None) -> Period:
    """The year to date (1–N月) that `period` names: 2018-10, 2018-Q3, 2018年1-10月, or a year;
    BadPeriod for anything else (a single month, a quarter alone) or a period outside `year`."""
    from .errors import BadPeriod, msg, said
    from .model.periods import Period, parse_period

    try:  # a year as a number is taken as it is, as --year is
        span = Period(period) if isinstance(period, int) else parse_period(period)
    except ValueError as exc:
        raise BadPeriod(said(exc)) from None
    text = period if isinstance(period, str) else str(period)
    if not span.is_ytd:
        raise BadPeriod(
            msg(
                "{text!r} is not a year to date; targets are for the year, so the check runs on "
                "1–N月: write {ytd}",
                text=text,
                ytd=f"{span.year}-{span.last:02d}",
            )
        )
    if year is not None and year != span.year:
        raise BadPeriod(msg("{text!r} is not in --year {year}", text=text, year=year))
    return span


def check(
    plan: Plan,
    *,
    year: int | None = None,
    period: str | Period | None = None,
    park: str | None = None,
    previous: Plan | None = None,
    elapsed: str | None = None,
) -> PlanResult:
    """Every target of `plan` for `year` (default: the plan's year), or for the year to date
    `period` (2018-10) against the time elapsed (序时进度); with `park`, that park against its
    own targets. `previous`, last year's plan, gives last year's levels for growth targets.
    `elapsed` (months, days or seasonal) overrides how the plan counts the time elapsed.
    BadPeriod for a period that is not a year to date of `year`; InvalidInput for a park id
    the plan does not have, and, when figures were given, for a check that would use none of
    them (none for the year or period; last year's alone are a base for nothing), naming the
    periods each file holds and the option that checks them."""
    from .core.check import check as run_check
    from .errors import invalid, msg
    from .model.periods import Period

    span = None if period is None else year_to_date(period, year=year)
    if park is not None and park not in {p.id for p in plan.parks}:
        known = ", ".join(p.id for p in plan.parks) or "none"
        raise invalid(
            plan.file, 0, 0, msg("unknown park '{park}' (parks: {known})", park=park, known=known)
        )
    checked = span or Period(plan.year if year is None else year)
    _refuse_unused_figures(plan, checked)
    _refuse_empty_year(plan, checked.year)
    if previous is not None:
        _refuse_unconvertible(previous, plan)
    if elapsed is not None:
        if elapsed not in ("months", "days", "seasonal"):
            raise ValueError(
                msg("elapsed {elapsed!r} is not months, days or seasonal", elapsed=elapsed)
            )
        plan = plan._replace(elapsed=elapsed)  # type: ignore[arg-type]
    return run_check(plan, year=year, park=park, previous=previous, period=span)


def _refuse_empty_year(plan: Plan, year: int) -> None:
    """InvalidInput for a year the plan has neither a target nor a figure for (--year 99999
    would check nothing and say all is met), naming the years it has."""
    if year == plan.year:
        return
    years = {t.year for t in plan.targets} | {f.period.year for f in plan.figures}
    if year in years:
        return
    from .errors import invalid, msg

    listed = ", ".join(map(str, sorted(years | {plan.year})))
    raise invalid(
        plan.file,
        0,
        0,
        msg(
            "has no target and no figure for {year}; its years: {listed} (check --year)",
            year=year,
            listed=listed,
        ),
    )


def _refuse_unconvertible(old: Plan, new: Plan, pairs: Iterable[tuple[str, str]] = ()) -> None:
    """InvalidInput, a line per indicator, when last year's plan `old` has figures of an
    indicator in a unit that cannot be converted to the unit `new` measures it in (家 against
    亿元): located at the first such figure, naming the indicator and where `new` defines it.
    `pairs` are (old id, new id) when indicators were renamed (compare); else ids match."""
    from decimal import Decimal

    from .errors import InvalidInput, Problem, UnitMismatch, msg
    from .model import units

    olds = {i.id: i for i in old.indicators}
    news = {i.id: i for i in new.indicators}
    problems = []
    for was, now in list(pairs) or [(i, i) for i in news if i in olds]:
        before, after = olds[was], news[now]
        try:
            units.convert(Decimal(1), before.unit, after.unit)
        except UnitMismatch as exc:
            shown = [f for f in old.figures if f.indicator == was and _converted(f, before.unit)]
            if not shown:
                continue
            first = min(shown, key=lambda f: (f.line, f.col))
            named = f"'{was}'" if was == now else msg("'{was}' (now '{now}')", was=was, now=now)
            said = msg(
                "the figures of {named} are in {before}, and {at} measures '{now}' in {after}: "
                "{why}; give it a unit of the same kind in both plans, or another id",
                named=named,
                before=units.display(before.unit),
                at=f"{after.loc.file}:{after.loc.line}",
                now=now,
                after=units.display(after.unit),
                why=exc.message,
            )
            problems.append(Problem(first.file, first.line, first.col, said))
    if problems:
        raise InvalidInput(problems)


def _converted(fig: Figure, unit: str) -> bool:
    """Whether a figure of last year has a number converted to this year's unit."""
    from .model import units

    change = fig.change is not None and not units.is_percent(unit)
    return fig.value is not None or fig.base is not None or change


def _refuse_unused_figures(plan: Plan, period: Period) -> None:
    """InvalidInput, a line per file, when figures were given and the check of `period` would
    use none of them (core/sanity.py: what "used" means)."""
    from .core.sanity import refusals

    refused = refusals(plan, period)
    if refused:
        from .errors import InvalidInput, Problem
        from .view import labels

        raise InvalidInput([Problem(n.data[0], 0, 0, labels.note(n)) for n in refused])


def compare(old: Plan, new: Plan) -> Comparison:
    """Targets raised, lowered, added or dropped from `old` to `new`, and each figure's growth
    from `old`'s year to `new`'s. InvalidInput unless `new` is for a later year than `old`."""
    from .core.compare import compare as run_compare
    from .errors import invalid, msg

    if old.year >= new.year:
        raise invalid(
            new.file,
            0,
            0,
            msg(
                "is for {new}, not after {file}'s {old}",
                new=new.year,
                file=old.file,
                old=old.year,
            ),
        )
    from .core.compare import _match  # how compare pairs last year's indicators with this year's

    pairs = [(o.id, n.id) for o, n in _match(old, new) if o is not None and n is not None]
    if pairs:
        _refuse_unconvertible(old, new, pairs)
    return run_compare(old, new)


def assess(
    plan: Plan, *, period: str | int | Period | None = None, previous: Plan | None = None
) -> Ranking:
    """The ranking of `plan`'s parks (or departments) by its scoring scheme (考核排名), on the
    figures of the year or of the year to date `period` (a year, 2018-10…). InvalidInput for a
    plan without a scheme, or a period outside the scheme's year."""
    from .core.assess import assess as run_assess
    from .errors import invalid, msg

    if plan.scoring is None:
        raise invalid(
            plan.file,
            0,
            0,
            msg(
                "has no assessment scheme; add a 'scoring:' block with items and weights "
                "(docs/format.md, Scoring 考核计分)"
            ),
        )
    span = year_to_date(plan.year if period is None else period)
    if span.year != plan.year:
        raise invalid(
            plan.file,
            0,
            0,
            msg(
                "its scoring scheme is for {plan}, not {year}; rank the plan of {year}, or leave "
                "out --year",
                plan=plan.year,
                year=span.year,
            ),
        )
    if previous is not None:
        _refuse_unconvertible(previous, plan)
    return run_assess(plan, span, previous)


def settle(
    plan: Plan,
    claims: str | Path | Iterable[str | Path],
    *,
    year: int | None = None,
    notes: list[str] | None = None,
) -> Settlement:
    """What each claim in the claims file(s) `claims` (.csv, .tsv, .xlsx) earns under `plan`'s
    incentive rules (政策兑现) in `year` (default: the plan's year; a later year is settled
    under the same rules), with the caps and budgets applied. InvalidInput for a plan without
    rules, a year before them or far past them, and every claim that cannot be paid as written
    (no such rule, outside the year, a reference repeated, a file given twice…). Notes on how
    the files were read (an encoding, a sheet) are appended to `notes` when it is given."""
    from .core.settle import settle as run_settle
    from .errors import InvalidInput, Problem, invalid, msg
    from .read.claims import read_claims

    policy = plan.incentives
    if policy is None:
        raise invalid(
            plan.file,
            0,
            0,
            msg(
                "has no incentive rules; add an 'incentives:' block with its rules "
                "(docs/format.md, Incentives 政策兑现)"
            ),
        )
    span = plan.year if year is None else year
    if span < plan.year or span > plan.year + LATEST_SETTLEMENT:
        raise invalid(
            plan.file,
            0,
            0,
            msg("its rules are of {plan}; --year {year} is before them", plan=plan.year, year=span)
            if span < plan.year
            else msg(
                "--year {year} is far past the plan's {plan}; check the year",
                year=span,
                plan=plan.year,
            ),
        )
    files = [claims] if isinstance(claims, (str, PathLike)) else list(claims)
    problems: list[Problem] = []
    read, read_notes = read_claims(files, policy, span, problems)
    if problems:
        raise InvalidInput(problems)
    if notes is not None:
        notes.extend(read_notes)
    return run_settle(policy, read, span)


def path(plan: Plan, indicator: str) -> IndicatorPath:
    """The multi-year path of `indicator` (an id) in `plan`, year by year: its targets, the
    actual, where the path stands and the growth a year still needed. InvalidInput for an
    indicator the plan does not have, naming the closest id."""
    from .errors import invalid, msg

    ids = [i.id for i in plan.indicators]
    if indicator not in ids:
        import difflib

        close = difflib.get_close_matches(indicator, ids, n=1)
        if close:
            said = msg(
                "no indicator '{indicator}'; did you mean '{meant}'?",
                indicator=indicator,
                meant=close[0],
            )
        else:
            said = msg(
                "no indicator '{indicator}' (indicators: {ids})",
                indicator=indicator,
                ids=", ".join(ids),
            )
        raise invalid(plan.file, 0, 0, said)
    from .core.paths import indicator_path

    return indicator_path(plan, indicator)


def tasks(
    plan: Plan,
    as_of: str | date,
    *,
    progress: Iterable[str | Path] = (),
    owner: str | None = None,
    soon: int = 15,
    period: int = 30,
) -> TaskReport:
    """The task ledger (重点工作台账) of `plan` as of `as_of` (2018-06-30): each task 已完成,
    按计划推进, 即将到期 (due within `soon` days), 逾期 or 未报送 (nothing reported in the last
    `period` days), from the progress files (CSV, TSV, .xlsx) in `progress`; only the tasks
    `owner` (a unit's id, name or alias) answers for, when given. InvalidInput for a progress
    row naming no task, milestone or status; BadUsage for a plan without tasks, an unknown
    owner or a day that is not one."""
    from datetime import date as day

    from .core.tasks import ledger_report
    from .errors import BadUsage, msg
    from .read.progress import read_progress
    from .read.tasks import owner_unit

    ledger = plan.ledger
    if ledger is None or not ledger.tasks:
        raise BadUsage(
            msg("{file} has no tasks: write them under tasks: (docs/format.md)", file=plan.file)
        )
    if isinstance(as_of, str):
        try:
            as_of = day.fromisoformat(as_of.strip())
        except ValueError:
            said = msg("--as-of {day!r} is not a day; write it like 2018-06-30", day=as_of)
            raise BadUsage(said) from None
    if soon < 0 or period < 1:
        raise BadUsage(
            msg(
                "--soon-days {soon} and --unreported-days {period}: days, at least 0 and 1",
                soon=soon,
                period=period,
            )
        )
    unit = None if owner is None else owner_unit(ledger.units, owner)
    rows = read_progress(progress, ledger)
    return ledger_report(
        plan.id, plan.title, plan.file, ledger, rows, as_of, soon, period, owner=unit
    )
