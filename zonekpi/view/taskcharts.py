"""What the ledger (`zonekpi tasks`) adds to an HTML page, a workbook and ``--charts``: each
unit's tasks done against those it leads, and how many tasks stand in each state.

The view fills in plain chart data (`view/chartdata.py`); the renderers draw it. Colours follow
the task's state: done green, overdue red, due soon amber, the rest grey.
"""

from __future__ import annotations

from ..model.tasks import STATES, TaskReport
from .chartdata import Bar, BarChart, Chart, Page
from .labels import w
from .lang import report
from .tasks import day_text, state_words

# a task state -> the status code whose colour it takes
STYLE = {"done": "met", "overdue": "overdue", "due_soon": "behind", "on_track": "on_track"}


def tasks_page(r: TaskReport, title: str, illustrative: bool) -> Page:
    """The ledger's page: its title, the day it is read as of, and its two charts."""
    from .charts import drawable, words

    charts: list[Chart] = [c for c in (units_chart(r), states_chart(r)) if c is not None]
    words_of = state_words()  # the legend: each colour in the ledger's words
    statuses = {style: words_of[state] for state, style in STYLE.items()}
    statuses["no_data"] = w("taskchart.grey")
    when = w("taskchart.as_of", as_of=day_text(r.as_of, year=True))
    shown = tuple(c for c in charts if drawable(c))
    return Page(title, when, illustrative, shown, words(), statuses, report())


def units_chart(r: TaskReport) -> BarChart | None:
    """Per unit that leads tasks: the share of them done (已完成), red when one is overdue,
    else in the colour of 按计划推进."""
    bars = []
    for o in r.owners:
        live = [s for s in o.led if s.state != "cancelled"]
        if not live:
            continue
        done = sum(1 for s in live if s.state == "done")
        overdue = sum(1 for s in live if s.state == "overdue")
        share = 100.0 * done / len(live)
        text = w("taskchart.done_of", done=done, live=len(live))
        if overdue:
            text += w("taskchart.overdue", n=overdue)
        bars.append(Bar(r.unit_name(o.unit), share, text, "overdue" if overdue else "on_track"))
    if not bars:
        return None
    return BarChart(
        "tasks-by-unit",
        w("taskchart.by_unit"),
        w("taskchart.by_unit_axis"),
        tuple(bars),
        w("taskchart.share_done"),
        reference=100.0,
        reference_label=w("taskchart.all_done"),
    )


def states_chart(r: TaskReport) -> BarChart | None:
    """How many tasks stand in each state, in the order of urgency."""
    words = state_words()
    counts = {k: sum(1 for s in r.states if s.state == k) for k in STATES}
    bars = tuple(
        Bar(words[k], float(n), w("taskchart.n", n=n), STYLE.get(k, "no_data"))
        for k, n in counts.items()
        if n
    )
    if not bars:
        return None
    return BarChart(
        "tasks-by-state",
        w("taskchart.by_state"),
        w("taskchart.by_state_axis"),
        bars,
        w("taskchart.tasks"),
    )
