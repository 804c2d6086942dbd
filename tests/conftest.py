"""Shared helpers: write a small plan to a temporary file and check it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from zonekpi.core.check import check
from zonekpi.model.results import PlanResult
from zonekpi.read.plan import load_plan

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Validation results are remembered in a temporary folder, not the user's cache."""
    import os

    folder = tmp_path_factory.mktemp("cache")
    old = os.environ.get("ZONEKPI_CACHE")
    os.environ["ZONEKPI_CACHE"] = str(folder)
    yield folder
    if old is None:
        del os.environ["ZONEKPI_CACHE"]
    else:
        os.environ["ZONEKPI_CACHE"] = old


@pytest.fixture(autouse=True, scope="session")
def _english_messages():
    """Error and warning messages in English (LANG=en_US.UTF-8), whatever the locale of the
    machine running the tests: the tests read messages in English. Reports are not touched
    (they follow --lang alone: Chinese by default). The default language of messages, Chinese,
    is tested where it is asked for: tests/bad/ (each case in both languages, with LANG unset)
    and test_messages.py."""
    import os

    names = ("LC_ALL", "LC_MESSAGES", "LANG")
    old = {n: os.environ.pop(n) for n in names if n in os.environ}
    os.environ["LANG"] = "en_US.UTF-8"
    yield
    del os.environ["LANG"]
    os.environ.update(old)


@pytest.fixture(autouse=True)
def _chinese_reports_again():
    """Each test starts with the library's languages: a command run in this process (CliRunner)
    with --lang en sets the language of the run, and would leave later tests' reports in
    English."""
    from zonekpi.view import lang

    lang.use(None)
    yield
    lang.use(None)


@pytest.fixture
def plan_file(tmp_path: Path):
    """plan_file(yaml_text, name=...) -> Path of a plan written to a temporary folder."""

    def write(text: str, name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def run_check(plan_file):
    """run_check(yaml_text, **check_kwargs) -> PlanResult."""

    def run(text: str, **kwargs) -> PlanResult:
        return check(load_plan(plan_file(text)), **kwargs)

    return run


@pytest.fixture
def cli():
    """cli(*args) -> click's Result of `zonekpi ARGS` run in-process (stdout, stderr apart)."""
    from click.testing import CliRunner

    from zonekpi.cli import cli as command

    def run(*args: str):
        return CliRunner().invoke(command, list(args), prog_name="zonekpi")

    return run


HEADER = """\
id: t
title: 测试
year: 2018
"""
