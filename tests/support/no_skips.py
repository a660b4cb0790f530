"""A pytest plugin: under CI (CI=true) a skipped test is a failed one, since a skip there hides a feature that
no longer gets checked (a missing package, browser or compiler). Loaded by tests/conftest.py; xfail is not a skip."""

from __future__ import annotations

import os

import pytest


def strict() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def _reason(longrepr) -> str:
    return longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if strict() and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, where every test must run: {_reason(report.longrepr)}"


_skipped_modules: list[str] = []


def pytest_collectreport(report):
    if strict() and report.skipped:  # a module-level skip (importorskip at import time): its tests never ran
        _skipped_modules.append(f"{report.nodeid}: {_reason(report.longrepr)}")


def pytest_terminal_summary(terminalreporter):
    for line in _skipped_modules:
        terminalreporter.write_line(f"FAILED (skipped under CI=true, where every test must run) {line}", red=True)


def pytest_sessionfinish(session):
    if _skipped_modules and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
