"""The command line: parse options, call the core, pick a renderer, return an exit code.

Each command is a few lines; errors become messages in one place (`ZonekpiGroup.invoke`), and
exit codes are decided by `ExitCode` alone. Data goes to standard output, messages to standard
error; a closed pipe (`zonekpi check … | head -1`) ends the run quietly.
"""

from __future__ import annotations

import contextlib
import os
import sys
from enum import IntEnum
from typing import Any

import click

from . import __version__
from .render import FORMATS


class ExitCode(IntEnum):
    OK = 0  # every target with data is met; or the input is valid
    MISSED = 1  # some target is missed
    INVALID = 2  # invalid input or usage


def _stderr(text: str) -> None:
    with contextlib.suppress(OSError):  # stderr gone or full: the exit status still tells
        click.echo(text, err=True)


def _emit(text: str) -> None:
    """Write to stdout; if the reader has gone (| head), stop writing without a traceback."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:  # what is still buffered goes nowhere, not to a traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        if not isinstance(exc, BrokenPipeError):  # a full disk: the output is incomplete
            from .errors import ZonekpiError

            raise ZonekpiError(_unwritten(exc)) from None


def _unwritten(exc: OSError) -> str:
    """What a failed write of the output (a full disk) is called, wherever it happens."""
    return f"could not write the output: {exc.strerror or exc}"


def _one_line(text: str) -> str:
    """A message on one line: a line break that came from the input is shown as ⏎."""
    return text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")


class ZonekpiGroup(click.Group):
    """Turns every ZonekpiError into one line per problem on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        from .errors import InvalidInput, ZonekpiError

        try:
            return super().invoke(ctx)
        except InvalidInput as exc:
            for problem in exc.problems:  # one line each, whatever a cell held
                _stderr(f"zonekpi: {_one_line(str(problem))}")
            ctx.exit(ExitCode.INVALID)
        except ZonekpiError as exc:
            _stderr(f"zonekpi: {_one_line(str(exc))}")
            ctx.exit(ExitCode.INVALID)
        except click.UsageError as exc:
            # One line, like every other problem, with where to read more.
            where = exc.ctx.command_path if exc.ctx is not None else "zonekpi"
            _stderr(f"zonekpi: {exc.format_message()} (see: {where} --help)")
            ctx.exit(ExitCode.INVALID)


@click.group(cls=ZonekpiGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="zonekpi")
def cli() -> None:
    """zonekpi: which of a zone's yearly targets are met (高新区/自创区 目标完成情况).

    \b
    Exit codes: 0 every target with data met · 1 some target missed · 2 invalid input or usage.
    Plan format: docs/format.md; the schema: `zonekpi schema`.
    """


format_option = click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="table",
    show_default=True,
    help="Output format: " + "; ".join(f"{k}: {v[1]}" for k, v in FORMATS.items()) + ".",
)


output_option = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file instead of stdout, atomically (replaced in one step); never over "
    "an input file.",
)
excel_option = click.option(
    "--excel",
    is_flag=True,
    help="CSV/TSV for Excel and WPS: UTF-8 with a byte-order mark and CRLF line ends.",
)
quiet_option = click.option(
    "--quiet", "-q", is_flag=True, help="Print nothing but errors; use the exit status."
)


class _CheckOutput:
    """What the renderers receive for `check`: the results, shaped on demand."""

    def __init__(self, results: list[Any], by_park: bool = False) -> None:
        self.results = results
        self.by_park = by_park

    def table(self) -> Any:
        if self.by_park:
            from .view.bypark import by_park_table

            return by_park_table(self.results)
        from .view.check import check_table

        return check_table(self.results)

    def json(self) -> dict[str, Any]:
        from .view.check import to_json

        return to_json(self.results)

    def sentences(self) -> list[tuple[str, list[str]]]:
        from .view.check import check_table
        from .view.narrative import sentences

        return [(check_table([r]).title, sentences(r)) for r in self.results]


def _options(fmt: str, excel: bool = False, to_file: bool = False) -> Any:
    from .render import Options

    tty = sys.stdout.isatty() and not to_file
    if fmt == "table" and not tty:
        fmt = "plain"
    # no-color.org: NO_COLOR counts only when set to something non-empty.
    color = tty and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    width = _columns()
    return Options(fmt, color=color, width=width, excel=excel)


