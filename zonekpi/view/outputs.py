"""What the renderers receive for each command: a result, shaped on demand.

Each adapter wraps one command's result and gives the renderers (zonekpi.render) its `.table()`
(the one table of CSV and TSV), `.json()` and `.sentences()`; `IncentivesOutput` also gives
`.tables()`, the several tables people see. `validated` is the line `validate` prints for a
valid plan. The view modules are imported only when a shape is asked for: this module is
imported by the command line, and a run pays only for the format it prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..core.assess import Ranking
    from ..core.compare import Comparison
    from ..model.plan import Plan
    from ..model.policy import Settlement
    from ..model.results import PlanResult
    from .table import Table


class CheckOutput:
    """`check`: the results of one or more plans, as a table of findings or a park matrix."""

    def __init__(self, results: list[PlanResult], by_park: bool = False) -> None:
        self.results = results
        self.by_park = by_park

    def table(self) -> Table:
        if self.by_park:
            from .bypark import by_park_table

            return by_park_table(self.results)
        from .check import check_table

        return check_table(self.results)

    def json(self) -> dict[str, Any]:
        from .checkjson import to_json

        return to_json(self.results)

    def messages(self, fmt: str, park: str | None) -> list[str]:
        """The lines for stderr: each warning, and a hint when a year has figures but no
        target to show them under."""
        from ..errors import msg
        from . import labels

        out: list[str] = []
        for r in self.results:
            out += [msg("warning: {text}", text=w) for w in labels.notes(r.warnings, r.names)]
            if not r.findings and r.totals and not self.by_park and park is None and fmt != "json":
                out.append(
                    msg(
                        "{file} has figures for {year}: --by-park shows them",
                        file=r.plan.file,
                        year=r.year,
                    )
                )
        return out

    def sentences(self) -> list[tuple[str, list[str]]]:
        from .check import check_table
        from .narrative import sentences

        return [(check_table([r]).title, sentences(r)) for r in self.results]


class CompareOutput:
    """`compare`: targets raised, lowered, added or dropped, and the figures' growth."""

    def __init__(self, result: Comparison) -> None:
        self.result = result

    def table(self) -> Table:
        from .compare import compare_table

        return compare_table(self.result)

    def json(self) -> dict[str, Any]:
        from .compare import compare_json

        return compare_json(self.result)

    def sentences(self) -> list[tuple[str, list[str]]]:
        from .compare import compare_sentences

        return compare_sentences(self.result)


class TableOutput:
    """A single table for the renderers (JSON: its rows under their stable keys)."""

    def __init__(self, made: Table) -> None:
        self.made = made

    def table(self) -> Table:
        return self.made

    def json(self) -> dict[str, Any]:
        from ..version import __version__

        t = self.made
        keys = [c.key for c in t.columns if c.machine]
        rows = [{k: row.get(k, "") for k in keys} for row in t.rows]
        return {"zonekpi": __version__, "title": t.title, "rows": rows, "notes": t.footer}

    def sentences(self) -> list[tuple[str, list[str]]]:
        return [(self.made.title, self.made.footer)]


class RankOutput:
    """`rank`: the standings, or with `explain` every indicator's points behind them."""

    @staticmethod
    def warnings(ranking: Ranking) -> list[str]:
        """The ranking's warnings as stderr lines."""
        from ..errors import msg
        from . import labels

        return [msg("warning: {text}", text=w) for w in labels.notes(ranking.warnings)]

    def __init__(self, ranking: Ranking, explain: bool = False, human: bool = True) -> None:
        self.ranking = ranking
        self.explain = explain
        self.human = human

    def table(self) -> Table:
        from .rank import explain_table, rank_table

        if self.explain:
            return explain_table(self.ranking, self.human)
        return rank_table(self.ranking)

    def json(self) -> dict[str, Any]:
        from .rank import rank_json

        return rank_json(self.ranking)

    def sentences(self) -> list[tuple[str, list[str]]]:
        from .rank import rank_sentences

        return rank_sentences(self.ranking)


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
        return self._make(self.shown[0])

    def tables(self) -> list[Table]:
        return [self._make(by, totals=by == self.shown[-1]) for by in self.shown]

    def json(self) -> dict[str, Any]:
        from .incentives import settlement_json

        p = self.plan
        return settlement_json(self.settlement, p.id, p.title, p.file)

    def sentences(self) -> list[tuple[str, list[str]]]:
        from .incentives import settlement_sentences

        return settlement_sentences(self.settlement, self.plan.title)


def validated(plan: Plan) -> str:
    """`validate`'s line for a valid plan: what it holds."""
    scheme = plan.scoring
    scored = ""
    if scheme is not None:
        ranked = (
            len(scheme.departments) if scheme.units == "departments" else len(plan.children(None))
        )
        scored = f", scoring {len(scheme.items)} items for {ranked} {scheme.units}"
    return (
        f"{plan.file}: ok ({len(plan.indicators)} indicators, {len(plan.targets)} targets, "
        f"{len(plan.figures)} figures{scored})\n"
    )
