"""Synthetic plans for the benchmark: N indicator × park series with 12 months of figures.

    python bench/generate.py 10000 /tmp/zonekpi-bench      # writes plan-10000.yaml + .csv

The plan has 10 parks and N ÷ 10 indicators, a mix of what real plans hold: counts and money
(summed over parks, with a zone target), growth targets, shares of two summed indicators, and
stocks. Every park reports every indicator for each month alone (2018-01..01 … 2018-12..12), so
that the yearly check composes each series from its twelve months and rolls the parks up to the
zone: the most work a figure file can ask of zonekpi. Values are deterministic (no randomness),
so two runs measure the same input.

`hostile` makes the files of the hostile suite and of the bench's worst cases (below).
"""

from __future__ import annotations

import csv
import itertools
import os
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

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


# ------------------------------------------------------------------ hostile files
#
# Files too big to keep in the repository, made on demand for the hostile suite (the
# `generate:` key of tests/hostile/*.yaml) and for the bench's worst cases:
#
#   hostile(kind, path, **params)
#
#   plan          a plan with `indicators` indicators ind-0000… (亿元, a target each) and, with
#                 `nested`, that many parks each inside the one before (p0 ⊃ p1 ⊃ …)
#   wide-header   a figure file whose header has `columns` names (the five real ones first)
#   unknown-ids   a figure file of `rows` rows naming `ids` indicators no plan has (other-00000…),
#                 then `known` rows for ind-0000… (the plan's)
#   long-line     a figure file whose second line is `chars` characters (a,a,a,…)
#   long-cell     a figure file with a quoted value cell of `chars` characters (both: the
#                 header line `header`, the figure file's by default)
#   xlsx          a workbook of `rows` (lists of cells, strings inline); `dimension` forges the
#                 sheet's stated size; `far` puts a cell {row, column, value} far away, or one of
#                 `chars` characters; `pad` adds that many bytes of blanks to the sheet's XML (it
#                 unpacks to that much); `sheet` is the sheet's XML inside <sheetData> as written
#   xlsx-rows     a workbook of a header and `count` figure rows, written as XML directly (a
#                 million rows in seconds, where openpyxl takes minutes)
#   xlsx-of-csv   the CSV file `csv` as a workbook (every cell a string, as typed)
#   claims        a claims file of `rows` claims under the rule `rule` (award by default)
#   sparse        a file of `size` bytes that takes no room on disk


