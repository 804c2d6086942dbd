"""The command line: parse options, call the library API, render the result, decide the exit.

A command checks its options, calls `zonekpi.api` (which checks the input and returns a typed
result), wraps the result for the renderers (`view.outputs`), renders it and hands the text to
`plumbing` (stdout, stderr, --output files, the end of the run). Errors become messages in
`ZonekpiGroup.invoke`; exit statuses come from `exits.exit_code`. Click is imported here and
in cli_choice, cli_tasks and cli_draft only; the core and the views only when a command runs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, NoReturn

import click

from . import api, chartfiles, plumbing
from .cli_choice import Choice
from .cli_draft import register as register_draft
from .cli_tasks import register as register_tasks
from .errors import each, msg
from .exits import CHECK_FAIL_ON, COMPARE_FAIL_ON, ExitCode, exit_code
from .plumbing import emit, options, refuse_to_overwrite_input, say
from .render import FORMATS
from .version import __version__
from .view import lang
from .view.helptext import HELP
from .view.lang import LANGS

if TYPE_CHECKING:
    from .model.plan import Plan
    from .model.results import PlanResult
    from .render import Output


class ZonekpiGroup(click.Group):
    """Turns every ZonekpiError into one line per problem on stderr and exit code 2, and Ctrl-C
    into exit 130 without a word; anything else is a bug, reported by `plumbing.run` (exit 3)."""

    def invoke(self, ctx: click.Context) -> Any:
        from .errors import BadPeriod, BadUsage, ZonekpiError, msg
        from .view.usage import asked_language, usage_message

        given = vars(ctx)  # click's usage errors come before a command sets the language
        first = given.get("_protected_args", given.get("protected_args", []))
        lang.use(asked_language([*first, *ctx.args]))
        try:
            return super().invoke(ctx)
        except (BadPeriod, BadUsage) as exc:  # shown as click shows its usage errors
            said = exc.message
            if isinstance(exc, BadPeriod):
                said = msg("Invalid value for --period: {why}", why=said)
            plumbing.usage(said, f"{ctx.command_path} {ctx.invoked_subcommand}")
        except ZonekpiError as exc:
            plumbing.report(exc)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else "zonekpi"
            plumbing.usage(usage_message(exc), where)
        except KeyboardInterrupt:  # Ctrl-C: the status a shell gives it, and no "Aborted!"
            ctx.exit(ExitCode.INTERRUPTED)
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
    type=Choice(list(FORMATS)),
    show_default="table, or what --output's extension says",
    help="Output format: " + "; ".join(f"{k}: {v[1]}" for k, v in FORMATS.items()) + ".",
)
output_option = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help=HELP["output"],
)
excel_option = click.option("--excel", is_flag=True, help=HELP["excel"])
lang_option = click.option("--lang", type=Choice(LANGS), help=HELP["lang"])
charts_option = click.option("--charts", type=click.Path(file_okay=False), help=HELP["charts"])
quiet_option = click.option(
    "--quiet", "-q", is_flag=True, help="Print nothing but errors; use the exit status."
)
BY_CHOICES = ("claim", "beneficiary", "rule")  # incentives' tables, in the order shown


def output_options(command: Callable[..., None]) -> Callable[..., None]:
    """--format, --output and --excel, in that order."""
    return format_option(output_option(excel_option(command)))


def data_option(text: str, **more: Any) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option("--data", "-d", multiple=True, type=click.Path(), help=text, **more)


def command(body: Callable[[SimpleNamespace], None]) -> click.Command:
    """A command of `cli`; `body` receives its parameters as one namespace (a.year, a.fmt)."""

    @functools.wraps(body)
    def callback(**given: Any) -> None:
        lang.use(given.pop("lang"))
        if "fmt" in given:
            given["fmt"] = plumbing.format_for(given["fmt"], given.get("output"))
            if given.get("excel") and given["fmt"] not in ("csv", "tsv", "long"):
                raise click.UsageError(msg("--excel applies to --format csv, tsv or long"))
        body(SimpleNamespace(**given))

    return cli.command()(lang_option(callback))


def _finish(
    made: Output, a: SimpleNamespace, code: ExitCode, inputs: Iterable[str | Plan | None]
) -> NoReturn:
    """Render `made` to --output (atomically) or to stdout (with --quiet, nothing), and exit.
    `inputs` is everything the command read: the paths it was given and the plans it loaded
    (each with its data: and --data files); --output may be none of them."""
    read = [f for i in inputs if i is not None for f in ((i,) if isinstance(i, str) else i.inputs)]
    refuse_to_overwrite_input(a.output, read)
    chartfiles.write_charts(made, getattr(a, "charts", None), read)
    if a.output or not getattr(a, "quiet", False):
        from .render import render

        plumbing.deliver(render(made, options(a.fmt, a.excel, bool(a.output))), a.output)
    click.get_current_context().exit(code)


@command
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option("--year", "-y", type=int, help="Year to check (default: the plan's year).")
@click.option("--period", help=HELP["check_period"])
@click.option("--park", "-p", help=HELP["park"])
@click.option("--elapsed", type=Choice(["months", "days", "seasonal"]), help=HELP["elapsed"])
@click.option("--by-park", "-P", is_flag=True, help=HELP["by_park"])
@click.option("--by", "by", type=Choice(["park", "owner"]), help=HELP["check_by"])
@data_option(HELP["check_data"])
@click.option("--skip-unknown", is_flag=True, help=HELP["skip_unknown"])
@click.option("--previous", type=click.Path(), help=HELP["check_previous"])
@output_options
@charts_option
@click.option(
    "--fail-on",
    type=Choice(CHECK_FAIL_ON),
    default="missed",
    show_default=True,
    help=HELP["check_fail_on"],
)
@quiet_option
def check(a: SimpleNamespace) -> None:
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
    from .view.outputs import CheckOutput

    by = "park" if a.by_park else a.by
    if by == "park" and a.park is not None:
        raise click.UsageError(msg("--by-park shows every park; leave out --park, or --by-park"))
    span = None if a.period is None else api.year_to_date(a.period, year=a.year)
    last = api.load_plan(a.previous) if a.previous else None

    def one(path: str) -> PlanResult:
        plan = api.load_plan(path, data=a.data, skip_unknown=a.skip_unknown, period=span)
        return api.check(
            plan, year=a.year, period=span, park=a.park, previous=last, elapsed=a.elapsed
        )

    results, invalid = each(a.plans, one)
    for note in () if a.quiet else (n for r in results for n in r.plan.notes):
        say(note)
    if invalid:
        raise invalid
    made = CheckOutput(results, by == "park", by == "owner")
    for line in () if a.quiet else made.messages(a.fmt, a.park):
        say(line)
    given = (*a.plans, *a.data, a.previous, last, *(r.plan for r in results))
    _finish(made, a, exit_code(results, a.fail_on), given)


@command
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=True))
@data_option("Figure files to validate too.")
@click.option("--period", help=HELP["validate_period"])
def validate(a: SimpleNamespace) -> None:
    """Validate PLANS against the schema and each other; report every problem at once.

    Each problem is one line FILE:LINE:COL: message. Exit 0 when every plan is valid, 2 if not.
    """
    from .view.outputs import validated

    span = None if a.period is None else api.year_to_date(a.period)
    plans, invalid = each(a.plans, lambda path: api.load_plan(path, data=a.data, period=span))
    for plan in plans:
        for note in plan.notes:
            say(note)
        emit(validated(plan))
    if invalid:
        raise invalid


@command
@click.option("--report", is_flag=True, help=HELP["schema_report"])
@click.option("--incentives", is_flag=True, help=HELP["schema_incentives"])
@click.option("--tasks", is_flag=True, help=HELP["schema_tasks"])
def schema(a: SimpleNamespace) -> None:
    """Print the JSON Schema of plans (for editors and other validators)."""
    from .read.schema import schema_text

    if a.report + a.incentives + a.tasks > 1:
        raise click.UsageError(msg("give one of --report, --incentives or --tasks"))
    name = "report" if a.report else "incentives" if a.incentives else "plan"
    name = "tasks" if a.tasks else name
    emit(schema_text(f"{name}.schema.json"))


@command
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@data_option("Figure files for NEW's year.")
@click.option("--old-data", multiple=True, type=click.Path(), help="Figure files for OLD's year.")
@output_options
@click.option(
    "--fail-on",
    type=Choice(COMPARE_FAIL_ON),
    default="never",
    show_default=True,
    help=HELP["compare_fail_on"],
)
@quiet_option
def compare(a: SimpleNamespace) -> None:
    """Compare two years' plans: targets raised, lowered, added or dropped, and each figure's
    growth from OLD's year to NEW's, by park and for the zone.

    \b
    Example:
      zonekpi compare plans/xinxiang-2018.yaml examples/xinxiang-2019.yaml
    """
    from .view.outputs import CompareOutput

    given = ((a.old, a.old_data), (a.new, a.data))
    plans, invalid = each(given, lambda g: api.load_plan(g[0], data=g[1]))
    if invalid:
        raise invalid
    result = api.compare(*plans)
    read = (a.old, a.new, *a.data, *a.old_data, *plans)
    _finish(CompareOutput(result), a, exit_code(result, a.fail_on), read)


@command
@click.argument("plan", type=click.Path(dir_okay=False))
@click.argument("indicator")
@data_option("Figure files layered over the plan's.")
@output_options
@charts_option
def path(a: SimpleNamespace) -> None:
    """The multi-year path of INDICATOR in PLAN, year by year: target, actual, where the path
    stands and the growth a year still needed (a bar chart on a terminal).

    \b
    Example:
      zonekpi path plans/jianxi-2022.yaml gdp
    """
    from .view.outputs import PathOutput
    from .view.path import path_table

    loaded = api.load_plan(a.plan, data=a.data)
    result = api.path(loaded, a.indicator)
    chart = options(a.fmt, to_file=bool(a.output)).format == "table"  # bars on a terminal only
    made = PathOutput(result, path_table(result, chart=chart))
    _finish(made, a, ExitCode.OK, (a.plan, *a.data, loaded))


@command
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("--year", "-y", type=int, help="Year to assess (default: the plan's year).")
@click.option("--period", help=HELP["rank_period"])
@data_option("Figure files layered over the plan's.")
@click.option(
    "--previous", type=click.Path(dir_okay=False), help="Last year's plan, for last year's levels."
)
@click.option("--explain", is_flag=True, help=HELP["explain"])
@output_options
@charts_option
@quiet_option
def rank(a: SimpleNamespace) -> None:
    """Rank the parks (or departments) of PLAN by its assessment scheme (考核排名, 量化赋分).

    \b
    The scheme is the plan's `scoring:` block: weights, rules, value coefficients.
    Exit codes: 0 ranked · 2 invalid input or usage.
    Examples:
      zonekpi rank plans/xinxiang-2018.yaml --period 2018-10 --data figures-2018-10.csv
      zonekpi rank plans/xinxiang-2018.yaml --period 2018-10 --data figures.csv --explain
      zonekpi rank plans/luoyang-gxq-2018.yaml --data examples/luoyang-gxq-2018-figures.csv
    """
    from .view.outputs import RankOutput

    span = a.year if a.period is None else api.year_to_date(a.period, year=a.year)
    last = api.load_plan(a.previous) if a.previous else None
    monthly = span if a.period is not None else None  # the period of a 统计月报 without one
    loaded = api.load_plan(a.plan, data=a.data, period=monthly)
    ranking = api.assess(loaded, period=span, previous=last)
    for note in () if a.quiet else (*loaded.notes, *RankOutput.warnings(ranking)):
        say(note)
    human = a.fmt in ("table", "plain", "markdown", "html")
    given = (a.plan, *a.data, a.previous, last, loaded)
    _finish(RankOutput(ranking, a.explain, human), a, exit_code(ranking), given)


@command
@click.argument("plan", type=click.Path(dir_okay=False))
@data_option(HELP["claims"], required=True)
@click.option("--year", "-y", type=int, help="Year to settle (default: the plan's year).")
@click.option(
    "--by",
    type=Choice(BY_CHOICES),
    help=HELP["by"],
)
@output_options
@quiet_option
def incentives(a: SimpleNamespace) -> None:
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
    from .view.outputs import IncentivesOutput

    if a.by and a.fmt in ("json", "text"):
        raise click.UsageError(
            msg("--by picks one table; --format {fmt} gives them all", fmt=a.fmt)
        )
    loaded = api.load_plan(a.plan)
    notes = list(loaded.notes)
    settled = api.settle(loaded, a.data, year=a.year, notes=notes)
    if settled.year != loaded.year:
        notes.append(
            msg(
                "note: {year} is settled under the rules of the {plan} plan",
                year=settled.year,
                plan=loaded.year,
            )
        )
    for note in () if a.quiet else notes:
        say(note)
    human = a.fmt in ("table", "plain", "markdown", "text", "html")
    shown = (a.by,) if a.by else BY_CHOICES
    read = (a.plan, *a.data, loaded)
    _finish(IncentivesOutput(settled, loaded, shown, human), a, exit_code(settled), read)


@command
def units(a: SimpleNamespace) -> None:
    """List the units zonekpi accepts, with their other spellings."""
    from .model import units as u

    lines = [f"{u.display(name)}\t{', '.join(others)}".rstrip() for name, others in u.spellings()]
    emit("\n".join(lines) + "\n")


register_tasks(command, output_options, quiet_option, _finish)
register_draft(command)


def main() -> None:
    """The `zonekpi` command: run it, then end the process (plumbing.run)."""
    plumbing.run(lambda: cli(prog_name="zonekpi"))
