"""The example-file tier (as check-jsonschema's tests/example-files).

Every plan under tests/examples/valid/ passes `zonekpi validate` (exit 0). Every plan under
tests/examples/invalid/ fails with exit code 2 and exactly one message line on stderr, the line
stored in the sibling NAME.expected (without the "zonekpi: " prefix, the path as the test runs
it, relative to the repository root), and never a traceback. A valid plan may have a
NAME.expected too: the note lines it must print on stderr.

Inputs that cannot sensibly be committed (a missing file, a directory, binary data, 50,000
nested brackets) are generated in tmp_path.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from zonekpi.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path("tests") / "examples"
VALID = sorted((ROOT / EXAMPLES / "valid").glob("*.yaml"))
INVALID = sorted((ROOT / EXAMPLES / "invalid").glob("*.yaml"))
PREFIX = "zonekpi: "

# Cases whose current output is wrong: the .expected file holds the right line.
KNOWN_DEFECTS: dict[str, str] = {}


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def expected_lines(path: Path) -> list[str]:
    expected = path.with_suffix(".expected")
    if not expected.exists():
        return []
    return [PREFIX + line for line in expected.read_text(encoding="utf-8").splitlines() if line]


def run(args: list[str]) -> Result:
    return CliRunner().invoke(cli, args, prog_name="zonekpi")


def assert_no_traceback(result: Result) -> None:
    assert "Traceback" not in result.stdout
    assert "Traceback" not in result.stderr
    # CliRunner catches exceptions: only a clean exit is allowed.
    assert result.exc_info is None or result.exc_info[0] is SystemExit, result.exc_info


def assert_invalid(result: Result, lines: list[str]) -> None:
    assert_no_traceback(result)
    assert result.stderr.splitlines() == lines
    assert result.stdout == ""
    assert result.exit_code == 2


def params(paths: list[Path]) -> list[object]:
    out: list[object] = []
    for path in paths:
        reason = KNOWN_DEFECTS.get(path.name)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(path, id=path.stem, marks=marks))
    return out


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


# -------------------------------------------------------------------------- the folders


def test_the_folders_hold_the_cases() -> None:
    names = {p.stem for p in INVALID}
    required = {
        "empty",
        "syntax",
        "tab-indent",
        "dup-key",
        "top-level-list",
        "alias-bomb",
        "deep-nesting",
        "fullwidth-colon",
        "unknown-key",
        "missing-key",
        "no-unit",
        "unknown-unit",
        "wrong-dimension",
        "growth-not-percent",
        "unknown-indicator",
        "unknown-park",
        "duplicate-figures",
        "missing-csv",
        "bad-csv-value",
    }
    assert required <= names
    assert {"minimal", "utf8-bom", "gbk"} <= {p.stem for p in VALID}


def test_every_invalid_example_has_its_expected_line() -> None:
    for path in INVALID:
        lines = expected_lines(path)
        assert len(lines) == 1, f"{path.name}: one expected line, got {lines}"
        assert lines[0].startswith(f"{PREFIX}tests/examples/invalid/"), lines[0]
    stems = {p.stem for p in INVALID} | {p.stem for p in VALID}
    for expected in (ROOT / EXAMPLES).glob("*/*.expected"):
        assert expected.stem in stems, f"{expected.name} has no plan beside it"


def test_the_encoded_examples_are_what_they_claim() -> None:
    bom = (ROOT / EXAMPLES / "valid" / "utf8-bom.yaml").read_bytes()
    assert bom.startswith(codecs.BOM_UTF8)
    gbk = (ROOT / EXAMPLES / "valid" / "gbk.yaml").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        gbk.decode("utf-8")
    assert "高新技术企业" in gbk.decode("gbk")


# ---------------------------------------------------------------------------- valid plans


@pytest.mark.parametrize("path", params(VALID))
def test_valid_example(path: Path) -> None:
    result = run(["validate", rel(path)])
    assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"{rel(path)}: 有效 (")
    assert result.stderr.splitlines() == expected_lines(path)


def test_the_gbk_note_names_gb18030_and_how_to_convert() -> None:
    result = run(["validate", "tests/examples/valid/gbk.yaml"])
    assert result.exit_code == 0
    (note,) = result.stderr.splitlines()
    assert note.startswith(f"{PREFIX}tests/examples/valid/gbk.yaml: ")
    assert "GB18030" in note
    assert "UTF-8" in note


def test_all_valid_examples_at_once() -> None:
    result = run(["validate", *(rel(p) for p in VALID)])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == len(VALID)


# -------------------------------------------------------------------------- invalid plans


@pytest.mark.parametrize("command", ["validate", "check"])
@pytest.mark.parametrize("path", params(INVALID))
def test_invalid_example(path: Path, command: str) -> None:
    assert_invalid(run([command, rel(path)]), expected_lines(path))


def test_all_invalid_examples_at_once_report_every_problem() -> None:
    result = run(["validate", *(rel(p) for p in INVALID)])
    assert_no_traceback(result)
    assert result.exit_code == 2
    got = result.stderr.splitlines()
    assert len(got) == len(INVALID)
    for path in INVALID:
        if path.name not in KNOWN_DEFECTS:
            assert expected_lines(path)[0] in got


def test_a_valid_plan_beside_an_invalid_one_still_exits_2() -> None:
    ok = "tests/examples/valid/minimal.yaml"
    bad = "tests/examples/invalid/dup-key.yaml"
    result = run(["validate", ok, bad])
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{ok}: 有效 (")
    assert result.stderr.splitlines() == expected_lines(ROOT / bad)


# ------------------------------------------------------------------ generated bad inputs


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.yaml"
    assert_invalid(run(["validate", str(path)]), [f"{PREFIX}{path}: no such file"])


def test_a_directory(tmp_path: Path) -> None:
    result = run(["validate", str(tmp_path)])
    assert_invalid(result, [f"{PREFIX}{tmp_path}: is a directory; give a plan file (.yaml)"])


@pytest.mark.parametrize(
    "raw",
    [
        b"\x00" * 64,
        b"id: demo\x00\ntitle: x\n",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",  # an .xlsx
    ],
    ids=["zeros", "nul-in-text", "elf", "xlsx"],
)
def test_binary_data(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(raw)
    message = "is not a text file (it contains NUL bytes); a plan is YAML text saved as UTF-8"
    assert_invalid(run(["validate", str(path)]), [f"{PREFIX}{path}: {message}"])


def test_fifty_thousand_nested_brackets(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    result = run(["validate", str(path)])
    line = f"{PREFIX}{path}:1:65: nesting deeper than 64 levels; a plan is never this deep"
    assert_invalid(result, [line])


def test_fifty_thousand_nested_brackets_inside_a_plan(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    minimal = (ROOT / EXAMPLES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    path.write_text(minimal + "data: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    result = run(["validate", str(path)])
    lines = len(minimal.splitlines()) + 1
    # The top-level mapping is level 1, so the 64th bracket (after "data: ") is level 65.
    line = f"{PREFIX}{path}:{lines}:70: nesting deeper than 64 levels; a plan is never this deep"
    assert_invalid(result, [line])


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_plan_with_bom_is_valid(tmp_path: Path, encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF16_BE
    text = (ROOT / EXAMPLES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_bytes(bom + text.encode(encoding))
    result = run(["validate", str(path)])
    assert_no_traceback(result)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{path}: 有效 (3个指标, 3个目标, 3个数据)")


def test_data_option_naming_a_missing_csv(tmp_path: Path) -> None:
    csv = tmp_path / "figures.csv"
    result = run(["check", "tests/examples/valid/minimal.yaml", "--data", str(csv)])
    assert_invalid(result, [f"{PREFIX}{csv}: no such file"])


def test_data_option_with_a_bad_value(tmp_path: Path) -> None:
    csv = tmp_path / "figures.csv"
    rows = [
        "indicator,park,period,value,unit",
        "high-tech-firms,,2018,96,家",
        "revenue,,2018,2 200,亿元",
    ]
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run(["validate", "tests/examples/valid/minimal.yaml", "--data", str(csv)])
    message = "value of 'revenue': '2 200 亿元': write numbers without spaces inside them"
    assert_invalid(result, [f"{PREFIX}{csv}:3: {message} (2200, not 2 200)"])


def test_data_option_with_a_unit_of_the_wrong_kind(tmp_path: Path) -> None:
    csv = tmp_path / "figures.csv"
    csv.write_text(
        "indicator,park,period,value,unit\nhigh-tech-firms,,2018,96,个\n", encoding="utf-8"
    )
    result = run(["validate", "tests/examples/valid/minimal.yaml", "--data", str(csv)])
    message = "value of 'high-tech-firms': unit 个 cannot be converted to 家"
    assert_invalid(result, [f"{PREFIX}{csv}:2: {message} (different kinds of quantity)"])
