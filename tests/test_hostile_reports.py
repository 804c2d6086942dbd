"""Hostile inputs of the ledger and the draft that tests/hostile/'s YAML cases cannot hold: files
too big or too odd to write there (a progress file of 100,001 rows, a workbook with a hidden
first sheet, a .docx that unpacks past 16 MB, documents made to take quadratic time). Each
runs `python -m zonekpi` as a person would and holds what it must do: one line naming the
file, exit 2, within a few seconds; never a traceback, a hang or the memory of the machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PLAN = """id: t
title: T
year: 2018
indicators:
  - {id: a, name: 企业, unit: 家, targets: [{at_least: 10 家}]}
tasks:
  - {id: t1, name: 任务一, tier: floor, by: 上半年}
"""


def _run(*argv: str, cwd: Path) -> tuple[int, str, str, float]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(cwd),
        "LANG": "C.UTF-8",
        "LC_MESSAGES": "en_US.UTF-8",
        "ZONEKPI_CACHE": str(cwd / ".cache"),
        "PYTHONPATH": str(ROOT),
    }
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "zonekpi", *argv],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
    )
    took = time.monotonic() - started
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return done.returncode, done.stdout.decode("utf-8", "replace"), err, took


def test_a_progress_file_of_100001_rows_is_refused_at_the_row_past_the_limit(
    tmp_path: Path,
) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    rows = "".join("t1,2018-06-30,推进中\n" for _ in range(100_001))
    (tmp_path / "p.csv").write_text("task,date,status\n" + rows, encoding="utf-8")
    code, _, err, _ = _run(
        "tasks", "plan.yaml", "--as-of", "2018-10-31", "-d", "p.csv", cwd=tmp_path
    )
    assert code == 2, err
    # the header is line 1, the 100,001st row line 100,002
    assert err.strip() == (
        "zonekpi: p.csv:100002: more than 100,000 rows in one progress file; split it into "
        "files of at most 100,000 rows (--progress a.csv --progress b.csv)"
    )


def test_a_progress_file_of_100000_rows_is_read(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    rows = "".join("t1,2018-06-30,推进中\n" for _ in range(99_999)) + "t1,2018-07-02,已完成\n"
    (tmp_path / "p.csv").write_text("task,date,status\n" + rows, encoding="utf-8")
    code, out, err, _ = _run(
        "tasks", "plan.yaml", "--as-of", "2018-10-31", "-d", "p.csv", "-f", "csv", cwd=tmp_path
    )
    assert code == 0, err  # done 2 days late: 已完成, not overdue
    assert ",done," in out and ",2018-07-02," in out


def _workbook(path: Path, hidden_first: bool) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    first.title = "旧表"
    first.append(["task", "date", "status"])
    first.append(["t9", "2018-06-30", "推进中"])
    if hidden_first:
        first.sheet_state = "hidden"
    shown = book.create_sheet("进展")
    shown.append(["task", "date", "status"])
    shown.append(["t1", "2018-06-25", "已完成"])
    book.active = 1
    book.save(path)


def test_a_workbook_whose_first_sheet_is_hidden_is_not_read_in_silence(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    _workbook(tmp_path / "p.xlsx", hidden_first=True)
    code, _, err, _ = _run(
        "tasks", "plan.yaml", "--as-of", "2018-10-31", "-d", "p.xlsx", cwd=tmp_path
    )
    assert code == 2, err
    assert err.strip() == (
        "zonekpi: p.xlsx: its first sheet '旧表' is hidden in Excel; name the sheet to read "
        "after a #, such as p.xlsx#进展"
    )
    named = _run("tasks", "plan.yaml", "--as-of", "2018-10-31", "-d", "p.xlsx#进展", cwd=tmp_path)
    assert named[0] == 0, named[2]


def _docx(path: Path, paragraphs: list[str]) -> None:
    """A .docx of `paragraphs`: python-docx's empty document with its body written here (adding
    100,000 paragraphs one by one through python-docx takes minutes)."""
    import docx

    docx.Document().save(str(path))
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = xml.replace("<w:body>", "<w:body>" + body, 1).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)


def test_a_docx_that_unpacks_past_16_mb_is_refused_before_it_is_unpacked(
    tmp_path: Path,
) -> None:
    _docx(tmp_path / "ok.docx", ["2018年工作要点", "年内培育高新技术企业不少于20家。"])
    pad = b"<!--" + b" " * (1 << 26) + b"-->"  # 64 MB of spaces, 64 KB packed
    with (
        zipfile.ZipFile(tmp_path / "ok.docx") as src,
        zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + pad)
                size = len(data)
            out.writestr(info.filename, data)
    assert (tmp_path / "bomb.docx").stat().st_size < 5 * 1024 * 1024
    code, _, err, took = _run("draft", "bomb.docx", "--year", "2018", cwd=tmp_path)
    assert code == 2, err
    assert took < 10, took
    assert err.strip() == (
        f"zonekpi: bomb.docx: its part word/document.xml unpacks to {size:,} bytes; a .docx to "
        "draft from unpacks to at most 16 MB a part: save the plan's text alone"
    )


def test_a_docx_of_100000_paragraphs_is_bounded(tmp_path: Path) -> None:
    lines = [f"第{n}段。" for n in range(100_000)]
    _docx(tmp_path / "many.docx", ["2018年工作要点", *lines])
    code, _, err, took = _run("draft", "many.docx", "--year", "2018", cwd=tmp_path)
    assert code == 2, err  # no numeric target in it
    assert took < 30, took


def test_one_sentence_of_a_million_characters_is_refused_not_read_for_minutes(
    tmp_path: Path,
) -> None:
    line = "年内培育高新技术企业不少于20家," * 1_000  # 17,000 characters, no 。
    (tmp_path / "d.txt").write_text("2018年工作要点\n" + line + "\n", encoding="utf-8")
    code, _, err, took = _run("draft", "d.txt", cwd=tmp_path)
    assert code == 2, err
    assert took < 10, took
    assert err.strip() == (
        "zonekpi: d.txt:2: a sentence of 17,000 characters; a sentence to draft from is at most "
        "2,000 (a plan's longest is a few hundred): is this the plan's text?"
    )


def test_a_document_of_more_than_200000_characters_is_refused(tmp_path: Path) -> None:
    text = "2018年工作要点\n" + "年内培育高新技术企业不少于20家。\n" * 12_000
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    code, _, err, _ = _run("draft", "d.txt", cwd=tmp_path)
    assert code == 2, err
    assert err.strip() == (
        "zonekpi: d.txt: holds 216,010 characters of text; a document to draft from is at most "
        "200,000 (a work plan is 5,000–30,000): save the plan's text alone"
    )


def test_a_document_full_of_targets_is_drafted_in_bounded_time(tmp_path: Path) -> None:
    sentences = "".join(f"指标{n}达到{n + 1}亿元,增长{n % 90}%。\n" for n in range(6_000))
    text = "2018年工作要点\n" + sentences
    assert len(text) < 200_000
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    code, out, err, took = _run("draft", "d.txt", cwd=tmp_path)
    assert code == 0, err
    assert took < 20, took
    assert "指标5999" in out


def test_thousands_of_one_target_under_other_names_are_drafted_in_bounded_time(
    tmp_path: Path,
) -> None:
    """Each target is compared with the indicators that hold the same target, for a repeat
    said in other words: at most 64 of them, or 8,000 such names would take minutes."""
    import random

    pick = random.Random(1).choice
    letters = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    names = ["".join(pick(letters) for _ in range(6)) for _ in range(8_000)]
    text = "2018年工作要点\n" + "".join(f"{n}达到20亿元。\n" for n in names)
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    code, _, err, took = _run("draft", "d.txt", cwd=tmp_path)
    assert code == 0, err
    assert took < 30, took


def test_names_of_100000_characters_make_charts_of_a_readable_size(tmp_path: Path) -> None:
    """A chart's size follows its labels: a name of 100,000 characters took 143 s and 11 GB
    before its charts cut plan text to 60 characters (exit 3, MemoryError)."""
    long = "长" * 100_000
    (tmp_path / "plan.yaml").write_text(
        f"""id: t
