"""Drawing the view's charts (`view/chartdata.py`) with matplotlib, as SVG or PNG.

matplotlib is imported here and only here, when a chart is drawn (an HTML report or
``--charts``): a plain ``zonekpi check`` never loads it. It runs on the Agg backend, without
pyplot (no global figures, no display), with these settings:

- ``svg.fonttype: none``: text stays text in an SVG, so Chinese is drawn by the browser's or
  the word processor's own fonts, and the file stays small and searchable. The font list names
  the common CJK fonts first (Noto Sans CJK SC, Source Han Sans, Microsoft YaHei, PingFang SC,
  WenQuanYi, SimHei) and ends in ``sans-serif``, so whichever the reader has is used;
- ``text.parse_math: False``: a ``$`` in a plan's name is a dollar sign, never mathtext;
- a fixed ``svg.hashsalt`` and no date in the metadata: the same report gives the same bytes.

Text reaches matplotlib already made inert (`render.inert`) and cut to MAX_LABEL characters
(`_shown`: a figure's size follows its labels), and matplotlib escapes ``<``, ``>``
and ``&`` in SVG text, so plan text can never become markup. A PNG needs a CJK font on this
machine (`cjk_font`); without one the caller refuses rather than draw boxes (tofu).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..view.chartdata import TONES
from . import inert

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..view.chartdata import BarChart, Chart, GridChart, LineChart

# Fonts with Chinese characters, by how likely a reader has them: Linux, then Windows, macOS.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimHei",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
    "Noto Sans CJK JP",
    "Noto Sans CJK TC",
)
# the files of those fonts, for a font installed after matplotlib listed the system's fonts
CJK_FILES = re.compile(r"cjk|sourcehan|wqy|msyh|simhei|simsun|pingfang|hiragino", re.I)
# bars: a status's colour; grid cells: a light tint of it
COLOURS = {"good": "#2e7d32", "bad": "#c62828", "late": "#e08a00", "none": "#9e9e9e", "": "#4c78a8"}
TINTS = {"good": "#c8e6c9", "bad": "#ffcdd2", "late": "#ffe0b2", "none": "#e6e6e6", "": "#ffffff"}
WIDTH = 7.2  # inches: the text width of an A4 page, so a chart pastes into Word at 100%
PNG_DPI = 200


def missing(exc: ImportError) -> Exception:
    """The error for a plotting or template library that is not installed (a package built
    without its dependencies): what to install, exit 2, rather than a traceback."""
    from ..errors import ZonekpiError, msg

    return ZonekpiError(
        msg(
            "HTML reports and charts need {name}, which is not installed: {wanted}",
            name=exc.name or "matplotlib",
            wanted="pip install 'matplotlib>=3.7' 'jinja2>=3.1'",
        )
    )


def cjk_font() -> str | None:
    """The first font of `CJK_FONTS` installed on this machine, or None."""
    try:
        from matplotlib import font_manager
    except ImportError as exc:
        raise missing(exc) from None

    manager = font_manager.fontManager
    found = next((n for n in CJK_FONTS if n in {f.name for f in manager.ttflist}), None)
    if found is None:  # installed after matplotlib cached its list of fonts: add them now
        for path in font_manager.findSystemFonts():
            if CJK_FILES.search(os.path.basename(path)):
                with contextlib.suppress(Exception):  # a font file matplotlib cannot read
                    manager.addfont(path)
        found = next((n for n in CJK_FONTS if n in {f.name for f in manager.ttflist}), None)
    return found


def _settings(font: str | None, salt: str) -> dict[str, Any]:
    families = [font] if font else []
    families += [f for f in CJK_FONTS if f != font] + ["DejaVu Sans"]
    return {
        "svg.fonttype": "none",
        "svg.hashsalt": salt,
        "text.parse_math": False,
        "font.family": "sans-serif",
        "font.sans-serif": families,
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


def svg(chart: Chart, statuses: Mapping[str, str]) -> str:
    """The chart as an ``<svg>`` element to put inside an HTML page (no XML prologue, no
    metadata: nothing that names another resource)."""
    text = _draw(chart, statuses, "svg", cjk_font()).decode("utf-8")
    text = text[text.index("<svg") :]
    return re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.S)


def svg_file(chart: Chart, statuses: Mapping[str, str]) -> str:
    """The chart as a standalone .svg file."""
    return '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n' + svg(chart, statuses)


def png(chart: Chart, statuses: Mapping[str, str], font: str) -> bytes:
    """The chart as a PNG drawn with `font` (a CJK font from `cjk_font`)."""
    return _draw(chart, statuses, "png", font)


def _draw(chart: Chart, statuses: Mapping[str, str], fmt: str, font: str | None) -> bytes:
    try:
        import matplotlib
    except ImportError as exc:
        raise missing(exc) from None
    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    from ..view.chartdata import BarChart, GridChart

    settings: Any = _settings(font, chart.name)  # rc_context's keys are typed as literals
    with matplotlib.rc_context(settings), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # glyphs missing from the measuring font: SVG only
        fig = Figure(figsize=(WIDTH, 3))
        if isinstance(chart, BarChart):
            _bars(fig, chart, statuses)
        elif isinstance(chart, GridChart):
            _grid(fig, chart, statuses)
        else:
            _lines(fig, chart)
        out = io.BytesIO()
        fig.savefig(
            out,
            format=fmt,
            dpi=PNG_DPI,
            bbox_inches="tight",
            pad_inches=0.15,
            metadata={"Date": None} if fmt == "svg" else {"Software": None},
        )
    return out.getvalue()


def _status_key(
    ax: Axes, used: list[str], statuses: Mapping[str, str], extra: list[Any], below: float
) -> None:
    """The legend under the axes (`below`: how far, as a fraction of the axes' height): the
    marks and lines in `extra`, then the colour of each status that a bar has."""
    from matplotlib.patches import Patch

    groups = dict.fromkeys(TONES.get(s, "") for s in used)
    handles = list(extra)
    for code, words in statuses.items():
        group = TONES.get(code, "")
        if group in groups and code in used:
            handles.append(Patch(color=COLOURS[group], label=_shown(words)))
    if handles:
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, -below),
            ncol=min(5, len(handles)),
            frameon=False,
        )


def _bars(fig: Figure, chart: BarChart, statuses: Mapping[str, str]) -> None:
    from matplotlib.lines import Line2D

    n = len(chart.bars)
    fig.set_size_inches(WIDTH, 1.3 + 0.3 * n)
    ax = fig.add_subplot()
    ys = list(range(n))[::-1]  # the first bar at the top
    cap = chart.cap
    lengths = [min(b.value or 0.0, cap) if cap else (b.value or 0.0) for b in chart.bars]
    colours = [COLOURS[TONES.get(b.status, "")] for b in chart.bars]
    ax.barh(ys, lengths, color=colours, height=0.62)
    top = max([*lengths, *(b.mark or 0 for b in chart.bars), chart.reference or 0, 0.0])
    low = min([*lengths, 0.0])
    span = (top - low) or 1.0
    for y, length, b in zip(ys, lengths, chart.bars, strict=True):
        if b.text:
            right = length >= 0
            end = max(length, b.mark) if right and b.mark is not None else length
            ax.text(
                end + (0.01 if right else -0.01) * span,
                y,
                _shown(b.text),
                va="center",
                ha="left" if right else "right",
                fontsize=8,
            )
    extra: list[Any] = []
    marks = [(y, b.mark) for y, b in zip(ys, chart.bars, strict=True) if b.mark is not None]
    for y, mark in marks:
        ax.plot([mark, mark], [y - 0.42, y + 0.42], color="#222222", linewidth=2.2)
    if marks and chart.mark_label:
        extra.append(Line2D([], [], color="#222222", linewidth=2.2, label=_shown(chart.mark_label)))
    if chart.reference is not None:
        ax.axvline(chart.reference, color="#777777", linestyle="--", linewidth=1)
        if chart.reference_label:
            extra.append(
                Line2D([], [], color="#777777", linestyle="--", label=_shown(chart.reference_label))
            )
    ax.set_yticks(ys, [_shown(b.label) for b in chart.bars])
    ax.set_xlim(low - 0.02 * span if low < 0 else 0, top + 0.16 * span)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_xlabel(_shown(chart.axis))
    ax.set_title(_shown(chart.title), loc="left", fontsize=11)
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.6)
    ax.set_axisbelow(True)
    used = [b.status for b in chart.bars if b.status]
    if not used and chart.value_label:
        from matplotlib.patches import Patch

        extra.insert(0, Patch(color=COLOURS[""], label=_shown(chart.value_label)))
    _status_key(ax, used, statuses, extra, below=0.45 / (0.77 * (1.3 + 0.3 * n)))


def _grid(fig: Figure, chart: GridChart, statuses: Mapping[str, str]) -> None:
    from matplotlib.patches import Rectangle

    rows, cols = len(chart.rows), len(chart.columns)
    label_w = 0.25 + EM * max((_ems(_shown(r.label)) for r in chart.rows), default=4)
    cell_w = max(
        0.7, 0.2 + EM * max((_ems(_shown(t)) for r in chart.rows for t, _ in r.cells), default=4)
    )
    head = 0.4 + 0.5 * EM * max((_ems(_shown(c)) for c in chart.columns), default=4)
    fig.set_size_inches(label_w + cell_w * cols + 0.2, head + 0.3 * rows + 0.5)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(-label_w, cell_w * cols)
    ax.set_ylim(rows * 0.3 + 0.5, -head)
    ax.axis("off")
    ax.text(-label_w, -head + 0.05, _shown(chart.title), va="top", ha="left", fontsize=11)
    for j, name in enumerate(chart.columns):
        ax.text(
            cell_w * (j + 0.5),
            -0.06,
            _shown(name),
            ha="left",
            va="bottom",
            rotation=30,
            rotation_mode="anchor",
            fontsize=8,
        )
    used = []
    for i, row in enumerate(chart.rows):
        y = i * 0.3
        ax.text(-0.08, y + 0.15, _shown(row.label), ha="right", va="center", fontsize=8)
        for j, (text, status) in enumerate(row.cells):
            used.append(status)
            tint = TINTS[TONES.get(status, "")]
            ax.add_patch(
                Rectangle((cell_w * j, y), cell_w, 0.3, facecolor=tint, edgecolor="#bdbdbd", lw=0.5)
            )
            ax.text(
                cell_w * (j + 0.5), y + 0.15, _shown(text), ha="center", va="center", fontsize=8
            )
    from matplotlib.patches import Patch

    handles = [
        Patch(facecolor=TINTS[TONES[code]], edgecolor="#bdbdbd", label=_shown(words))
        for code, words in statuses.items()
        if code in used and code in TONES
    ]
    if handles:
        ax.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(0, 0),
            ncol=min(5, len(handles)),
            frameon=False,
            fontsize=8,
        )


EM = 8 / 72  # inches: one Chinese character of the grid's 8-point text
MAX_LABEL = 60  # characters of plan text in a chart: the table beside it has all of them


def _shown(text: str) -> str:
    """Plan text as a chart shows it: inert, and cut to MAX_LABEL characters with …, so that a
    name of 100,000 characters cannot make a figure of a million pixels (the table has it
    whole)."""
    text = inert(text)
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _ems(text: str) -> float:
    """A text's width in Chinese characters (a Latin letter or digit about half of one)."""
    return sum(1.0 if ord(c) > 0x2E7F else 0.6 for c in text)


def _lines(fig: Figure, chart: LineChart) -> None:
    fig.set_size_inches(WIDTH, 3.6)
    ax = fig.add_subplot()
    xs = list(range(len(chart.x)))
    styles: list[dict[str, Any]] = [
        {"color": "#4c78a8", "linestyle": "-", "marker": "", "linewidth": 1.8},
        {"color": "#2e7d32", "linestyle": "", "marker": "o", "markersize": 7},
        {"color": "#c62828", "linestyle": "", "marker": "*", "markersize": 11},
    ]
    for k, line in enumerate(chart.lines):
        pts = [(x, v) for x, v in zip(xs, line.values, strict=True) if v is not None]
        if not pts:
            continue
        style = styles[min(k, len(styles) - 1)] if line.points or k == 0 else styles[0]
        px, py = zip(*pts, strict=True)
        ax.plot(px, py, label=_shown(line.label), **style)
        if line.points:
            for x, v in pts:
                ax.annotate(
                    f"{v:,.4g}",
                    (x, v),
                    textcoords="offset points",
                    xytext=(6, 4),
                    fontsize=8,
                    color=style["color"],
                )
    ax.set_xticks(xs, [_shown(x) for x in chart.x])
    ax.set_ylabel(_shown(chart.axis))
    ax.set_title(_shown(chart.title), loc="left", fontsize=11)
    ax.grid(axis="y", color="#e0e0e0", linewidth=0.6)
    ax.set_ylim(bottom=0)
    ax.legend(frameon=False, loc="upper left")