def hostile(kind: str, path: Path, **params: Any) -> Path:
    """Write the hostile file `kind` to `path` (see above) and return `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "plan":
        lines = ["id: hostile", "title: 生成的计划", "year: 2018"]
        nested = int(params.get("nested", 0))
        if nested:
            lines.append("parks:")
            lines.append("  - {id: p0, name: 园区0}")
            lines += [
                f"  - {{id: p{n}, name: 园区{n}, parent: p{n - 1}}}" for n in range(1, nested)
            ]
        lines.append("indicators:")
        for n in range(int(params.get("indicators", 1))):
            target = "{at_least: 1 亿元}"
            lines.append(f"  - {{id: ind-{n:04d}, name: 指标{n}, unit: 亿元, targets: [{target}]}}")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif kind == "wide-header":
        columns = int(params["columns"])
        names = [*CSV_HEADER, *(f"c{n}" for n in range(columns - len(CSV_HEADER)))]
        path.write_text(",".join(names) + "\nind-0000,,2018,5,亿元\n", encoding="utf-8")
    elif kind == "unknown-ids":
        rows, ids, known = int(params["rows"]), int(params["ids"]), int(params.get("known", 0))
        with path.open("w", encoding="utf-8", newline="") as out:
            out.write(",".join(CSV_HEADER) + "\n")
            for n in range(rows):
                out.write(f"other-{n % ids:05d},,2018-{n // ids % 12 + 1:02d},{n},亿元\n")
            for n in range(known):
                out.write(f"ind-{n:04d},,2018,{n + 1},亿元\n")
    elif kind == "long-line":
        line = ("a," * (int(params["chars"]) // 2))[: int(params["chars"])]
        path.write_text(params.get("header", ",".join(CSV_HEADER)) + f"\n{line}\n", "utf-8")
    elif kind == "long-cell":
        cell = "9" * int(params["chars"])
        head = params.get("header", ",".join(CSV_HEADER))
        path.write_text(head + f'\nind-0000,,2018,"{cell}",亿元\n', encoding="utf-8")
    elif kind == "xlsx":
        rows = [(n, row) for n, row in enumerate(params.get("rows") or [], 1)]
        far = params.get("far")
        if far:
            value = far.get("value", "9" * int(far.get("chars", 1)))
            rows.append((int(far["row"]), [""] * (int(far["column"]) - 1) + [value]))
        dimension, pad = params.get("dimension"), int(params.get("pad", 0))
        _workbook(path, rows, dimension, pad, params.get("sheet"))
    elif kind == "xlsx-rows":
        count = int(params["count"])
        body = (
            (n + 2, [f"ind-{n % 500:04d}", "", f"2018-{n % 12 + 1:02d}", n, "亿元"])
            for n in range(count)
        )
        _workbook(path, itertools.chain([(1, list(CSV_HEADER))], body))
    elif kind == "xlsx-of-csv":
        with Path(params["csv"]).open(encoding="utf-8", newline="") as source:
            numbered = ((n, row) for n, row in enumerate(csv.reader(source), 1))
            _workbook(path, numbered)
    elif kind == "claims":
        with path.open("w", encoding="utf-8", newline="") as out:
            out.write("rule,beneficiary,date,amount,reference\n")
            for n in range(int(params["rows"])):
                out.write(
                    f"{params.get('rule', 'award')},单位{n % 997},2020-05-12,100 万元,R-{n}\n"
                )
    elif kind == "sparse":
        path.touch()
        os.truncate(path, int(params["size"]))
    else:
        raise ValueError(f"no hostile file of kind {kind!r}")
    return path


CSV_HEADER = ("indicator", "park", "period", "value", "unit")

_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}


def _workbook(
    path: Path,
    rows: Iterable[tuple[int, list[Any]]],
    dimension: str | None = None,
    pad: int = 0,
    raw: str | None = None,
) -> None:
    """A one-sheet .xlsx of numbered rows, strings inline, written without openpyxl; `raw`,
    XML written inside <sheetData> after them as it is."""
    from xml.sax.saxutils import escape

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in _PARTS.items():
            book.writestr(name, text)
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8"?>'
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            if dimension:
                sheet.write(f'<dimension ref="{dimension}"/>'.encode())
            sheet.write(b"<sheetData>")
            for number, cells in rows:
                out = [f'<row r="{number}">']
                for col, value in enumerate(cells, 1):
                    if value == "" or value is None:
                        continue
                    ref = f"{_column(col)}{number}"
                    if isinstance(value, int | float):
                        out.append(f'<c r="{ref}"><v>{value}</v></c>')
                    else:
                        text = escape(str(value))
                        out.append(f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>')
                out.append("</row>")
                sheet.write("".join(out).encode())
            sheet.write((raw or "").encode() + b"</sheetData>")
            for _ in range(pad // (1 << 20)):
                sheet.write(b" " * (1 << 20))
            sheet.write(b" " * (pad % (1 << 20)) + b"</worksheet>")


def _column(n: int) -> str:
    """Excel's name of column `n` (1 → A, 16384 → XFD)."""
    name = ""
    while n:
        n, rest = divmod(n - 1, 26)
        name = chr(65 + rest) + name
    return name


def main() -> None:
    series = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("bench-data")
    plan, data = generate(series, folder)
    print(plan, data)


if __name__ == "__main__":
    main()
