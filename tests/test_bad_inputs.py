"""The bad-input catalogue: malformed plans and figure files, each with the message it must give.

Layout of tests/bad/ (every command runs from the repository root, paths relative to it):

- ``NAME.yaml`` is a plan case, run as ``zonekpi validate tests/bad/NAME.yaml`` and as
  ``zonekpi check tests/bad/NAME.yaml``.
- ``NAME.csv``, ``NAME.tsv`` or ``NAME.figures.yaml`` (with no ``NAME.yaml`` beside it) is a
  figure-file case, run as ``zonekpi check tests/bad/_plan.yaml --data tests/bad/NAME.csv``.
  ``_plan.yaml`` is one small valid plan (gdp in 亿元, firms in 家, rd-share in %; parks gxq
  and jkq) that every figure case shares; it is not a case itself.
- ``NAME.progress.csv`` is a progress-file case of the task ledger, run as ``zonekpi tasks
  tests/bad/_plan.yaml --as-of 2018-07-01 --progress tests/bad/NAME.progress.csv`` (the
  shared plan's ``tasks:``).
- ``NAME.expected`` holds the exact lines the case prints on stderr, without the "zonekpi: "
  prefix. Each names FILE:LINE(:COL), says what is wrong and how to fix it.

Every case directly in tests/bad/ is invalid input: exit code 2, exactly the expected lines on
stderr, nothing on stdout, never a traceback.

``tests/bad/accepted/`` holds inputs that look bad but are accepted by design (a UTF-8 BOM; GBK,
read with a note; full-width digits and signs, read through NFKC; allocation shares that do not
add up to the zone's target, a warning, because published plans do that; a growth target with no
base, which is 无数据 rather than invalid; YAML 1.1 words such as no/yes/1:20 that stay words).
A plan there is run with ``zonekpi check``, a figure file as above; it exits 0 or 1 (never 2),
prints exactly the expected lines (notes, warnings, or none) and never a traceback.

Binary and oddly encoded inputs (GBK, UTF-16, BOM, NBSP, U+3000, NUL) are committed as they are;
inputs too big to commit (a file over 64 MB, 50,000 nested brackets) are generated in tmp_path by
the tests at the end of this file.

KNOWN_DEFECTS lists the cases whose current output is not yet the expected one: the .expected
file holds the right line, and the case is a strict xfail until zonekpi is fixed.
"""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from .test_examples import assert_invalid, assert_no_traceback, rel, run

ROOT = Path(__file__).resolve().parent.parent
BAD = Path("tests") / "bad"
ACCEPTED = BAD / "accepted"
SHARED_PLAN = (BAD / "_plan.yaml").as_posix()
PREFIX = "zonekpi: "
FIGURE_SUFFIXES = (".figures.yaml", ".csv", ".tsv")
CASE_SUFFIXES = (*FIGURE_SUFFIXES, ".yaml")

# Cases whose current output is wrong; the .expected file holds the line zonekpi should print.
KNOWN_DEFECTS: dict[str, str] = {}


def case_name(path: Path) -> str:
    """The case's path inside tests/bad/ (`yaml-dup-key.yaml`, `accepted/gbk.yaml`)."""
    return path.relative_to(ROOT / BAD).as_posix()


def stem(path: Path) -> str:
    for suffix in CASE_SUFFIXES:
        if path.name.endswith(suffix):
            return path.name[: -len(suffix)]
    raise AssertionError(f"{path.name} is neither a plan nor a figure file")


def is_figure_file(path: Path) -> bool:
    return path.name.endswith(FIGURE_SUFFIXES)


def cases(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in (ROOT / folder).iterdir()
        if p.is_file() and p.name != "_plan.yaml" and p.suffix != ".expected"
    )


BAD_CASES = cases(BAD)
ACCEPTED_CASES = cases(ACCEPTED)


def expected_path(path: Path) -> Path:
    return path.with_name(stem(path) + ".expected")