title: "{long}"
year: 2018
parks:
  - {{id: p1, name: "{long}"}}
indicators:
  - {{id: a, name: "{long}", unit: 家, targets: [{{at_least: 10 家, park: p1}}]}}
""",
        encoding="utf-8",
    )
    (tmp_path / "f.csv").write_text(
        "indicator,park,period,value,unit\na,p1,2018,12,家\n", encoding="utf-8"
    )
    code, _, err, took = _run(
        "check", "plan.yaml", "-d", "f.csv", "--charts", "charts", "-o", "r.html", cwd=tmp_path
    )
    assert code == 0, err
    assert took < 30, took
    pngs = sorted(p.name for p in (tmp_path / "charts").glob("*.png"))
    assert pngs == ["completion.png", "parks.png"]
    assert all(p.stat().st_size < 1_000_000 for p in (tmp_path / "charts").iterdir())
    assert long in (tmp_path / "r.html").read_text(encoding="utf-8")  # the table has it whole


def test_a_plan_of_3000_indicators_leaves_its_charts_out(tmp_path: Path) -> None:
    """3,000 bars or grid rows are no chart anyone reads; drawing them took over 5 minutes and
    14 GB. The charts are left out (the table has every row)."""
    parks = "".join(f"  - {{id: p{i}, name: 园区{i}}}\n" for i in range(40))
    target = "[{at_least: 10 家, park: p%d}]"
    indicators = "".join(
        f"  - {{id: i{i}, name: 指标{i}, unit: 家, targets: {target % (i % 40)}}}\n"
        for i in range(3_000)
    )
    plan = f"id: t\ntitle: T\nyear: 2018\nparks:\n{parks}indicators:\n{indicators}"
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    rows = "".join(f"i{i},p{i % 40},2018,{i % 20},家\n" for i in range(3_000))
    (tmp_path / "f.csv").write_text("indicator,park,period,value,unit\n" + rows, encoding="utf-8")
    code, _, err, took = _run("check", "plan.yaml", "-d", "f.csv", "--charts", "c", cwd=tmp_path)
    assert code == 1, err
    assert took < 60, took
    assert list((tmp_path / "c").iterdir()) == []
