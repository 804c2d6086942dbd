"""The benchmark: start-up against Python itself, and cost at scale. Writes bench/RESULTS.md.

    python bench/run.py            # the full run (a few minutes; 100,000 series included)
    python bench/run.py --quick    # fewer repetitions, no 100,000 (a minute)
    python bench/run.py --only tasks  # (d) alone, its section of RESULTS.md replaced

Measured with the interpreter running this script and the `zonekpi` installed beside it (the
venv's bin/), as people run it: a new process each time, output to /dev/null.

(a) start-up: `zonekpi check plans/xinxiang-2018.yaml` against `python -c "import click, yaml"`,
    interleaved pairs, medians; goal: ratio ≤ 2.0. The first run with an empty validation cache
    (the plan not yet validated) is reported apart.
(b) scale: `zonekpi check PLAN --data FIGURES -f csv` for 1,000, 10,000 and 100,000 indicator ×
    park series of 12 months each (bench/generate.py), wall time and peak memory (max RSS) as
    medians of runs interleaved size by size; goals: 10,000 series under 2 s and 200 MB, 10×
    the series ≤ 11× the time. CPU time and page faults are reported beside them.
(c) worst cases: the hostile files of bench/generate.py, bigger than the suite's: a header of
    100,000 columns and 5,000 unknown indicator ids (goals: under 2 s each), 100,000 rows of
    unknown ids, a line of 50 MB, a workbook of 1,000,000 rows and (b)'s 10,000 series as a
    workbook (goals: refused or read in at most 500 MB). The million-row workbook is written
    once and kept in the temporary folder.
(d) the task ledger: `zonekpi tasks` on 1,000 tasks × 12 monthly progress rows (bench/tasks.py);
    goal: under 1 s.

Not a test: timings depend on the machine, which RESULTS.md describes.
"""

from __future__ import annotations

import itertools
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate, hostile  # noqa: E402
from probe import environment, probed, timed, zonekpi_command  # noqa: E402


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.1f} GB memory"
    except OSError:
        pass
    try:
        load = " · load average at the start: " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = ""
    from importlib.metadata import version

    return [
        f"- machine: {cpu}, {os.cpu_count()} logical CPUs{memory}{load}",
        f"- system: {platform.platform()}",
        f"- Python {platform.python_version()} ({sys.executable})",
        f"- zonekpi {version('zonekpi')}, click {version('click')}, PyYAML {version('pyyaml')}",
        f"- run at {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
    ]


def startup(zonekpi: str, pairs: int, cache: Path) -> tuple[list[str], float]:
    env = environment(cache)
    base = [sys.executable, "-c", "import click, yaml"]
    plan = "plans/xinxiang-2018.yaml"
    shutil.rmtree(cache, ignore_errors=True)
    first = timed([zonekpi, "check", plan], env)  # compiles modules, validates the plan once
    cold_cache = Path(tempfile.mkdtemp(prefix="zonekpi-empty-cache-"))
    first_unvalidated = timed([zonekpi, "check", plan], environment(cold_cache))
    shutil.rmtree(cold_cache, ignore_errors=True)
    rows: dict[str, list[float]] = {"base": [], "table": [], "json": []}
    for _ in range(pairs):  # interleaved, so that a busy moment hits both alike
        rows["base"].append(timed(base, env))
        rows["table"].append(timed([zonekpi, "check", plan], env))
        rows["json"].append(timed([zonekpi, "check", plan, "-f", "json"], env))
    med = {k: statistics.median(v) for k, v in rows.items()}
    ratio = med["table"] / med["base"]
    ok = "✓" if ratio <= 2.0 else "✗"
    lines = [
        "## (a) Start-up",
        "",
        f"Medians of {pairs} interleaved runs each (piped output, so `table` prints plain text).",
        "",
        "| command | median | ratio to baseline |",
        "|---|---:|---:|",
        f'| `python -c "import click, yaml"` (baseline) | {med["base"] * 1000:.0f} ms | 1.00 |',
        f"| `zonekpi check {plan}` | {med['table'] * 1000:.0f} ms | "
        f"**{ratio:.2f}** {ok} (goal ≤ 2.0) |",
        f"| `zonekpi check {plan} -f json` | {med['json'] * 1000:.0f} ms | "
        f"{med['json'] / med['base']:.2f} |",
        "",
        f"One run with an empty validation cache (the plan validated against the schema, "
        f"jsonschema imported): {first_unvalidated * 1000:.0f} ms; the very first run after "
        f"installing (modules compiled too): {first * 1000:.0f} ms.",
        "",
    ]
    return lines, ratio