def expected_lines(path: Path) -> list[str]:
    text = expected_path(path).read_text(encoding="utf-8")
    return [PREFIX + line for line in text.splitlines() if line]


def command(path: Path, verb: str = "validate") -> list[str]:
    if path.name.endswith(".progress.csv"):  # a task ledger's progress file, against _plan.yaml
        return ["tasks", SHARED_PLAN, "--as-of", "2018-07-01", "--progress", rel(path)]
    if is_figure_file(path):
        return ["check", SHARED_PLAN, "--data", rel(path)]
    return [verb, rel(path)]


def marks(path: Path) -> list[pytest.MarkDecorator]:
    reason = KNOWN_DEFECTS.get(case_name(path))
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


def bad_params() -> list[object]:
    out: list[object] = []
    for path in BAD_CASES:
        verbs = ["check"] if is_figure_file(path) else ["validate", "check"]
        for verb in verbs:
            out.append(pytest.param(path, verb, id=f"{case_name(path)}-{verb}", marks=marks(path)))
    return out


def accepted_params() -> list[object]:
    return [pytest.param(p, id=case_name(p), marks=marks(p)) for p in ACCEPTED_CASES]


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


# ------------------------------------------------------------------------- the catalogue


def test_the_catalogue_holds_at_least_40_invalid_cases() -> None:
    assert len(BAD_CASES) >= 40
    assert sum(is_figure_file(p) for p in BAD_CASES) >= 10
    assert sum(not is_figure_file(p) for p in BAD_CASES) >= 10


def test_the_catalogue_covers_the_issue() -> None:
    names = {case_name(p) for p in BAD_CASES}
    required = {
        # YAML: syntax, tabs, duplicate keys, 1.1 surprises, anchors, nesting
        "yaml-syntax-unclosed-flow.yaml",
        "yaml-tab-indent.yaml",
        "yaml-dup-key.yaml",
        "yaml11-yes-for-true.yaml",
        "yaml11-year-08.yaml",
        "yaml11-ratio-1-20.yaml",
        "yaml-alias-bomb.yaml",
        "yaml-alias-undefined.yaml",
        "yaml-deep-nesting.yaml",
        # encodings and look-alike characters
        "enc-utf16-no-bom.yaml",
        "enc-fullwidth-colon.yaml",
        "enc-u3000-indent.yaml",
        "enc-nbsp-indent.yaml",
        # numbers
        "num-space-in-number.yaml",
        "num-decimal-comma.yaml",
        "num-fraction.yaml",
        "num-expression.yaml",
        "num-nan.yaml",
        "csv-infinity.csv",
        # units
        "unit-unknown.yaml",
        "unit-wrong-dimension.yaml",
        "unit-increase-in-percent.yaml",
        "unit-level-in-points.yaml",
        # semantics
        "sem-unknown-indicator.yaml",
        "sem-unknown-park.yaml",
        "csv-period-month-13.csv",
        "csv-period-quarter-5.csv",
        "sem-duplicate-figures.yaml",
        "csv-duplicate-rows.csv",
    }
    assert required <= names, required - names
    accepted = {case_name(p) for p in ACCEPTED_CASES}
    assert {
        "accepted/utf8-bom.yaml",
        "accepted/gbk.yaml",
        "accepted/fullwidth-digits.yaml",
        "accepted/fullwidth-digits-figures.csv",
        "accepted/allocation-not-adding-up.yaml",
        "accepted/growth-without-base.yaml",
    } <= accepted


def test_every_case_has_its_expected_lines() -> None:
    for path in BAD_CASES:
        lines = expected_lines(path)
        assert lines, f"{path.name}: an invalid case prints at least one line"
        assert lines[0].startswith(f"{PREFIX}{rel(path)}:"), lines[0]
    for path in ACCEPTED_CASES:
        assert expected_path(path).exists(), f"{path.name}: no .expected (empty when silent)"
    for folder in (BAD, ACCEPTED):
        stems = {stem(p) for p in cases(folder)}
        assert len(stems) == len(cases(folder)), "two cases share a name"
        for expected in (ROOT / folder).glob("*.expected"):
            assert expected.stem in stems, f"{expected.name} has no case beside it"


