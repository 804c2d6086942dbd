"""What a chart shows, as plain data: the view fills these in, the renderers draw them.

Like `table.py`, this module knows nothing of the domain, so the renderers (`render/html.py`,
`render/charts.py`) may import it. Every word is already in the report's language and every
number already what the chart plots (percent, not a fraction); a status is a code (`met`) whose
colour the renderer picks and whose words `Page.statuses` gives.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

# A status code (of a target, or of a task in the ledger) -> the tone every format colours it
# with: good (green), bad (red), late (amber) or none (grey); a code not here is not coloured.
TONES = {
    "met": "good",
    "on_track": "good",
    "on_path": "good",
    "done": "good",
    "missed": "bad",
    "overdue": "bad",
    "behind": "late",
    "below": "late",
    "behind_path": "late",
    "due_soon": "late",
    "no_data": "none",
    "unreported": "none",
    "cancelled": "none",
}


class Bar(NamedTuple):
    """One bar: its label, its length, the text written at its end, its status code, and a
    mark across it (序时进度, a budget, full marks) with that mark's text."""

    label: str
    value: float | None
    text: str = ""
    status: str = ""
    mark: float | None = None


class BarChart(NamedTuple):
    """Horizontal bars, the first at the top; `reference`: a line across them all (100%)."""

    name: str  # the file's name under --charts DIR, without its extension
    title: str
    axis: str  # what the bars measure, with its unit
    bars: tuple[Bar, ...]
    value_label: str  # the legend of the bars (完成率)
    mark_label: str = ""  # the legend of the marks (序时进度)
    reference: float | None = None
    reference_label: str = ""
    cap: float | None = None  # bars longer than this are drawn to it (their text says how long)


class GridRow(NamedTuple):
    label: str
    cells: tuple[tuple[str, str], ...]  # (text, status code) per column


class GridChart(NamedTuple):
    """A coloured grid: indicators down, parks across; a cell's colour is its status."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[GridRow, ...]


class Line(NamedTuple):
    """A series over the x labels; `points` draws markers only (actuals, targets)."""

    label: str
    values: tuple[float | None, ...]
    points: bool = False


class LineChart(NamedTuple):
    name: str
    title: str
    axis: str
    x: tuple[str, ...]
    lines: tuple[Line, ...]


Chart = BarChart | GridChart | LineChart


class Page(NamedTuple):
    """Everything of a report page that is not the table or the sentences: its title and
    period, whether any figure used is illustrative (示例数据), the charts, the words of the
    page's own headings (by key), and the words of each status code (for the legends)."""

    title: str
    period: str
    illustrative: bool
    charts: tuple[Chart, ...]
    words: Mapping[str, str]
    statuses: Mapping[str, str]
    lang: str = "zh"
