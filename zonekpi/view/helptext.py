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
    "excel": (
        "CSV/TSV for Excel and WPS: UTF-8 with a byte-order mark, CRLF line ends, and a ' before "
        "a cell that would start a formula (= + - @)."
    ),
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
    "charts": (
        "Also write each chart of the report (as in --format html) into this folder as SVG and"
        " PNG, for Word and WPS; created if missing. PNG needs a font with Chinese characters"
        " (Debian/Ubuntu: fonts-noto-cjk)."
    ),
    "check_data": (
        "A figure file (CSV, xlsx or YAML; a long table or a 统计月报 layout) layered over the "
        "plan's figures; may be repeated."
    ),
    "claims": (
        "Claims files (.csv, .tsv, .xlsx): rule, beneficiary, date, amount or count, reference."
    ),
    "tasks_as_of": ("The day the ledger is read as of, e.g. 2018-06-30 (default: today)."),
    "tasks_progress": (
        "A progress file (CSV, TSV or xlsx; Chinese headers accepted): task, milestone, date, "
        "status (未启动/推进中/已完成/已取消), percent, note, reporter; may be repeated, later "
        "rows updating earlier ones."
    ),
    "tasks_owner": ("Only the tasks this unit answers for (its id, name or alias)."),
    "tasks_by": ("Group the ledger by lead unit, by park or by status."),
    "tasks_soon": ("Days before a deadline that make a task 即将到期 (due soon)."),
    "tasks_unreported": ("Days without a progress report that make a task 未报送 (not reported)."),
    "tasks_fail_on": (
        "What makes the exit status 1: overdue: a 确保 (or untiered) task past its deadline; "
        "due-soon: also one due soon; never."
    ),
    "check_by": (
        "park: the same as --by-park; owner: the targets grouped by 责任单位 (a target's "
        "owners, else its indicator's)."
    ),
    "schema_tasks": ("The schema of `tasks --format json` output instead."),
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