def test_figure_cases_have_no_plan_beside_them() -> None:
    for path in BAD_CASES + ACCEPTED_CASES:
        if is_figure_file(path):
            assert not path.with_name(stem(path) + ".yaml").exists(), path.name


def test_known_defects_name_existing_cases() -> None:
    names = {case_name(p) for p in BAD_CASES + ACCEPTED_CASES}
    assert set(KNOWN_DEFECTS) <= names, set(KNOWN_DEFECTS) - names


def test_the_shared_plan_is_valid() -> None:
    result = run(["validate", SHARED_PLAN])
    assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_the_encoded_cases_are_what_they_claim() -> None:
    def raw(name: str) -> bytes:
        return (ROOT / BAD / name).read_bytes()

    assert raw("accepted/utf8-bom.yaml").startswith(codecs.BOM_UTF8)
    assert raw("accepted/utf8-bom-figures.csv").startswith(codecs.BOM_UTF8)
    assert raw("accepted/utf16-bom.yaml").startswith(codecs.BOM_UTF16_LE)
    for name, word in (("accepted/gbk.yaml", "高新技术企业"), ("accepted/gbk-figures.csv", "亿元")):
        with pytest.raises(UnicodeDecodeError):
            raw(name).decode("utf-8")
        assert word in raw(name).decode("gbk")
    utf16 = raw("enc-utf16-no-bom.yaml")
    assert not utf16.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    assert "高新技术企业" in utf16.decode("utf-16-le")
    assert b"\x00" in raw("csv-nul-byte.csv")
    with pytest.raises(UnicodeDecodeError):
        raw("enc-latin1.yaml").decode("utf-8")
    with pytest.raises(UnicodeDecodeError):
        raw("enc-mixed-utf8-gbk.yaml").decode("utf-8")
    text = {
        name: raw(name).decode("utf-8")
        for name in (
            "enc-nbsp-indent.yaml",
            "enc-nbsp-after-colon.yaml",
            "enc-nbsp-in-key.yaml",
            "enc-u3000-indent.yaml",
            "enc-u3000-after-colon.yaml",
            "enc-zero-width-in-id.yaml",
            "enc-fullwidth-year.yaml",
            "yaml-control-char.yaml",
            "yaml-tab-indent.yaml",
            "accepted/nbsp-u3000-in-values.yaml",
        )
    }
    assert "\n\u00a0\u00a0\u00a0\u00a0name:" in text["enc-nbsp-indent.yaml"]
    assert "name:\u00a0" in text["enc-nbsp-after-colon.yaml"]
    assert "unit\u00a0:" in text["enc-nbsp-in-key.yaml"]
    assert "\n\u3000\u3000name:" in text["enc-u3000-indent.yaml"]
    assert "name:\u3000" in text["enc-u3000-after-colon.yaml"]
    assert "firms\u200b," in text["enc-zero-width-in-id.yaml"]
    assert "２０１８" in text["enc-fullwidth-year.yaml"]
    assert "\x07" in text["yaml-control-char.yaml"]
    assert "\n\tname:" in text["yaml-tab-indent.yaml"]
    assert "\u00a0" in text["accepted/nbsp-u3000-in-values.yaml"]
    assert "\u3000" in text["accepted/nbsp-u3000-in-values.yaml"]
    assert b"\r\n" in raw("accepted/crlf.yaml")


# ------------------------------------------------------------------------- invalid input


@pytest.mark.parametrize(("path", "verb"), bad_params())
def test_bad_input(path: Path, verb: str) -> None:
    assert_invalid(run(command(path, verb)), expected_lines(path))


def test_all_bad_plans_at_once_report_every_problem() -> None:
    plans = [p for p in BAD_CASES if not is_figure_file(p)]
    result = run(["validate", *(rel(p) for p in plans)])
    assert_no_traceback(result)
    assert result.exit_code == 2
    assert result.stdout == ""
    got = result.stderr.splitlines()
    for path in plans:
        if case_name(path) not in KNOWN_DEFECTS:
            for line in expected_lines(path):
                assert line in got


