"""What the renderers receive for each command: a result, shaped on demand.

Each adapter wraps one command's result and gives the renderers (zonekpi.render) its `.table()`
(the one table of CSV and TSV), `.json()`, `.sentences()` and `.workbook()` (the sheets of
-f xlsx); `IncentivesOutput` also gives `.tables()`, the several tables people see. `.page()`
is what an HTML page and ``--charts`` add: the period, 示例数据, and the charts
(`view/charts.py`). `validated` is the line `validate` prints for a valid plan. The view
modules are imported only when a shape is asked for: this module is imported by the command
line, and a run pays only for the format it prints."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..core.assess import Ranking
    from ..core.compare import Comparison
    from ..model.paths import IndicatorPath
    from ..model.plan import Plan
    from ..model.policy import Settlement
    from ..model.results import PlanResult
    from ..model.tasks import TaskReport
    from .chartdata import Page
    from .table import Table


class CheckOutput:
    """`check`: the results of one or more plans, as a table of findings or a park matrix."""

    def __init__(
        self, results: list[PlanResult], by_park: bool = False, by_owner: bool = False
    ) -> None:
        self.results = results
        self.by_park = by_park
        self.by_owner = by_owner  # check --by owner: the targets under each 责任单位

    def table(self) -> Table:
        from .illustrative import banner, illustrative
        from .long import csv_columns

        if self.by_owner:
            from .tasksbyowner import by_owner_table

            made = by_owner_table(self.results)
        elif self.by_park:
            from .bypark import by_park_table

            made = by_park_table(self.results)
        else:
            from .check import check_table

            made = check_table(self.results)
        periods = {r.plan.id: str(r.span) for r in self.results}
        flags = {r.plan.id: illustrative(r) for r in self.results}
        made = csv_columns(
            made,
            lambda row: periods.get(row.get("plan", ""), ""),
            lambda row: flags.get(row.get("plan", ""), False),
        )
        made.lead = [banner()] if any(flags.values()) else []  # 示例数据 under the title
        return made

    def long(self) -> Table:
        """The tidy CSV (--format long): one row per indicator × park × period × measure."""
        from .long import long_table

        return long_table(self.results)

    def json(self) -> dict[str, Any]:
        from .checkjson import to_json

        return to_json(self.results)

    def messages(self, fmt: str, park: str | None) -> list[str]:
        """The lines for stderr: each warning, and a hint when a year has figures but no
        target to show them under."""
        from ..errors import msg
        from . import labels, lang

        out: list[str] = []
        for r in self.results:
            words = labels.notes(r.warnings, r.names, lang.messages())
            out += [msg("warning: {text}", text=w) for w in words]
            if not (r.findings or self.by_park or park or fmt in ("json", "long")) and r.totals:
                out.append(
                    msg(
                        "{file} has figures for {year}: --by-park shows them",
                        file=r.plan.file,
                        year=r.year,
                    )
                )
        return out

    def sentences(self) -> list[tuple[str, list[str]]]:
        from .check import title
        from .illustrative import illustrative, with_banner
        from .narrative import sentences

        return [with_banner([(title(r), sentences(r))], illustrative(r))[0] for r in self.results]

    def page(self) -> Page:
        from .charts import check_page

        return check_page(self.results, self.by_park)

    def workbook(self) -> list[Table]:
        """The sheets of a workbook (-f xlsx): 总表, 分园区, the charts, 说明; with --by owner
        the targets under each 责任单位 too, after 总表."""
        from .checkbook import check_sheets

        return check_sheets(self.results, self.sentences(), self.table() if self.by_owner else None)


class CompareOutput:
    """`compare`: targets raised, lowered, added or dropped, and the figures' growth."""

    def __init__(self, result: Comparison) -> None:
        self.result = result

    def table(self) -> Table:
        from .compare import compare_table
        from .illustrative import of_comparison
        from .long import csv_columns

        flag = of_comparison(self.result)
        return csv_columns(compare_table(self.result), str(self.result.new.year), flag)

    def json(self) -> dict[str, Any]:
        from .compare import compare_json
        from .illustrative import of_comparison

        return {**compare_json(self.result), "illustrative": of_comparison(self.result)}

    def sentences(self) -> list[tuple[str, list[str]]]:
        from .compare import compare_sentences
        from .illustrative import of_comparison, with_banner

        return with_banner(compare_sentences(self.result), of_comparison(self.result))

    def page(self) -> Page:
        from .charts import compare_page

        return compare_page(self.result, self.table().title)

    def workbook(self) -> list[Table]:
        from .illustrative import of_comparison
        from .labels import w
        from .workbook import sheets

        r = self.result
        name = w("sheet.compare")
        return sheets([self.table()], self.sentences(), [name], (r.old, r.new), of_comparison(r))


