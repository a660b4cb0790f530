"""One OpenMP thread pool per server: the engine's.

torch runs its CPU kernels on OpenMP (libgomp). Between two parallel regions libgomp keeps its workers
spinning, so the hundreds of small regions of a decode step follow each other without a wake-up; but it
spins only while it manages no more threads than the machine has CPUs. Every thread that starts a parallel
region gets a pool of its own, so one stray torch op on a request thread (a mask of the vocabulary, say)
adds a pool, and from then on every worker of the engine's pool sleeps between regions: one stream through
the server decoded at 0.6x the Generator's speed on two cores (issue 12; docs/serving.md).

The server's other threads (the event loop, the filters' worker threads) therefore run their torch ops on
one thread, which starts no pool. The engine's thread, and the thread that loads the model (its pool goes
when it ends), keep torch's thread count.
"""

from __future__ import annotations

import ctypes
import logging

import torch

log = logging.getLogger("codellama.server")


def serial_torch_in_this_thread() -> bool:
    """From now on, torch ops started on the calling thread run on it alone (OpenMP's per-thread
    `omp_set_num_threads(1)`); other threads keep their count. False where no OpenMP runtime is found."""
    torch.get_num_threads()  # torch sets each thread's count the first time it asks; let it do so first
    try:
        set_threads = ctypes.CDLL(None).omp_set_num_threads
    except (AttributeError, OSError):
        log.debug("no OpenMP runtime in the process: nothing to set")
        return False
    set_threads.argtypes = [ctypes.c_int]
    set_threads(1)
    return True