def scale(
    zonekpi: str, sizes: list[int], repeats: int, cache: Path
) -> tuple[list[str], dict[int, dict[str, float]]]:
    env = environment(cache)
    folder = Path(tempfile.mkdtemp(prefix="zonekpi-bench-"))
    results: dict[int, dict[str, float]] = {}
    try:
        commands: dict[int, list[str]] = {}
        firsts: dict[int, dict[str, float]] = {}
        rows: dict[int, int] = {}
        for n in sizes:
            plan, data = generate(n, folder)
            commands[n] = [zonekpi, "check", str(plan), "--data", str(data), "-f", "csv"]
            firsts[n] = probed(commands[n], env)  # validates the plan once (then remembered)
            rows[n] = sum(1 for _ in data.open(encoding="utf-8")) - 1
        runs: dict[int, list[dict[str, float]]] = {n: [] for n in sizes}
        for round_ in range(repeats):  # interleaved, so that a slow spell hits every size
            for n in sizes:
                if n <= 10_000 or round_ < 3:  # 100,000 series: 3 runs
                    runs[n].append(probed(commands[n], env))
        for n in sizes:
            results[n] = {
                "first": firsts[n]["wall"],
                "wall": statistics.median(r["wall"] for r in runs[n]),
                "cpu": statistics.median(r["cpu"] for r in runs[n]),
                "faults": statistics.median(r["faults"] for r in runs[n]),
                "rss_mb": statistics.median(r["rss_kb"] for r in runs[n]) / 1024,
                "runs": len(runs[n]),
                "rows": rows[n],
                "rc": firsts[n]["rc"],
            }
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    lines = [
        "## (b) Scale",
        "",
        "`zonekpi check plan-N.yaml --data figures-N.csv -f csv` on synthetic plans from "
        "`bench/generate.py`: 10 parks, N ÷ 10 indicators (money, counts, growth, stocks), every "
        "park reporting every month separately, so each yearly figure is composed from 12 and "
        "the parks are rolled up to the zone.",
        "",
        "| series | figure rows | first run (validates the plan) | median | runs | CPU time "
        "(user + system) | peak memory | page faults |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, r in results.items():
        lines.append(
            f"| {n:,} | {r['rows']:,} | {r['first']:.2f} s | **{r['wall']:.2f} s** | "
            f"{r['runs']} | {r['cpu']:.2f} s | {r['rss_mb']:.0f} MB | {r['faults']:,.0f} |"
        )
    lines.append("")
    if 10_000 in results:
        r = results[10_000]
        t_ok = "✓" if r["wall"] < 2.0 else "✗"
        m_ok = "✓" if r["rss_mb"] < 200 else "✗"
        lines.append(
            f"- 10,000 series: {r['wall']:.2f} s {t_ok} (goal < 2 s), {r['rss_mb']:.0f} MB "
            f"{m_ok} (goal < 200 MB)"
        )
    ns = sorted(results)
    for small, big in itertools.pairwise(ns):
        growth = results[big]["wall"] / results[small]["wall"]
        ok = "✓" if growth <= 11 * big / small / 10 else "✗"
        lines.append(
            f"- {big:,} ÷ {small:,} series: {growth:.1f}× the time {ok} "
            f"(goal ≤ {11 * big // small // 10}×)"
        )
    lines.append("")
    return lines, results


WORST_FOLDER = Path(tempfile.gettempdir()) / "zonekpi-bench-worst"  # kept between runs


def worst_cases(zonekpi: str, cache: Path) -> tuple[list[str], dict[str, dict[str, float]]]:
    """(c) the worst files a user may send (the hostile suite's, bigger): each must be read or
    refused within its goal. The million-row workbook is written once and kept in
    WORST_FOLDER (a minute's work); the other files are made afresh."""
    env = environment(cache)
    folder = Path(tempfile.mkdtemp(prefix="zonekpi-worst-"))
    WORST_FOLDER.mkdir(parents=True, exist_ok=True)
    try:
        plan = hostile("plan", folder / "plan-500.yaml", indicators=500)
        book = WORST_FOLDER / "rows-1000000.xlsx"
        made = 0.0
        if not book.exists():
            t = time.perf_counter()
            part = hostile("xlsx-rows", WORST_FOLDER / "rows-1000000.part.xlsx", count=1_000_000)
            part.replace(book)
            made = time.perf_counter() - t
        series_plan, series_csv = generate(10_000, folder)
        series_book = hostile("xlsx-of-csv", folder / "figures-10000.xlsx", csv=series_csv)
        cases = {  # what: (plan, file, goal in seconds, goal in MB)
            "a header of 100,000 columns": (
                plan,
                hostile("wide-header", folder / "wide.csv", columns=100_000),
                2.0,
                None,
            ),
            "5,000 unknown ids, 500 indicators": (
                plan,
                hostile("unknown-ids", folder / "unknown-5000.csv", rows=5_000, ids=5_000),
                2.0,
                None,
            ),
            "100,000 rows of 5,000 unknown ids": (
                plan,
                hostile("unknown-ids", folder / "unknown-100000.csv", rows=100_000, ids=5_000),
                None,
                None,
            ),
            "one line of 50 MB": (
                plan,
                hostile("long-line", folder / "line.csv", chars=50_000_000),
                None,
                500.0,
            ),
            "a workbook of 1,000,000 rows": (plan, book, None, 500.0),
            "the 10,000 series of (b) as a workbook (122,500 rows)": (
                series_plan,
                series_book,
                None,
                500.0,
            ),
        }
        results: dict[str, dict[str, float]] = {}
        for what, (plan_file, data, _, _) in cases.items():
            command = [zonekpi, "check", str(plan_file), "--data", str(data), "-f", "csv"]
            runs = [probed(command, env) for _ in "abc"]
            results[what] = {
                "wall": statistics.median(r["wall"] for r in runs),
                "rss_mb": statistics.median(r["rss_kb"] for r in runs) / 1024,
                "rc": runs[0]["rc"],
                "bytes": data.stat().st_size,
            }
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    lines = [
        "## (c) Worst cases",
        "",
        "`zonekpi check plan-500.yaml --data FILE -f csv` (500 indicators) on the hostile files "
        "of `bench/generate.py` (`hostile`), and the figures of (b)'s 10,000 series as a "
        "workbook: each must be read or refused (exit 2, one line) quickly and in bounded "
        "memory. Exit 1 is a file read (some target missed). Medians of 3 runs.",
        "",
        "| file | size | exit | median | peak memory | goal |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for what, (_, _, seconds, megabytes) in cases.items():
        r = results[what]
        goals = []
        if seconds is not None:
            goals.append(f"{'✓' if r['wall'] < seconds else '✗'} < {seconds:.0f} s")
        if megabytes is not None:
            goals.append(f"{'✓' if r['rss_mb'] <= megabytes else '✗'} ≤ {megabytes:.0f} MB")
        lines.append(
            f"| {what} | {r['bytes'] / 2**20:,.1f} MB | {r['rc']:.0f} | **{r['wall']:.2f} s** | "
            f"{r['rss_mb']:.0f} MB | {', '.join(goals)} |"
        )
    lines.append("")
    if made:
        lines += [f"(The workbook was written in {made:.0f} s, and kept in {WORST_FOLDER}.)", ""]
    return lines, results


def main() -> None:
    from tasks import replace_section, tasks_case

    quick = "--quick" in sys.argv
    zonekpi = zonekpi_command()
    cache = Path(tempfile.mkdtemp(prefix="zonekpi-cache-"))
    if sys.argv[1:3] == ["--only", "tasks"]:
        try:
            replace_section(HERE / "RESULTS.md", section := tasks_case(zonekpi, cache))
        finally:
            shutil.rmtree(cache, ignore_errors=True)
        print("\n".join(section))
        return
    try:
        head = machine()
        a, _ = startup(zonekpi, 11 if quick else 31, cache)
        b, _ = scale(
            zonekpi,
            [1_000, 10_000] if quick else [1_000, 10_000, 100_000],
            3 if quick else 5,
            cache,
        )
        c, _ = worst_cases(zonekpi, cache)
        d = tasks_case(zonekpi, cache, 3 if quick else 5)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    text = "\n".join(
        [
            "# Benchmark results",
            "",
            "Written by `python bench/run.py`" + (" --quick" if quick else "") + "; do not edit.",
            "",
            *head,
            "",
            *a,
            *b,
            *c,
            *d,
        ]
    )
    results = HERE / "RESULTS.md"
    old = results.read_text(encoding="utf-8") if results.exists() else ""
    begin = old.find("<!-- draft_eval: begin -->")  # bench/draft_eval.py's own section, kept
    kept = "\n\n" + old[begin:].rstrip("\n") + "\n" if begin >= 0 else "\n"
    results.write_text(text.rstrip("\n") + kept, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
