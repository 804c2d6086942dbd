"""The long table: its rows as figrows reads them, indicators and parks by name or alias given
their ids, the status column taken out (and remembered), 增速 given as growth (`_LongRows`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...errors import Problem
from .. import names as vocab
from ..lookup import Lookup
from ..reader import Names
from .source import _at, _Source, _unknown_status

_CHINESE = re.compile(r"[\u4e00-\u9fff]")  # a name, not an id: zonekpi says what it may be


class _LongRows:
    """The rows of a long table as figrows reads them: indicators and parks named by name or
    alias given their ids, the zone's 合计 given as no park, the status column taken out (and
    remembered for revisions), and, under Chinese headings, 增速 given as growth."""

    def __init__(
        self,
        heads: list[str],
        source: _Source,
        names: Names,
        lookup: Lookup,
        problems: list[Problem],
        chinese: bool,
    ) -> None:
        self.source, self.names, self.lookup, self.problems = source, names, lookup, problems
        self.chinese = chinese
        at = {h: n for n, h in enumerate(heads)}
        self.i_ind, self.i_park = at.get("indicator"), at.get("park")
        self.i_measure = at.get("measure") if chinese else None
        self.i_status = at.get("status")

    def rows(self, rows: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
        header = next(rows, None)
        if header is None:
            return
        i_status = self.i_status
        if i_status is not None:
            header = (header[0], header[1][:i_status] + header[1][i_status + 1 :])
        yield header
        ids, parks = self.names.indicators, self.names.parks
        i_ind, i_park = self.i_ind, self.i_park
        plain = i_status is None and self.i_measure is None and not self.chinese
        for line, cells in rows:
            row: list[str] | None = cells
            if i_ind is not None and len(cells) > i_ind and cells[i_ind] not in ids:
                row = self.indicator(line, cells, i_ind)
            if (
                row is not None
                and i_park is not None
                and len(row) > i_park
                and row[i_park]
                and row[i_park] not in parks
            ):
                row = self.park(line, row, i_park)
            if row is not None and not plain:
                row = self.rest(line, row)
            if row is not None:
                yield line, row

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.source.shown, line, 0, message))

    def indicator(self, line: int, row: list[str], i: int) -> list[str] | None:
        cell = row[i].strip()
        if not cell:
            if (
                self.chinese
                and any(c.strip() for c in row)
                and vocab.is_footnote(next(c for c in row if c.strip()))
            ):
                return None  # 注: … under the table
            return row
        found = self.lookup.indicator(cell)
        if found.id is not None:
            return [*row[:i], found.id, *row[i + 1 :]]
        if found.message:
            self.problem(line, found.message)
            return None
        if self.chinese and vocab.is_footnote(cell):
            return None
        if self.names.skip_unknown:
            self.names.skipped.append(cell)
            return None
        if _CHINESE.search(cell):
            self.lookup.unknown_at(self.source.shown, cell, line, None)
            return None
        return row  # figrows says what is wrong with an unknown id, as it always has

    def park(self, line: int, row: list[str], i: int) -> list[str] | None:
        found = self.lookup.park(row[i])
        if found.id is not None:
            return [*row[:i], found.id, *row[i + 1 :]]
        if found.message:
            self.problem(line, found.message)
            return None
        if _CHINESE.search(row[i]):
            self.problem(line, self.lookup.unknown_park(row[i]))
            return None
        return row  # figrows's message (an id, a stray invisible character)

    def rest(self, line: int, row: list[str]) -> list[str] | None:
        i_measure, i_status = self.i_measure, self.i_status
        if i_measure is not None and len(row) > i_measure and row[i_measure].strip():
            word = vocab.MEASURE_WORDS.get(vocab.key(row[i_measure]))
            if word is not None:
                row = [*row[:i_measure], word, *row[i_measure + 1 :]]
        if i_status is not None and len(row) > i_status:
            status = row[i_status].strip()
            if status:
                if vocab.status_rank(status) is None:
                    self.problem(line, _unknown_status(status))
                    return None
                indicator = _at(row, self.i_ind).strip()
                park = _at(row, self.i_park).strip() or None
                self.names.statuses[(self.source.file, line, indicator, park)] = status
            row = row[:i_status] + row[i_status + 1 :]
        return row
