"""The entry point: which sheets of a file to read (a workbook of park sheets, a named sheet, the
first), and for each, whether it is the long table with English headings (read by figrows as it
always was) or a layout (`layout._Layout`); the names no indicator has are said here, once each."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path

from ...errors import Problem, msg
from ...model.common import ILLUSTRATIVE, is_illustrative
from ...model.plan import Figure
from .. import names as vocab
from ..figrows import table_figures
from ..lookup import Lookup
from ..reader import Names
from ..tables import header_names, table_rows
from ..workbook import sheet_names
from .layout import _Layout
from .long import _LongRows
from .source import _cell, _long_in_park_sheet, _Source

_ENGLISH = frozenset(("indicator", "park", "period", "value", "unit", "measure", "note", "status"))


def read_table(
    path: Path, sheet: str | None, names: Names, problems: list[Problem]
) -> tuple[list[Figure], list[str]]:
    """The figures of a table file (CSV, TSV, a workbook's sheet or its park sheets) in any
    layout it may have, and notes on how it was read (an encoding, warnings). The rows of every
    sheet are read by `tables.table_rows`, as any table's are."""
    from ..figures import FIGURE_FILE

    lookup = Lookup(names)
    notes: list[str] = []
    name = str(path)
    titles = sheet_names(path) if path.suffix.lower() == ".xlsx" else None
    figures: list[Figure] = []
    for title, park in _sheets(path, titles, sheet, lookup, problems):
        rows, read_notes = table_rows(path, title, problems, FIGURE_FILE)
        notes.extend(read_notes)
        if rows is None:
            continue
        shown = title or (titles[0] if titles else None)
        source = _Source(name, f"{name}#{shown}" if shown else name, shown, park)
        if titles is not None:
            source = source._replace(book=path)
        figures.extend(_read(rows, source, names, lookup, problems, notes))
    for (shown, text), where in lookup.unknown.items():  # one line a name, not one a row
        line, column = where[0]
        more = [w[0] for w in where[1:]]
        message = lookup.unknown_indicator(text)
        if more:
            said = ", ".join(map(str, more[:5])) + (", …" if len(more) > 5 else "")
            if len(more) == 1:
                message = msg("{message} (and 1 more row: {said})", message=message, said=said)
            else:
                message = msg(
                    "{message} (and {count} more rows: {said})",
                    message=message,
                    count=len(more),
                    said=said,
                )
        if column is not None:
            message = msg("cell {cell}: {message}", cell=_cell(column, line), message=message)
        problems.append(Problem(shown, line, 0, message))
    return figures, notes


def _sheets(
    path: Path,
    titles: list[str] | None,
    sheet: str | None,
    lookup: Lookup,
    problems: list[Problem],
) -> list[tuple[str | None, str | None]]:
    """The sheets to read (None: a CSV's one table, or a workbook's first sheet), each with its
    park (None: not a park's sheet): the named sheet; every sheet of a workbook of park sheets;
    else the first."""
    if titles is None or sheet is not None:
        park = lookup.park(sheet).id if sheet is not None and _parks_sheet(sheet) else None
        return [(sheet, park)]
    data = [t for t in titles if vocab.key(t) not in _NOTE_SHEETS]
    parks = {t: lookup.park(t).id for t in data if _parks_sheet(t)}
    if not any(p is not None for p in parks.values()):
        return [(None, None)]
    chosen: list[tuple[str | None, str | None]] = []
    for title in data:
        park = parks.get(title)
        if park is None:
            rows, _ = table_rows(path, title, [], "figure file")
            if rows is None or not any(any(c.strip() for c in r) for _, r in rows):
                continue  # an empty sheet (Sheet2) holds nothing to misplace
            problems.append(
                Problem(
                    f"{path}#{title}",
                    0,
                    0,
                    msg(
                        "the workbook has a sheet for each park, and sheet '{title}' is named "
                        "for no park (parks: {parks}; the zone: 全区 or 合计); rename it for its "
                        "park, or move it out of the workbook",
                        title=title,
                        parks=lookup.parks_said(),
                    ),
                )
            )
            continue
        chosen.append((title, park))
    return chosen


_NOTE_SHEETS = frozenset(vocab.key(t) for t in vocab.NOTE_SHEETS)


def _parks_sheet(title: str) -> bool:
    """Whether a sheet's name can name a park: not a period (1-10月, 2018) nor a bare number."""
    k = vocab.key(title)
    return not (k[:1].isdigit() or vocab.month_heading(title) is not None)


# ----------------------------------------------------------------------------- dispatch


def _read(
    rows: Iterable[tuple[int, list[str]]],
    source: _Source,
    names: Names,
    lookup: Lookup,
    problems: list[Problem],
    notes: list[str],
) -> list[Figure]:
    """The figures of one table: a long table as figrows reads it, or a layout."""
    it = iter(rows)
    ahead: list[tuple[int, list[str]]] = []
    for line, cells in it:
        ahead.append((line, cells))
        if any(c.strip() for c in cells):
            break
    first = ahead[-1][1] if ahead else []
    heads = header_names(first)
    named = [h for h in heads if h]
    if not named and source.park is not None:
        return []  # a park's empty sheet: no figures for it
    if len(ahead) <= 1 and (
        not named
        or (_ENGLISH.intersection(named) and all(h.isascii() for h in named))
        or (len(named) == 1 and "indicator" in named[0])  # columns run together (，, tabs)
    ):  # the long table with English headings, as it always was (or an empty file)
        if source.park is not None:
            problems.append(_long_in_park_sheet(source, ahead))
            return []
        wrapped = _LongRows(heads, source, names, lookup, problems, chinese=False)
        return table_figures(wrapped.rows(chain(ahead, it)), source.file, names, problems)
    watched = _Watched(chain(ahead, it))
    figures = _Layout(source, names, lookup, problems, notes).read(iter(watched))
    if not watched.said:
        return figures
    return [f if f.note else f._replace(note=ILLUSTRATIVE) for f in figures]


class _Watched:
    """A layout's rows as they are read, its first and last rows (a title such as
    2018年1-10月主要指标（示例数据）, a 注 line) watched for a mark of illustrative figures: a
    table that says so once marks every figure it holds (`model.common.is_illustrative`).
    Only a few rows at each end are looked at, so a long table costs nothing more."""

    EDGE = 8  # rows at each end

    def __init__(self, rows: Iterable[tuple[int, list[str]]]) -> None:
        self.rows = rows
        self.said = False

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        tail: deque[list[str]] = deque(maxlen=self.EDGE)
        for n, (line, cells) in enumerate(self.rows):
            if n < self.EDGE:
                self.said = self.said or any(is_illustrative(c) for c in cells)
            else:
                tail.append(cells)
            yield line, cells
        self.said = self.said or any(is_illustrative(c) for cells in tail for c in cells)