class PathOutput:
    """`path`: the path table (JSON: its rows under their stable keys), and the chart of the
    path with its actuals and targets; 示例数据 under the title when a figure of it is so."""

    def __init__(self, result: IndicatorPath, made: Table) -> None:
        from .illustrative import of_path

        self.result, self.made = result, made
        self.illustrative = of_path(result)

    def table(self) -> Table:
        from .long import csv_columns

        return csv_columns(self.made, lambda row: row.get("year", ""), self.illustrative)

    def json(self) -> dict[str, Any]:
        from ..version import __version__

        t = self.made
        keys = [c.key for c in t.columns if c.machine]
        rows = [{k: row.get(k, "") for k in keys} for row in t.rows]
        return {
            "zonekpi": __version__,
            "title": t.title,
            "rows": rows,
            "notes": t.footer,
            "illustrative": self.illustrative,
        }

    def sentences(self) -> list[tuple[str, list[str]]]:
        from .illustrative import with_banner

        return with_banner([(self.made.title, self.made.footer)], self.illustrative)

    def workbook(self) -> list[Table]:
        from .labels import w
        from .workbook import sheets

        plans = [self.result.plan]
        return sheets([self.made], [], [w("sheet.path")], plans, self.illustrative)

    def page(self) -> Page:
        from .charts import path_page

        return path_page(self.result, self.made)


class RankOutput:
    """`rank`: the standings, or with `explain` every indicator's points behind them."""

    @staticmethod
    def warnings(ranking: Ranking) -> list[str]:
        """The ranking's warnings as stderr lines."""
        from ..errors import msg
        from . import labels, lang

        words = labels.notes(ranking.warnings, None, lang.messages())
        return [msg("warning: {text}", text=w) for w in words]

    def __init__(self, ranking: Ranking, explain: bool = False, human: bool = True) -> None:
        self.ranking = ranking
        self.explain = explain
        self.human = human

    def table(self) -> Table:
        from .illustrative import of_ranking
        from .long import csv_columns
        from .rank import explain_table, rank_table

        made = explain_table(self.ranking, self.human) if self.explain else rank_table(self.ranking)
        return csv_columns(made, str(self.ranking.period), of_ranking(self.ranking))

    def json(self) -> dict[str, Any]:
        from .illustrative import of_ranking
        from .rank import rank_json

        return {**rank_json(self.ranking), "illustrative": of_ranking(self.ranking)}

    def sentences(self) -> list[tuple[str, list[str]]]:
        from .illustrative import of_ranking, with_banner
        from .rank import rank_sentences

        return with_banner(rank_sentences(self.ranking), of_ranking(self.ranking))

    def page(self) -> Page:
        from .charts import rank_page
        from .rank import rank_table

        return rank_page(self.ranking, rank_table(self.ranking).title)

    def workbook(self) -> list[Table]:
        from .illustrative import of_ranking
        from .labels import period, w
        from .workbook import sheets

        r = self.ranking
        name = w("sheet.scores") if self.explain else w("sheet.ranking")
        shown = of_ranking(r)
        return sheets([self.table()], self.sentences(), [name], [r.plan], shown, period(r.period))


