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
  prefix, in Chinese: the messages' language by default (no --lang, a locale that is not
  English). ``NAME.expected.en`` holds the same lines in English, as the case prints them with
  ``--lang en``. Each names FILE:LINE(:COL), says what is wrong and how to fix it. Every case
  is run in both languages; the locale's part (LANG=en_US.UTF-8 gives English, zh_CN.UTF-8,
  C or none Chinese) is tested on a few cases at the end.

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

``ZONEKPI_UPDATE_BAD=1 python -m pytest tests/test_bad_inputs.py`` writes the lines each case
prints into its NAME.expected and NAME.expected.en (after a change of wording on purpose): read
the diff (`git diff tests/bad`) before committing it.

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
EXPECTED = (".expected", ".expected.en")  # the lines in Chinese (the default), in English
LANGS = ("zh", "en")
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
        if p.is_file() and p.name != "_plan.yaml" and not p.name.endswith(EXPECTED)
    )


BAD_CASES = cases(BAD)
ACCEPTED_CASES = cases(ACCEPTED)


def expected_path(path: Path, lang: str = "zh") -> Path:
    return path.with_name(stem(path) + (".expected" if lang == "zh" else ".expected.en"))


def expected_lines(path: Path, lang: str = "zh") -> list[str]:
    text = expected_path(path, lang).read_text(encoding="utf-8")
    return [PREFIX + line for line in text.splitlines() if line]


def command(path: Path, verb: str = "validate", lang: str = "zh") -> list[str]:
    asked = ["--lang", "en"] if lang == "en" else []
    if path.name.endswith(".progress.csv"):  # a task ledger's progress file, against _plan.yaml
        progress = ["--progress", rel(path)]
        return ["tasks", SHARED_PLAN, "--as-of", "2018-07-01", *progress, *asked]
    if is_figure_file(path):
        return ["check", SHARED_PLAN, "--data", rel(path), *asked]
    return [verb, rel(path), *asked]


def marks(path: Path) -> list[pytest.MarkDecorator]:
    reason = KNOWN_DEFECTS.get(case_name(path))
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


def bad_params() -> list[object]:
    out: list[object] = []
    for path in BAD_CASES:
        verbs = ["check"] if is_figure_file(path) else ["validate", "check"]
        for verb in verbs:
            for lang in LANGS:
                name = f"{case_name(path)}-{verb}-{lang}"
                out.append(pytest.param(path, verb, lang, id=name, marks=marks(path)))
    return out


def accepted_params() -> list[object]:
    return [
        pytest.param(p, lang, id=f"{case_name(p)}-{lang}", marks=marks(p))
        for p in ACCEPTED_CASES
        for lang in LANGS
    ]


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):  # the default: Chinese messages
        monkeypatch.delenv(name, raising=False)


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
        for lang in LANGS:
            lines = expected_lines(path, lang)
            assert lines, f"{path.name}: an invalid case prints at least one line"
            assert lines[0].startswith(f"{PREFIX}{rel(path)}:"), lines[0]
        assert len(expected_lines(path)) == len(expected_lines(path, "en")), path.name
    for path in ACCEPTED_CASES:
        for lang in LANGS:
            assert expected_path(path, lang).exists(), f"{path.name}: no {lang} lines"
    for folder in (BAD, ACCEPTED):
        stems = {stem(p) for p in cases(folder)}
        assert len(stems) == len(cases(folder)), "two cases share a name"
        for suffix in EXPECTED:
            for expected in (ROOT / folder).glob("*" + suffix):
                name = expected.name.removesuffix(suffix)
                assert name in stems, f"{expected.name} has no case beside it"


# Lines worded by view/labels.py (a Note of the core), which says them in both languages at
# once until it words them in the messages' language: the same line in both files.
WORDED_BY_LABELS = {"csv-header-only.csv", "csv-months-checked-as-year.csv", "csv-wrong-year.csv"}


