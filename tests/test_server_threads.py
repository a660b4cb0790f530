"""The server leaves OpenMP to its engine: torch ops on other threads run serially, so the engine's worker pool
is the process's only one and keeps spinning between a decode step's parallel regions
(codellama/server/openmp.py; issue 12: one stream at 0.6x the Generator's speed without it)."""

from __future__ import annotations

import threading

import httpx
import pytest
import torch

from codellama.server.filters import Filters
from codellama.server.openmp import serial_torch_in_this_thread
from tests.support.server import running_server


def test_serial_torch_is_per_thread():
    before = torch.get_num_threads()
    seen: dict[str, int] = {}

    def worker():
        assert serial_torch_in_this_thread()
        seen["threads"] = torch.get_num_threads()
        seen["sum"] = int(torch.ones(1_000_000).sum())  # large enough for a parallel region: still works

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen == {"threads": 1, "sum": 1_000_000}
    assert torch.get_num_threads() == before  # the calling thread keeps its count


@pytest.mark.skipif(torch.get_num_threads() < 2, reason="needs torch with 2 or more threads")
def test_only_the_engine_thread_uses_openmp(tiny_generator):
    seen: dict[str, int] = {}

    def record(context):
        seen["filter thread"] = torch.get_num_threads()
        return []

    with running_server(tiny_generator, filters=Filters(request=[record])) as server:
        engine_threads = server.state.scheduler.run_exclusive(torch.get_num_threads).result(timeout=30)
        reply = httpx.post(server.url + "/v1/completions", json={"prompt": "def f():", "max_tokens": 2}, timeout=60)
    assert reply.status_code == 200, reply.text
    assert engine_threads == torch.get_num_threads()
    assert seen["filter thread"] == 1
