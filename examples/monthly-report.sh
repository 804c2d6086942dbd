#!/usr/bin/env bash
# The monthly report of a zone office, for cron: for one month, a Markdown report (table and
# sentences), a CSV and an Excel workbook (tables, charts, 说明) per plan, written into a folder; and for each plan with a progress file,
# the task ledger (重点工作台账) as of the month's last day with its 督查通报 (PLAN-tasks.md,
# PLAN-tasks.csv).
#
#   examples/monthly-report.sh [PERIOD] [FIGURES_DIR] [OUT_DIR]
#
#   PERIOD       the year to date, e.g. 2018-10 (1–10月); default: last month
#   FIGURES_DIR  where the month's figures are, one file per plan named PLAN-PERIOD.csv
#                (or .xlsx), e.g. xinxiang-2018-2018-10.csv; default: figures. The tasks'
#                progress reports are there too, one file per plan named PLAN-progress.csv
#                (or .xlsx), e.g. xinxiang-2018-progress.csv, every month's rows in it
#   OUT_DIR      default: reports/PERIOD
#
# Plans are plans/*.yaml; only those of PERIOD's year are reported. Each report is written
# atomically, so a reader never sees half of one. Exit status: 0 when every report was written
# (whatever the targets say: the reports say that), 1 when no report could be written (no
# figures for the month), 2 when PERIOD, a plan or a figure file is invalid.
#
# crontab, at 08:00 on the 5th of each month:
#   0 8 5 * * cd /srv/zonekpi && examples/monthly-report.sh >> reports/cron.log 2>&1
set -euo pipefail

if [ -n "${1:-}" ]; then
    period=$1
else  # last month, without GNU date's -d
    y=$(date +%Y) m=$((10#$(date +%m) - 1))
    [ "$m" -eq 0 ] && y=$((y - 1)) m=12
    period=$(printf '%d-%02d' "$y" "$m")
fi
case $period in
    [0-9][0-9][0-9][0-9]-[0-9][0-9]) ;;
    *) echo "monthly-report: PERIOD is written 2018-10 (1–10月), not '$period'" >&2; exit 2 ;;
esac
figures=${2:-figures}
out=${3:-reports/$period}
year=${period%%-*}
month=${period#*-}
case $month in  # the month's last day: the ledger is read as of it
    01 | 03 | 05 | 07 | 08 | 10 | 12) last=31 ;;
    04 | 06 | 09 | 11) last=30 ;;
    02) if [ $((year % 4)) -eq 0 ] && { [ $((year % 100)) -ne 0 ] || [ $((year % 400)) -eq 0 ]; }
        then last=29; else last=28; fi ;;
    *) echo "monthly-report: no month $month in '$period'" >&2; exit 2 ;;
esac
as_of="$period-$last"
if ! ls plans/*.yaml >/dev/null 2>&1; then
    echo "monthly-report: no plans/*.yaml here; run it from the folder that holds plans/" >&2
    exit 2
fi

mkdir -p "$out"
written=0
failed=0
for plan in plans/*.yaml; do
    plan_year=$(sed -n 's/^year:[[:space:]]*["'"'"']\{0,1\}\([0-9]\{4\}\).*/\1/p' "$plan" | head -1)
    [ "$plan_year" = "$year" ] || continue
    name=$(basename "$plan" .yaml)
    progress=()
    for f in "$figures/$name-progress.csv" "$figures/$name-progress.xlsx"; do
        [ -f "$f" ] && progress+=(--progress "$f")
    done
    if [ ${#progress[@]} -gt 0 ]; then
        # the ledger and the 督查通报; --fail-on never: an overdue task is news, not a failure
        tasks=(tasks "$plan" --as-of "$as_of" "${progress[@]}" --fail-on never)
        if zonekpi "${tasks[@]}" --format markdown --output "$out/$name-tasks.md.part" &&
            zonekpi "${tasks[@]}" --format text --quiet --output "$out/$name-tasks.txt" &&
            zonekpi "${tasks[@]}" --format csv --excel --output "$out/$name-tasks.csv"; then
            { cat "$out/$name-tasks.md.part"; echo; cat "$out/$name-tasks.txt"; } \
                > "$out/$name-tasks.md.new"
            mv "$out/$name-tasks.md.new" "$out/$name-tasks.md"
            rm -f "$out/$name-tasks.md.part" "$out/$name-tasks.txt"
            echo "monthly-report: $out/$name-tasks.md, $out/$name-tasks.csv"
            written=$((written + 1))
        else
            echo "monthly-report: $name: task ledger not written (see the message above)" >&2
            rm -f "$out/$name-tasks.md.part" "$out/$name-tasks.txt"
            failed=1
        fi
    fi
    data=()
    for f in "$figures/$name-$period.csv" "$figures/$name-$period.xlsx"; do
        [ -f "$f" ] && data+=(--data "$f")
    done
    if [ ${#data[@]} -eq 0 ]; then
        echo "monthly-report: $name: no figures for $period in $figures/, skipped" >&2
        continue
    fi
    # --fail-on never: missed or behind targets are news for the report, not a failure here
    common=(check "$plan" --period "$period" "${data[@]}" --fail-on never)
    if zonekpi "${common[@]}" --format markdown --output "$out/$name.md.part" &&
        zonekpi "${common[@]}" --format text --quiet --output "$out/$name.txt" &&
        zonekpi "${common[@]}" --format csv --excel --output "$out/$name.csv" &&
        zonekpi "${common[@]}" --quiet --output "$out/$name.xlsx"; then
        # the Markdown report: the table, then the sentences
        { cat "$out/$name.md.part"; echo; cat "$out/$name.txt"; } > "$out/$name.md.new"
        mv "$out/$name.md.new" "$out/$name.md"
        rm -f "$out/$name.md.part" "$out/$name.txt"
        echo "monthly-report: $out/$name.md, $out/$name.csv, $out/$name.xlsx"
        written=$((written + 1))
    else
        echo "monthly-report: $name: not written (see the message above)" >&2
        rm -f "$out/$name.md.part" "$out/$name.txt"
        failed=1
    fi
done
[ "$failed" -eq 0 ] || exit 2
if [ "$written" -eq 0 ]; then
    echo "monthly-report: nothing written: no plan of $year had figures for $period" >&2
    exit 1
fi
