"""The command line's own messages in both languages: click's usage errors (by their type, not
their English), zonekpi's usage errors, notes and warnings, a bug and a failed write.

Messages are Chinese by default and English with --lang en or an English locale (the default is
asked for here by unsetting LANG; the other tests read English). Each expected line is written
out in full, in both languages.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner, Result

from zonekpi.cli import cli

PLAN = "plans/xinxiang-2018.yaml"


@pytest.fixture(autouse=True)
def _default_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    from .conftest import ROOT

    monkeypatch.chdir(ROOT)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="zonekpi")


def both(*args: str) -> tuple[str, str]:
    """stderr of `zonekpi ARGS` in Chinese (the default) and with --lang en; each exits 2."""
    zh, en = run(*args), run(*args, "--lang", "en")
    assert zh.exit_code == en.exit_code == 2, (zh.stderr, en.stderr)
    assert zh.stdout == en.stdout == ""
    return zh.stderr, en.stderr


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ["check"],
            "缺少参数'PLANS...'(参见: zonekpi check --help)",
            "Missing argument 'PLANS...'. (see: zonekpi check --help)",
        ),
        (
            ["check", PLAN, "--bogus"],
            "没有选项--bogus(参见: zonekpi check --help)",
            "No such option: --bogus (see: zonekpi check --help)",
        ),
        (
            ["check", PLAN, "--formt", "json"],
            "没有选项--formt; 是否应为--format?(参见: zonekpi check --help)",
            "No such option: --formt Did you mean --format? (see: zonekpi check --help)",
        ),
        (
            ["check", PLAN, "-f", "xls"],
            "'--format' / '-f'的值无效: 'xls'不是'table', 'plain', 'markdown', 'csv', 'tsv', "
            "'long', 'json', 'text', 'html', 'xlsx'之一(参见: zonekpi check --help)",
            "Invalid value for '--format' / '-f': 'xls' is not one of 'table', 'plain', "
            "'markdown', 'csv', 'tsv', 'long', 'json', 'text', 'html', 'xlsx'. "
            "(see: zonekpi check --help)",
        ),
        (
            ["check", PLAN, "--year", "abc"],
            "'--year' / '-y'的值无效: 'abc'不是有效的整数(参见: zonekpi check --help)",
            "Invalid value for '--year' / '-y': 'abc' is not a valid integer. "
            "(see: zonekpi check --help)",
        ),
        (
            ["chek"],
            "没有命令'chek'(参见: zonekpi --help)",
            "No such command 'chek'. (see: zonekpi --help)",
        ),
        (
            ["compare", PLAN, PLAN, "extra"],
            "多出了参数(extra)(参见: zonekpi compare --help)",
            "Got unexpected extra argument (extra) (see: zonekpi compare --help)",
        ),
        (
            ["check", PLAN, "--charts", "README.md"],
            "'--charts'的值无效: 'README.md'是文件, 不是文件夹(参见: zonekpi check --help)",
            "Invalid value for '--charts': 'README.md' is a file, not a folder. "
            "(see: zonekpi check --help)",
        ),
    ],
    ids=["missing-argument", "no-such-option", "did-you-mean", "choice", "integer", "command",
         "extra-argument", "charts-a-file"],
)  # fmt: skip
def test_clicks_usage_errors_in_both_languages(args: list[str], zh: str, en: str) -> None:
    assert both(*args) == (f"zonekpi: {zh}\n", f"zonekpi: {en}\n")


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ["check", PLAN, "--by-park", "--park", "gxq"],
            "--by-park显示全部园区; 请去掉--park或--by-park(参见: zonekpi check --help)",
            "--by-park shows every park; leave out --park, or --by-park "
            "(see: zonekpi check --help)",
        ),
        (
            ["check", PLAN, "--period", "2018年10月"],
            "--period的值无效: '2018年10月'不是截至某月的累计期间; 目标按全年设定, 检查按1–N月累计"
            "进行: 请写2018-10(参见: zonekpi check --help)",
            "Invalid value for --period: '2018年10月' is not a year to date; targets are for the "
            "year, so the check runs on 1–N月: write 2018-10 (see: zonekpi check --help)",
        ),
        (
            ["check", PLAN, "-o", "report.csv", "-f", "json"],
            "--format json与--output report.csv不一致: .csv文件应为csv或long格式; 请去掉--format, "
            "或按json格式命名文件(参见: zonekpi check --help)",
            "--format json and --output report.csv disagree: a .csv file holds csv or long; leave "
            "out --format, or name the file for json (see: zonekpi check --help)",
        ),
        (
            ["check", PLAN, "--park", "nosuch"],
            f"{PLAN}: 没有园区'nosuch'(园区: gxq, jkq, pysfq, hqq, myq)",
            f"{PLAN}: unknown park 'nosuch' (parks: gxq, jkq, pysfq, hqq, myq)",
        ),
        (
            ["path", PLAN, "gdpp"],
            f"{PLAN}: 没有指标'gdpp'; 是否应为'gdp'?",
            f"{PLAN}: no indicator 'gdpp'; did you mean 'gdp'?",
        ),
    ],
    ids=["by-park-and-park", "period", "output-extension", "unknown-park", "unknown-indicator"],
)
def test_zonekpis_usage_errors_in_both_languages(args: list[str], zh: str, en: str) -> None:
    assert both(*args) == (f"zonekpi: {zh}\n", f"zonekpi: {en}\n")


def test_a_usage_error_follows_the_locale_without_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert (
        run("check").stderr == "zonekpi: Missing argument 'PLANS...'. (see: zonekpi check --help)\n"
    )
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert run("check").stderr == "zonekpi: 缺少参数'PLANS...'(参见: zonekpi check --help)\n"


def test_lang_after_the_error_still_counts() -> None:
    """--lang is read before click refuses the option before it."""
    result = run("check", PLAN, "--bogus", "--lang", "en")
    assert result.stderr == "zonekpi: No such option: --bogus (see: zonekpi check --help)\n"
    result = run("check", PLAN, "--lang=en", "--bogus")
    assert result.stderr == "zonekpi: No such option: --bogus (see: zonekpi check --help)\n"


def test_the_note_of_a_later_year_in_both_languages(tmp_path) -> None:
    claims = tmp_path / "claims.csv"
    claims.write_text(
        "rule,beneficiary,date,amount,unit,count,reference,note\n"
        "tech-contract-award,甲公司,2021-05-12,300 万元,,,JS-2021-001,\n",
        encoding="utf-8",
    )
    args = ["incentives", "plans/xinxiang-gxq-2020.yaml", "--data", str(claims), "--year", "2021"]
    zh, en = run(*args), run(*args, "--lang", "en")
    assert zh.exit_code == en.exit_code == 0, (zh.stderr, en.stderr)
    assert zh.stderr == "zonekpi: 注意: 2021年按2020年计划的规则兑现\n"
    assert en.stderr == "zonekpi: note: 2021 is settled under the rules of the 2020 plan\n"


def test_a_warning_is_prefixed_in_the_messages_language() -> None:
    args = ["check", "plans/jianxi-2022.yaml", "--year", "2021", "-f", "csv"]
    zh, en = run(*args), run(*args, "--lang", "en")
    assert zh.stderr.startswith("zonekpi: 警告: plans/jianxi-2022.yaml: ")
    assert en.stderr.startswith("zonekpi: warning: plans/jianxi-2022.yaml: ")


def test_a_bug_in_both_languages(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from zonekpi import plumbing
    from zonekpi.view import lang

    lang.use(None)
    plumbing.report_bug(RuntimeError("boom"))
    assert capsys.readouterr().err == (
        "zonekpi: 内部错误(RuntimeError: boom); 请连同所运行的命令一起报告\n"
    )
    lang.use("en")
    plumbing.report_bug(RuntimeError("boom"))
    assert capsys.readouterr().err == (
        "zonekpi: internal error (RuntimeError: boom); please report it with the command you ran\n"
    )
    lang.use(None)


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ["tasks", PLAN, "--as-of", "2018-06-31"],
            "--as-of '2018-06-31'不是日期; 请写成2018-06-30这样(参见: zonekpi tasks --help)",
            "--as-of '2018-06-31' is not a day; write it like 2018-06-30 "
            "(see: zonekpi tasks --help)",
        ),
        (
            ["tasks", PLAN, "--as-of", "2018-06-30", "--soon-days", "-1"],
            "--soon-days -1和--unreported-days 30: 天数, 分别不少于0和1"
            "(参见: zonekpi tasks --help)",
            "--soon-days -1 and --unreported-days 30: days, at least 0 and 1 "
            "(see: zonekpi tasks --help)",
        ),
        (
            ["path", PLAN, "gdp", "-f", "long"],
            "--format long是check专用的长表CSV; 这里请用--format csv(参见: zonekpi path --help)",
            "--format long is the tidy CSV of check; use --format csv here "
            "(see: zonekpi path --help)",
        ),
        (
            ["check", PLAN, "--excel", "-f", "json"],
            "--excel只用于--format csv、tsv或long(参见: zonekpi check --help)",
            "--excel applies to --format csv, tsv or long (see: zonekpi check --help)",
        ),
        (
            ["schema", "--report", "--tasks"],
            "--report、--incentives和--tasks只能给出其中一个(参见: zonekpi schema --help)",
            "give one of --report, --incentives or --tasks (see: zonekpi schema --help)",
        ),
        (
            ["draft", "tests/bad/draft/draft-empty.txt", "--year", "1800"],
            "--year 1800: 请给出计划年份, 如2018(参见: zonekpi draft --help)",
            "--year 1800: give the plan's year, such as 2018 (see: zonekpi draft --help)",
        ),
        (
            ["draft", "tests/bad/draft/draft-empty.txt", "-o", "README.md"],
            "--output README.md已存在; 如要替换, 请加--force(参见: zonekpi draft --help)",
            "--output README.md exists; add --force to replace it (see: zonekpi draft --help)",
        ),
        (
            ["check", PLAN, "-o", "report.docx"],
            "暂不能写.docx文件; 可用-o report.xlsx写出供Excel和WPS打开的工作簿, 或用-o report.html"
            "写出可打印的网页报告(参见: zonekpi check --help)",
            "cannot write a .docx file yet; write a workbook for Excel and WPS with -o "
            "report.xlsx, or a page to print with -o report.html (see: zonekpi check --help)",
        ),
    ],
    ids=[
        "as-of",
        "soon-days",
        "long-of-path",
        "excel",
        "schema",
        "draft-year",
        "draft-exists",
        "docx",
    ],
)
def test_the_usage_errors_of_tasks_draft_and_reports(args: list[str], zh: str, en: str) -> None:
    assert both(*args) == (f"zonekpi: {zh}\n", f"zonekpi: {en}\n")


def test_the_chart_and_plotting_messages_in_both_languages() -> None:
    from zonekpi.chartfiles import no_font
    from zonekpi.render.charts import missing
    from zonekpi.view.messages import word

    assert word(no_font(), "zh") == (
        "没有找到含中文字形的字体, 无法画PNG图表; 请安装一种后再试(Debian/Ubuntu: sudo apt "
        "install fonts-noto-cjk; Windows自带微软雅黑Microsoft YaHei)"
    )
    assert word(no_font(), "en") == (
        "no font with Chinese characters was found to draw the PNG charts; install one and try "
        "again (Debian/Ubuntu: sudo apt install fonts-noto-cjk; Windows has Microsoft YaHei)"
    )
    said = missing(ImportError("No module named 'jinja2'", name="jinja2")).message
    assert word(said, "zh") == (
        "HTML报告和图表需要jinja2, 但它没有安装: pip install 'matplotlib>=3.7' 'jinja2>=3.1'"
    )
    assert word(said, "en") == (
        "HTML reports and charts need jinja2, which is not installed: "
        "pip install 'matplotlib>=3.7' 'jinja2>=3.1'"
    )
