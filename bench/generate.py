"""Synthetic plans for the benchmark: N indicator × park series with 12 months of figures.

    python bench/generate.py 10000 /tmp/zonekpi-bench      # writes plan-10000.yaml + .csv

The plan has 10 parks and N ÷ 10 indicators, a mix of what real plans hold: counts and money
(summed over parks, with a zone target), growth targets, shares of two summed indicators, and
stocks. Every park reports every indicator for each month alone (2018-01..01 … 2018-12..12), so
that the yearly check composes each series from its twelve months and rolls the parks up to the
zone: the most work a figure file can ask of zonekpi. Values are deterministic (no randomness),
so two runs measure the same input.
"""

from __future__ import annotations

import sys
from pathlib import Path

PARKS = 10
KINDS = ("money", "count", "growth", "stock")


def generate(series: int, folder: Path) -> tuple[Path, Path]:
    indicators = max(series // PARKS, 1)
    folder.mkdir(parents=True, exist_ok=True)
    plan = folder / f"plan-{series}.yaml"
    data = folder / f"figures-{series}.csv"
    lines = [
        f"id: bench-{series}",
        f"title: 基准测试 {series} 个序列",
        "year: 2018",
        "parks:",
        *(f"  - {{id: p{p}, name: 园区{p}}}" for p in range(PARKS)),
        "indicators:",
    ]
    for i in range(indicators):
        kind = KINDS[i % len(KINDS)]
        if kind == "money":
            target = f"{{at_least: {100 + i} 亿元}}"
            lines.append(f"  - {{id: i{i}, name: 产值{i}, unit: 亿元, targets: [{target}]}}")
        elif kind == "count":
            target = f"{{at_least: {50 + i % 90} 个}}"
            lines.append(f"  - {{id: i{i}, name: 项目{i}, unit: 个, targets: [{target}]}}")
        elif kind == "growth":
            lines.append(
                f"  - {{id: i{i}, name: 收入{i}, unit: 万元, targets: [{{growth: {5 + i % 7}%}}]}}"
            )
        else:
            target = f"{{at_least: {20 + i % 50} 家}}"
            lines.append(
                f"  - {{id: i{i}, name: 企业{i}, unit: 家, stock: true, targets: [{target}]}}"
            )
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with data.open("w", encoding="utf-8", newline="") as out:
        out.write("indicator,park,period,value,unit,measure\n")
        for i in range(indicators):
            kind = KINDS[i % len(KINDS)]
            unit = {"money": "亿元", "count": "个", "growth": "万元", "stock": "家"}[kind]
            for p in range(PARKS):
                for m in range(1, 13):
                    value = 1 + (i * 7 + p * 3 + m) % 17
                    out.write(f"i{i},p{p},2018-{m:02d}..{m:02d},{value},{unit},value\n")
                if kind == "growth":  # last year's total, for the growth rate
                    out.write(f"i{i},p{p},2017,{100 + (i + p) % 40},{unit},value\n")
    return plan, data


def main() -> None:
    series = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("bench-data")
    plan, data = generate(series, folder)
    print(plan, data)


if __name__ == "__main__":
    main()