@cli.command()
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option("--year", "-y", type=int, help="Year to check (default: the plan's year).")
@click.option(
    "--period",
    help="During the year: the year to date to check against 序时进度, e.g. 2018-10 "
    "(1–10月), 2018-Q3, 2018-H1, 2018年1-10月.",
)
@click.option("--park", "-p", help="Check one park against its own targets (a park id).")
@click.option(
    "--by-park",
    "-P",
    is_flag=True,
    help="A matrix: indicators down, every park and the zone across (JSON always has both).",
)
@click.option(
    "--data",
    "-d",
    multiple=True,
    type=click.Path(),
    help="A figure file (CSV or YAML) layered over the plan's figures; may be repeated.",
)
@click.option(
    "--previous",
    type=click.Path(),
    help="Last year's plan: its figures give last year's levels for growth.",
)
@format_option
@output_option
@excel_option
@click.option(
    "--fail-on",
    type=click.Choice(["missed", "behind", "never"]),
    default="missed",
    show_default=True,
    help="What makes the exit status 1: a missed target; also a target behind schedule; "
    "never (1 is then never used, 2 still means invalid input).",
)
@quiet_option
def check(
    plans: tuple[str, ...],
    year: int | None,
    period: str | None,
    park: str | None,
    by_park: bool,
    data: tuple[str, ...],
    previous: str | None,
    fmt: str,
    output: str | None,
    excel: bool,
    fail_on: str,
    quiet: bool,
) -> None:
    """Check PLANS: which targets are met (达标), missed (未达标) or have no data (无数据).

    \b
    Examples:
      zonekpi check plans/xinxiang-2018.yaml
      zonekpi check plans/xinxiang-2018.yaml --data examples/xinxiang-2018-figures.csv
      zonekpi check plans/xinxiang-2018.yaml --park gxq
      zonekpi check plans/xinxiang-2018.yaml --period 2018-10 --data figures-2018-10.csv
      zonekpi check plans/jianxi-2022.yaml --year 2021 --by-park
      zonekpi check plans/jianxi-2022.yaml --year 2021 --format json
    """
    from .core.check import check as run_check
    from .errors import InvalidInput, Problem
    from .read.plan import load_plan
    from .view import labels

    if by_park and park is not None:
        raise click.UsageError("--by-park shows every park; leave out --park, or --by-park")
    span = _period(period, year)
    if excel and fmt not in ("csv", "tsv"):
        raise click.UsageError("--excel applies to --format csv or tsv")
    _refuse_to_overwrite_input(output, (*plans, *data, *((previous,) if previous else ())))
    last = load_plan(previous) if previous else None
    results = []
    problems: list[Problem] = []
    for path in plans:
        try:
            plan = load_plan(path, data=data)
        except InvalidInput as exc:
            problems.extend(exc.problems)
            continue
        if park is not None and park not in {p.id for p in plan.parks}:
            known = ", ".join(p.id for p in plan.parks) or "none"
            problems.append(Problem(path, 0, 0, f"unknown park '{park}' (parks: {known})"))
            continue
        for note in () if quiet else plan.notes:
            _stderr(f"zonekpi: {_one_line(note)}")
        results.append(run_check(plan, year=year, park=park, previous=last, period=span))
    if problems:
        raise InvalidInput(problems)
    _refuse_to_overwrite_input(output, tuple(f for r in results for f in r.plan.inputs))
    for r in results:
        if quiet:
            break
        for warning in labels.notes(r.warnings, r.names):
            _stderr(f"zonekpi: warning: {_one_line(warning)}")
        if not r.findings and r.totals and not by_park and park is None and fmt != "json":
            _stderr(f"zonekpi: {r.plan.file} has figures for {r.year}: --by-park shows them")
    _deliver(_CheckOutput(results, by_park), fmt, excel, output, quiet)
    click.get_current_context().exit(exit_code(results, fail_on))


