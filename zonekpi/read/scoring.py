"""The rules of a scoring scheme (proportional, all_or_nothing, bands, anchored, deduction) as
a plan writes them, with their shares of the weight and their steps: `RuleReader`, the part of
the scheme's reader (read/scheme.py) that reads a rule and says what is wrong with it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..errors import UnitError, msg
from ..model import units
from ..model.scheme import ONE, ZERO, Rule
from .reader import Reader
from .yamlstrict import Path as YPath

HUNDRED = Decimal(100)


class RuleReader(Reader):
    """Reads the rule of a scheme or an item, recording every problem."""

    def rule(self, raw: Any, at: YPath) -> Rule:
        if isinstance(raw, str):
            return Rule(kind=raw)  # type: ignore[arg-type]
        kind, body = next(iter(raw.items()))
        here = (*at, kind)
        if kind == "proportional":
            cap = self.share(body.get("cap", "100%"), (*here, "cap"))
            if cap == 0:
                self.error(
                    (*here, "cap"), msg("a cap of 0% gives no points to anyone; use 100% or more")
                )
            return Rule("proportional", cap=cap)
        if kind == "all_or_nothing":
            return Rule("all_or_nothing")
        if kind == "bands":
            bands: list[tuple[Decimal, Decimal]] = []
            for n, band in enumerate(body):
                low = self.share(band["from"], (*here, n, "from"))
                share = self.share(band["points"], (*here, n, "points"))
                if bands and low >= bands[-1][0]:
                    self.error(
                        (*here, n, "from"),
                        msg(
                            "bands go from the highest completion down; this one is not below "
                            "the one before"
                        ),
                    )
                bands.append((low, share))
            return Rule("bands", bands=tuple(bands))
        per, per_unit, per_text = self.step(body.get("per"), (*here, "per"))
        floor = self.share(body.get("floor", "0%"), (*here, "floor"), most=ONE)
        common = {
            "points": Decimal(str(body["points"])),
            "per": per,
            "per_unit": per_unit,
            "per_text": per_text,
            "floor": floor,
        }
        if kind == "anchored":
            cap = self.share(body.get("cap", "100%"), (*here, "cap"))
            at_target = self.share(body.get("at_target", "80%"), (*here, "at_target"))
            if not floor <= at_target <= cap:
                self.error(
                    here, msg("at_target must lie between floor and cap (floor ≤ at_target ≤ cap)")
                )
            return Rule("anchored", cap=cap, at_target=at_target, **common)  # type: ignore[arg-type]
        return Rule(
            "deduction",
            whole_steps=bool(body.get("whole_steps", False)),
            **common,  # type: ignore[arg-type]
        )

    def share(self, raw: Any, at: YPath, most: Decimal = Decimal(10)) -> Decimal:
        """A percentage written '120%', as a fraction (1.2), from 0 to `most` (1000%); 0 after
        recording a problem."""
        try:
            q = units.parse_quantity(raw)
        except UnitError as exc:
            self.error(at, exc.message)
            return ZERO
        if not units.is_percent(q.unit):
            self.error(at, msg("{raw!r}: write a percentage, like '120%'", raw=raw))
            return ZERO
        value = q.value / HUNDRED
        if not 0 <= value <= most:
            self.error(
                at,
                msg(
                    "{raw!r}: a share of the weight from 0% to {most}%",
                    raw=raw,
                    most=f"{most * HUNDRED:.0f}",
                ),
            )
            return ZERO
        return value

    def step(self, raw: Any, at: YPath) -> tuple[Decimal | None, str, str]:
        if raw is None:
            return None, "", ""
        try:
            q = units.parse_quantity(raw)
        except UnitError as exc:
            self.error(at, exc.message)
            return None, "", ""
        if q.value <= 0:
            self.error(at, msg("{raw!r}: a step must be more than zero", raw=raw))
            return None, "", ""
        if units.is_percent(q.unit):
            self.error(
                at,
                msg(
                    "{raw!r}: a step of a percentage or a growth rate is in percentage points, "
                    "like '1 个百分点'; without 'per:' a step is one point of completion",
                    raw=raw,
                ),
            )
            return None, "", ""
        return q.value, q.unit, units.fmt_quantity(q.value, q.unit)
