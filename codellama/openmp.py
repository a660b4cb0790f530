"""How torch's OpenMP workers wait between parallel regions: chosen per command, before torch loads.

torch runs its CPU kernels (and inductor's compiled ones) on OpenMP. After each parallel region libgomp, the
runtime of torch's Linux wheels, keeps its workers spinning (300,000 rounds by default) for the next region. On a
quiet machine that spares a wake-up per region; when other programs keep the cores busy (a build, an editor's
indexer, a second model), a spinning worker burns the time slice that its sibling, still inside the region, needs,
and a decode step of hundreds of regions waits on the scheduler at every one of them.

Measured on two cores (`benchmarks/busy_machine.py --compile`, docs/serving.md): with two busy processes beside
it, a compiled decode step of the default model took 105 ms spinning and 41 ms with the workers sleeping at once
(`OMP_WAIT_POLICY=PASSIVE`; llama.cpp, the peer, 58 ms); on a quiet machine sleeping cost 11% (25.3 against
22.8 ms), and eager steps, with more regions and Python between them, lost more (25-60%).

So `codellama serve`, which runs for hours beside whatever else the machine does, sleeps at once; the one-shot
commands keep libgomp's spinning, which is fastest on a quiet machine. The runtime reads its settings once, when it
loads with torch, so the choice is made before any command imports torch. A user's own setting is kept.
"""

from __future__ import annotations

import os
import sys

LONG_RUNNING_COMMANDS = {"serve": {"OMP_WAIT_POLICY": "PASSIVE"}}
# OMP_WAIT_POLICY is the standard variable; GOMP_SPINCOUNT libgomp's; KMP_BLOCKTIME LLVM's libomp (torch on macOS)
USER_CHOICES = ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT", "KMP_BLOCKTIME")


def choose_wait_policy(command: str, environ: os._Environ | dict = os.environ) -> dict[str, str]:
    """Set the wait policy for `command` unless the user chose one, or torch (and its OpenMP runtime, which has
    read the environment already) is loaded. Returns what was set."""
    settings = LONG_RUNNING_COMMANDS.get(command, {})
    if not settings or "torch" in sys.modules or any(name in environ for name in USER_CHOICES):
        return {}
    environ.update(settings)
    return dict(settings)