def _period(text: str | None, year: int | None) -> Any:
    """--period as a year-to-date Period; a usage error for anything else."""
    if text is None:
        return None
    from .model.periods import parse_period

    try:
        span = parse_period(text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--period") from None
    if not span.is_ytd:
        raise click.BadParameter(
            f"{text!r} is not a year to date; targets are for the year, so the check runs on "
            f"1–N月: write {span.year}-{span.last:02d}",
            param_hint="--period",
        )
    if year is not None and year != span.year:
        raise click.BadParameter(f"{text!r} is not in --year {year}", param_hint="--period")
    return span


def exit_code(results: list[Any], fail_on: str) -> ExitCode:
    """1 when a result has what --fail-on names (a missed target, or one behind schedule)."""
    from .model.results import Status

    failing = {
        "missed": {Status.MISSED},
        "behind": {Status.MISSED, Status.BEHIND},
        "never": set(),
    }[fail_on]
    statuses = {f.status for r in results for f in r.findings}
    return ExitCode.MISSED if statuses & failing else ExitCode.OK


def _refuse_to_overwrite_input(output: str | None, inputs: tuple[str, ...]) -> None:
    """--output must not name a plan or figure file: nothing a user wrote is ever replaced."""
    if output is None:
        return
    from pathlib import Path

    target = Path(output)
    for name in inputs:
        source = Path(name.split("#", 1)[0] if ".xlsx#" in name.lower() else name)
        if target.exists() and source.exists() and target.resolve() == source.resolve():
            raise click.UsageError(
                f"--output {output} is one of the input files; choose another file name"
            )


@cli.command()
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option(
    "--data", "-d", multiple=True, type=click.Path(), help="Figure files to validate too."
)
def validate(plans: tuple[str, ...], data: tuple[str, ...]) -> None:
    """Validate PLANS against the schema and each other; report every problem at once.

    Each problem is one line FILE:LINE:COL: message. Exit 0 when every plan is valid, 2 if not.
    """
    from .errors import InvalidInput, Problem
    from .read.plan import load_plan

    problems: list[Problem] = []
    for path in plans:
        try:
            plan = load_plan(path, data=data)
        except InvalidInput as exc:
            problems.extend(exc.problems)
            continue
        for note in plan.notes:
            _stderr(f"zonekpi: {_one_line(note)}")
        scheme = plan.scoring
        scored = ""
        if scheme is not None:
            ranked = (
                len(scheme.departments)
                if scheme.units == "departments"
                else len(plan.children(None))
            )
            scored = f", scoring {len(scheme.items)} items for {ranked} {scheme.units}"
        _emit(
            f"{path}: ok ({len(plan.indicators)} indicators, {len(plan.targets)} targets, "
            f"{len(plan.figures)} figures{scored})\n"
        )
    if problems:
        raise InvalidInput(problems)


def _columns(default: int = 100) -> int:
    """The terminal's width: $COLUMNS, else the terminal's own (as shutil's, without the cost
    of importing shutil on every run)."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns or default
    except (AttributeError, ValueError, OSError):
        return default


@cli.command()
@click.option("--report", is_flag=True, help="The schema of `check --format json` output instead.")
@click.option(
    "--incentives", is_flag=True, help="The schema of `incentives --format json` output instead."
)
def schema(report: bool, incentives: bool) -> None:
    """Print the JSON Schema of plans (for editors and other validators)."""
    from .read.schema import schema_text

    if report and incentives:
        raise click.UsageError("give --report or --incentives, not both")
    name = "report" if report else "incentives" if incentives else "plan"
    _emit(schema_text(f"{name}.schema.json"))


@cli.command()
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("--data", "-d", multiple=True, type=click.Path(), help="Figure files for NEW's year.")
@click.option("--old-data", multiple=True, type=click.Path(), help="Figure files for OLD's year.")
@format_option
@output_option
@excel_option
@click.option(
    "--fail-on",
    type=click.Choice(["never", "lowered"]),
    default="never",
    show_default=True,
    help="lowered: exit 1 when any target was made less demanding (a lower floor, a higher cap).",
)
@quiet_option
def compare(
    old: str,
    new: str,
    data: tuple[str, ...],
    old_data: tuple[str, ...],
    fmt: str,
    output: str | None,
    excel: bool,
    fail_on: str,
    quiet: bool,
) -> None:
    """Compare two years' plans: targets raised, lowered, added or dropped, and each figure's
    growth from OLD's year to NEW's, by park and for the zone.

    \b
    Example:
      zonekpi compare plans/xinxiang-2018.yaml examples/xinxiang-2019.yaml
    """
    from .core.compare import compare as run_compare
    from .errors import InvalidInput, Problem
    from .read.plan import load_plan

    if excel and fmt not in ("csv", "tsv"):
        raise click.UsageError("--excel applies to --format csv or tsv")
    _refuse_to_overwrite_input(output, (old, new, *data, *old_data))
    plans, problems = [], []
    for path, layers in ((old, old_data), (new, data)):
        try:
            plans.append(load_plan(path, data=layers))
        except InvalidInput as exc:
            problems.extend(exc.problems)
    if problems:
        raise InvalidInput(problems)
    before, after = plans
    if before.year >= after.year:
        raise InvalidInput(
            [Problem(new, 0, 0, f"is for {after.year}, not after {old}'s {before.year}")]
        )
    result = run_compare(before, after)
    _deliver(_CompareOutput(result), fmt, excel, output, quiet)
    relaxed = fail_on == "lowered" and result.relaxed
    click.get_current_context().exit(ExitCode.MISSED if relaxed else ExitCode.OK)


def _deliver(made: Any, fmt: str, excel: bool, output: str | None, quiet: bool) -> None:
    """Render `made` to --output (atomically) or to stdout; with --quiet, stdout gets nothing."""
    if quiet and not output:
        return
    from .render import render

    text = render(made, _options(fmt, excel, bool(output)))
    if output:
        from .plumbing import write_atomic

        write_atomic(output, text)
    else:
        _emit(text)


class _CompareOutput:
    def __init__(self, result: Any) -> None:
        self.result = result

    def table(self) -> Any:
        from .view.compare import compare_table

        return compare_table(self.result)

    def json(self) -> dict[str, Any]:
        from .view.compare import compare_json

        return compare_json(self.result)

    def sentences(self) -> list[tuple[str, list[str]]]:
        from .view.compare import compare_sentences

        return compare_sentences(self.result)


class _TableOutput:
    """A single table for the renderers (JSON: its rows under their stable keys)."""

    def __init__(self, made: Any) -> None:
        self.made = made

    def table(self) -> Any:
        return self.made

    def json(self) -> dict[str, Any]:
        t = self.made
        keys = [c.key for c in t.columns if c.machine]
        rows = [{k: row.get(k, "") for k in keys} for row in t.rows]
        return {"zonekpi": __version__, "title": t.title, "rows": rows, "notes": t.footer}

    def sentences(self) -> list[tuple[str, list[str]]]:
        return [(self.made.title, self.made.footer)]


@cli.command()
@click.argument("plan", type=click.Path(dir_okay=False))
@click.argument("indicator")
@click.option(
    "--data", "-d", multiple=True, type=click.Path(), help="Figure files layered over the plan's."
)
@format_option
def path(plan: str, indicator: str, data: tuple[str, ...], fmt: str) -> None:
    """The multi-year path of INDICATOR in PLAN, year by year: target, actual, where the path
    stands and the growth a year still needed (a bar chart on a terminal).

    \b
    Example:
      zonekpi path plans/jianxi-2022.yaml gdp
    """
    from .core.paths import indicator_path
    from .errors import InvalidInput, Problem
    from .read.plan import load_plan
    from .render import render
    from .view.path import path_table

    loaded = load_plan(plan, data=data)
    ids = [i.id for i in loaded.indicators]
    if indicator not in ids:
        import difflib

        close = difflib.get_close_matches(indicator, ids, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f" (indicators: {', '.join(ids)})"
        raise InvalidInput([Problem(plan, 0, 0, f"no indicator '{indicator}'{hint}")])
    options = _options(fmt)
    table = path_table(indicator_path(loaded, indicator), chart=options.format == "table")
    _emit(render(_TableOutput(table), options))


class _RankOutput:
    def __init__(self, ranking: Any, explain: bool = False, human: bool = True) -> None:
        self.ranking = ranking
        self.explain = explain
        self.human = human

    def table(self) -> Any:
        from .view.rank import explain_table, rank_table

        if self.explain:
            return explain_table(self.ranking, self.human)
        return rank_table(self.ranking)

    def json(self) -> dict[str, Any]:
        from .view.rank import rank_json

        return rank_json(self.ranking)

    def sentences(self) -> list[tuple[str, list[str]]]:
        from .view.rank import rank_sentences

        return rank_sentences(self.ranking)


@cli.command()
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("--year", "-y", type=int, help="Year to assess (default: the plan's year).")
@click.option(
    "--period",
    help="Year to date to assess, e.g. 2018-10 (1–10月); flows are scored against the "
    "time-elapsed target (序时目标).",
)
@click.option(
    "--data", "-d", multiple=True, type=click.Path(), help="Figure files layered over the plan's."
)
@click.option(
    "--previous", type=click.Path(dir_okay=False), help="Last year's plan, for last year's levels."
)
@click.option(
    "--explain", is_flag=True, help="Every indicator's points and the completion behind them."
)
@format_option
@output_option
@excel_option
@quiet_option
def rank(
    plan: str,
    year: int | None,
    period: str | None,
    data: tuple[str, ...],
    previous: str | None,
    explain: bool,
    fmt: str,
    output: str | None,
    excel: bool,
    quiet: bool,
) -> None:
    """Rank the parks (or departments) of PLAN by its assessment scheme (考核排名, 量化赋分).

    \b
    The scheme is the plan's `scoring:` block: weights, rules, value coefficients.
    Exit codes: 0 ranked · 2 invalid input or usage.
    Examples:
      zonekpi rank plans/xinxiang-2018.yaml --period 2018-10 --data figures-2018-10.csv
      zonekpi rank plans/xinxiang-2018.yaml --period 2018-10 --data figures.csv --explain
      zonekpi rank plans/luoyang-gxq-2018.yaml --data examples/luoyang-gxq-2018-figures.csv
    """
    from .core.assess import assess
    from .errors import InvalidInput, Problem
    from .read.plan import load_plan
    from .view import labels

    span = _period(period, year)
    if excel and fmt not in ("csv", "tsv"):
        raise click.UsageError("--excel applies to --format csv or tsv")
    _refuse_to_overwrite_input(output, (plan, *data, *((previous,) if previous else ())))
    last = load_plan(previous) if previous else None
    loaded = load_plan(plan, data=data)
    if loaded.scoring is None:
        raise InvalidInput(
            [
                Problem(
                    plan,
                    0,
                    0,
                    "has no assessment scheme; add a 'scoring:' block with items and weights "
                    "(docs/format.md, Scoring 考核计分)",
                )
            ]
        )
    _refuse_to_overwrite_input(output, loaded.inputs)
    if span is None:
        from .model.periods import Period

        span = Period(loaded.year if year is None else year)
    if span.year != loaded.year:
        raise InvalidInput(
            [
                Problem(
                    plan,
                    0,
                    0,
                    f"its scoring scheme is for {loaded.year}, not {span.year}; rank the plan of "
                    f"{span.year}, or leave out --year",
                )
            ]
        )
    ranking = assess(loaded, span, last)
    if not quiet:
        for note in loaded.notes:
            _stderr(f"zonekpi: {_one_line(note)}")
        for warning in labels.notes(ranking.warnings):
            _stderr(f"zonekpi: warning: {_one_line(warning)}")
    human = fmt in ("table", "plain", "markdown")
    _deliver(_RankOutput(ranking, explain, human), fmt, excel, output, quiet)


class _IncentivesOutput:
    def __init__(self, settlement: Any, plan: Any, by: str | None, human: bool) -> None:
        self.settlement = settlement
        self.plan = plan
        self.by = by
        self.human = human

    def _make(self, by: str, totals: bool = True) -> Any:
        from .view import incentives as incentview

        title = self.plan.title
        if by == "beneficiary":
            return incentview.beneficiary_table(self.settlement, title, totals)
        if by == "rule":
            return incentview.rule_table(self.settlement, title, self.human)
        return incentview.claims_table(self.settlement, title, totals)

    def table(self) -> Any:
        return self._make(self.by or "claim")

    def tables(self) -> list[Any]:
        if self.by:
            return [self._make(self.by)]
        return [self._make(b, totals=b == "rule") for b in BY_CHOICES]  # the totals once, last

    def json(self) -> dict[str, Any]:
        from .view.incentives import settlement_json

        p = self.plan
        return settlement_json(self.settlement, p.id, p.title, p.file)

    def sentences(self) -> list[tuple[str, list[str]]]:
        from .view.incentives import settlement_sentences

        return settlement_sentences(self.settlement, self.plan.title)


BY_CHOICES = ("claim", "beneficiary", "rule")


@cli.command()
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option(
    "--data",
    "-d",
    multiple=True,
    required=True,
    type=click.Path(),
    help="Claims files (.csv, .tsv, .xlsx): rule, beneficiary, date, amount or count, reference.",
)
@click.option("--year", "-y", type=int, help="Year to settle (default: the plan's year).")
@click.option(
    "--by",
    type=click.Choice(BY_CHOICES),
    help="One table: per claim (CSV/TSV default), per beneficiary or per rule; on screen all "
    "three by default.",
)
@format_option
@output_option
@excel_option
@quiet_option
def incentives(
    plan: str,
    data: tuple[str, ...],
    year: int | None,
    by: str | None,
    fmt: str,
    output: str | None,
    excel: bool,
    quiet: bool,
) -> None:
    """What each claim earns under PLAN's incentive rules (政策兑现), with the cap that bound it,
    and the totals per beneficiary and per rule against any budget.

    \b
    The rules are the plan's `incentives:` block: a rate of an amount or a sum per unit, capped
    per item, per beneficiary a year, and by budgets.
    Exit codes: 0 settled within every budget · 1 a budget was exceeded (claims cut pro rata)
    · 2 invalid input or usage (a claim matching no rule, outside the year, a repeated
    reference…).
    Examples:
      zonekpi incentives plans/xinxiang-gxq-2020.yaml --data examples/xinxiang-gxq-2020-claims.csv
      zonekpi incentives plans/xinxiang-gxq-2020.yaml -d claims.csv --by beneficiary -f csv
    """
    from .core.settle import settle
    from .errors import InvalidInput, Problem
    from .read.claims import read_claims
    from .read.plan import load_plan

    if excel and fmt not in ("csv", "tsv"):
        raise click.UsageError("--excel applies to --format csv or tsv")
    if by and fmt in ("json", "text"):
        raise click.UsageError(f"--by picks one table; --format {fmt} gives them all")
    _refuse_to_overwrite_input(output, (plan, *data))
    loaded = load_plan(plan)
    if loaded.incentives is None:
        raise InvalidInput(
            [
                Problem(
                    plan,
                    0,
                    0,
                    "has no incentive rules; add an 'incentives:' block with its rules "
                    "(docs/format.md, Incentives 政策兑现)",
                )
            ]
        )
    _refuse_to_overwrite_input(output, loaded.inputs)
    span = loaded.year if year is None else year
    if span < loaded.year or span > loaded.year + 50:
        raise InvalidInput(
            [
                Problem(
                    plan,
                    0,
                    0,
                    f"its rules are of {loaded.year}; --year {span} is before them"
                    if span < loaded.year
                    else f"--year {span} is far past the plan's {loaded.year}; check the year",
                )
            ]
        )
    problems: list[Problem] = []
    claims, notes = read_claims(data, loaded.incentives, span, problems)
    if problems:
        raise InvalidInput(problems)
    settlement = settle(loaded.incentives, claims, span)
    if not quiet:
        for note in (*loaded.notes, *notes):
            _stderr(f"zonekpi: {_one_line(note)}")
        if span != loaded.year:
            _stderr(f"zonekpi: note: {span} is settled under the rules of the {loaded.year} plan")
    human = fmt in ("table", "plain", "markdown", "text")
    _deliver(_IncentivesOutput(settlement, loaded, by, human), fmt, excel, output, quiet)
    click.get_current_context().exit(ExitCode.MISSED if settlement.over_budget else ExitCode.OK)


@cli.command()
def units() -> None:
    """List the units zonekpi accepts, with their other spellings."""
    from .model import units as u

    lines = [f"{u.display(name)}\t{', '.join(others)}".rstrip() for name, others in u.spellings()]
    _emit("\n".join(lines) + "\n")


def main() -> None:
    # A run builds many small objects and no reference cycles worth collecting; the cyclic
    # collector's passes over them cost half the time of a 10,000-series check (bench/).
    import gc

    gc.disable()
    try:
        cli(prog_name="zonekpi")  # standalone mode: it always ends in SystemExit
    except SystemExit as exc:
        _exit(exc.code)
    except OSError as exc:  # click's own output (--help, --version) to a full disk
        _stderr(f"zonekpi: {_unwritten(exc)}")
        _exit(ExitCode.INVALID)


def _exit(code: Any) -> None:
    """End the process once the output is flushed, without freeing the run's objects one by
    one: for a million figures that took 0.5 s after the last line was written (bench/)."""
    if code is not None and not isinstance(code, int):  # sys.exit("message"): say it, 1
        _stderr(str(code))
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # the reader has gone (| head); a closed stream
            pass
        except OSError as exc:  # a full disk: the output is incomplete
            _stderr(f"zonekpi: {_unwritten(exc)}")
            code = ExitCode.INVALID
    os._exit(code or 0)
