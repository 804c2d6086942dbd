"""(d) the task ledger at scale: `zonekpi tasks` on 1,000 tasks × 12 monthly progress rows.

    python bench/run.py --only tasks    # this case alone; its section of RESULTS.md replaced

The plan has 20 departments and the zone's 5 parks as units, and 1,000 tasks with two or three
owners each, deadlines of every form (上半年, 三季度末, 6月底前, 年底前, a date, an event) and
every third task three milestones; the progress file has one report per task per month (12,000
rows: 推进中 with a percent, 已完成 at the end for some, a milestone's report for those that have
them), as offices send them every month. Goal: under 1 s.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
from pathlib import Path

from probe import environment, probed  # type: ignore[import-not-found]

TASKS = 1_000
MONTHS = 12
DEADLINES = ("上半年", "三季度末", "6月底前", "年底前", "2018-10-15", "成果交易会")
PARKS = ("gxq", "jkq", "pysfq", "hqq", "myq")


def write_case(folder: Path) -> tuple[Path, Path]:
    """A plan of TASKS tasks and a progress file of TASKS × MONTHS rows, in `folder`."""
    plan = folder / "tasks-plan.yaml"
    lines = [
        "id: bench-tasks-2018",
        "title: 任务台账基准 (生成)",
        "year: 2018",
        "parks:",
        *(f"  - {{id: {p}, name: 园区{p}}}" for p in PARKS),
        "events:",
        "  - {name: 成果交易会, date: 2018-09-20}",
        "units:",
        *(f"  - {{id: d{n:02d}, name: 部门{n:02d}, aliases: [局{n:02d}]}}" for n in range(20)),
        "indicators:",
        "  - {id: firms, name: 高新技术企业, unit: 家}",
        "tasks:",
    ]
    for n in range(TASKS):
        owners = [f"d{n % 20:02d}", PARKS[n % 5]] + ([f"局{(n + 7) % 20:02d}"] if n % 2 else [])
        tier = ("floor", "stretch", None)[n % 3]
        lines += [
            f"  - id: t{n:04d}",
            f"    name: 第{n}项重点工作",
            f"    source: 示例句子{n}",
            f"    owners: [{', '.join(owners)}]",
            f"    by: {DEADLINES[n % len(DEADLINES)]}",
        ]
        if tier:
            lines.append(f"    tier: {tier}")
        if n % 3 == 0:
            lines.append("    milestones: [{name: 开工, by: 3月底前}, {name: 竣工}, {name: 投产}]")
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    progress = folder / "tasks-progress.csv"
    rows = ["任务,节点,日期,状态,完成比例,备注,报送单位"]
    for month in range(1, MONTHS + 1):
        day = f"2018-{month:02d}-25"
        for n in range(TASKS):
            milestone = ("开工" if month < 4 else "竣工") if n % 3 == 0 else ""
            status = (
                "已完成" if (month == MONTHS and n % 4 == 0) or milestone == "开工" else "推进中"
            )
            rows.append(f"t{n:04d},{milestone},{day},{status},{min(100, month * 8)}%,示例,部门")
    progress.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return plan, progress


def tasks_case(zonekpi: str, cache: Path, repeats: int = 5) -> list[str]:
    env = environment(cache)
    folder = Path(tempfile.mkdtemp(prefix="zonekpi-bench-tasks-"))
    try:
        plan, progress = write_case(folder)
        cmd = [zonekpi, "tasks", str(plan), "--as-of", "2018-12-31", "-d", str(progress), "-f"]
        first = probed([*cmd, "csv"], env)  # validates the plan once (then remembered)
        runs = {fmt: [probed([*cmd, fmt], env) for _ in range(repeats)] for fmt in ("csv", "json")}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    lines = [
        "## (d) Task ledger",
        "",
        f"`zonekpi tasks PLAN --as-of 2018-12-31 -d PROGRESS -f csv|json` on {TASKS:,} generated "
        f"tasks (`bench/tasks.py`: 25 units, two or three owners each, every form of deadline, "
        f"a third with three milestones) and {TASKS * MONTHS:,} progress rows ({MONTHS} monthly "
        f"reports a task). Medians of {repeats} runs; exit {first['rc']:.0f} (确保 tasks overdue); "
        f"load average at the start {load()} on {os.cpu_count()} CPUs (wall time is CPU time "
        "only on an idle machine).",
        "",
        "| format | first run (validates the plan) | median | CPU time | peak memory | goal |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for fmt, done in runs.items():
        wall = statistics.median(r["wall"] for r in done)
        cpu = statistics.median(r["cpu"] for r in done)
        rss = statistics.median(r["rss_kb"] for r in done) / 1024
        first_run = f"{first['wall']:.2f} s" if fmt == "csv" else ""
        ok = f"wall {'✓' if wall < 1.0 else '✗'}, CPU {'✓' if cpu < 1.0 else '✗'} (< 1 s)"
        lines.append(
            f"| {fmt} | {first_run} | **{wall:.2f} s** | {cpu:.2f} s | {rss:.0f} MB | {ok} |"
        )
    return [*lines, ""]


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def replace_section(results: Path, section: list[str]) -> None:
    """RESULTS.md with its (d) section replaced by `section` (or added at the end)."""
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    head, sep, rest = text.partition("## (d) Task ledger")
    ends = [i for i in (rest.find("\n## "), rest.find("\n<!-- ")) if i >= 0]
    tail = rest[min(ends) + 1 :] if sep and ends else ""
    results.write_text(head.rstrip("\n") + "\n\n" + "\n".join(section) + tail, encoding="utf-8")