class IncentivesOutput:
    """`incentives`: the tables named in `shown` ("claim", "beneficiary", "rule"), in that
    order, the totals once, under the last; CSV and TSV get the first."""

    def __init__(
        self, settlement: Settlement, plan: Plan, shown: tuple[str, ...], human: bool
    ) -> None:
        self.settlement = settlement
        self.plan = plan
        self.shown = shown
        self.human = human

    def _make(self, by: str, totals: bool = True) -> Table:
        from . import incentives as incentview

        title = self.plan.title
        if by == "beneficiary":
            return incentview.beneficiary_table(self.settlement, title, totals)
        if by == "rule":
            return incentview.rule_table(self.settlement, title, self.human)
        return incentview.claims_table(self.settlement, title, totals)

    def table(self) -> Table:
        from .illustrative import of_settlement
        from .long import csv_columns

        flag = of_settlement(self.settlement)
        return csv_columns(self._make(self.shown[0]), str(self.settlement.year), flag)

    def tables(self) -> list[Table]:
        from .illustrative import banner, of_settlement

        made = [self._make(by, totals=by == self.shown[-1]) for by in self.shown]
        if of_settlement(self.settlement):  # 示例数据 under the first title
            made[0].lead = [banner()]
        return made

    def json(self) -> dict[str, Any]:
        from .illustrative import of_settlement
        from .incentives import settlement_json

        p = self.plan
        doc = settlement_json(self.settlement, p.id, p.title, p.file)
        return {**doc, "illustrative": of_settlement(self.settlement)}

    def sentences(self) -> list[tuple[str, list[str]]]:
        from .illustrative import of_settlement, with_banner
        from .incentives import settlement_sentences

        blocks = settlement_sentences(self.settlement, self.plan.title)
        return with_banner(blocks, of_settlement(self.settlement))

    def page(self) -> Page:
        from .charts import incentives_page

        return incentives_page(self.settlement, self.plan)

    def workbook(self) -> list[Table]:
        from .illustrative import of_settlement
        from .labels import w
        from .workbook import sheets

        words = {"claim": "claims", "beneficiary": "beneficiaries", "rule": "rules"}
        names = [w(f"sheet.{words[by]}") for by in self.shown]
        shown = of_settlement(self.settlement)
        return sheets(self.tables(), self.sentences(), names, [self.plan], shown)


class TasksOutput:
    """`tasks`: the ledger (CSV/TSV: one row per task), the units' summary, the 督查通报."""

    def __init__(self, report: TaskReport, by: str | None = None) -> None:
        self.report = report
        self.by = by

    def table(self) -> Table:
        """The ledger, with the day it is read as of as its `period` and whether its progress
        is illustrative (示例数据) in every row, as every CSV ends."""
        from .long import csv_columns
        from .tasks import task_table

        made = task_table(self.report, self.by)
        return csv_columns(made, self.report.as_of.isoformat(), self.illustrative)

    def tables(self) -> list[Table]:
        from .tasks import owner_table

        return [self.table(), owner_table(self.report)]

    def json(self) -> dict[str, Any]:
        from .tasksjson import tasks_json

        return {**tasks_json(self.report), "illustrative": self.illustrative}

    def sentences(self) -> list[tuple[str, list[str]]]:
        from .illustrative import with_banner
        from .tasks import bulletin, title

        return with_banner([(title(self.report), bulletin(self.report))], self.illustrative)

    @property
    def illustrative(self) -> bool:
        """Whether a progress report read is marked 示例数据."""
        from .illustrative import marked

        return any(marked(p.note) for s in self.report.states for p in s.history)

    def page(self) -> Page:
        from .taskcharts import tasks_page
        from .tasks import title

        return tasks_page(self.report, title(self.report), self.illustrative)

    def workbook(self) -> list[Table]:
        from .labels import w
        from .workbook import sheets

        names = [w("sheet.ledger"), w("sheet.by_unit")]
        return sheets(self.tables(), self.sentences(), names, shown=self.illustrative)


def validated(plan: Plan) -> str:
    """`validate`'s line for a valid plan: what it holds."""
    from .labels import w

    scheme = plan.scoring
    scored = ""
    if scheme is not None:
        ranked = (
            len(scheme.departments) if scheme.units == "departments" else len(plan.children(None))
        )
        units = w(f"validate.{scheme.units}")
        scored = w("validate.scored", items=len(scheme.items), ranked=ranked, units=units)
    if plan.ledger is not None and plan.ledger.tasks:
        scored += w("validate.tasks", tasks=len(plan.ledger.tasks))
    counts = {
        "indicators": len(plan.indicators),
        "targets": len(plan.targets),
        "figures": len(plan.figures),
    }
    return w("validate.ok", file=plan.file, scored=scored, **counts) + "\n"
