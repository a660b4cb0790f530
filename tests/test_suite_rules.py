"""The suite's own rule: under CI (CI=true) a skipped test fails the run, so a missing package or tool cannot
quietly switch a check off; outside CI a skip stays a skip."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
INNER = """
import pytest

def test_runs():
    pass

def test_needs_a_missing_package():
    pytest.importorskip("no_such_package_for_codellama")

@pytest.mark.xfail(strict=True, reason="a known bug")
def test_known_bug():
    assert False
"""
MODULE_SKIP = """
import pytest
pytest.importorskip("no_such_package_for_codellama")

def test_never_collected():
    pass
"""


def run_inner(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess:
    (tmp_path / "test_inner.py").write_text(INNER)
    (tmp_path / "test_module_skip.py").write_text(MODULE_SKIP)
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = str(REPO)
    if ci is not None:
        env["CI"] = ci
    command = [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "-p", "tests.support.no_skips"]
    return subprocess.run([*command, str(tmp_path)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


def test_a_skip_fails_the_run_under_ci(tmp_path):
    result = run_inner(tmp_path, "true")
    assert result.returncode == 1, result.stdout
    summary = result.stdout.strip().splitlines()[-1]
    assert "1 failed, 1 passed, 1 skipped, 1 xfailed" in summary, summary  # the module's skip fails the run too
    assert result.stdout.count("skipped under CI=true") == 2 and "test_module_skip.py" in result.stdout


def test_a_skip_stays_a_skip_outside_ci(tmp_path):
    result = run_inner(tmp_path, None)
    assert result.returncode == 0, result.stdout
    assert "1 passed, 2 skipped, 1 xfailed" in result.stdout.strip().splitlines()[-1]
    assert "SKIPPED" in result.stdout  # -rs names each one
