"""The OpenMP wait policy a `codellama` command chooses before torch loads (codellama/openmp.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from codellama.openmp import USER_CHOICES, choose_wait_policy


def run_python(code: str, **extra: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in USER_CHOICES}
    return subprocess.run(
        [sys.executable, "-c", code], env={**environment, **extra}, capture_output=True, text=True, timeout=120
    )


def test_the_runtime_torch_loads_reads_the_servers_policy() -> None:
    done = run_python(
        "from codellama.openmp import choose_wait_policy\nprint(choose_wait_policy('serve'))\nimport torch",
        OMP_DISPLAY_ENV="VERBOSE",
    )
    assert done.returncode == 0, done.stderr
    if "OPENMP DISPLAY ENVIRONMENT" not in done.stderr:
        pytest.skip("torch's OpenMP runtime here is not libgomp (it prints no settings)")
    assert "OMP_WAIT_POLICY = 'PASSIVE'" in done.stderr
    assert "GOMP_SPINCOUNT = '0'" in done.stderr  # libgomp's workers sleep at once


def command_environment(command: list[str]) -> str:
    """OMP_WAIT_POLICY as `codellama COMMAND --help` left it (torch not loaded: arguments parse without it)."""
    code = (
        "import os, sys\nfrom codellama.cli import main\ntry:\n"
        f"    main({command + ['--help']!r})\nexcept SystemExit:\n    pass\n"
        "print(os.environ.get('OMP_WAIT_POLICY'), 'torch' in sys.modules)"
    )
    done = run_python(code)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_the_server_sleeps_between_regions_and_one_shot_commands_spin() -> None:
    assert command_environment(["serve"]) == "PASSIVE False"
    assert command_environment(["complete"]) == "None False"


@pytest.mark.parametrize("choice", USER_CHOICES)
def test_a_users_own_wait_policy_is_kept(choice: str) -> None:
    environment = {choice: "7"}
    assert choose_wait_policy("serve", environment) == {}
    assert environment == {choice: "7"}


def test_nothing_is_set_once_torch_has_loaded() -> None:
    import torch  # noqa: F401  (its runtime has read the environment: a change now would be a silent no-op)

    environment: dict[str, str] = {}
    assert choose_wait_policy("serve", environment) == {}
    assert environment == {}
