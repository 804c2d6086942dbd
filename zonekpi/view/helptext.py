"""The longer help texts of the command line's options, kept apart so that `cli.py` stays a
list of commands. Plain text: Click shows them under `--help`."""

from __future__ import annotations

HELP = {
    "lang": (
        "Language of the report: zh (中文, the default) or en. Messages follow it too; without"
        " it they follow LANG."
    ),
    "output": (
        "Write to this file instead of stdout, atomically (replaced in one step); never over an"
        " input file."
    ),
    "check_period": (
        "During the year: the year to date to check against 序时进度, e.g. 2018-10 (1–10月), "
        "2018-Q3, 2018-H1, 2018年1-10月."
    ),
    "elapsed": (
        "How 序时进度 is counted (default: the plan's elapsed:): N/12, days, or last year's share "
        "of its year done by the same month (seasonal: 去年同期进度)."
    ),
    "skip_unknown": (
        "Leave out a table's rows for indicators the plan does not have (one warning), instead "
        "of refusing the file."
    ),
    "check_fail_on": (
        "What makes the exit status 1: missed: a target missed or overdue (the floor tier 确保 "
        "decides); behind: also one behind schedule, below its target or behind its path; "
        "stretch: also a missed 力争 tier; never (1 is then never used, 2 still means invalid "
        "input)."
    ),
    "validate_period": (
        "The period of a figure table whose columns are relative to one (本月, 1-N月累计) and that "
        "does not state it, e.g. 2018-10."
    ),
    "rank_period": (
        "Year to date to assess, e.g. 2018-10 (1–10月); flows are scored against the time-"
        "elapsed target (序时目标)."
    ),
    "by": (
        "One table: per claim (CSV/TSV default), per beneficiary or per rule; on screen all "
        "three by default."
    ),
    "excel": ("CSV/TSV for Excel and WPS: UTF-8 with a byte-order mark and CRLF line ends."),
    "park": ("Check one park against its own targets (a park id)."),
    "by_park": (
        "A matrix: indicators down, every park and the zone across (JSON always has both)."
    ),
    "check_previous": ("Last year's plan: its figures give last year's levels for growth."),
    "schema_report": ("The schema of `check --format json` output instead."),
    "schema_incentives": ("The schema of `incentives --format json` output instead."),
    "compare_fail_on": (
        "lowered: exit 1 when any target was made less demanding (a lower floor, a higher cap)."
    ),
    "explain": ("Every indicator's points and the completion behind them."),
    "check_data": (
        "A figure file (CSV, xlsx or YAML; a long table or a 统计月报 layout) layered over the "
        "plan's figures; may be repeated."
    ),
    "claims": (
        "Claims files (.csv, .tsv, .xlsx): rule, beneficiary, date, amount or count, reference."
    ),
    "draft_output": (
        "Write the plan here (atomically) instead of stdout; never over the document, and not"
        " over an existing file without --force."
    ),
    "draft_force": "Replace the --output file if it exists.",
    "draft_year": "The plan's year (default: the latest year the document's first lines name).",
    "draft_parks": (
        "The zone's parks by name, comma-separated (高新区,经开区…); default: the parks of "
        '"一区四园" when the document lists them.'
    ),
    "draft_explain": (
        "Print a table: each sentence and what it drafted, and the sentences with numbers left"
        " out and why (the YAML goes only to --output)."
    ),
}
