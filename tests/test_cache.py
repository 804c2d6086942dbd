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
