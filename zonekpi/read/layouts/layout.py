"""A table in one of the layouts (`_Layout`): its title rows and header found, a long table under
Chinese headings checked, and the figure rows read block by block (a new title and header start
a new block), each block by a `rows._BlockReader`, into the rows of a long table."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from ...errors import Problem, msg
from ...model.plan import Figure
from .. import names as vocab
from ..figrows import table_figures
from ..lookup import Lookup
from ..reader import Names
from .header import _Header, _header, _Title, _title_row
from .long import _LongRows
from .rows import _BlockReader
from .source import CANONICAL, LAYOUTS_SAID, _cell, _files, _long_in_park_sheet, _Source

_MAX_TITLE_ROWS = 12  # rows read for a header before the table is called unrecognised
_NUMBER = re.compile(r"[-+]?[0-9][0-9,]*(?:\.[0-9]+)?%?")  # a figure, not a heading


class _Layout:
    """Reads a table in one of the layouts: its title rows, header, and figure rows, block by
    block (a new title and header start a new block), into the rows of a long table."""

    def __init__(
        self,
        source: _Source,
        names: Names,
        lookup: Lookup,
        problems: list[Problem],
        notes: list[str],
    ) -> None:
        self.source, self.names, self.lookup = source, names, lookup
        self.problems, self.notes = problems, notes
        self.out: list[tuple[int, list[str]]] = []  # the figures of the row being read

    def problem(self, line: int, message: str, column: int | None = None) -> None:
        if column is not None:
            message = msg("cell {cell}: {message}", cell=_cell(column, line), message=message)
        self.problems.append(Problem(self.source.shown, line, 0, message))

    def warn(self, line: int, column: int, message: str) -> None:
        self.notes.append(
            msg(
                "warning: {file}:{line}: cell {cell}: {message}",
                file=self.source.shown,
                line=line,
                cell=_cell(column, line),
                message=message,
            )
        )

    # --------------------------------------------------------------------- the table
    def read(self, rows: Iterator[tuple[int, list[str]]]) -> list[Figure]:
        title = _Title()
        seen: list[tuple[int, list[str]]] = []
        header: _Header | None = None
        for line, cells in rows:
            if not any(c.strip() for c in cells):
                continue
            header = _header(line, cells, self.lookup)
            if header is not None:
                break
            seen.append((line, cells))
            title = _title_row(cells, title, self.lookup)
            if len(seen) >= _MAX_TITLE_ROWS:
                break
        if header is None:
            self.unrecognised(seen)
            return []
        if header.long:
            return self.long(header, title, rows)
        table = chain([(header.line, CANONICAL)], self.block(header, title, rows))
        return _files(
            table_figures(table, self.source.shown, self.names, self.problems), self.source
        )

    def unrecognised(self, seen: list[tuple[int, list[str]]]) -> None:
        if not seen:
            return
        line, cells = seen[0]
        found = ", ".join(c.strip() for c in cells if c.strip())
        self.problems.append(
            Problem(
                self.source.shown,
                line,
                0,
                msg(
                    "cannot tell the layout of this table: no header row names an indicator "
                    "column (指标, 指标名称 or indicator) in its first rows (found: {found}); "
                    "expected {layouts}",
                    found=found[:120],
                    layouts=LAYOUTS_SAID,
                ),
            )
        )

    def long(
        self, header: _Header, title: _Title, rows: Iterator[tuple[int, list[str]]]
    ) -> list[Figure]:
        """A long table under Chinese headings: checked here, then read by figrows."""
        if self.source.park is not None:
            self.problems.append(_long_in_park_sheet(self.source, [(header.line, [])]))
            return []
        if header.unknown:
            said = ", ".join(f"'{c.heading}' ({_cell(c.at, header.line)})" for c in header.unknown)
            self.problem(
                header.line,
                msg(
                    "unknown column(s) {said}; a long table has 指标, 园区, 期间, 数值, 单位 and "
                    "optionally 口径, 状态, 备注 (or indicator, park, period, value, unit, "
                    "measure, status, note)",
                    said=said,
                ),
            )
            return []
        roles = [c.role for c in header.columns]
        twice = sorted({r for r in roles if roles.count(r) > 1})
        if twice:
            said = ", ".join(c.heading for c in header.columns if c.role == twice[0])
            self.problem(
                header.line,
                msg("the columns {said} all name the {role}; keep one", said=said, role=twice[0]),
            )
            return []
        width = max(c.at for c in header.columns) + 1
        heads = [""] * width
        for c in header.columns:
            heads[c.at] = c.role
        keep = [n for n, h in enumerate(heads) if h]
        heads = [heads[n] for n in keep]
        body = ((line, [cells[n] if n < len(cells) else "" for n in keep]) for line, cells in rows)
        wrapped = _LongRows(
            heads, self.source, self.names, self.lookup, self.problems, chinese=True
        )
        table = wrapped.rows(chain([(header.line, heads)], body))
        return _files(
            table_figures(table, self.source.shown, self.names, self.problems), self.source
        )

    # --------------------------------------------------------------------- a block
    def block(
        self, header: _Header, title: _Title, rows: Iterator[tuple[int, list[str]]]
    ) -> Iterator[tuple[int, list[str]]]:
        """The figures of the table's rows, as the rows of a long table."""
        out = self.out
        pending: _Title | None = None
        footnotes = False
        reader = self.reader(header, title)
        last_indicator: str | None = None
        for line, cells in rows:
            first = next((c for c in cells if c and not c.isspace()), None)
            if first is None:
                continue  # a blank row between blocks, or a spacer
            first = first.strip()
            width = len(cells)
            if reader is not None:
                values = [c for c in reader.figures if c.at < width and cells[c.at].strip()]
                ind_cell = cells[reader.i_ind].strip() if reader.i_ind < width else ""
            else:
                values, ind_cell = [], ""
            if (
                (not ind_cell or vocab.long_column(ind_cell) == "indicator")
                and not any(_NUMBER.fullmatch(c.strip()) for c in cells)
                and (again := _header(line, cells, self.lookup)) is not None
                and not again.long
                and not again.unknown
            ):  # the header of a new block (under a title of its own)
                header, footnotes = again, False
                reader = self.reader(header, pending or title)
                title, pending, last_indicator = pending or title, None, None
                continue
            if vocab.is_footnote(first) and self.lookup.indicator(first).id is None:
                footnotes = True
                continue
            if not values or reader is None:
                if len([c for c in cells if c.strip()]) <= 2 and not footnotes:
                    guess = _title_row(cells, _Title(), self.lookup)
                    if guess.year is not None:
                        pending = _title_row(
                            cells, title._replace(month=None, year=None), self.lookup
                        )
                continue  # a group's heading, a note, a row without figures
            if footnotes and self.lookup.indicator(ind_cell).id is None:
                continue
            footnotes = False
            last_indicator = reader.row(line, cells, values, last_indicator)
            if out:  # the row's figures, read by figrows as they come (no table held)
                yield from out
                out.clear()

    def reader(self, header: _Header, title: _Title) -> _BlockReader | None:
        if header.unknown and any(c.kind == "park" for c in header.columns):
            said = ", ".join(f"'{c.heading}' ({_cell(c.at, header.line)})" for c in header.unknown)
            self.problem(
                header.line,
                msg(
                    "the columns are parks, and {said} names no park (parks: {parks}; the zone: "
                    "合计 or 全区); write the park's name, id or an alias of it in the plan",
                    said=said,
                    parks=self.lookup.parks_said(),
                ),
            )
            return None
        if header.unknown:
            said = ", ".join(f"'{c.heading}' ({_cell(c.at, header.line)})" for c in header.unknown)
            self.problem(
                header.line,
                msg(
                    "unknown column heading(s) {said}; expected {layouts}, and 单位, 园区, 口径, "
                    "状态, 备注",
                    said=said,
                    layouts=LAYOUTS_SAID,
                ),
            )
            return None
        kinds = {c.kind for c in header.figures}
        if "park" in kinds and kinds & {"relative", "period", "months"}:
            parks = ", ".join(c.heading for c in header.figures if c.kind == "park")
            periods = ", ".join(c.heading for c in header.figures if c.kind != "park")
            self.problem(
                header.line,
                msg(
                    "the header names parks ({parks}) and periods ({periods}) across; a table "
                    "has one or the other: parks across for one period (stated in its title), "
                    "or periods across with a 园区 column",
                    parks=parks,
                    periods=periods,
                ),
            )
            return None
        i_park = header.meta("park")
        if i_park is not None and ("park" in kinds or self.source.park is not None):
            if "park" in kinds:
                said = msg(
                    "a 园区 column in a table of parks across; leave it out, the park is given "
                    "by the column (or the sheet)"
                )
            else:
                said = msg(
                    "a 园区 column in a table of sheet '{sheet}' (a park's); leave it out, the "
                    "park is given by the column (or the sheet)",
                    sheet=self.source.sheet,
                )
            self.problem(header.line, said, i_park)
            return None
        return _BlockReader(self, header, title)
