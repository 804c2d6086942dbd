"""HTML: one self-contained report page (`--format html`, `-o report.html`).

The page holds the title and period, a 示例数据 notice when any figure used is illustrative,
the sentences, the charts as inline SVG (`render/charts.py`) and the table(s), with its style
in the page: nothing is fetched (no script, no web font, no link), so it opens offline and
prints on A4. The template is ``zonekpi/templates/report.html.j2``, rendered by Jinja2 with
autoescaping on: text from a plan (``<script>``, ``</td>``, ``{{ 7*7 }}``) is shown as text,
never read as markup or as template code. The charts' SVG is the only markup put in as it is,
and matplotlib escapes the text inside it.

Jinja2 and matplotlib are imported only when this format is chosen.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, Any

from ..view.chartdata import TONES
from . import Options, Output, display_columns, inert, tables

if TYPE_CHECKING:
    from ..view.chartdata import Page
    from ..view.table import Table

TEMPLATE = "report.html.j2"
STATUS_KEYS = ("status", "status_text")  # the cells coloured by their row's status
SHORT = 6  # characters: a cell this short is never wrapped


def render(output: Output, options: Options) -> str:
    from .charts import missing, svg

    try:
        from jinja2 import Environment, StrictUndefined
        from markupsafe import Markup
    except ImportError as exc:
        raise missing(exc) from None

    from ..version import __version__

    page = _page(output)
    source = (resources.files("zonekpi") / "templates" / TEMPLATE).read_text("utf-8")
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    template = env.from_string(source)
    banner = page.words.get("illustrative") if page.illustrative else None  # said once, above
    return template.render(
        page=page,
        title=inert(page.title),
        period=inert(page.period),
        words=page.words,
        made=page.words.get("made", "{version}").format(version=__version__),
        charts=[Markup(svg(chart, page.statuses)) for chart in page.charts],
        tables=[_table(t) for t in tables(output)],
        sentences=[
            (inert(title), [inert(line) for line in lines if line != banner])
            for title, lines in output.sentences()
        ],
    )


def _page(output: Output) -> Page:
    """The output's page (title, period, charts); an output without one gets its table's
    title and no chart."""
    made = getattr(output, "page", None)
    if made is not None:
        page: Page = made()
        return page
    from ..view.chartdata import Page

    return Page(output.table().title, "", False, (), {}, {})


def _table(table: Table) -> dict[str, Any]:
    columns = display_columns(table)
    rows = []
    for i, row in enumerate(table.rows):
        status = table.statuses[i] if i < len(table.statuses) else ""
        texts = [inert(c.human(row.get(c.key, ""))) for c in columns]
        cells = [
            (text, _class(c.numeric, c.key in STATUS_KEYS, len(text) <= SHORT))
            for text, c in zip(texts, columns, strict=True)
        ]
        rows.append({"cells": cells, "status": TONES.get(status, "")})
    return {
        "title": inert(table.title),
        "headers": [(inert(c.header), _class(c.numeric, False, False)) for c in columns],
        "rows": rows,
        "footer": [inert(line) for line in table.footer],
        "empty": inert(table.empty),
    }


def _class(numeric: bool, status: bool, short: bool) -> str:
    """A cell's classes: num (right-aligned), status (coloured), nw (a short cell kept on one
    line, so that a park's name or a status is not broken in two)."""
    marks = (("num", numeric), ("status", status), ("nw", short))
    return " ".join(name for name, on in marks if on)