def test_the_chinese_lines_are_chinese() -> None:
    """Every Chinese line says in Chinese what is wrong (names and values may be English)."""
    for path in BAD_CASES:
        for zh, en in zip(expected_lines(path), expected_lines(path, "en"), strict=True):
            assert zh != en or path.name in WORDED_BY_LABELS, path.name
            said = zh.split(": ", 2)[-1]
            assert any("\u4e00" <= c <= "\u9fff" for c in said), zh


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


UPDATE = os.environ.get("ZONEKPI_UPDATE_BAD", "") not in ("", "0")


def update(path: Path, lang: str, stderr: str) -> None:
    """Write what a case printed as its expected lines (ZONEKPI_UPDATE_BAD)."""
    lines = [line.removeprefix(PREFIX) for line in stderr.splitlines()]
    expected_path(path, lang).write_text("".join(f"{line}\n" for line in lines), "utf-8")


@pytest.mark.parametrize(("path", "verb", "lang"), bad_params())
def test_bad_input(path: Path, verb: str, lang: str) -> None:
    result = run(command(path, verb, lang))
    if UPDATE:
        update(path, lang, result.stderr)
    assert_invalid(result, expected_lines(path, lang))


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


@pytest.mark.parametrize(("path", "lang"), accepted_params())
def test_accepted_input(path: Path, lang: str) -> None:
    result = run(command(path, "check", lang))
    if UPDATE:
        update(path, lang, result.stderr)
    assert_no_traceback(result)
    assert result.exit_code in (0, 1), result.stderr
    assert result.stderr.splitlines() == expected_lines(path, lang)
    assert result.stdout


# ------------------------------------------------------------- the locale's language

LOCALE_CASES = ("csv-decimal-comma.csv", "yaml-dup-key.yaml", "enc-nbsp-in-key.yaml")


@pytest.mark.parametrize("name", LOCALE_CASES)
@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "C"}, "zh"),
        ({}, "zh"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
    ],
    ids=["LANG-en", "LANG-zh", "LANG-C", "unset", "LC_ALL-en", "LC_MESSAGES-zh"],
)
def test_the_locale_chooses_the_language_without_lang(
    name: str, environ: dict[str, str], lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    path = ROOT / BAD / name
    verb = "check" if is_figure_file(path) else "validate"
    assert_invalid(run(command(path, verb)), expected_lines(path, lang))


@pytest.mark.parametrize("given", ["zh", "en"])
def test_lang_wins_over_the_locale(given: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8" if given == "en" else "en_US.UTF-8")
    path = ROOT / BAD / "csv-decimal-comma.csv"
    result = run(["check", SHARED_PLAN, "--data", rel(path), "--lang", given])
    assert_invalid(result, expected_lines(path, given))


def test_a_usage_error_before_the_command_runs_is_in_the_language_asked() -> None:
    """click refuses --format xlsx before the command sets the language: --lang still counts."""
    zh = run(["check", SHARED_PLAN, "--format", "nonsense"])
    en = run(["check", SHARED_PLAN, "--format", "nonsense", "--lang", "en"])
    assert zh.exit_code == en.exit_code == 2
    assert "的值无效" in zh.stderr
    assert en.stderr.startswith("zonekpi: Invalid value for '--format' / '-f': 'nonsense'")


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
    (warning,) = run(["check", path, "--lang", "en"]).stderr.splitlines()
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
    assert_invalid(run(["validate", str(path), "--lang", "en"]), [f"{PREFIX}{path}: {TOO_BIG}"])


def test_a_figure_file_over_64_mb(tmp_path: Path) -> None:
    path = sparse(tmp_path / "huge.csv", HUGE)
    result = run(["check", SHARED_PLAN, "--data", str(path), "--lang", "en"])
    assert_invalid(result, [f"{PREFIX}{path}: {TOO_BIG}"])


def test_fifty_thousand_nested_brackets(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    line = f"{PREFIX}{path}:1:65: nesting deeper than 64 levels; a plan is never this deep"
    assert_invalid(run(["validate", str(path), "--lang", "en"]), [line])


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
    assert_invalid(run(["validate", str(path), "--lang", "en"]), [line])
