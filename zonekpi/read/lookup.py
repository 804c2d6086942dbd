"""Indicators and parks looked up by every name a table may give them (`Lookup`): by id at once,
else after `names.key` by name, alias or `was:` (an indicator), and the zone by 合计, 全区 or the
plan's region; two candidates are never chosen between, the match is refused with both named.
A row named '<indicator>增速' gives that indicator's growth (`growth_row`).
"""

from __future__ import annotations

import difflib
import re
from typing import NamedTuple

from ..errors import msg, visible
from .names import GROWTH_SUFFIXES, ZONE_WORDS, key
from .reader import Names


class Found(NamedTuple):
    """What a name names: `id` ('' for the zone), or None with `message` (unknown, ambiguous)."""

    id: str | None
    message: str = ""


class Lookup:
    """The indicators and parks of `names` by every name a table may give them."""

    def __init__(self, names: Names) -> None:
        self.names = names
        self._indicators: dict[str, list[str]] | None = None
        self._parks: dict[str, list[str]] | None = None
        # the rows naming no indicator: (file, name) → [(line, column)], said once a name
        self.unknown: dict[tuple[str, str], list[tuple[int, int | None]]] = {}

    def unknown_at(self, file: str, text: str, line: int, column: int | None) -> None:
        """Remembers a row of `file` whose indicator `text` names no indicator."""
        self.unknown.setdefault((file, text), []).append((line, column))

    # indicators
    def indicator_keys(self) -> dict[str, list[str]]:
        if self._indicators is None:
            table: dict[str, list[str]] = {}
            for ind in self.names.indicators.values():
                for spelled in (ind.id, ind.name, *ind.aliases, *([ind.was] if ind.was else [])):
                    ids = table.setdefault(key(spelled), [])
                    if ind.id not in ids:
                        ids.append(ind.id)
            self._indicators = table
        return self._indicators

    def indicator(self, text: str) -> Found:
        """The indicator `text` names: by id at once, else by name, alias or was."""
        if text in self.names.indicators:
            return Found(text)
        cell = text.strip()
        if cell in self.names.indicators:
            return Found(cell)
        ids = self.indicator_keys().get(key(cell), [])
        if len(ids) == 1:
            return Found(ids[0])
        if ids:
            named = ", ".join(f"{self.names.indicators[i].name} ({i})" for i in ids)
            return Found(
                None,
                msg(
                    "indicator '{cell}' is ambiguous: it names {named}; write the id",
                    cell=visible(cell),
                    named=named,
                ),
            )
        return Found(None)

    def unknown_indicator(self, text: str) -> str:
        """Why `text` names no indicator, with the closest names."""
        cell = text.strip()
        table = self.indicator_keys()
        close = difflib.get_close_matches(key(cell), list(table), n=3, cutoff=0.6)
        ids = list(dict.fromkeys(i for k in close for i in table[k]))
        if ids:
            said = " or ".join(f"'{self.names.indicators[i].name}' ({i})" for i in ids[:3])
            return msg(
                "unknown indicator '{cell}'; did you mean {said}?", cell=visible(cell), said=said
            )
        return msg(
            "unknown indicator '{cell}': no indicator of the plan has this id, name or alias; "
            "add it to the indicator's aliases: in the plan, or leave the row out (check "
            "--skip-unknown reads the rest)",
            cell=visible(cell),
        )

    # parks
    def park_keys(self) -> dict[str, list[str]]:
        if self._parks is None:
            table: dict[str, list[str]] = {}
            for park in self.names.places.values():
                for spelled in (park.id, park.name, *park.aliases):
                    ids = table.setdefault(key(spelled), [])
                    if park.id not in ids:
                        ids.append(park.id)
            for word in (*ZONE_WORDS, *([self.names.region] if self.names.region else [])):
                table.setdefault(key(word), [""])
            self._parks = table
        return self._parks

    def park(self, text: str) -> Found:
        """The park `text` names ('' for the zone's total), by id, name or alias."""
        cell = text.strip()
        if cell in self.names.parks:
            return Found(cell)
        ids = self.park_keys().get(key(cell), [])
        if len(ids) == 1:
            return Found(ids[0])
        if ids:
            named = ", ".join(f"{self.names.places[i].name} ({i})" for i in ids)
            return Found(
                None,
                msg(
                    "park '{cell}' is ambiguous: it names {named}; write the id",
                    cell=visible(cell),
                    named=named,
                ),
            )
        return Found(None)

    def parks_said(self) -> str:
        """The parks, as a message lists them: 高新区 gxq, 经开区 jkq."""
        return ", ".join(f"{p.name} {p.id}" for p in self.names.places.values()) or "none"

    def unknown_park(self, text: str) -> str:
        cell = text.strip()
        known = self.parks_said()
        table = self.park_keys()
        close = difflib.get_close_matches(key(cell), [k for k in table if table[k] != [""]], n=1)
        if close:
            park = self.names.places[table[close[0]][0]]
            return msg(
                "unknown park '{cell}' (parks: {known}; the zone's total: 合计 or 全区); did you "
                "mean '{name}' ({id})?",
                cell=visible(cell),
                known=known,
                name=park.name,
                id=park.id,
            )
        return msg(
            "unknown park '{cell}' (parks: {known}; the zone's total: 合计 or 全区)",
            cell=visible(cell),
            known=known,
        )

    def is_park_name(self, text: str) -> bool:
        """Whether `text` names a park or the zone (a column heading, a sheet name)."""
        return bool(text.strip()) and self.park(text).id is not None


def growth_row(lookup: Lookup, text: str) -> str | None:
    """The indicator a row named '<indicator>增速' (or 增长, 同比增长…) gives the growth of."""
    k = key(text)
    k = re.sub(r"\(%\)$|%$", "", k)
    for suffix in GROWTH_SUFFIXES:
        if k.endswith(suffix) and len(k) > len(suffix):
            found = lookup.indicator(k[: -len(suffix)])
            if found.id is not None:
                return found.id
    return None