# ------------------------------------------------------------------------ accepted input


@pytest.mark.parametrize("path", accepted_params())
def test_accepted_input(path: Path) -> None:
    result = run(command(path, "check"))
    assert_no_traceback(result)
    assert result.exit_code in (0, 1), result.stderr
    assert result.stderr.splitlines() == expected_lines(path)
    assert result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["tests/bad/accepted/fullwidth-digits.yaml"],
            {"rd-share": 8, "revenue": 1200},
        ),
        (
            [SHARED_PLAN, "--data", "tests/bad/accepted/fullwidth-digits-figures.csv"],
            {"rd-share": 8, "gdp": 1200, "firms": 96},
        ),
    ],
    ids=["plan", "csv"],
)
def test_fullwidth_numbers_are_read_as_intended(args: list[str], expected: dict[str, int]) -> None:
    """８％ is 8 (%), １，２００ is 1200, ９６ is 96: NFKC, not a guess."""
    result = run(["check", *args, "-f", "json"])
    assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    (plan,) = json.loads(result.stdout)["results"]
    actual = {f["indicator"]: f["actual"]["value"] for f in plan["findings"] if f["park"] is None}
    assert actual == expected


def test_a_growth_target_without_base_is_no_data() -> None:
    result = run(["check", "tests/bad/accepted/growth-without-base.yaml", "-f", "json"])
    assert_no_traceback(result)
    assert result.exit_code == 0
    (plan,) = json.loads(result.stdout)["results"]
    assert [(f["indicator"], f["status"]) for f in plan["findings"]] == [("revenue", "no_data")]


def test_allocation_not_adding_up_is_a_warning_not_an_error() -> None:
    path = "tests/bad/accepted/allocation-not-adding-up.yaml"
    result = run(["validate", path])
    assert_no_traceback(result)
    assert result.exit_code == 0
    (warning,) = run(["check", path]).stderr.splitlines()
    assert warning.startswith(f"{PREFIX}warning: {path}:")


# ------------------------------------------------------------------ generated bad inputs

HUGE = 64 * 1024 * 1024 + 1
TOO_BIG = f"is {HUGE:,} bytes; a plan or figure file is at most 64 MB"


def sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no room on disk."""
    path.touch()
    os.truncate(path, size)
    return path


def test_a_plan_over_64_mb(tmp_path: Path) -> None:
    path = sparse(tmp_path / "huge.yaml", HUGE)
    assert_invalid(run(["validate", str(path)]), [f"{PREFIX}{path}: {TOO_BIG}"])


def test_a_figure_file_over_64_mb(tmp_path: Path) -> None:
    path = sparse(tmp_path / "huge.csv", HUGE)
    result = run(["check", SHARED_PLAN, "--data", str(path)])
    assert_invalid(result, [f"{PREFIX}{path}: {TOO_BIG}"])


def test_fifty_thousand_nested_brackets(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    line = f"{PREFIX}{path}:1:65: nesting deeper than 64 levels; a plan is never this deep"
    assert_invalid(run(["validate", str(path)]), [line])


def test_fifty_thousand_nested_brackets_inside_a_plan(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    plan = (ROOT / SHARED_PLAN).read_text(encoding="utf-8")
    path.write_text(plan + "note: " + "{a: " * 50_000 + "}" * 50_000 + "\n", encoding="utf-8")
    lines = len(plan.splitlines()) + 1
    # The top-level mapping is level 1: the 64th brace after "note: " is level 65, at column
    # len("note: ") + 63 × len("{a: ") + 1.
    column = len("note: ") + 63 * len("{a: ") + 1
    line = (
        f"{PREFIX}{path}:{lines}:{column}: nesting deeper than 64 levels; a plan is never this deep"
    )
    assert_invalid(run(["validate", str(path)]), [line])
