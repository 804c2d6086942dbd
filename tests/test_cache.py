"""Validation once per file content: a remembered plan skips jsonschema, an edited one does not."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from zonekpi.errors import InvalidInput
from zonekpi.read.plan import load_plan

from .conftest import HEADER, ROOT

PLAN = HEADER + "indicators: [{id: a, name: 甲, unit: 家, targets: [{at_least: 1 家}]}]\n"

PROBE = (
    "import sys; from zonekpi.read.plan import load_plan; load_plan(sys.argv[1]); "
    "print('jsonschema' in sys.modules)"
)


def _imports_jsonschema(path, cache) -> bool:
    env = {**os.environ, "ZONEKPI_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-c", PROBE, str(path)]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip() == "True"


def test_second_load_of_the_same_content_skips_jsonschema(plan_file, tmp_path):
    path = plan_file(PLAN)
    cache = tmp_path / "c"
    assert _imports_jsonschema(path, cache) is True
    assert _imports_jsonschema(path, cache) is False
    path.write_text(PLAN + "region: 改过了\n", encoding="utf-8")  # edited: validated again
    assert _imports_jsonschema(path, cache) is True


def test_cache_off_always_validates(plan_file, tmp_path):
    path = plan_file(PLAN)
    assert _imports_jsonschema(path, "off") is True
    assert _imports_jsonschema(path, "off") is True


def test_a_remembered_plan_still_gets_semantic_checks(plan_file, tmp_path, monkeypatch):
    # Schema-valid but with a unit that does not exist: the cache remembers only the schema part.
    text = PLAN.replace("unit: 家", "unit: 只猫").replace("1 家", "1 只猫")
    path = plan_file(text)
    for _ in range(2):
        with pytest.raises(InvalidInput, match="unknown unit"):
            load_plan(path)


def test_invalid_plans_are_never_remembered(plan_file):
    path = plan_file(PLAN.replace("year: 2018", "year: soon"))
    for _ in range(2):
        with pytest.raises(InvalidInput, match="year"):
            load_plan(path)


def _planted(path, cache):
    """The marker a validation of `path` would leave, in `cache`."""
    from zonekpi.read.plan import read_document
    from zonekpi.read.schema import _marker

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ZONEKPI_CACHE", str(cache))
        return _marker(read_document(path))


def test_an_empty_or_damaged_marker_is_not_trusted(plan_file, tmp_path):
    path = plan_file(PLAN)
    cache = tmp_path / "c"
    marker = _planted(path, cache)
    marker.parent.mkdir(parents=True)
    for planted in (b"", b"zonekpi valid", b"\x00" * 79):
        marker.write_bytes(planted)  # `touch`, a truncated write, garbage
        assert _imports_jsonschema(path, cache) is True  # validated again…
        assert _imports_jsonschema(path, cache) is False  # …and remembered properly


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_marker_that_is_a_folder_or_a_pipe_is_not_trusted_nor_waited_on(plan_file, tmp_path):
    path = plan_file(PLAN)
    for n, make in enumerate((os.mkdir, os.mkfifo)):
        cache = tmp_path / f"c{n}"
        marker = _planted(path, cache)
        marker.parent.mkdir(parents=True)
        make(marker)
        assert _imports_jsonschema(path, cache) is True  # validated, without waiting on it
    assert (tmp_path / "c0" / "valid" / marker.name).is_dir()  # a folder is left alone


def test_a_planted_marker_never_lets_an_invalid_plan_through(plan_file, tmp_path):
    """A marker written by hand for a plan that is not valid: the model cannot be built, so the
    plan is validated after all, its problems reported (exit 2, not a KeyError) and the marker
    removed."""
    from zonekpi.read.schema import _content

    path = plan_file("id: t\ntitle: T\nindicators: []\n")
    cache = tmp_path / "c"
    marker = _planted(path, cache)
    marker.parent.mkdir(parents=True)
    marker.write_bytes(_content(marker))
    env = {**os.environ, "ZONEKPI_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "zonekpi", "check", str(path)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert "the plan needs 'year'" in done.stderr
    assert not marker.exists()
