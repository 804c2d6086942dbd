"""`zonekpi draft` on the command line: the file types it reads, where the plan goes, the
review table, traditional characters, a second run, and the bad-input cases of tests/bad/draft/
(NAME.ext beside NAME.expected, the exact line on stderr in Chinese, the default, and
NAME.expected.en, in English with --lang en; exit 2, nothing on stdout).
``ZONEKPI_UPDATE_BAD=1`` writes the lines each case prints into both files, as
tests/test_bad_inputs.py does: read the diff before committing it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from zonekpi.draft.build import draft_text
from zonekpi.draft.document import MAX_DOCUMENT_BYTES, normalise
from zonekpi.draft.model import Item
from zonekpi.read.plan import load_plan

from .test_examples import assert_invalid, assert_no_traceback, rel, run

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "bad" / "draft"
DOC = ROOT / "bench" / "docs" / "000_1656d75d8a416ddb.txt"
SENTENCES = (
    "洛阳高新区2018年经济工作会议\n"
    "加强高新技术企业培育,年内培育高新技术企业不少于20家。"
    "建设全市科技成果转化的先行区,确保全年技术合同成交额不低于3亿元。"
    "力争高新技术企业达到95家,高新技术后备企业达到80家。\n"
)
TRADITIONAL = (
    "洛陽高新區2018年經濟工作會議\n"
    "加強高新技術企業培育,年內培育高新技術企業不少於20家。"
    "建設全市科技成果轉化的先行區,確保全年技術合同成交額不低於3億元。"
    "力爭高新技術企業達到95家,高新技術後備企業達到80家。\n"
)


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def cases() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if not p.name.endswith((".expected", ".en")))


UPDATE = os.environ.get("ZONEKPI_UPDATE_BAD", "") not in ("", "0")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", cases(), ids=lambda p: p.name)
def test_bad_documents_give_one_line_and_exit_2(
    path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):  # the default: Chinese messages
        monkeypatch.delenv(name, raising=False)
    expected = path.with_suffix(".expected" if lang == "zh" else ".expected.en")
    result = run(["draft", rel(path), *(["--lang", "en"] if lang == "en" else [])])
    if UPDATE:
        lines = [line.removeprefix("zonekpi: ") for line in result.stderr.splitlines()]
        expected.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    said = expected.read_text(encoding="utf-8").splitlines()
    assert len(said) == 1
    if lang == "zh":
        assert any("\u4e00" <= c <= "\u9fff" for c in said[0].split(": ", 1)[1]), said
    assert_invalid(result, [f"zonekpi: {line}" for line in said])


def test_a_document_over_the_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    text = "确保全年技术合同成交额不低于3亿元。" * 200_000
    big.write_bytes(text.encode()[: MAX_DOCUMENT_BYTES + 1])
    result = run(["draft", str(big)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"zonekpi: {big}: is 5,242,881 bytes; a document to draft from is at most 5 MB "
        "(save the plan's text alone)\n"
    )
    assert len(result.stderr.splitlines()) == 1


def test_the_five_documents_draft_plans_that_validate(tmp_path: Path) -> None:
    for doc in sorted((ROOT / "bench" / "docs").glob("*.txt")):
        out = tmp_path / (doc.stem + ".yaml")
        result = run(["draft", rel(doc), "-o", str(out)])
        assert result.exit_code == 0, result.stderr
        assert_no_traceback(result)
        plan = load_plan(out)
        assert plan.indicators and all(i.source for i in plan.indicators if i.targets)
        checked = run(["validate", str(out)])
        assert checked.exit_code == 0, checked.stderr


def test_stdout_without_output_and_the_same_plan_twice() -> None:
    first, second = run(["draft", rel(DOC)]), run(["draft", rel(DOC)])
    assert first.exit_code == 0 and first.stdout == second.stdout
    assert "  - id: listed-firms" in first.stdout  # a common id
    assert "{more_than: 35 家, tier: floor}" in first.stdout
    assert "# 待确认: 存量还是流量原文没说" in first.stdout


def test_output_refuses_an_existing_file_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    out.write_text("old", encoding="utf-8")
    refused = run(["draft", rel(DOC), "-o", str(out)])
    assert refused.exit_code == 2 and "exists; add --force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "old"
    forced = run(["draft", rel(DOC), "-o", str(out), "--force"])
    assert forced.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# yaml")


def test_output_never_over_the_document(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text(SENTENCES, encoding="utf-8")
    result = run(["draft", str(doc), "-o", str(doc), "--force"])
    assert result.exit_code == 2 and "one of the input files" in result.stderr
    assert doc.read_text(encoding="utf-8") == SENTENCES


def test_explain_in_chinese_and_english() -> None:
    zh = run(["draft", rel(DOC), "--explain"])
    assert zh.exit_code == 0
    assert "起草的目标 (逐句)" in zh.stdout and "有数字但未起草的句子" in zh.stdout
    assert "listed-firms 上市挂牌企业总数: > 35 家 (确保)" in zh.stdout
    assert "# yaml" not in zh.stdout  # the table only; the plan goes to -o
    en = run(["draft", rel(DOC), "--explain", "--lang", "en"])
    assert "Sentences with numbers left out" in en.stdout and "(floor)" in en.stdout


def _said(item: Item) -> tuple[object, ...]:
    return (item.target.kind, item.target.values, item.target.tier)


def test_traditional_characters_give_the_same_targets(tmp_path: Path) -> None:
    simple = draft_text(normalise(SENTENCES), 2018)
    traditional = draft_text(normalise(TRADITIONAL), 2018)
    said = [[_said(i) for i in d.items] for d in simple.indicators]
    assert said == [[_said(i) for i in d.items] for d in traditional.indicators]
    assert [d.id for d in traditional.indicators] == [d.id for d in simple.indicators]
    assert len(said) == 4


def test_html_docx_gbk_and_utf16(tmp_path: Path) -> None:
    body = SENTENCES.replace("\n", "</p><p>")
    html = tmp_path / "page.html"
    page = f"<html><head><script>var x='达到9家';</script></head><body><p>{body}</p></body></html>"
    html.write_text(page, encoding="utf-8")
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(SENTENCES.encode("gb18030"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(SENTENCES.encode("utf-16"))
    import docx

    word = docx.Document()
    for line in SENTENCES.splitlines():
        word.add_paragraph(line)
    path = tmp_path / "plan.docx"
    word.save(str(path))
    md = tmp_path / "plan.md"
    md.write_text(
        "# " + SENTENCES.replace("。", "。\n\n- ", 1).replace("力争", "**力争**"), "utf-8"
    )
    outs = []
    for source in (html, gbk, utf16, path, md):
        result = run(["draft", str(source)])
        assert result.exit_code == 0, (source, result.stderr)
        outs.append(result.stdout.split("indicators:")[1])
    assert outs[0] == outs[1] == outs[2] == outs[3] == outs[4]
    assert "9 家" not in outs[0]  # a script's text is not the page's


def test_a_hostile_document_stays_text(tmp_path: Path) -> None:
    doc = tmp_path / "hostile.txt"
    doc.write_text(
        "示例高新区2018年工作要点\n"
        "年内培育\x1b[31m高新技术企业\u2028不少于20家。\n"
        "确保\x07技术合同成交额\u0085不低于3亿元: 'x' # y。\n",
        encoding="utf-8",
    )
    out = tmp_path / "plan.yaml"
    result = run(["draft", str(doc), "-o", str(out), "--explain"])
    assert result.exit_code == 0, result.stderr
    for text in (result.stdout, out.read_text(encoding="utf-8")):
        assert not any(c in text for c in "\x1b\x07\u2028\u0085")
    plan = load_plan(out)
    assert [t.text for i in plan.indicators for t in i.targets] == ["20 家", "3 亿元"]


def test_explain_lists_the_tasks_drafted() -> None:
    """--explain has a table of the tasks: line 17 of the 洛阳 document says "…洛阳市军民融合成果
    转移中心, 确保上半年实现项目进驻", so that task is 确保, due 上半年, stated plainly."""
    result = run(["draft", str(DOC), "--explain"])
    assert_no_traceback(result)
    assert result.exit_code == 0
    tasks = result.stdout.split("起草的任务 (重点工作台账)")[1].split("有数字但未起草的句子")[0]
    line = next(x for x in tasks.splitlines() if "洛阳市军民融合成果转移中心实现项目进驻" in x)
    assert line.split()[0] == "17" and line.split()[2:5] == ["确保", "上半年", "明确"]
